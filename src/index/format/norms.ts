// Clause norms: per clause, the length in words of each clause field and the
// clause kind (uint8), column by column (all text lengths, then all lead
// lengths, ..., then the kinds). A length takes one byte: nearly every clause
// is shorter than 255 words, and a search of common words reads a whole
// column, so a byte per clause halves what it reads. A longer one (lengths go
// to 65,535) is stored exactly: its byte is ESCAPE and the overflow table
// after the kinds holds it, so scores never change. Read page by page as a
// search touches clauses, so a rare word reads a few pages and a common one
// the column.
//
//   data = per clause field: u8 per clause (ESCAPE: in the overflow table) |
//          kinds: u8 per clause | per clause field: u32 overflow count |
//          per clause field: (u32 ordinal, u16 length) per overflow, ordinals ascending

import { firstAtLeast } from '../sorted.js';
import { CLAUSE_FIELDS, type ClauseField, type Field, isDocField } from '../../search/fields.js';
import type { ChunkedReader, ChunkedWriter, Damage } from './chunked.js';

const PAGE_SHIFT = 15; // 32,768 values per read: a common word's walk reads a column in a few dozen reads, not hundreds
const PAGE = 1 << PAGE_SHIFT;
/** A length's byte when the length is in the overflow table (so the byte holds lengths 0..254). */
export const ESCAPE = 255;
/** Bytes of an overflow entry: u32 ordinal, u16 length. */
const OVERFLOW_ENTRY = 6;

export interface ClauseNorms {
  lengths: Record<ClauseField, Uint16Array>;
  kinds: Uint8Array;
}

/**
 * What a field's postings are written with, per ordinal (builder and merge): the norm, that is the field's
 * length (a clause field's from its column, the title's per document, 1 for years, which hold one or two
 * keys, never a text), and the clause kind for the kind table (postings.ts; clause lists only, document
 * lists have none).
 */
export function postingsColumns(field: Field, norms: ClauseNorms, titleLengths: ArrayLike<number>): { normOf: ArrayLike<number>; kindOf: Uint8Array | null } {
  if (!isDocField(field)) return { normOf: norms.lengths[field], kindOf: norms.kinds };
  return { normOf: field === 'title' ? titleLengths : new Uint8Array(titleLengths.length).fill(1), kindOf: null };
}

/** The overflow entries of one column: the ordinals whose length does not fit below ESCAPE, ascending. */
function overflowsOf(values: Uint16Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i]! >= ESCAPE) out.push(i);
  return out;
}

export function writeNorms(out: ChunkedWriter, norms: ClauseNorms): void {
  const overflows = CLAUSE_FIELDS.map((field) => overflowsOf(norms.lengths[field]));
  for (const field of CLAUSE_FIELDS) {
    const values = norms.lengths[field];
    const bytes = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) bytes[i] = Math.min(values[i]!, ESCAPE);
    out.write(bytes);
  }
  out.write(norms.kinds);
  const counts = new DataView(new ArrayBuffer(4 * CLAUSE_FIELDS.length));
  overflows.forEach((list, f) => counts.setUint32(4 * f, list.length, true));
  out.write(new Uint8Array(counts.buffer));
  CLAUSE_FIELDS.forEach((field, f) => {
    const list = overflows[f]!;
    const entries = new DataView(new ArrayBuffer(OVERFLOW_ENTRY * list.length));
    list.forEach((ordinal, k) => {
      entries.setUint32(OVERFLOW_ENTRY * k, ordinal, true);
      entries.setUint16(OVERFLOW_ENTRY * k + 4, norms.lengths[field][ordinal]!, true);
    });
    out.write(new Uint8Array(entries.buffer));
  });
}

/** Bytes of a norms file's data for `clauseCount` clauses and `overflows` overflow entries in all. */
export function normsBytes(clauseCount: number, overflows = 0): number {
  return clauseCount * (CLAUSE_FIELDS.length + 1) + 4 * CLAUSE_FIELDS.length + OVERFLOW_ENTRY * overflows;
}

