// Postings of one term in one field: the clauses (for the title, the
// documents) holding it, how often, and at which word positions. Blocks of up
// to 128 postings, after a skip table that says for each block its first and
// last ordinal, its size, and its competitive (term frequency, field length)
// pairs: every pair no other posting of the block beats on both counts (more
// often, in a field no longer). No posting's BM25 score exceeds the best score
// of those pairs, and one posting has it, so a search bounds a block's best
// score exactly without reading it (block-max; a block's largest frequency
// with its smallest length, from two postings, overstates it). Inside a block, ordinals are relative to the
// block's first, so a block moves to another segment unchanged when the
// ordinals shift (merges copy whole blocks).
//
//   list  = skip table | block... | kind table
//   skip  = varint blocks, varint bytes of the kind table, the list's competitive pairs (lists of two
//           blocks or more; coded as a block's), then per block: first - (previous last + 1),
//           last - first, count, bytes, pairs, then per pair (by frequency,
//           ascending; lengths then ascend too) tf and length, the first
//           as they are, later ones as the rise from the previous (varints). The list's pairs
//           bound every posting of it, so a search knows a long list's best score without
//           reading its skip table whole: it reads the table only as far as its walk goes.
//   block = varint length of the doc part | doc part: (gap except first, tf)
//           per posting | positions: per posting, tf positions (first
//           absolute, then gaps)
//   kinds = (clause lists of two blocks or more; none for titles) varint mask of the kinds of the
//           list's postings, then per kind set, by bit: that kind's competitive pairs over the
//           whole list (a filtered search bounds the list without reading the table whole);
//           then per block: varint mask
//           of the clause kinds its postings are of (bit k: kind code k,
//           bit 7: any code from 7 on), then per kind set, by bit: varint
//           pairs, then that kind's competitive pairs, coded as the skip
//           table's. A search filtered by clause kind bounds a block by the
//           postings of those kinds alone (--kind operative: the preamble's
//           best scores no longer hold a block open). Read only by such a
//           search (and merges), after the blocks, so no other search pays
//           for it.

import { ByteWriter, MalformedError, readVarint, varintEnd } from './bytes.js';
import type { ChunkedReader, Damage } from './chunked.js';
import { firstAtLeast, gallopToAtLeast } from '../sorted.js';

export const BLOCK = 128;
/**
 * A cursor's doc once exhausted: above every ordinal (a segment's counts stay below it: MAX_ORDINALS), and a
 * small integer to V8 (below 2^30), so fields and locals that hold it stay small integers. A larger value
 * (it was 2^32) makes every cursor's and iterator's `doc` field a double: in code V8 has not optimised, which
 * is most of a short search, each read of such a field, and each read of a Float64Array, allocates a heap
 * number (a search of four common words allocated some 80 MB and ran ~50 scavenges).
 */
export const NO_MORE = 0x3fffffff;
/** Documents or clauses one segment may hold: every ordinal stays below NO_MORE. */
export const MAX_ORDINALS = NO_MORE;
/** Bytes read at once when a cursor walks a long list. */
const WINDOW = 64 * 1024;

export interface BlockMeta {
  first: number;
  last: number;
  count: number;
  /** Competitive pairs, flat: tf, length, tf, length, ... (tf and length ascending). */
  impacts: number[];
  /** Per kind bit (kindBit) present in the block, that kind's competitive pairs; absent for a list without kinds (titles). */
  kindImpacts?: Array<number[] | undefined>;
}

/** Kind bits of the kind table: one per clause kind code below 7, bit 7 for every other code. */
export const KIND_BITS = 8;

/** The kind table's bit for a clause kind code. */
export function kindBit(code: number): number {
  return code < KIND_BITS - 1 ? code : KIND_BITS - 1;
}

/** Per term frequency up to this, the shortest field seen with it (reused: competitivePairs runs once per block written). */
const SMALL_TF = 256;
const shortestByTf = new Uint32Array(SMALL_TF + 1).fill(0xffffffff);
/** A block's postings of one kind (reused by the writer). */
const kindTfs = new Uint32Array(BLOCK);
const kindNorms = new Uint32Array(BLOCK);

/** The pairs of (tfs[i], norms[i]) no other pair beats on both counts, by tf ascending, flat. */
export function competitivePairs(tfs: ArrayLike<number>, norms: ArrayLike<number>, n: number): number[] {
  if (n === 1) return [tfs[0]!, norms[0]!];
  let maxTf = 0;
  for (let i = 0; i < n; i++) if (tfs[i]! > maxTf) maxTf = tfs[i]!;
  // Frequencies are small: one pass keeps the shortest field per frequency,
  // a sweep from the highest frequency keeps those shorter than every field
  // with a higher one (the frontier), with no sort.
  if (maxTf > SMALL_TF) return competitivePairsSorted(tfs, norms, n);
  for (let i = 0; i < n; i++) if (norms[i]! < shortestByTf[tfs[i]!]!) shortestByTf[tfs[i]!] = norms[i]!;
  const descending: number[] = [];
  let shortest = Infinity;
  for (let tf = maxTf; tf >= 0; tf--) {
    const norm = shortestByTf[tf]!;
    if (norm === 0xffffffff) continue;
    shortestByTf[tf] = 0xffffffff;
    if (norm < shortest) {
      shortest = norm;
      descending.push(tf, norm);
    }
  }
  const pairs: number[] = [];
  for (let k = descending.length - 2; k >= 0; k -= 2) pairs.push(descending[k]!, descending[k + 1]!);
  return pairs;
}

function competitivePairsSorted(tfs: ArrayLike<number>, norms: ArrayLike<number>, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => tfs[b]! - tfs[a]! || norms[a]! - norms[b]!);
  const out: number[] = [];
  let shortest = Infinity;
  for (const i of order) {
    if (norms[i]! < shortest) {
      shortest = norms[i]!;
      out.push(tfs[i]!, norms[i]!);
    }
  }
  // Collected by tf descending: reverse pair by pair.
  const pairs: number[] = [];
  for (let k = out.length - 2; k >= 0; k -= 2) pairs.push(out[k]!, out[k + 1]!);
  return pairs;
}

/**
 * Competitive pairs (flat: tf, length, ...; both ascending) as the skip table and the kind table code them:
 * their count, then the first tf and length as they are, later ones as the rise from the previous (pairsFrom).
 */
