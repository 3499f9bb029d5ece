// The term dictionary of a segment: per field, the terms in sorted order
// (UTF-16 code unit order, as Array.prototype.sort), in blocks of 64, each
// term prefix-compressed against the one before. After each field's blocks, a
// sparse index: the first term of every block and where the block lies. A
// search reads the sparse index of the fields it needs, then only the blocks
// its terms fall in, by positioned reads.
//
//   block  = varint count | varint postings offset of its first term |
//            per term: varint shared bytes, varint suffix bytes, suffix,
//            varint df, varint skip bytes, varint total bytes
//   sparse = per block: first term (varint length, UTF-8), varint block
//            offset (from the previous block's), varint block bytes
// A term's postings follow the previous term's: offset + total bytes.

import { ByteWriter, MalformedError, readVarint, utf8, utf8Bytes, varintEnd } from './bytes.js';
import type { ChunkedReader, ChunkedWriter, Damage } from './chunked.js';
import type { ListLocation } from './postings.js';

export const TERMS_PER_BLOCK = 64;

export interface FieldTermsInfo {
  termCount: number;
  blockCount: number;
  sparseOffset: number;
  sparseBytes: number;
}

export interface TermInfo extends ListLocation {
  term: string;
}

/** Writes one field's terms at a time; terms strictly increasing, postings contiguous. */
export class TermsWriter {
  private readonly block = new ByteWriter(1024);
  private readonly sparse = new ByteWriter(1024);
  private inBlock = 0;
  private termCount = 0;
  private blockCount = 0;
  private previous: Uint8Array = new Uint8Array(0);
  private previousTerm: string | null = null;
  private lastBlockOffset = 0;
  private nextPostings = -1;

  constructor(private readonly out: ChunkedWriter) {}

  add(term: string, location: ListLocation): void {
    if (this.previousTerm !== null && !(this.previousTerm < term)) throw new Error(`terms out of order: ${this.previousTerm} then ${term}`);
    if (this.nextPostings >= 0 && location.offset !== this.nextPostings) throw new Error('postings not contiguous');
    const bytes = utf8Bytes(term);
    if (this.inBlock === 0) {
      this.block.varint(location.offset);
      this.sparse.string(term);
      this.previous = new Uint8Array(0);
    }
    let shared = 0;
    const max = Math.min(bytes.length, this.previous.length);
    while (shared < max && bytes[shared] === this.previous[shared]) shared++;
    this.block.varint(shared);
    this.block.varint(bytes.length - shared);
    this.block.bytes(bytes.subarray(shared));
    this.block.varint(location.df);
    this.block.varint(location.skipBytes);
    this.block.varint(location.totalBytes);
    this.previous = bytes;
    this.previousTerm = term;
    this.nextPostings = location.offset + location.totalBytes;
    this.inBlock++;
    this.termCount++;
    if (this.inBlock === TERMS_PER_BLOCK) this.flush();
  }

  private flush(): void {
    if (this.inBlock === 0) return;
    const offset = this.out.position;
    const head = new ByteWriter(8);
    head.varint(this.inBlock);
    this.out.write(head.view());
    this.out.write(this.block.view());
    this.sparse.varint(offset - this.lastBlockOffset);
    this.sparse.varint(this.out.position - offset);
    this.lastBlockOffset = offset;
    this.block.reset();
    this.inBlock = 0;
    this.blockCount++;
  }

  /** Ends the field: writes its last block and its sparse index. */
  endField(): FieldTermsInfo {
    this.flush();
    const sparseOffset = this.out.position;
    this.out.write(this.sparse.view());
    const info = { termCount: this.termCount, blockCount: this.blockCount, sparseOffset, sparseBytes: this.sparse.length };
    this.sparse.reset();
    this.termCount = 0;
    this.blockCount = 0;
    this.previousTerm = null;
    this.lastBlockOffset = 0;
    return info;
  }
}

/**
 * The sparse index of one field: every block's first term and place. Read as
 * bytes and scanned once for where each entry starts and where its block lies;
 * a term, its end and its block's size are decoded again from the entry only
 * when a lookup needs them (a binary search probes a dozen entries, not the
 * thousands of a large segment's field).
 */
