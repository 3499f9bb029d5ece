// Clause norms: per clause, the length in words of each clause field (uint16)
// and the clause kind (uint8), column by column (all text lengths, then all
// lead lengths, ..., then the kinds). Read page by page as a search touches
// clauses, so a rare word reads a few pages and a common one the column.

import { CLAUSE_FIELDS, type ClauseField, type Field, isDocField } from '../../search/fields.js';
import type { ChunkedReader, ChunkedWriter } from './chunked.js';
import { LITTLE_ENDIAN } from './bytes.js';

const PAGE_SHIFT = 15; // 32,768 values (64 KiB of uint16) per read: a common word's walk reads a column in a few dozen reads, not hundreds
const PAGE = 1 << PAGE_SHIFT;

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

function asBytes(values: Uint16Array): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setUint16(i * 2, values[i]!, true);
  return out;
}

export function writeNorms(out: ChunkedWriter, norms: ClauseNorms): void {
  for (const field of CLAUSE_FIELDS) out.write(asBytes(norms.lengths[field]));
  out.write(norms.kinds);
}

export function normsBytes(clauseCount: number): number {
  return clauseCount * (CLAUSE_FIELDS.length * 2 + 1);
}

/** A column loaded page by page. `get` is the hot path of scoring. */
export class LazyColumn<T extends Uint16Array | Uint8Array> {
  private readonly loaded: Uint8Array;

  constructor(
    readonly values: T,
    private readonly load: (page: number, into: T) => void,
  ) {
    this.loaded = new Uint8Array(Math.ceil(values.length / PAGE) + 1);
  }

  get(ordinal: number): number {
    const page = ordinal >> PAGE_SHIFT;
    if (this.loaded[page] === 0) {
      this.load(page, this.values);
      this.loaded[page] = 1;
    }
    return this.values[ordinal]!;
  }

  /** The whole column (merges). */
  all(): T {
    for (let p = 0; p * PAGE < this.values.length; p++) {
      if (this.loaded[p] === 0) {
        this.load(p, this.values);
        this.loaded[p] = 1;
      }
    }
    return this.values;
  }
}

export class NormsReader {
  private readonly columns = new Map<string, LazyColumn<Uint16Array>>();
  private kindColumn: LazyColumn<Uint8Array> | null = null;

  constructor(
    private readonly file: ChunkedReader,
    private readonly clauseCount: number,
  ) {}

  lengths(field: ClauseField): LazyColumn<Uint16Array> {
    let column = this.columns.get(field);
    if (!column) {
      const base = CLAUSE_FIELDS.indexOf(field) * this.clauseCount * 2;
      column = new LazyColumn<Uint16Array>(new Uint16Array(this.clauseCount), (page, into) => {
        const from = page * PAGE;
        const n = Math.min(PAGE, this.clauseCount - from);
        const bytes = this.file.read(base + from * 2, n * 2);
        if (LITTLE_ENDIAN && bytes.byteOffset % 2 === 0) {
          // The file's little-endian uint16 are the machine's: copied as they are.
          into.set(new Uint16Array(bytes.buffer, bytes.byteOffset, n), from);
          return;
        }
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        for (let i = 0; i < n; i++) into[from + i] = view.getUint16(i * 2, true);
      });
      this.columns.set(field, column);
    }
    return column;
  }

  kinds(): LazyColumn<Uint8Array> {
    if (!this.kindColumn) {
      const base = CLAUSE_FIELDS.length * this.clauseCount * 2;
      this.kindColumn = new LazyColumn<Uint8Array>(new Uint8Array(this.clauseCount), (page, into) => {
        const from = page * PAGE;
        const n = Math.min(PAGE, this.clauseCount - from);
        into.set(this.file.read(base + from, n), from);
      });
    }
    return this.kindColumn;
  }
}