function writePairs(out: ByteWriter, pairs: readonly number[]): void {
  out.varint(pairs.length / 2);
  for (let k = 0; k < pairs.length; k += 2) {
    out.varint(k === 0 ? pairs[0]! : pairs[k]! - pairs[k - 2]!);
    out.varint(k === 0 ? pairs[1]! : pairs[k + 1]! - pairs[k - 1]!);
  }
}

export interface EncodedList {
  skip: Uint8Array;
  /** The blocks, then the kind table. */
  blocks: Uint8Array;
  df: number;
}

/**
 * Builds one postings list, block by block. One writer serves every term of a
 * segment (reset() between terms): its buffers are reused, since allocating
 * them per term (hundreds of thousands of terms) costs more than the encoding.
 */
export class PostingsListWriter {
  private readonly skip = new ByteWriter(64);
  private readonly blocks = new ByteWriter(256);
  private readonly block = new ByteWriter(256);
  private readonly positions = new ByteWriter(256);
  private readonly head = new ByteWriter(64);
  private readonly kindTable = new ByteWriter(64);
  private blockCount = 0;
  /** Does this list carry clause kinds (null: no posting added yet)? */
  private withKinds: boolean | null = null;
  private readonly blockKinds = new Uint8Array(BLOCK);
  /** A block came without clause kinds (a title list's, or one copied from a list without a kind table): no kind table. */
  private kindsMissing = false;
  private previousLast = -1;
  private pending = 0;
  private first = 0;
  private lastOrdinal = 0;
  private readonly blockTfs = new Uint32Array(BLOCK);
  private readonly blockNorms = new Uint32Array(BLOCK);
  /** Every block's competitive pairs so far (the list's pairs are theirs: a pair no posting beats is one no posting of its block beats). */
  private listTfs: number[] = [];
  private listNorms: number[] = [];
  /** Per kind bit, every block's competitive pairs of that kind so far (the list's pairs of the kind are theirs). */
  private readonly listKindTfs: number[][] = Array.from({ length: KIND_BITS }, () => []);
  private readonly listKindNorms: number[][] = Array.from({ length: KIND_BITS }, () => []);
  private readonly kindHead = new ByteWriter(16);
  df = 0;

  get pendingCount(): number {
    return this.pending;
  }

  /** The clause kind of a posting (-1: the list has none, as titles): every posting of a list has one, or none does. */
  private kindOf(kind: number): void {
    const has = kind >= 0;
    if (this.withKinds === null) this.withKinds = has;
    else if (this.withKinds !== has) throw new Error('postings with and without clause kinds in one list');
    if (has) this.blockKinds[this.pending] = kind;
  }

  /**
   * Adds a posting: ordinals strictly increasing; `positions[from .. from + tf)` are its word positions;
   * `kind` the clause's kind code (-1 for a title list).
   */
  add(ordinal: number, tf: number, positions: ArrayLike<number>, from: number, norm: number, kind = -1): void {
    this.kindOf(kind);
    if (this.pending === 0) this.first = ordinal;
    else this.block.varint(ordinal - this.lastOrdinal);
    this.blockTfs[this.pending] = tf;
    this.blockNorms[this.pending] = norm;
    this.block.varint(tf);
    let previous = 0;
    for (let i = 0; i < tf; i++) {
      const p = positions[from + i]!;
      this.positions.varint(i === 0 ? p : p - previous);
      previous = p;
    }
    this.lastOrdinal = ordinal;
    this.pending++;
    this.df++;
    if (this.pending === BLOCK) this.flush();
  }

  /**
   * Adds a posting whose positions are given encoded, as a block stores them
   * (`encoded[start .. end)`: first absolute, then gaps, so a posting's bytes
   * mean the same in any block): a merge copies them instead of decoding and
   * encoding again.
   */
  addEncoded(ordinal: number, tf: number, encoded: Uint8Array, start: number, end: number, norm: number, kind = -1): void {
    this.kindOf(kind);
    if (this.pending === 0) this.first = ordinal;
    else this.block.varint(ordinal - this.lastOrdinal);
    this.blockTfs[this.pending] = tf;
    this.blockNorms[this.pending] = norm;
    this.block.varint(tf);
    this.positions.range(encoded, start, end);
    this.lastOrdinal = ordinal;
    this.pending++;
    this.df++;
    if (this.pending === BLOCK) this.flush();
  }

  private entry(meta: BlockMeta, bytes: number): void {
    this.skip.varint(meta.first - (this.previousLast + 1));
    this.skip.varint(meta.last - meta.first);
    this.skip.varint(meta.count);
    this.skip.varint(bytes);
    writePairs(this.skip, meta.impacts);
    for (let k = 0; k < meta.impacts.length; k += 2) {
      this.listTfs.push(meta.impacts[k]!);
      this.listNorms.push(meta.impacts[k + 1]!);
    }
    this.previousLast = meta.last;
    this.blockCount++;
    const byKind = meta.kindImpacts;
    if (!byKind) this.kindsMissing = true;
    else {
      let mask = 0;
      for (let bit = 0; bit < KIND_BITS; bit++) if (byKind[bit]) mask |= 1 << bit;
      this.kindTable.varint(mask);
      for (let bit = 0; bit < KIND_BITS; bit++) {
        const pairs = byKind[bit];
        if (!pairs) continue;
        writePairs(this.kindTable, pairs);
        for (let k = 0; k < pairs.length; k += 2) {
          this.listKindTfs[bit]!.push(pairs[k]!);
          this.listKindNorms[bit]!.push(pairs[k + 1]!);
        }
      }
    }
  }

  /** Per kind bit, the competitive pairs of the pending block's postings of that kind. */
  private pendingKindImpacts(): Array<number[] | undefined> {
    const out: Array<number[] | undefined> = new Array(KIND_BITS);
    const present = new Uint8Array(KIND_BITS);
    for (let i = 0; i < this.pending; i++) present[kindBit(this.blockKinds[i]!)] = 1;
    for (let bit = 0; bit < KIND_BITS; bit++) {
      if (!present[bit]) continue;
      let n = 0;
      for (let i = 0; i < this.pending; i++) {
        if (kindBit(this.blockKinds[i]!) !== bit) continue;
        kindTfs[n] = this.blockTfs[i]!;
        kindNorms[n] = this.blockNorms[i]!;
        n++;
      }
      out[bit] = competitivePairs(kindTfs, kindNorms, n);
    }
    return out;
  }

