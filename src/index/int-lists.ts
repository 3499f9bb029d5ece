// Many lists of 32-bit integers, each growing at its end, kept in shared
// pages of typed memory (as Lucene's IntBlockPool): a segment builder files
// its postings here. A list is a chain of slices, each twice the one before
// (up to a cap), whose last slot points to the next; nothing is copied as a
// list grows, and the garbage collector sees a few large arrays instead of
// one growing JavaScript array per term, which it copied and promoted again
// and again (a fifth of building a segment went to collecting them).

const PAGE_BITS = 15;
const PAGE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE - 1;
/** Slice sizes by level, forward-pointer slot included. */
const SLICE = [4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048];
const LAST_LEVEL = SLICE.length - 1;

export class IntLists {
  private readonly pages: Int32Array[] = [];
  /** Where the next slice starts (a global offset: page × PAGE + index). */
  private next = 0;
  private count = 0;
  /** Per list: its first slice, where its next value goes, where its current slice's pointer slot is, its slice level, its length. */
  private heads = new Int32Array(1024);
  private writes = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private levels = new Uint8Array(1024);
  private lengths = new Int32Array(1024);

  /** A new, empty list; returns its number. */
  create(): number {
    const list = this.count++;
    if (list === this.heads.length) this.grow();
    const at = this.slice(SLICE[0]!);
    this.heads[list] = at;
    this.writes[list] = at;
    this.ends[list] = at + SLICE[0]! - 1;
    this.levels[list] = 0;
    this.lengths[list] = 0;
    return list;
  }

  length(list: number): number {
    return this.lengths[list]!;
  }

  push(list: number, value: number): void {
    let at = this.writes[list]!;
    if (at === this.ends[list]) at = this.chainSlice(list, at);
    this.pages[at >>> PAGE_BITS]![at & PAGE_MASK] = value;
    this.writes[list] = at + 1;
    this.lengths[list]!++;
  }

  /**
   * Appends `first`, `second`, then `source[from..to)`: a posting (ordinal,
   * tf, positions) in one call, the list's state read and written once rather
   * than per value (push per value was a quarter of filing a document's terms).
   */
  pushPosting(list: number, first: number, second: number, source: Int32Array, from: number, to: number): void {
    let at = this.writes[list]!;
    for (let k = from - 2; k < to; k++) {
      if (at === this.ends[list]) at = this.chainSlice(list, at);
      this.pages[at >>> PAGE_BITS]![at & PAGE_MASK] = k === from - 2 ? first : k === from - 1 ? second : source[k]!;
      at++;
    }
    this.writes[list] = at;
    this.lengths[list]! += to - from + 2;
  }

  /** A list's slice is full at `at`, its last cell: links a new slice one level larger there; returns the new slice's start. */
  private chainSlice(list: number, at: number): number {
    const level = Math.min(this.levels[list]! + 1, LAST_LEVEL);
    const next = this.slice(SLICE[level]!);
    this.pages[at >>> PAGE_BITS]![at & PAGE_MASK] = next;
    this.levels[list] = level;
    this.ends[list] = next + SLICE[level]! - 1;
    return next;
  }

  /** The list's values copied into `out` (grown when too small: the array returned holds them, from 0). */
  read(list: number, out: Int32Array): Int32Array {
    const n = this.lengths[list]!;
    if (out.length < n) out = new Int32Array(Math.max(n, out.length * 2));
    let at = this.heads[list]!;
    let level = 0;
    let end = at + SLICE[0]! - 1;
    for (let k = 0; k < n; k++) {
      if (at === end) {
        at = this.pages[at >>> PAGE_BITS]![at & PAGE_MASK]!;
        level = Math.min(level + 1, LAST_LEVEL);
        end = at + SLICE[level]! - 1;
      }
      out[k] = this.pages[at >>> PAGE_BITS]![at & PAGE_MASK]!;
      at++;
    }
    return out;
  }

  /** A slice of `size` slots, within one page. */
  private slice(size: number): number {
    if (this.next >>> PAGE_BITS === this.pages.length) this.pages.push(new Int32Array(PAGE));
    else if ((this.next & PAGE_MASK) + size > PAGE) {
      this.pages.push(new Int32Array(PAGE));
      this.next = (this.pages.length - 1) << PAGE_BITS;
    }
    const at = this.next;
    this.next += size;
    return at;
  }

  private grow(): void {
    const size = this.heads.length * 2;
    const widen = <T extends Int32Array | Uint8Array>(from: T, to: T): T => (to.set(from), to);
    this.heads = widen(this.heads, new Int32Array(size));
    this.writes = widen(this.writes, new Int32Array(size));
    this.ends = widen(this.ends, new Int32Array(size));
    this.levels = widen(this.levels, new Uint8Array(size));
    this.lengths = widen(this.lengths, new Int32Array(size));
  }
}
