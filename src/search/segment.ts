// A segment: an immutable, self-contained index of some documents, the unit
// that is written once, searched, and merged (as Lucene does). Its parts:
//   meta        the documents, in order, with their clause ranges and field totals
//   dictionary  per field, the sorted terms and where each one's postings block lies
//   postings    the postings blocks (postings.ts)
//   clauses     per clause: field lengths (uint16 each) and clause kind (uint8)
//   docs        the stored documents, one JSON line each (for hits, `get` and rebuild)

import { CLAUSE_FIELDS, type ClauseField, type Field } from './fields.js';

export const SEGMENT_FORMAT = 'unres-segment';
export const SEGMENT_VERSION = 1;

export interface SegmentDocEntry {
  id: string;
  /** sha256 of the source file's bytes: an unchanged file is not ingested again. */
  sha256: string;
  /** The source file's base name, as hits report it. */
  source: string;
  kind: string;
  symbol: string | null;
  title: string | null;
  clauseStart: number;
  clauseCount: number;
  /** Words in the analysed title (the document field's length). */
  titleLength: number;
  /** The document's JSON line in the docs file: byte offset, length, sha256. */
  offset: number;
  bytes: number;
  lineSha256: string;
}

export interface SegmentMeta {
  format: typeof SEGMENT_FORMAT;
  version: number;
  clauseCount: number;
  docs: SegmentDocEntry[];
  /** Sum of each field's length over all clauses (title: per clause, its document's), for BM25's average length. */
  fieldTotals: Record<Field, number>;
}

/** Field totals of a clause table and its documents. */
export function fieldTotalsOf(table: ClauseTable, docs: readonly SegmentDocEntry[]): Record<Field, number> {
  const totals = { text: 0, lead: 0, section: 0, cites: 0, title: 0 } as Record<Field, number>;
  for (const field of CLAUSE_FIELDS) {
    const lengths = table.lengths[field];
    let sum = 0;
    for (let i = 0; i < lengths.length; i++) sum += lengths[i]!;
    totals[field] = sum;
  }
  for (const doc of docs) totals.title += doc.titleLength * doc.clauseCount;
  return totals;
}

export interface FieldDictionary {
  /** Sorted (UTF-16 code unit order, as Array.prototype.sort). */
  terms: string[];
  /** Byte offsets of each term's block in the postings file; one more than terms. */
  offsets: number[];
}

export type SegmentDictionary = Record<Field, FieldDictionary>;

/** A segment in memory, ready to be written or searched. */
export interface SegmentData {
  meta: SegmentMeta;
  dictionary: SegmentDictionary;
  postings: Uint8Array;
  clauses: Uint8Array;
  docs: Uint8Array;
}

/** Bytes per clause in the clauses table: a uint16 length per clause field, then the kind byte. */
export const CLAUSE_ROW_BYTES = CLAUSE_FIELDS.length * 2 + 1;

/** Column-wise view of the clauses table: lengths[field][ordinal], kinds[ordinal]. */
export interface ClauseTable {
  lengths: Record<ClauseField, Uint16Array>;
  kinds: Uint8Array;
}

/**
 * The table is laid out column by column (all text lengths, then all lead
 * lengths, ..., then kinds), so reading one column is one slice.
 */
export function readClauseTable(bytes: Uint8Array, clauseCount: number): ClauseTable {
  const lengths = {} as Record<ClauseField, Uint16Array>;
  CLAUSE_FIELDS.forEach((field, column) => {
    const column16 = new Uint16Array(clauseCount);
    const view = new DataView(bytes.buffer, bytes.byteOffset + column * clauseCount * 2, clauseCount * 2);
    for (let i = 0; i < clauseCount; i++) column16[i] = view.getUint16(i * 2, true);
    lengths[field] = column16;
  });
  const kinds = bytes.slice(CLAUSE_FIELDS.length * clauseCount * 2, CLAUSE_ROW_BYTES * clauseCount);
  return { lengths, kinds };
}

export function writeClauseTable(table: ClauseTable, clauseCount: number): Uint8Array {
  const bytes = new Uint8Array(CLAUSE_ROW_BYTES * clauseCount);
  const view = new DataView(bytes.buffer);
  CLAUSE_FIELDS.forEach((field, column) => {
    const values = table.lengths[field];
    for (let i = 0; i < clauseCount; i++) view.setUint16((column * clauseCount + i) * 2, values[i]!, true);
  });
  bytes.set(table.kinds.subarray(0, clauseCount), CLAUSE_FIELDS.length * clauseCount * 2);
  return bytes;
}

/** The document holding a clause ordinal (binary search over clause ranges). */
export function docOrdinalOfClause(docs: readonly SegmentDocEntry[], ordinal: number): number {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (docs[mid]!.clauseStart <= ordinal) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of a term in a sorted dictionary, or -1. */
export function findTerm(dictionary: FieldDictionary, term: string): number {
  const { terms } = dictionary;
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = terms[mid]!;
    if (t === term) return mid;
    if (t < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** First index whose term is >= prefix (for prefix scans). */
export function lowerBound(terms: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