  private flush(): void {
    if (this.pending === 0) return;
    const start = this.blocks.length;
    this.blocks.varint(this.block.length);
    this.blocks.bytes(this.block.view());
    this.blocks.bytes(this.positions.view());
    const impacts = competitivePairs(this.blockTfs, this.blockNorms, this.pending);
    const meta: BlockMeta = { first: this.first, last: this.lastOrdinal, count: this.pending, impacts };
    if (this.withKinds) meta.kindImpacts = this.pendingKindImpacts();
    this.entry(meta, this.blocks.length - start);
    this.block.reset();
    this.positions.reset();
    this.pending = 0;
  }

  /** Ends the pending postings as a block of their own, however few (a merge does so where a source's full blocks can then be copied). */
  cut(): void {
    this.flush();
  }

  /** Appends an encoded block as it is (its ordinals shifted by the caller in `meta`); nothing may be pending. */
  addBlock(meta: BlockMeta, bytes: Uint8Array): void {
    if (this.pending !== 0) throw new Error('addBlock with postings pending');
    this.blocks.bytes(bytes);
    this.entry(meta, bytes.length);
    this.df += meta.count;
  }

  /** The encoded list: views into the writer's buffers, valid until reset(). */
  finish(): EncodedList {
    this.flush();
    // A list of one block has no kind table: there is no block to skip in it (most terms are rare; the table would
    // grow the file for nothing). Nor has one where a block came without kinds.
    const withTable = this.blockCount >= 2 && !this.kindsMissing;
    this.kindHead.reset();
    if (withTable) {
      let mask = 0;
      for (let bit = 0; bit < KIND_BITS; bit++) if (this.listKindTfs[bit]!.length > 0) mask |= 1 << bit;
      this.kindHead.varint(mask);
      for (let bit = 0; bit < KIND_BITS; bit++) {
        const tfs = this.listKindTfs[bit]!;
        if (tfs.length > 0) writePairs(this.kindHead, competitivePairs(tfs, this.listKindNorms[bit]!, tfs.length));
      }
    }
    const kindBytes = withTable ? this.kindHead.length + this.kindTable.length : 0;
    this.head.reset();
    this.head.varint(this.blockCount);
    this.head.varint(kindBytes);
    // One block's pairs are the list's: written once, in its entry.
    if (this.blockCount >= 2) writePairs(this.head, competitivePairs(this.listTfs, this.listNorms, this.listTfs.length));
    this.head.bytes(this.skip.view());
    // The kind table follows the blocks: a list is written as skip, then blocks (its bytes count in totalBytes).
    if (kindBytes > 0) {
      this.blocks.bytes(this.kindHead.view());
      this.blocks.bytes(this.kindTable.view());
    }
    return { skip: this.head.view(), blocks: this.blocks.view(), df: this.df };
  }

  /** Ready for the next term. */
  reset(): void {
    this.skip.reset();
    this.blocks.reset();
    this.block.reset();
    this.positions.reset();
    this.kindTable.reset();
    this.listTfs.length = 0;
    this.listNorms.length = 0;
    for (let bit = 0; bit < KIND_BITS; bit++) {
      this.listKindTfs[bit]!.length = 0;
      this.listKindNorms[bit]!.length = 0;
    }
    this.withKinds = null;
    this.kindsMissing = false;
    this.blockCount = 0;
    this.previousLast = -1;
    this.pending = 0;
    this.first = 0;
    this.lastOrdinal = 0;
    this.df = 0;
  }
}

/** Pair columns (tfs, norms) with room for `need` pairs, their first `used` kept: twice that, so growth is rare. */
function grownPairs(tfs: Uint32Array, norms: Uint32Array, used: number, need: number): [Uint32Array<ArrayBuffer>, Uint32Array<ArrayBuffer>] {
  const moreTfs = new Uint32Array(2 * need);
  const moreNorms = new Uint32Array(2 * need);
  moreTfs.set(tfs.subarray(0, used));
  moreNorms.set(norms.subarray(0, used));
  return [moreTfs, moreNorms];
}

/**
 * `pairs` competitive pairs coded from values[p] on (the first tf and length as they are, later ones as rises
 * from the previous, never zero: the skip table's coding and the kind table's), into tfs and norms from index
 * k. False when a rise is zero, which no writer produces.
 */
function pairsFrom(values: Uint32Array, p: number, pairs: number, tfs: Uint32Array, norms: Uint32Array, k: number): boolean {
  let tf = values[p]!;
  let norm = values[p + 1]!;
  tfs[k] = tf;
  norms[k] = norm;
  for (let q = 1; q < pairs; q++) {
    const tfStep = values[p + 2 * q]!;
    const normStep = values[p + 2 * q + 1]!;
    if (tfStep === 0 || normStep === 0) return false;
    tf += tfStep;
    norm += normStep;
    tfs[k + q] = tf;
    norms[k + q] = norm;
  }
  return true;
}

const EMPTY = new Uint8Array(0);

/** A list's kind table, decoded: the pairs of block b's postings of kind bit k are [starts[b * KIND_BITS + k], starts[b * KIND_BITS + k + 1]) of tfs and norms. */
export interface KindImpacts {
  starts: Uint32Array;
  tfs: Uint32Array;
  norms: Uint32Array;
}

/**
 * The LEB128 varints of bytes[from ..] into `into` from index n, up to the first one starting at or after `stop`
 * (the last may run past `stop`); how many there are then (n included), with decodedTo where the bytes read end;
 * -1 when the bytes end inside one or one is longer than five bytes or above 2^32 - 1 (no skip table holds such
 * a value).
 */
function decodeVarints(bytes: Uint8Array, from: number, stop: number, into: Uint32Array, n: number): number {
  const end = bytes.length;
  let pos = from;
  while (pos < stop) {
    let byte = bytes[pos++]!;
    let value = byte & 0x7f;
    let scale = 128;
    while (byte >= 0x80) {
      if (pos >= end || scale > 0x10000000) return -1;
      byte = bytes[pos++]!;
      value += (byte & 0x7f) * scale;
      scale *= 128;
    }
    if (value > 0xffffffff) return -1;
    into[n++] = value;
  }
  decodedTo = pos;
  return n;
}
let decodedTo = 0;

