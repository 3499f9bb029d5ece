// Builds a segment in memory from parsed documents: analyses every clause
// (memoised per word, see analysis/pipeline.ts) and accumulates postings.

import { createHash } from 'node:crypto';
import type { UnresDocument } from '../types.js';
import { analyseText } from './analysis/pipeline.js';
import { citeKeys } from './analysis/symbols.js';
import { ALL_FIELDS, CLAUSE_FIELDS, type ClauseField, type Field, clauseKindCode } from './fields.js';
import { encodePostings } from './postings.js';
import {
  type ClauseTable,
  type SegmentData,
  type SegmentDictionary,
  type SegmentDocEntry,
  SEGMENT_FORMAT,
  SEGMENT_VERSION,
  fieldTotalsOf,
  writeClauseTable,
} from './segment.js';

const MAX_LENGTH = 0xffff;

export function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(cut + 1);
}

/** Term frequencies of an analysed text, and its length in printed words. */
function termCounts(text: string | null | undefined): { counts: Map<string, number>; length: number } {
  const counts = new Map<string, number>();
  if (!text) return { counts, length: 0 };
  let words = 0;
  let lastWord = -1;
  for (const t of analyseText(text)) {
    counts.set(t.term, (counts.get(t.term) ?? 0) + 1);
    if (t.word !== lastWord) {
      words++;
      lastWord = t.word;
    }
  }
  return { counts, length: words };
}

/** Cited-symbol terms of each clause (src/un/symbols.ts citeKeys), from the clause itself, its footnotes, or for a header citation the first clause. */
function citedTerms(doc: UnresDocument): Map<string, Set<string>> {
  const byClause = new Map<string, Set<string>>();
  const footnoteHolders = new Map<number, string[]>();
  for (const clause of doc.clauses) {
    for (const n of clause.footnotes ?? []) {
      const holders = footnoteHolders.get(n) ?? [];
      holders.push(clause.id);
      footnoteHolders.set(n, holders);
    }
  }
  for (const citation of doc.citations ?? []) {
    const terms = citeKeys(citation.symbol);
    const footnote = /^fn(\d{1,6})$/.exec(citation.clause);
    // A header line's citation ("اعتمد ... بموجب قرار الجمعية العامة رقم 61/295") is filed under the first clause, so the document is found.
    const first = doc.clauses[0]?.id;
    const clauses = footnote
      ? (footnoteHolders.get(Number(footnote[1])) ?? [])
      : citation.clause === 'header'
        ? first === undefined ? [] : [first]
        : [citation.clause];
    for (const id of clauses) {
      const set = byClause.get(id) ?? new Set<string>();
      for (const t of terms) set.add(t);
      byClause.set(id, set);
    }
  }
  return byClause;
}

export class SegmentBuilder {
  private readonly docs: SegmentDocEntry[] = [];
  private readonly docLines: Buffer[] = [];
  private docBytes = 0;
  /** Per field: term -> flat [ordinal, tf, ordinal, tf, ...], ordinals increasing. */
  private readonly postings = new Map<Field, Map<string, number[]>>(ALL_FIELDS.map((f) => [f, new Map()]));
  private readonly lengths = new Map<ClauseField, number[]>(CLAUSE_FIELDS.map((f) => [f, []]));
  private readonly kinds: number[] = [];

  get clauseCount(): number {
    return this.kinds.length;
  }

  get docCount(): number {
    return this.docs.length;
  }

  private post(field: Field, ordinal: number, counts: Map<string, number>): void {
    const table = this.postings.get(field)!;
    for (const [term, tf] of counts) {
      const list = table.get(term);
      if (list) list.push(ordinal, tf);
      else table.set(term, [ordinal, tf]);
    }
  }

  /** Adds a document; returns its ordinal in this segment. */
  add(doc: UnresDocument): number {
    const docOrdinal = this.docs.length;
    const clauseStart = this.clauseCount;
    const cited = citedTerms(doc);
    for (const clause of doc.clauses) {
      const ordinal = this.kinds.length;
      this.kinds.push(clauseKindCode(clause.kind));
      const fieldTexts: Record<Exclude<ClauseField, 'cites'>, string | null> = {
        text: clause.text,
        lead: clause.lead,
        section: clause.section,
      };
      for (const field of ['text', 'lead', 'section'] as const) {
        const { counts, length } = termCounts(fieldTexts[field]);
        this.post(field, ordinal, counts);
        this.lengths.get(field)!.push(Math.min(length, MAX_LENGTH));
      }
      const citedHere = cited.get(clause.id) ?? new Set<string>();
      this.post('cites', ordinal, new Map([...citedHere].map((t) => [t, 1])));
      this.lengths.get('cites')!.push(Math.min(citedHere.size, MAX_LENGTH));
    }
    const title = termCounts(doc.title);
    this.post('title', docOrdinal, title.counts);

    const line = Buffer.from(JSON.stringify(doc) + '\n', 'utf8');
    this.docs.push({
      id: doc.id,
      sha256: doc.source.sha256,
      source: baseName(doc.source.path),
      kind: doc.kind,
      symbol: doc.symbol,
      title: doc.title,
      clauseStart,
      clauseCount: doc.clauses.length,
      titleLength: Math.min(title.length, MAX_LENGTH),
      offset: this.docBytes,
      bytes: line.length,
      lineSha256: createHash('sha256').update(line).digest('hex'),
    });
    this.docLines.push(line);
    this.docBytes += line.length;
    return docOrdinal;
  }

  finish(): SegmentData {
    const blocks: Uint8Array[] = [];
    let offset = 0;
    const dictionary = {} as SegmentDictionary;
    for (const field of ALL_FIELDS) {
      const table = this.postings.get(field)!;
      const terms = [...table.keys()].sort();
      const offsets: number[] = [];
      for (const term of terms) {
        const flat = table.get(term)!;
        const ordinals: number[] = [];
        const tfs: number[] = [];
        for (let i = 0; i < flat.length; i += 2) {
          ordinals.push(flat[i]!);
          tfs.push(flat[i + 1]!);
        }
        const block = encodePostings(ordinals, tfs);
        offsets.push(offset);
        blocks.push(block);
        offset += block.length;
      }
      offsets.push(offset);
      dictionary[field] = { terms, offsets };
    }
    const clauseTable: ClauseTable = {
      lengths: Object.fromEntries(CLAUSE_FIELDS.map((f) => [f, Uint16Array.from(this.lengths.get(f)!)])) as Record<
        ClauseField,
        Uint16Array
      >,
      kinds: Uint8Array.from(this.kinds),
    };
    return {
      meta: {
        format: SEGMENT_FORMAT,
        version: SEGMENT_VERSION,
        clauseCount: this.clauseCount,
        docs: this.docs,
        fieldTotals: fieldTotalsOf(clauseTable, this.docs),
      },
      dictionary,
      postings: Buffer.concat(blocks),
      clauses: writeClauseTable(clauseTable, this.clauseCount),
      docs: Buffer.concat(this.docLines),
    };
  }
}
