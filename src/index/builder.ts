// Builds a segment in memory from parsed documents: takes every clause's
// analysed terms (analysed.ts: from the parse workers, or analysed here,
// memoised per word, see search/analysis/pipeline.ts), accumulates postings
// with positions, and encodes the segment's files (format/). A segment is cut
// every few tens of thousands of clauses, so this stays small.
//
// Documents are written in id order (then their clauses in order), whatever
// order they came in: within a segment, ordinal order is then the order in
// which the search breaks exact score ties (document id, then clause), so a
// tie met later in a walk can never enter the top and block-max can skip
// blocks that could only tie (src/search/searcher.ts). finish() renumbers;
// `documentOrder` then maps the ordinals add() returned to the written ones.

import { citeKeys } from '../search/analysis/symbols.js';
import { headingReferenceKeys } from '../un/clause-references.js';
import { ALL_FIELDS, CLAUSE_FIELDS, type ClauseField, type Field, clauseKindCode, documentYears, isDocField, referenceTerms } from '../search/fields.js';
import type { UnresDocument } from '../types.js';
import { ANALYSED_CLAUSE_FIELDS, type AnalysedDocument, analyseDocument } from './analysed.js';
import { ChunkedWriter, MemorySink } from './format/chunked.js';
import { type DocEntry, DocTableWriter } from './format/docs.js';
import { SEGMENT_FILES, type SegmentFileKey } from './format/files.js';
import { type SegmentHeader, encodeHeader } from './format/header.js';
import { type ClauseNorms, postingsColumns, writeNorms } from './format/norms.js';
import { PostingsListWriter } from './format/postings.js';
import { IntLists } from './int-lists.js';
import { StoredWriter, encodeDocument } from './format/stored.js';
import { utf8 } from './format/bytes.js';
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


/** What a parse worker already did for a document (parse-pool.ts): its JSON encoded for storing (stored.ts encodeDocument), its text analysed. */
export interface PreparedDocument {
  compressed?: Uint8Array | undefined;
  analysed?: AnalysedDocument | undefined;
}

/**
 * A document as a parse worker hands it back with its work done: what add()
 * and the store read of it besides that work (ids, kinds, numbers, footnote
 * numbers, citations, source, symbol, title), without the texts the worker
 * already analysed and encoded (clause texts and items, body, footnotes,
 * headings). Copying those between threads and collecting them again was a
 * fifth of a 10,000-document ingest's CPU time spent for nothing. The whole
 * document is its stored JSON (wholeDocument).
 */
export function lightDocument(doc: UnresDocument): UnresDocument {
  const clauses = doc.clauses.map((c) => ({
    id: c.id,
    kind: c.kind,
    number: c.number,
    index: c.index,
    lead: c.lead,
    text: '',
    items: [],
    footnotes: c.footnotes,
    section: c.section,
  }));
  return { ...doc, body: null, clauses, footnotes: [], headings: [] };
}

const prepared = new WeakMap<UnresDocument, PreparedDocument>();

/** Records the work a worker did for a document not to be changed before it is indexed. */
export function withPrepared(doc: UnresDocument, work: PreparedDocument): UnresDocument {
  if (work.compressed || work.analysed) prepared.set(doc, work);
  return doc;
}

/**
 * The document under another id (the store renumbers a copy), then analysed and encoded afresh by add().
 * A document with a worker's work may be light: its whole form is the stored JSON that came with it.
 */
export function withId(doc: UnresDocument, id: string): UnresDocument {
  const compressed = prepared.get(doc)?.compressed;
  const whole = compressed ? (JSON.parse(utf8(compressed)) as UnresDocument) : doc;
  return { ...whole, id };
}

/** Rows of the document table, kept until finish() writes them in id order. */
type PendingEntry = Omit<DocEntry, 'clauseStart'> & { clauseStart: number };

/** Ordinals of `ids` in the order the segment stores them: by id (JavaScript string order, as the search's tie-break), then as added. */
export function idOrder(ids: readonly string[]): Int32Array {
  const order = Array.from(ids.keys()).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b));
  return Int32Array.from(order);
}