/** LEB128 varints of a table, decoded as far as asked (SKIP_STEP bytes at a time) into values. */
class Varints {
  values = new Uint32Array(64);
  count = 0;
  private at = 0;
  private bytes: Uint8Array = EMPTY;

  constructor(private readonly damaged: Damage) {}

  /** Starts on another table (its values' memory reused when large enough). */
  reset(bytes: Uint8Array): this {
    this.bytes = bytes;
    this.count = 0;
    this.at = 0;
    if (this.values.length < bytes.length) this.values = new Uint32Array(Math.max(bytes.length, 2 * this.values.length));
    return this;
  }

  /** Decodes until `count` values are; damage when the table holds fewer. */
  more(count: number): void {
    while (this.count < count) {
      if (this.at >= this.bytes.length) throw this.damaged('postings.bin holds a malformed postings list');
      const n = decodeVarints(this.bytes, this.at, Math.min(this.bytes.length, this.at + SKIP_STEP), this.values, this.count);
      if (n < 0) throw this.damaged('postings.bin holds a malformed postings list');
      this.count = n;
      this.at = decodedTo;
    }
  }

  /** Were the table's bytes all decoded, and its values all used (`used` of them)? */
  done(used: number): boolean {
    return this.at === this.bytes.length && used === this.count;
  }

  /** Lets the bytes go (the table is decoded whole). */
  drop(): void {
    this.bytes = EMPTY;
  }
}

/**
 * A skip table of at most this many bytes is decoded whole when its list is opened; a longer one (a common
 * word's: 73 KB and 4,852 blocks at 100,000 documents) as far as the walk reads it, SKIP_STEP bytes at a time:
 * a search of one common word reads a few dozen of its blocks, and decoding the whole table (and bounding every
 * block) was most of what it cost more than a rare word.
 */
const EAGER_SKIP_BYTES = 2048;
const SKIP_STEP = 2048;

/** Where a list lies in the postings file, as the dictionary says. */
export interface ListLocation {
  offset: number;
  skipBytes: number;
  totalBytes: number;
  df: number;
}

/**
 * Walks one postings list. Reads the skip table when opened and blocks only
 * as they are needed; every read is checked (CRC in the file, then structure
 * here), so damage is an error, never a wrong answer.
 */
export class PostingsCursor {
  blockCount = 0;
  /** Per block (the first blockCount entries): first and last ordinal, count, where its competitive pairs start in impactTfs/impactNorms (and end: the next block's start). */
  firsts = new Uint32Array(1);
  lasts = new Uint32Array(1);
  counts = new Uint16Array(1);
  impactStarts = new Uint32Array(2);
  impactTfs = new Uint32Array(4);
  impactNorms = new Uint32Array(4);
  /** Per block, where its bytes start and end, from the list's first block (blocksAt): small integers, as firsts and lasts. */
  private starts = new Uint32Array(1);
  private ends = new Uint32Array(1);
  /** Where the list's first block starts in the file. */
  private blocksAt = 0;
  /** Current block and position in it. */
  block = -1;
  private index = 0;
  private size = 0;
  readonly ordinals = new Uint32Array(BLOCK);
  readonly tfs = new Uint32Array(BLOCK);
  /** Where the loaded block's positions start, from the block's first byte. */
  private positionsFrom = 0;
  /** Where the loaded block starts in the window (indices, not a view: a view per block decoded was garbage by the thousand). */
  private blockAt = 0;
  /** The window refill blockAt is for: a later refill (rawBlock) leaves it stale, and the block is found again. */
  private blockFill = 0;
  /** Have the loaded block's positions been decoded into positionStarts/positionValues? */
  private positionsDecoded = false;
  /** Per posting of the loaded block, where its positions start in positionValues (reused by every block). */
  private readonly positionStarts = new Uint32Array(BLOCK + 1);
  /** The loaded block's positions (reused, grown to the largest block's). */
  private positionValues = new Uint32Array(BLOCK);
  /** positionByteStarts' answer, and the block it is for (-1: none). */
  private readonly byteStarts = new Uint32Array(BLOCK + 1);
  private byteStartsBlock = -1;
  /** Bytes of the list read at once (a view of windowBuffer), from windowStart. */
  private window: Uint8Array = new Uint8Array(0);
  private windowStart = 0;
  /** The memory windows are read into, reused by every refill (grown when one needs more). */
  private windowBuffer: Uint8Array = new Uint8Array(0);
  /** Refills so far. */
  private fills = 0;
  /** The current ordinal, NO_MORE when exhausted, -1 before the first. */
  doc = -1;
  /** The cursor stands on the first posting of `block`, known from the skip data; the block is not decoded yet. */
  private undecoded = false;
  private location: ListLocation;
  /** Bytes of the kind table (after the blocks; 0: the list has none). */
  private kindBytes = 0;
  /** The kind table, decoded when first asked for (null: not yet). */
  private kinds: KindImpacts | null = null;

  constructor(
    private readonly file: ChunkedReader,
    location: ListLocation,
    private readonly limit: number,
    private readonly damaged: Damage,
  ) {
    this.location = location;
    this.skip = new Varints(damaged);
    this.kindValues = new Varints(damaged);
    this.reopen(location);
  }

