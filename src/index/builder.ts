// Builds a segment in memory from parsed documents: takes every clause's
// analysed terms (analysed.ts: from the parse workers, or analysed here,
// memoised per word, see search/analysis/pipeline.ts), accumulates postings
// with positions, and encodes the segment's files (format/). A segment is cut
// every few tens of thousands of clauses, so this stays small.

import { citeKeys } from '../search/analysis/symbols.js';
import { ALL_FIELDS, CLAUSE_FIELDS, type ClauseField, type Field, clauseKindCode, referenceTerms } from '../search/fields.js';
import type { UnresDocument } from '../types.js';
import { ANALYSED_CLAUSE_FIELDS, type AnalysedDocument, analyseDocument } from './analysed.js';
import { ChunkedWriter, MemorySink } from './format/chunked.js';
import { DocTableWriter } from './format/docs.js';
import { SEGMENT_FILES, type SegmentFileKey } from './format/files.js';
import { type SegmentHeader, encodeHeader } from './format/header.js';
import { type ClauseNorms, writeNorms } from './format/norms.js';
import { PostingsListWriter } from './format/postings.js';
import { compressDocument, writeStored } from './format/stored.js';
import { type FieldTermsInfo, TermsWriter } from './format/terms.js';
import { baseName } from '../files.js';

const MAX_LENGTH = 0xffff;