class SparseIndex {
  /** Where each entry starts in `raw`. */
  private readonly entries: Uint32Array;
  /** Where each block starts in the file. */
  private readonly offsets: Float64Array;
  private readonly decoded: Array<string | undefined>;

  constructor(
    readonly raw: Uint8Array,
    readonly count: number,
    limit: number,
  ) {
    const entries = (this.entries = new Uint32Array(count));
    const offsets = (this.offsets = new Float64Array(count));
    this.decoded = new Array<string | undefined>(count);
    // Every query reads the sparse index of each field it looks in (thousands of entries in a large
    // segment's text field), in a cold process: one plain loop over locals, no reader object or view
    // per entry, two stores per entry.
    const end = raw.length;
    let pos = 0;
    let offset = 0;
    for (let b = 0; b < count; b++) {
      entries[b] = pos;
      const length = readVarint(raw, pos, end);
      if (length < 0 || varintEnd + length > end) throw new MalformedError('read past the end');
      const delta = readVarint(raw, varintEnd + length, end);
      if (delta < 0) throw new MalformedError('read past the end');
      const bytes = readVarint(raw, varintEnd, end);
      if (bytes < 0) throw new MalformedError('read past the end');
      pos = varintEnd;
      offset += delta;
      if (offset + bytes > limit) throw new MalformedError('block out of place');
      offsets[b] = offset;
    }
    if (pos !== end) throw new MalformedError('trailing bytes');
  }

  /** Where block b's first term lies in `raw` (the scan checked the entry). */
  termRange(b: number): { start: number; end: number } {
    const length = readVarint(this.raw, this.entries[b]!, this.raw.length);
    return { start: varintEnd, end: varintEnd + length };
  }

  term(b: number): string {
    const known = this.decoded[b];
    if (known !== undefined) return known;
    const { start, end } = this.termRange(b);
    return (this.decoded[b] = utf8(this.raw.subarray(start, end)));
  }

  /** Where block b lies in the file. */
  block(b: number): { offset: number; bytes: number } {
    const raw = this.raw;
    const { end } = this.termRange(b);
    readVarint(raw, end, raw.length); // the offset's delta, summed in offsets
    return { offset: this.offsets[b]!, bytes: readVarint(raw, varintEnd, raw.length) };
  }
}

/** Are a[0 .. aLength) and b[from .. from + bLength) the same bytes? */
function sameBytes(a: Uint8Array, aLength: number, b: Uint8Array, from: number, bLength: number): boolean {
  if (aLength !== bLength) return false;
  for (let i = 0; i < aLength; i++) if (a[i] !== b[from + i]) return false;
  return true;
}

/** One field's dictionary, read lazily. */
export class FieldTerms {
  private index: SparseIndex | null = null;
  private readonly blocks = new Map<number, TermInfo[]>();

  constructor(
    private readonly file: ChunkedReader,
    private readonly info: FieldTermsInfo,
    private readonly damaged: Damage,
  ) {}

  get termCount(): number {
    return this.info.termCount;
  }

  private bad(): Error {
    return this.damaged('terms.bin holds a malformed dictionary');
  }

  private sparse(): SparseIndex {
    if (this.index) return this.index;
    const { blockCount, sparseOffset, sparseBytes } = this.info;
    try {
      this.index = new SparseIndex(this.file.read(sparseOffset, sparseBytes), blockCount, sparseOffset);
    } catch (err) {
      if (err instanceof MalformedError) throw this.bad();
      throw err;
    }
    return this.index;
  }

  /** Block b's first term, checked to come after the previous block's (an unsorted index is damage, not a missed term). */
  private firstTerm(b: number): string {
    const sparse = this.sparse();
    const term = sparse.term(b);
    if (b > 0 && !(sparse.term(b - 1) < term)) throw this.bad();
    return term;
  }