  /** Moves the cursor to another list of the same file (a merge walks every list with one cursor per source). */
  reopen(location: ListLocation): this {
    this.location = location;
    this.block = -1;
    this.index = 0;
    this.size = 0;
    this.doc = -1;
    this.undecoded = false;
    this.positionsDecoded = false;
    this.byteStartsBlock = -1;
    this.kinds = null;
    const { offset, skipBytes, totalBytes } = location;
    if (skipBytes <= 0 || totalBytes < skipBytes) throw this.bad();
    // Blocks' offsets are kept from the list's first block (Uint32Array): a list past 4 GiB is no list a writer makes.
    if (totalBytes > 0xffffffff) throw this.bad();
    const eager = skipBytes <= EAGER_SKIP_BYTES;
    // A table decoded whole is read through the reader's reused buffer; one decoded as the walk goes is kept.
    const skip = this.skip.reset(eager ? this.file.peek(offset, skipBytes) : this.file.read(offset, skipBytes));
    // The head: blocks, the kind table's bytes, the list's pairs (a list of one block has its block's).
    skip.more(2);
    const v = skip.values;
    const n = v[0]!;
    if (!(n >= 1 && n <= location.df)) throw this.bad();
    this.blockCount = n;
    const kindBytes = v[1]!;
    if (kindBytes > totalBytes - skipBytes) throw this.bad();
    this.kindBytes = kindBytes;
    let p = 2;
    if (n >= 2) {
      skip.more(p + 1);
      const pairs = v[p]!;
      if (pairs < 1 || pairs > location.df) throw this.bad();
      skip.more(p + 1 + 2 * pairs);
      if (this.listTfs.length < pairs) {
        this.listTfs = new Uint32Array(Math.max(pairs, 2 * this.listTfs.length));
        this.listNorms = new Uint32Array(this.listTfs.length);
      }
      if (!pairsFrom(v, p + 1, pairs, this.listTfs, this.listNorms, 0)) throw this.bad();
      this.listPairs = pairs;
      p += 1 + 2 * pairs;
    } else this.listPairs = 0;
    this.valueAt = p;
    if (this.firsts.length < n) {
      this.firsts = new Uint32Array(n);
      this.lasts = new Uint32Array(n);
      this.counts = new Uint16Array(n);
      this.impactStarts = new Uint32Array(n + 1);
      this.starts = new Uint32Array(n);
      this.ends = new Uint32Array(n);
    }
    this.blocksAt = offset + skipBytes;
    this.decoded = 0;
    this.previousLast = -1;
    this.blockBytes = 0;
    this.total = 0;
    this.impactStarts[0] = 0;
    this.kindValues.reset(EMPTY);
    this.kindsDecoded = 0;
    this.decodeTo(eager ? n - 1 : 0);
    return this;
  }

  /** The skip table's varints as decoded so far. */
  private readonly skip: Varints;
  /** The next value the block entries are read from. */
  private valueAt = 0;
  /** Blocks whose entries are decoded (firsts, lasts, counts, starts, ends, impactStarts to decoded). */
  decoded = 0;
  private previousLast = -1;
  private blockBytes = 0;
  private total = 0;
  /** The list's competitive pairs (listPairs of them): no posting of the list beats all of one, one posting has each. */
  listTfs = new Uint32Array(4);
  listNorms = new Uint32Array(4);
  private listPairs = 0;

  /** Competitive pairs of the whole list: [0, pairs) of listTfs and listNorms (a list of one block: its block's). */
  get listPairCount(): number {
    if (this.listPairs === 0) {
      // One block: its entry is decoded when the list is opened.
      const from = this.impactStarts[0]!;
      const to = this.impactStarts[1]!;
      if (this.listTfs.length < to - from) {
        this.listTfs = new Uint32Array(to - from);
        this.listNorms = new Uint32Array(to - from);
      }
      for (let k = from; k < to; k++) {
        this.listTfs[k - from] = this.impactTfs[k]!;
        this.listNorms[k - from] = this.impactNorms[k]!;
      }
      this.listPairs = to - from;
    }
    return this.listPairs;
  }

  /** Decodes the block entries up to block b (at least a step's worth more; the table whole, checked, at the last block). */
  decodeTo(b: number): void {
    const n = this.blockCount;
    if (b < this.decoded || this.decoded >= n) return;
    const skip = this.skip;
    const v = skip.values;
    let p = this.valueAt;
    let previousLast = this.previousLast;
    let at = this.blockBytes;
    let total = this.total;
    let k = this.impactStarts[this.decoded]!;
    // At least 64 blocks more: a walk moving block by block does not come back here for each.
    const upTo = Math.min(n - 1, Math.max(b, this.decoded + 63));
    for (let blk = this.decoded; blk <= upTo; blk++) {
      // first - (previous last + 1), last - first, count, bytes, pairs, then the pairs (pairsFrom's coding).
      if (p + 5 > skip.count) skip.more(p + 5);
      const first = previousLast + 1 + v[p]!;
      const last = first + v[p + 1]!;
      const count = v[p + 2]!;
      const bytes = v[p + 3]!;
      const pairs = v[p + 4]!;
      p += 5;
      if (pairs < 1 || pairs > count) throw this.bad();
      if (p + 2 * pairs > skip.count) skip.more(p + 2 * pairs);
      if (this.impactTfs.length < k + pairs) {
        const size = Math.max(2 * this.impactTfs.length, k + pairs, 4 * n);
        const tfs = new Uint32Array(size);
        const norms = new Uint32Array(size);
        tfs.set(this.impactTfs.subarray(0, k));
        norms.set(this.impactNorms.subarray(0, k));
        this.impactTfs = tfs;
        this.impactNorms = norms;
      }
      if (!pairsFrom(v, p, pairs, this.impactTfs, this.impactNorms, k)) throw this.bad();
      p += 2 * pairs;
      k += pairs;
      if (count < 1 || count > BLOCK || last - first + 1 < count || last >= this.limit || last >= NO_MORE || bytes < 2) throw this.bad();
      this.firsts[blk] = first;
      this.lasts[blk] = last;
      this.counts[blk] = count;
      this.starts[blk] = at;
      at += bytes;
      this.ends[blk] = at;
      this.impactStarts[blk + 1] = k;
      total += count;
      previousLast = last;
    }
    this.decoded = upTo + 1;
    this.valueAt = p;
    this.previousLast = previousLast;
    this.blockBytes = at;
    this.total = total;
    if (this.decoded === n) {
      const { location } = this;
      if (!skip.done(p) || at + this.kindBytes !== location.totalBytes - location.skipBytes || total !== location.df) throw this.bad();
      if (n >= 2 && !this.listPairsHold(k)) throw this.bad();
      skip.drop();
    }
  }

  /** Are the list's pairs those of its blocks' pairs (the first k of impactTfs and impactNorms) together? */
  private listPairsHold(k: number): boolean {
    const pairs = competitivePairs(this.impactTfs, this.impactNorms, k);
    if (pairs.length !== 2 * this.listPairs) return false;
    for (let q = 0; q < this.listPairs; q++) {
      if (pairs[2 * q] !== this.listTfs[q] || pairs[2 * q + 1] !== this.listNorms[q]) return false;
    }
    return true;
  }

  /** Decodes every block entry (a list read whole: merges, filters, deletions, the kind table). */
  decodeAll(): void {
    this.decodeTo(this.blockCount - 1);
  }

  /** Does the list carry clause kinds (a kind table)? Title lists do not. */
  get hasKinds(): boolean {
    return this.kindBytes > 0;
  }