/**
 * Where a column's pages come from: one method serves every column of every segment, so the call in
 * LazyColumn.get has one target. (A closure per column made a target per column and segment: V8's optimised
 * scoring, met with a second one, was dropped and compiled again.)
 */
interface PageSource {
  /** Column `column`'s page `page`, read and checked, written into `into` from `at`. */
  readPage(column: number, page: number, into: Uint8Array, at: number): void;
}

/** A column of bytes loaded page by page. `get` is the hot path of scoring. */
export class LazyColumn {
  readonly values: Uint8Array;
  private readonly loaded: Uint8Array;

  constructor(
    count: number,
    private readonly source: PageSource,
    private readonly column: number,
  ) {
    this.values = new Uint8Array(count);
    this.loaded = new Uint8Array(Math.ceil(count / PAGE) + 1);
  }

  get(ordinal: number): number {
    const page = ordinal >> PAGE_SHIFT;
    if (this.loaded[page] === 0) {
      // Pages are read straight into the column: no buffer of their own to fault in and drop.
      this.source.readPage(this.column, page, this.values, page * PAGE);
      this.loaded[page] = 1;
    }
    return this.values[ordinal]!;
  }

  /** Whether page `page` was loaded into `values`. */
  holds(page: number): boolean {
    return this.loaded[page] !== 0;
  }

  /** The whole column (merges). */
  all(): Uint8Array {
    for (let p = 0; p * PAGE < this.values.length; p++) {
      if (this.loaded[p] === 0) {
        this.source.readPage(this.column, p, this.values, p * PAGE);
        this.loaded[p] = 1;
      }
    }
    return this.values;
  }
}

/**
 * A clause field's lengths, loaded page by page: a byte per clause, kept as it
 * is (a common word's search touches the whole column, and on this kind of
 * machine the first write to fresh memory costs more than reading it: a
 * column widened to uint16 faulted in twice the pages), the overflow table
 * answering for ESCAPE. `get` is the hot path of scoring.
 */
export class LengthColumn {
  private readonly column: LazyColumn;

  constructor(
    clauseCount: number,
    private readonly overflows: Overflows,
    private readonly source: PageSource,
    private readonly f: number,
  ) {
    this.column = new LazyColumn(clauseCount, source, f);
  }

  get(ordinal: number): number {
    const length = this.column.get(ordinal);
    return length === ESCAPE ? this.long(ordinal) : length;
  }

  /** The length of a clause whose byte is ESCAPE (its page checked when loaded: the entry is there). */
  private long(ordinal: number): number {
    const { ordinals, lengths } = this.overflows;
    return lengths[firstAtLeast(ordinals, ordinal)]!;
  }

  /**
   * The whole column, widened (merges): pages not loaded yet are widened from
   * the file's bytes straight into it, so the byte column (allocated, never
   * written) takes no memory beside it.
   */
  all(): Uint16Array {
    const bytes = this.column.values;
    const out = new Uint16Array(bytes.length);
    const page = new Uint8Array(Math.min(PAGE, bytes.length));
    for (let p = 0; p * PAGE < bytes.length; p++) {
      const from = p * PAGE;
      const n = Math.min(PAGE, bytes.length - from);
      if (this.column.holds(p)) out.set(bytes.subarray(from, from + n), from);
      else {
        this.source.readPage(this.f, p, page, 0);
        out.set(page.subarray(0, n), from);
      }
    }
    const { ordinals, lengths } = this.overflows;
    for (let k = 0; k < ordinals.length; k++) out[ordinals[k]!] = lengths[k]!;
    return out;
  }
}

/** One column's overflow table: ordinals ascending, their lengths. */
interface Overflows {
  ordinals: Uint32Array;
  lengths: Uint16Array;
}