export class SegmentBuilder {
  private readonly entries: PendingEntry[] = [];
  /** After finish(): the ordinal add() returned -> the document's ordinal in the written segment. */
  documentOrder: Int32Array | null = null;
  private readonly storedSink = new MemorySink();
  private readonly stored = new StoredWriter(new ChunkedWriter(this.storedSink));
  /** Per field: term -> its list in `lists`: flat [ordinal, tf, position × tf, ...], ordinals increasing. */
  private readonly postings = new Map<Field, Map<string, number>>(ALL_FIELDS.map((f) => [f, new Map()]));
  private readonly lists = new IntLists();
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
    return this.entries.length;
  }

  /**
   * Per field, the postings list of each of the current document's terms
   * (by its index in the document's terms), found once per document rather
   * than once per clause.
   */
  private docLists = new Map<Field, (number | undefined)[]>();

  /** Files one text's terms (from `data` at `at`, see analysed.ts) under `ordinal`; returns where the next text starts. */
  private postAnalysed(field: Field, ordinal: number, analysed: AnalysedDocument, at: number): number {
    const table = this.postings.get(field)!;
    let lists = this.docLists.get(field);
    if (!lists) this.docLists.set(field, (lists = []));
    const { data, terms } = analysed;
    const pool = this.lists;
    const count = data[at + 1]!;
    at += 2;
    let held = 0;
    for (let k = 0; k < count; k++) {
      const t = data[at]!;
      const tf = data[at + 1]!;
      let list = lists[t];
      if (list === undefined) {
        const term = terms[t]!;
        list = table.get(term);
        if (list === undefined) table.set(term, (list = pool.create()));
        lists[t] = list;
      }
      pool.pushPosting(list, ordinal, tf, data, at + 2, at + 2 + tf);
      held += 8 * (2 + tf);
      at += 2 + tf;
    }
    this.heldBytes += held;
    return at;
  }

  private post(field: Field, ordinal: number, terms: Iterable<string>): void {
    const table = this.postings.get(field)!;
    for (const term of terms) {
      let list = table.get(term);
      if (list === undefined) table.set(term, (list = this.lists.create()));
      this.lists.push(list, ordinal);
      this.lists.push(list, 1);
      this.lists.push(list, 0);
      this.heldBytes += 24;
    }
  }

  /**
   * Adds a document; returns its ordinal in this segment. What a parse worker
   * already did for it (withPrepared) is used, not done again.
   */
  add(doc: UnresDocument): number {
    const docOrdinal = this.entries.length;
    const clauseStart = this.kinds.length;
    const work = prepared.get(doc);
    const analysed = work?.analysed ?? analyseDocument(doc);
    for (const lists of this.docLists.values()) lists.length = 0;
    const cited = citedTerms(doc);
    const headingKeys = headingReferenceKeys(doc.headings);
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
      const refs = referenceTerms(clause, headingKeys);
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
    // The years field's norm is 1 for every clause (fields.ts documentYears).
    this.post('years', docOrdinal, documentYears(doc));
    CLAUSE_FIELDS.forEach((f, i) => (this.totals[f] += sums[i]!));
    this.totals.title += titleLength * doc.clauses.length;
    this.totals.years += doc.clauses.length;

    const body = work?.compressed ?? encodeDocument(JSON.stringify(doc));
    const ref = this.stored.add(body);
    // The block under way is held whole until written (compressed, about a tenth, afterwards).
    this.heldBytes += Math.ceil(body.length / 8) + 200;
    this.entries.push({
      clauseStart,
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
    // The last block of stored documents is written: every row's reference to its block is complete.
    this.stored.flush();
    const clauseCount = this.clauseCount;
    // Documents in id order: new ordinals for documents and clauses.
    const order = idOrder(this.entries.map((e) => e.id));
    const newDoc = new Int32Array(order.length);
    const newClause = new Int32Array(clauseCount);
    const table = new DocTableWriter();
    let next = 0;
    order.forEach((old, d) => {
      newDoc[old] = d;
      const entry = this.entries[old]!;
      for (let c = 0; c < entry.clauseCount; c++) newClause[entry.clauseStart + c] = next + c;
      next += entry.clauseCount;
      table.add(entry);
    });
    this.documentOrder = newDoc;
    const permute = <T extends Uint16Array | Uint8Array>(from: ArrayLike<number>, to: T): T => {
      for (let c = 0; c < clauseCount; c++) to[newClause[c]!] = from[c]!;
      return to;
    };
    const norms: ClauseNorms = {
      lengths: Object.fromEntries(CLAUSE_FIELDS.map((f) => [f, permute(this.lengths.get(f)!, new Uint16Array(clauseCount))])) as Record<ClauseField, Uint16Array>,
      kinds: permute(this.kinds, new Uint8Array(clauseCount)),
    };
    const titleLengths = new Array<number>(order.length);
    order.forEach((old, d) => (titleLengths[d] = this.titleLengths[old]!));
    const postingsSink = new MemorySink();
    const termsSink = new MemorySink();
    const postingsOut = new ChunkedWriter(postingsSink);
    const termsOut = new ChunkedWriter(termsSink);
    const termsWriter = new TermsWriter(termsOut);
    const terms = {} as Record<Field, FieldTermsInfo>;
    const list = new PostingsListWriter();
    let flat: Int32Array = new Int32Array(1024);
    for (const field of ALL_FIELDS) {
      const table = this.postings.get(field)!;
      const { normOf, kindOf } = postingsColumns(field, norms, titleLengths);
      const renumber = isDocField(field) ? newDoc : newClause;
      // Per term: its postings' new ordinals, and where each one's posting starts in the flat list.
      // An ordinal is filed at most once per term, so sorting the ordinals (a typed array's numeric
      // sort, not a comparator called from JavaScript: that was a tenth of writing a segment)
      // orders the postings.
      const startOf = new Int32Array(renumber.length);
      let ordinals = new Int32Array(64);
      for (const term of [...table.keys()].sort()) {
        const id = table.get(term)!;
        flat = this.lists.read(id, flat);
        const length = this.lists.length(id);
        list.reset();
        // Postings in the new ordinals' order (each was filed in the order documents came).
        let n = 0;
        let sorted = true;
        for (let i = 0; i < length; i += 2 + flat[i + 1]!) {
          const ordinal = renumber[flat[i]!]!;
          if (n > 0 && ordinal < ordinals[n - 1]!) sorted = false;
          if (n === ordinals.length) {
            const grown = new Int32Array(n * 2);
            grown.set(ordinals);
            ordinals = grown;
          }
          ordinals[n++] = ordinal;
          startOf[ordinal] = i;
        }
        if (!sorted) ordinals.subarray(0, n).sort();
        for (let k = 0; k < n; k++) {
          const ordinal = ordinals[k]!;
          const i = startOf[ordinal]!;
          list.add(ordinal, flat[i + 1]!, flat, i + 2, normOf[ordinal]!, kindOf ? kindOf[ordinal]! : -1);
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
    table.write(docsOut);
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