  /**
   * The kind table whole: per block and kind bit, the competitive pairs of
   * the block's postings of that kind (merges). Read and checked when first
   * asked for.
   */
  kindImpacts(): KindImpacts {
    this.kindsTo(this.blockCount - 1);
    return this.kinds!;
  }

  /** The kind table's varints as decoded so far. */
  private readonly kindValues: Varints;
  /** Blocks whose kind entries are decoded into kinds. */
  kindsDecoded = 0;
  /** Where the next block's kind entry starts in kindValues. */
  private kindAt = 0;
  /** Per kind bit, where its list pairs start in kindListTfs and kindListNorms (and end: the next bit's start). */
  readonly kindListStarts = new Uint32Array(KIND_BITS + 1);
  kindListTfs = new Uint32Array(8);
  kindListNorms = new Uint32Array(8);

  /**
   * Reads the kind table's head (the list's pairs per kind, in kindListStarts, kindListTfs and kindListNorms)
   * and returns the table as decoded so far (kindsTo decodes more).
   */
  kindTable(): KindImpacts {
    if (this.kinds) return this.kinds;
    if (this.kindBytes === 0) throw new Error('the list has no kind table');
    const start = this.location.offset + this.location.totalBytes - this.kindBytes;
    // A short table is read through the reader's buffer and decoded whole at once; a long one kept and decoded as asked.
    const eager = this.kindBytes <= EAGER_SKIP_BYTES;
    const values = this.kindValues.reset(eager ? this.file.peek(start, this.kindBytes) : this.file.read(start, this.kindBytes));
    values.more(1);
    const mask = values.values[0]!;
    if (mask < 1 || mask >= 1 << KIND_BITS) throw this.bad();
    let p = 1;
    let k = 0;
    for (let bit = 0; bit < KIND_BITS; bit++) {
      this.kindListStarts[bit] = k;
      if ((mask & (1 << bit)) === 0) continue;
      values.more(p + 1);
      const pairs = values.values[p]!;
      if (pairs < 1 || pairs > this.location.df) throw this.bad();
      values.more(p + 1 + 2 * pairs);
      if (this.kindListTfs.length < k + pairs) [this.kindListTfs, this.kindListNorms] = grownPairs(this.kindListTfs, this.kindListNorms, k, k + pairs);
      if (!pairsFrom(values.values, p + 1, pairs, this.kindListTfs, this.kindListNorms, k)) throw this.bad();
      p += 1 + 2 * pairs;
      k += pairs;
    }
    this.kindListStarts[KIND_BITS] = k;
    this.kindAt = p;
    this.kindsDecoded = 0;
    const n = this.blockCount;
    this.kinds = { starts: new Uint32Array(n * KIND_BITS + 1), tfs: new Uint32Array(Math.max(8, 2 * n)), norms: new Uint32Array(Math.max(8, 2 * n)) };
    if (eager) this.kindsTo(n - 1);
    return this.kinds;
  }

  /** Decodes the kind table's entries up to block b (at least 64 blocks more; checked whole at the last block). */
  kindsTo(b: number): void {
    const kinds = this.kinds ?? this.kindTable();
    const n = this.blockCount;
    if (b < this.kindsDecoded || this.kindsDecoded >= n) return;
    const upTo = Math.min(n - 1, Math.max(b, this.kindsDecoded + 63));
    if (upTo >= this.decoded) this.decodeTo(upTo);
    const values = this.kindValues;
    const v = values.values;
    let p = this.kindAt;
    let k = kinds.starts[this.kindsDecoded * KIND_BITS]!;
    for (let blk = this.kindsDecoded; blk <= upTo; blk++) {
      values.more(p + 1);
      const mask = v[p++]!;
      if (mask < 1 || mask >= 1 << KIND_BITS) throw this.bad();
      let pairsInBlock = 0;
      for (let bit = 0; bit < KIND_BITS; bit++) {
        kinds.starts[blk * KIND_BITS + bit] = k;
        if ((mask & (1 << bit)) === 0) continue;
        values.more(p + 1);
        const pairs = v[p++]!;
        pairsInBlock += pairs;
        if (pairs < 1 || pairsInBlock > this.counts[blk]!) throw this.bad();
        values.more(p + 2 * pairs);
        if (kinds.tfs.length < k + pairs) [kinds.tfs, kinds.norms] = grownPairs(kinds.tfs, kinds.norms, k, k + pairs);
        if (!pairsFrom(v, p, pairs, kinds.tfs, kinds.norms, k)) throw this.bad();
        p += 2 * pairs;
        k += pairs;
      }
    }
    kinds.starts[(upTo + 1) * KIND_BITS] = k;
    this.kindAt = p;
    this.kindsDecoded = upTo + 1;
    if (this.kindsDecoded === n) {
      if (!values.done(p) || !this.kindListsHold(kinds)) throw this.bad();
      values.drop();
    }
  }

  /** Are the list's pairs of each kind those of its blocks' pairs of that kind together? */
  private kindListsHold(kinds: KindImpacts): boolean {
    const n = this.blockCount;
    for (let bit = 0; bit < KIND_BITS; bit++) {
      const tfs: number[] = [];
      const norms: number[] = [];
      for (let b = 0; b < n; b++) {
        for (let k = kinds.starts[b * KIND_BITS + bit]!; k < kinds.starts[b * KIND_BITS + bit + 1]!; k++) {
          tfs.push(kinds.tfs[k]!);
          norms.push(kinds.norms[k]!);
        }
      }
      const from = this.kindListStarts[bit]!;
      const to = this.kindListStarts[bit + 1]!;
      if (tfs.length === 0) {
        if (to !== from) return false;
        continue;
      }
      const pairs = competitivePairs(tfs, norms, tfs.length);
      if (pairs.length !== 2 * (to - from)) return false;
      for (let q = 0; q < to - from; q++) {
        if (pairs[2 * q] !== this.kindListTfs[from + q] || pairs[2 * q + 1] !== this.kindListNorms[from + q]) return false;
      }
    }
    return true;
  }

  private bad(): Error {
    return this.damaged('postings.bin holds a malformed postings list');
  }

  get df(): number {
    return this.location.df;
  }

  /** The encoded block `b`: a view of the window (merges; a search's decoding reads the window by index). */
  private bytesOf(b: number): Uint8Array {
    if (b >= this.decoded) this.decodeTo(b);
    const at = this.windowAt(b);
    return this.window.subarray(at, at + this.ends[b]! - this.starts[b]!);
  }