export class NormsReader {
  private readonly columns = new Map<string, LengthColumn>();
  private kindColumn: LazyColumn | null = null;
  /** Overflow count per clause field, read (and the file's length checked against them) when a column first loads. */
  private counts: Uint32Array | null = null;

  constructor(
    private readonly file: ChunkedReader,
    private readonly clauseCount: number,
    private readonly damaged: Damage,
  ) {}

  private bad(): Error {
    return this.damaged('norms.bin holds a malformed clause table');
  }

  private overflowCounts(): Uint32Array {
    if (this.counts) return this.counts;
    const fields = CLAUSE_FIELDS.length;
    const at = this.clauseCount * (fields + 1);
    if (this.file.dataLength < at + 4 * fields) throw this.bad();
    const bytes = this.file.peek(at, 4 * fields);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const counts = new Uint32Array(fields);
    let total = 0;
    for (let f = 0; f < fields; f++) total += counts[f] = view.getUint32(4 * f, true);
    if (this.file.dataLength !== normsBytes(this.clauseCount, total)) throw this.bad();
    return (this.counts = counts);
  }

  /** A column's overflow table, checked: ordinals ascending and in range, lengths that need it. */
  private overflows(f: number): Overflows {
    const counts = this.overflowCounts();
    let at = normsBytes(this.clauseCount);
    for (let g = 0; g < f; g++) at += OVERFLOW_ENTRY * counts[g]!;
    const n = counts[f]!;
    const ordinals = new Uint32Array(n);
    const lengths = new Uint16Array(n);
    if (n === 0) return { ordinals, lengths };
    const bytes = this.file.peek(at, OVERFLOW_ENTRY * n);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let k = 0; k < n; k++) {
      ordinals[k] = view.getUint32(OVERFLOW_ENTRY * k, true);
      lengths[k] = view.getUint16(OVERFLOW_ENTRY * k + 4, true);
      if (ordinals[k]! >= this.clauseCount || (k > 0 && ordinals[k]! <= ordinals[k - 1]!) || lengths[k]! < ESCAPE) throw this.bad();
    }
    return { ordinals, lengths };
  }

  /** Each clause field's overflow table, by its index in CLAUSE_FIELDS, once its column is opened. */
  private readonly overflowTables: Array<Overflows | undefined> = [];

  lengths(field: ClauseField): LengthColumn {
    let column = this.columns.get(field);
    if (!column) {
      const f = CLAUSE_FIELDS.indexOf(field);
      const overflows = (this.overflowTables[f] = this.overflows(f));
      column = new LengthColumn(this.clauseCount, overflows, this, f);
      this.columns.set(field, column);
    }
    return column;
  }

  kinds(): LazyColumn {
    return (this.kindColumn ??= new LazyColumn(this.clauseCount, this, CLAUSE_FIELDS.length));
  }

  /**
   * Page `page` of column `column` (a clause field's lengths by its index in CLAUSE_FIELDS, then the kinds),
   * read and checked, into `into` from `at`. A lengths page is checked against its overflow table: each ESCAPE
   * byte takes the next overflow entry of the page, which must be its own.
   */
  readPage(column: number, page: number, into: Uint8Array, at: number): void {
    const from = page * PAGE;
    const n = Math.min(PAGE, this.clauseCount - from);
    this.file.readInto(column * this.clauseCount + from, n, into, at);
    if (column === CLAUSE_FIELDS.length) return;
    const { ordinals } = this.overflowTables[column]!;
    const read = into.subarray(at, at + n);
    let k = firstAtLeast(ordinals, from);
    for (let i = read.indexOf(ESCAPE); i >= 0; i = read.indexOf(ESCAPE, i + 1), k++) {
      if (k >= ordinals.length || ordinals[k] !== from + i) throw this.bad();
    }
    if (k < ordinals.length && ordinals[k]! < from + n) throw this.bad();
  }
}