  /**
   * Walks block b's entries, checking what decoding needs (prefix lengths,
   * bytes within the block, nothing after the last entry): each term as UTF-8
   * bytes (`bytes[0 .. length)`, a buffer reused from entry to entry) with its
   * postings' location. No string is made: iteration decodes them, a lookup
   * compares bytes (block() and findInBlock()).
   */
  private walkBlock(b: number, visit: (bytes: Uint8Array, length: number, location: ListLocation, i: number) => void): void {
    const sparse = this.sparse();
    const place = sparse.block(b);
    const raw = this.file.read(place.offset, place.bytes);
    const end = raw.length;
    const next = (at: number): number => {
      const value = readVarint(raw, at, end);
      if (value < 0) throw new MalformedError('read past the end');
      return value;
    };
    const count = next(0);
    let offset = next(varintEnd);
    let pos = varintEnd;
    // The current term's bytes: kept across entries for the shared prefixes.
    let current = new Uint8Array(64);
    let length = 0;
    for (let i = 0; i < count; i++) {
      const shared = next(pos);
      const suffix = next(varintEnd);
      pos = varintEnd;
      if (shared > length || pos + suffix > end) throw new MalformedError('bad prefix');
      if (shared + suffix > current.length) {
        const grown = new Uint8Array(2 * (shared + suffix));
        grown.set(current.subarray(0, shared));
        current = grown;
      }
      current.set(raw.subarray(pos, pos + suffix), shared);
      length = shared + suffix;
      pos += suffix;
      const df = next(pos);
      const skipBytes = next(varintEnd);
      const totalBytes = next(varintEnd);
      pos = varintEnd;
      visit(current, length, { offset, skipBytes, totalBytes, df }, i);
      offset += totalBytes;
    }
    if (pos !== end || count < 1) throw new MalformedError('bad block');
  }

  private block(b: number): TermInfo[] {
    let entries = this.blocks.get(b);
    if (entries) return entries;
    const decoded: TermInfo[] = [];
    try {
      const first = this.firstTerm(b);
      this.walkBlock(b, (bytes, length, location, i) => {
        const term = utf8(bytes.subarray(0, length));
        if (i === 0 ? term !== first : !(decoded[i - 1]!.term < term)) throw new MalformedError('unsorted');
        decoded.push({ term, ...location });
      });
    } catch (err) {
      if (err instanceof MalformedError) throw this.bad();
      throw err;
    }
    entries = decoded;
    if (this.blocks.size > 256) this.blocks.clear();
    this.blocks.set(b, entries);
    return entries;
  }

  /** The last block whose first term is <= term, or -1. */
  private blockFor(term: string): number {
    const sparse = this.sparse();
    let lo = 0;
    let hi = sparse.count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.firstTerm(mid) <= term) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  lookup(term: string): TermInfo | null {
    if (this.info.termCount === 0) return null;
    const b = this.blockFor(term);
    if (b < 0) return null;
    const known = this.blocks.get(b);
    if (!known) return this.findInBlock(b, term);
    for (const entry of known) {
      if (entry.term === term) return entry;
      if (entry.term > term) return null;
    }
    return null;
  }

  /**
   * One term of block b, found by comparing its UTF-8 bytes with each entry's
   * as the prefix coding rebuilds them (a search looks up a few terms per field
   * and segment: decoding all 64 terms of each block into strings cost more
   * than the rest of the lookup). The block is checked as block() checks it,
   * but for the order of its terms, which only iteration relies on.
   */
  private findInBlock(b: number, term: string): TermInfo | null {
    const wanted = utf8Bytes(term);
    let found: TermInfo | null = null;
    try {
      const sparse = this.sparse();
      this.firstTerm(b);
      const first = sparse.termRange(b);
      const firstStart = first.start;
      const firstLength = first.end - first.start;
      this.walkBlock(b, (bytes, length, location, i) => {
        if (i === 0 && !sameBytes(bytes, length, sparse.raw, firstStart, firstLength)) throw new MalformedError('unsorted');
        if (found === null && sameBytes(bytes, length, wanted, 0, wanted.length)) found = { term, ...location };
      });
    } catch (err) {
      if (err instanceof MalformedError) throw this.bad();
      throw err;
    }
    return found;
  }

  /** Terms >= `from`, in order. */
  *from(from: string): Generator<TermInfo> {
    if (this.info.termCount === 0) return;
    const count = this.sparse().count;
    for (let b = Math.max(0, this.blockFor(from)); b < count; b++) {
      for (const entry of this.block(b)) if (entry.term >= from) yield entry;
    }
  }

  /** Every term, in order. */
  *all(): Generator<TermInfo> {
    if (this.info.termCount === 0) return;
    const count = this.sparse().count;
    for (let b = 0; b < count; b++) yield* this.block(b);
  }
}