  /** Where block `b` starts in the window, read into it (a window's worth of the list from there) when it is not there whole. */
  private windowAt(b: number): number {
    const at = this.blocksAt + this.starts[b]! - this.windowStart;
    return at >= 0 && at + this.ends[b]! - this.starts[b]! <= this.window.length ? at : this.refill(b);
  }

  /** Reads the window from block `b` on (a window's worth of the list, or the block if longer); returns 0, where the block now starts. */
  private refill(b: number): number {
    const start = this.blocksAt + this.starts[b]!;
    const end = this.blocksAt + this.ends[b]!;
    const listEnd = this.location.offset + this.location.totalBytes;
    const windowEnd = Math.min(listEnd, Math.max(end, start + WINDOW));
    this.window = this.file.readWithin(start, windowEnd - start, this.windowBuffer);
    if (this.window.buffer !== this.windowBuffer.buffer) this.windowBuffer = new Uint8Array(this.window.buffer);
    this.windowStart = start;
    this.fills++;
    return 0;
  }

  /** Decodes block `b` into ordinals and tfs, checking it. */
  loadBlock(b: number): void {
    if (b >= this.decoded) this.decodeTo(b);
    // windowAt written out here: the refill is a call whose site is this function's own, so it has run (a
    // cursor's first block is always read) by the time V8 optimises this function. Inlined from windowAt,
    // it had not (V8 keeps no feedback for a function's first calls), and the optimised code was dropped and
    // compiled again at the first refill.
    const length = this.ends[b]! - this.starts[b]!;
    let at = this.blocksAt + this.starts[b]! - this.windowStart;
    if (at < 0 || at + length > this.window.length) at = this.refill(b);
    const bytes = this.window;
    const blockEnd = at + length;
    const count = this.counts[b]!;
    const docPart = readVarint(bytes, at, blockEnd);
    if (docPart < 0) throw this.bad();
    let pos = varintEnd;
    const docEnd = pos + docPart;
    if (docEnd > blockEnd) throw this.bad();
    const ordinals = this.ordinals;
    const tfs = this.tfs;
    let ordinal = this.firsts[b]!;
    // Varints read inline (blocks are decoded by the thousand), each by the same operations whatever its
    // length: code V8 optimised after one-byte values alone (most gaps and frequencies) met an operation it had
    // never run at the first longer one, and was dropped and compiled again (a deoptimisation). Four bytes hold
    // every value below 2^28; a longer varint (a gap in a segment of more clauses) is read again by readVarint.
    // A varint running on past the doc part ends at the window's end at the latest (undefined: no continuation).
    let byte = 0;
    let v = 0;
    let shift = 0;
    let from = 0;
    for (let i = 0; i < count; i++) {
      if (i > 0) {
        from = pos;
        v = 0;
        shift = 0;
        do {
          byte = bytes[pos++]!;
          v |= (byte & 0x7f) << shift;
          shift += 7;
        } while (byte >= 0x80);
        if (shift > 28) {
          if ((v = readVarint(bytes, from, docEnd)) < 0) throw this.bad();
          pos = varintEnd;
        }
        if (pos > docEnd || v <= 0) throw this.bad();
        ordinal += v;
      }
      ordinals[i] = ordinal;
      from = pos;
      v = 0;
      shift = 0;
      do {
        byte = bytes[pos++]!;
        v |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte >= 0x80);
      if (shift > 28) {
        if ((v = readVarint(bytes, from, docEnd)) < 0) throw this.bad();
        pos = varintEnd;
      }
      if (pos > docEnd || v <= 0) throw this.bad();
      tfs[i] = v;
    }
    if (pos !== docEnd || ordinal !== this.lasts[b]) throw this.bad();
    this.block = b;
    this.size = count;
    this.index = 0;
    this.undecoded = false;
    this.blockAt = at;
    this.blockFill = this.fills;
    this.positionsFrom = docEnd - at;
    this.positionsDecoded = false;
    this.byteStartsBlock = -1;
  }

  /**
   * Moves to the first posting without decoding a block: its ordinal is the
   * skip table's. A search that jumps at once (to a document, a cited clause)
   * then never reads the list's first block.
   */
  first(): number {
    // Block 0's entry is decoded when the list is opened.
    this.block = 0;
    this.index = 0;
    this.size = 0;
    this.undecoded = true;
    return (this.doc = this.firsts[0]!);
  }

  /** Moves to the next posting. */
  next(): number {
    if (this.doc === NO_MORE) return NO_MORE;
    if (this.undecoded) this.loadBlock(this.block);
    // One store of doc for every outcome, the list's end among them (as in advance).
    let doc = NO_MORE;
    if (this.block >= 0 && this.index + 1 < this.size) {
      this.index++;
      doc = this.ordinals[this.index]!;
    } else if (this.block + 1 < this.blockCount) {
      this.loadBlock(this.block + 1);
      doc = this.ordinals[0]!;
    }
    return (this.doc = doc);
  }

  /** The first block whose last ordinal is >= target, from the current one; blockCount when none. */
  blockOf(target: number): number {
    const b = Math.max(this.block, 0);
    if (this.lasts[b]! >= target) return b;
    // No ordinal of the list reaches the segment's count: past the end without decoding the rest of the table.
    if (target >= this.limit) return this.blockCount;
    // Entries decoded until one ends at or after target (or every one is), then galloping and binary search.
    while (this.decoded < this.blockCount && this.lasts[this.decoded - 1]! < target) this.decodeTo(this.decoded);
    return gallopToAtLeast(this.lasts, target, b + 1, this.decoded);
  }

  /** Moves to the first posting >= target. */
  advance(target: number): number {
    if (this.doc >= target) return this.doc;
    const b = this.blockOf(target);
    // Every outcome ends at the one store of doc below: the list's end had a branch of its own, which in most
    // searches ran first after V8 had optimised this, and the optimised code was dropped there.
    let doc = NO_MORE;
    if (b < this.blockCount) {
      const moved = b !== this.block || this.undecoded;
      if (moved && target <= this.firsts[b]!) {
        // The block's first posting, known from the skip data: decoded only when read (a search that
        // passes whole blocks by their bounds lands on many it never reads).
        this.block = b;
        this.index = 0;
        this.size = 0;
        this.undecoded = true;
        doc = this.firsts[b]!;
      } else {
        if (moved) this.loadBlock(b);
        let i = this.index;
        while (this.ordinals[i]! < target) i++;
        this.index = i;
        doc = this.ordinals[i]!;
      }
    }
    return (this.doc = doc);
  }

