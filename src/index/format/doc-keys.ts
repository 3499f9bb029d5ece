// An in-memory index of a segment's document ids or source sha256s, for a
// process that looks up many of them (an ingest of a folder asks, for every
// file, whether its text or its id is indexed already). The document table's
// binary search costs a verified page read per probe, which at 100,000
// documents made these lookups a fifth of ingest's main thread; this index
// holds 12 bytes per document (a 53-bit hash of the key and the ordinal,
// sorted by hash) and confirms a candidate with one read. Segments never
// change, so it is built once per segment and process.

import { firstAtLeast } from '../sorted.js';

/** A 53-bit hash of a UTF-8 key (two 32-bit FNV-1a lanes with different offsets). */
export function keyHash(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = from; i < to; i++) {
    const c = bytes[i]!;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

const encoder = new TextEncoder();

/** keyHash of a string's UTF-8 (ids and hashes are ASCII: hashed from the string, with no encoding). */
function keyHashOfString(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0x80) return keyHash(encoder.encode(key));
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

export class DocKeyIndex {
  private constructor(
    private readonly hashes: Float64Array,
    private readonly ordinals: Uint32Array,
  ) {}

  /** From each document's key hash, indexed by ordinal. */
  static fromHashes(byOrdinal: Float64Array): DocKeyIndex {
    const order = Uint32Array.from(byOrdinal.keys()).sort((x, y) => byOrdinal[x]! - byOrdinal[y]! || x - y);
    const hashes = new Float64Array(order.length);
    for (let k = 0; k < order.length; k++) hashes[k] = byOrdinal[order[k]!]!;
    return new DocKeyIndex(hashes, order);
  }

  /** Ordinals whose key may be `key` (same hash; the caller confirms), ascending. */
  candidates(key: string): number[] {
    const h = keyHashOfString(key);
    const lo = firstAtLeast(this.hashes, h);
    const out: number[] = [];
    for (let k = lo; k < this.hashes.length && this.hashes[k] === h; k++) out.push(this.ordinals[k]!);
    return out;
  }
}