/** A segment's files, encoded. */
export interface SegmentData {
  header: SegmentHeader;
  files: Record<SegmentFileKey, Uint8Array>;
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


/** What a parse worker already did for a document (parse-pool.ts): its JSON compressed, its text analysed. */
export interface PreparedDocument {
  compressed?: Uint8Array | undefined;
  analysed?: AnalysedDocument | undefined;
}

const prepared = new WeakMap<UnresDocument, PreparedDocument>();

/** Records the work a worker did for a document not to be changed before it is indexed. */
export function withPrepared(doc: UnresDocument, work: PreparedDocument): UnresDocument {
  if (work.compressed || work.analysed) prepared.set(doc, work);
  return doc;
}

export class SegmentBuilder {
  private readonly table = new DocTableWriter();
  private readonly storedSink = new MemorySink();
  private readonly stored = new ChunkedWriter(this.storedSink);
  /** Per field: term -> flat [ordinal, tf, position × tf, ...], ordinals increasing. */
  private readonly postings = new Map<Field, Map<string, number[]>>(ALL_FIELDS.map((f) => [f, new Map()]));
  private readonly lengths = new Map<ClauseField, number[]>(CLAUSE_FIELDS.map((f) => [f, []]));
  private readonly kinds: number[] = [];
  private readonly titleLengths: number[] = [];
  private readonly totals = Object.fromEntries(ALL_FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  /** Bytes held (approximately): the caller cuts a segment before memory grows. */
  heldBytes = 0;

  get clauseCount(): number {
    return this.kinds.length;
  }

  get docCount(): number {
    return this.table.count;
  }

  /** Files one text's terms (from `data` at `at`, see analysed.ts) under `ordinal`; returns where the next text starts. */
  private postAnalysed(field: Field, ordinal: number, analysed: AnalysedDocument, at: number): number {
    const table = this.postings.get(field)!;
    const { data, terms } = analysed;
    const count = data[at + 1]!;
    at += 2;
    for (let k = 0; k < count; k++) {
      const term = terms[data[at]!]!;
      const tf = data[at + 1]!;
      let list = table.get(term);
      if (!list) table.set(term, (list = []));
      list.push(ordinal, tf);
      for (let p = at + 2; p < at + 2 + tf; p++) list.push(data[p]!);
      this.heldBytes += 8 * (2 + tf);
      at += 2 + tf;
    }
    return at;
  }

  private post(field: Field, ordinal: number, terms: Iterable<string>): void {
    const table = this.postings.get(field)!;
    for (const term of terms) {
      let list = table.get(term);
      if (!list) table.set(term, (list = []));
      list.push(ordinal, 1, 0);
      this.heldBytes += 24;
    }
  }

  /**
   * Adds a document; returns its ordinal in this segment. What a parse worker
   * already did for it (withPrepared) is used, not done again.
   */
  add(doc: UnresDocument): number {
    const docOrdinal = this.table.count;
    const work = prepared.get(doc);
    const analysed = work?.analysed ?? analyseDocument(doc);
    const cited = citedTerms(doc);
    const sums = CLAUSE_FIELDS.map(() => 0);
    let at = 0;
    for (const clause of doc.clauses) {
      const ordinal = this.kinds.length;
      this.kinds.push(clauseKindCode(clause.kind));
      for (const field of ANALYSED_CLAUSE_FIELDS) {
        const capped = Math.min(analysed.data[at]!, MAX_LENGTH);
        at = this.postAnalysed(field, ordinal, analysed, at);
        this.lengths.get(field)!.push(capped);
        sums[CLAUSE_FIELDS.indexOf(field)]! += capped;
      }
      const refs = referenceTerms(clause);
      this.post('ref', ordinal, new Set(refs));
      const refLength = Math.min(refs.length, MAX_LENGTH);
      this.lengths.get('ref')!.push(refLength);
      sums[CLAUSE_FIELDS.indexOf('ref')]! += refLength;
      const citedHere = cited.get(clause.id) ?? new Set<string>();
      this.post('cites', ordinal, citedHere);
      const citesLength = Math.min(citedHere.size, MAX_LENGTH);
      this.lengths.get('cites')!.push(citesLength);
      sums[CLAUSE_FIELDS.indexOf('cites')]! += citesLength;
    }
    const titleLength = Math.min(analysed.data[at]!, MAX_LENGTH);
    this.postAnalysed('title', docOrdinal, analysed, at);
    this.titleLengths.push(titleLength);
    CLAUSE_FIELDS.forEach((f, i) => (this.totals[f] += sums[i]!));
    this.totals.title += titleLength * doc.clauses.length;

    const body = work?.compressed ?? compressDocument(JSON.stringify(doc));
    const ref = writeStored(this.stored, body);
    this.heldBytes += body.length + 200;
    this.table.add({
      id: doc.id,
      sha256: doc.source.sha256,
      source: baseName(doc.source.path),
      kind: doc.kind,
      symbol: doc.symbol,
      title: doc.title,
      adopted: typeof doc.adopted === 'string' ? doc.adopted : null,
      clauseCount: doc.clauses.length,
      titleLength,
      stored: ref,
      sums,
    });
    return docOrdinal;
  }

  /** Encodes the segment for the index `identity`. The builder is spent afterwards. */
  finish(identity = ''): SegmentData {
    const clauseCount = this.clauseCount;
    const norms: ClauseNorms = {
      lengths: Object.fromEntries(CLAUSE_FIELDS.map((f) => [f, Uint16Array.from(this.lengths.get(f)!)])) as Record<ClauseField, Uint16Array>,
      kinds: Uint8Array.from(this.kinds),
    };
    const postingsSink = new MemorySink();
    const termsSink = new MemorySink();
    const postingsOut = new ChunkedWriter(postingsSink);
    const termsOut = new ChunkedWriter(termsSink);
    const termsWriter = new TermsWriter(termsOut);
    const terms = {} as Record<Field, FieldTermsInfo>;
    const list = new PostingsListWriter();
    for (const field of ALL_FIELDS) {
      const table = this.postings.get(field)!;
      const normOf = field === 'title' ? this.titleLengths : norms.lengths[field];
      for (const term of [...table.keys()].sort()) {
        const flat = table.get(term)!;
        list.reset();
        for (let i = 0; i < flat.length; ) {
          const ordinal = flat[i]!;
          const tf = flat[i + 1]!;
          list.add(ordinal, tf, flat, i + 2, normOf[ordinal]!);
          i += 2 + tf;
        }
        const encoded = list.finish();
        const offset = postingsOut.position;
        postingsOut.write(encoded.skip);
        postingsOut.write(encoded.blocks);
        termsWriter.add(term, { offset, skipBytes: encoded.skip.length, totalBytes: encoded.skip.length + encoded.blocks.length, df: encoded.df });
      }
      terms[field] = termsWriter.endField();
    }
    const normsSink = new MemorySink();
    const normsOut = new ChunkedWriter(normsSink);
    writeNorms(normsOut, norms);
    const docsSink = new MemorySink();
    const docsOut = new ChunkedWriter(docsSink);
    this.table.write(docsOut);
    for (const out of [postingsOut, termsOut, normsOut, docsOut, this.stored]) out.finish();
    const header: SegmentHeader = { identity, docCount: this.docCount, clauseCount, fieldTotals: { ...this.totals }, terms };
    return {
      header,
      files: {
        header: encodeHeader(header),
        terms: termsSink.bytes,
        postings: postingsSink.bytes,
        norms: normsSink.bytes,
        docs: docsSink.bytes,
        stored: this.storedSink.bytes,
      },
    };
  }
}

export { SEGMENT_FILES };