  /**
   * Where ordinal `o` stands in the loaded block, decoded, from the current posting on: the index of the first
   * posting at or after it; -1 when that is not known without decoding (no block decoded, or `o` past it).
   */
  indexInLoaded(o: number): number {
    if (this.undecoded || this.block < 0 || this.size === 0 || o > this.lasts[this.block]!) return -1;
    return firstAtLeast(this.ordinals, o, this.index, this.size);
  }

  get tf(): number {
    if (this.undecoded) this.loadBlock(this.block);
    return this.tfs[this.index]!;
  }

  /** Word positions of the current posting: a view valid until the cursor decodes another block. */
  positions(): Uint32Array {
    return this.positionsAt(this.index);
  }

  /** Word positions of posting `i` of the loaded block (a view valid until the cursor decodes another block). */
  positionsAt(i: number): Uint32Array {
    if (this.undecoded) this.loadBlock(this.block);
    if (!this.positionsDecoded) this.decodePositions();
    const starts = this.positionStarts;
    return this.positionValues.subarray(starts[i]!, starts[i + 1]!);
  }

  /** The loaded block's bytes: positionBytesAt's ranges index them. */
  get loadedBytes(): Uint8Array {
    return this.currentBytes();
  }

  /** The loaded block's bytes (a view: merges). */
  private currentBytes(): Uint8Array {
    const at = this.loadedAt();
    return this.window.subarray(at, at + this.ends[this.block]! - this.starts[this.block]!);
  }

  /** Where the loaded block starts in the window, found again if the window was refilled since (rawBlock reuses its memory). */
  private loadedAt(): number {
    if (this.blockFill !== this.fills) {
      this.blockAt = this.windowAt(this.block);
      this.blockFill = this.fills;
    }
    return this.blockAt;
  }

  /**
   * Where posting `i`'s encoded positions lie in loadedBytes: [starts[i],
   * starts[i + 1]). Found by walking the varints once per block, checked as
   * decoding would check them, into a buffer the cursor reuses.
   */
  positionByteStarts(): Uint32Array {
    if (this.undecoded) this.loadBlock(this.block);
    if (this.byteStartsBlock === this.block) return this.byteStarts;
    const bytes = this.currentBytes();
    const starts = this.byteStarts;
    let pos = this.positionsFrom;
    for (let i = 0; i < this.size; i++) {
      starts[i] = pos;
      for (let j = 0; j < this.tfs[i]!; j++) {
        for (let s = 0; ; s++) {
          if (pos >= bytes.length || s >= 5) throw this.bad();
          if (bytes[pos++]! < 0x80) break;
        }
      }
    }
    starts[this.size] = pos;
    if (pos !== bytes.length) throw this.bad();
    this.byteStartsBlock = this.block;
    return starts;
  }

  /** Postings in the loaded block. */
  get blockSize(): number {
    return this.size;
  }

  /** Decodes the loaded block's positions into the reused positionStarts and positionValues. */
  private decodePositions(): void {
    const at = this.loadedAt();
    const bytes = this.window;
    const blockEnd = at + this.ends[this.block]! - this.starts[this.block]!;
    let pos = at + this.positionsFrom;
    let total = 0;
    for (let i = 0; i < this.size; i++) total += this.tfs[i]!;
    if (this.positionValues.length < total) this.positionValues = new Uint32Array(Math.max(total, 2 * this.positionValues.length));
    const values = this.positionValues;
    const starts = this.positionStarts;
    let k = 0;
    for (let i = 0; i < this.size; i++) {
      starts[i] = k;
      let previous = 0;
      for (let j = 0; j < this.tfs[i]!; j++) {
        let value = 0;
        let scale = 1;
        for (let s = 0; ; s++) {
          if (pos >= blockEnd || s >= 5) throw this.bad();
          const byte = bytes[pos++]!;
          value += (byte & 0x7f) * scale;
          if (byte < 0x80) break;
          scale *= 128;
        }
        previous = j === 0 ? value : previous + value;
        values[k++] = previous;
      }
    }
    starts[this.size] = k;
    if (pos !== blockEnd) throw this.bad();
    this.positionsDecoded = true;
  }

  /** The encoded bytes of block `b` (merges copy them): a view, valid until the cursor reads again. */
  rawBlock(b: number): Uint8Array {
    return this.bytesOf(b);
  }

  meta(b: number): BlockMeta {
    if (b >= this.decoded) this.decodeTo(b);
    const impacts: number[] = [];
    for (let k = this.impactStarts[b]!; k < this.impactStarts[b + 1]!; k++) impacts.push(this.impactTfs[k]!, this.impactNorms[k]!);
    const meta: BlockMeta = { first: this.firsts[b]!, last: this.lasts[b]!, count: this.counts[b]!, impacts };
    if (this.hasKinds) {
      const { starts, tfs, norms } = this.kindImpacts();
      const byKind: Array<number[] | undefined> = new Array(KIND_BITS);
      for (let bit = 0; bit < KIND_BITS; bit++) {
        const from = starts[b * KIND_BITS + bit]!;
        const to = starts[b * KIND_BITS + bit + 1]!;
        if (from === to) continue;
        const pairs: number[] = [];
        for (let k = from; k < to; k++) pairs.push(tfs[k]!, norms[k]!);
        byKind[bit] = pairs;
      }
      meta.kindImpacts = byKind;
    }
    return meta;
  }

  /** Every ordinal and tf of the list (small lists, filters, counting). */
  readAll(): { ordinals: Uint32Array; tfs: Uint32Array } {
    const ordinals = new Uint32Array(this.location.df);
    const tfs = new Uint32Array(this.location.df);
    let k = 0;
    for (let b = 0; b < this.blockCount; b++) {
      this.loadBlock(b);
      ordinals.set(this.ordinals.subarray(0, this.size), k);
      tfs.set(this.tfs.subarray(0, this.size), k);
      k += this.size;
    }
    this.block = -1;
    this.doc = -1;
    this.undecoded = false;
    return { ordinals, tfs };
  }
}

export { MalformedError };
