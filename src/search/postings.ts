// Postings lists on disk: for one term in one field, the clauses (or, for
// document fields, the documents) holding it and how often. Only what BM25
// needs: ordinals and term frequencies, no positions (snippets re-analyse the
// few clauses shown). A block is varints: count, then (ordinal gap, tf) pairs.

import { IndexError } from '../errors.js';

export interface Postings {
  ordinals: Uint32Array;
  tfs: Uint32Array;
}

function pushVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

export function encodePostings(ordinals: ArrayLike<number>, tfs: ArrayLike<number>): Uint8Array {
  const bytes: number[] = [];
  pushVarint(bytes, ordinals.length);
  let previous = 0;
  for (let i = 0; i < ordinals.length; i++) {
    pushVarint(bytes, ordinals[i]! - previous);
    pushVarint(bytes, tfs[i]!);
    previous = ordinals[i]!;
  }
  return Uint8Array.from(bytes);
}

/**
 * Decodes one block, checking it as it goes: a damaged file must give an
 * IndexError, never a wrong answer or a crash. `limit` is the number of
 * ordinals the segment has.
 */
export function decodePostings(block: Uint8Array, limit: number, where: string): Postings {
  let pos = 0;
  const damaged = (): never => {
    throw new IndexError(`${where} is damaged (bad postings): run \`unres ingest --rebuild\``);
  };
  const read = (): number => {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 5; i++) {
      if (pos >= block.length) damaged();
      const byte = block[pos++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
    return damaged();
  };
  const count = read();
  if (count > limit) damaged();
  const ordinals = new Uint32Array(count);
  const tfs = new Uint32Array(count);
  let ordinal = 0;
  for (let i = 0; i < count; i++) {
    const gap = read();
    if (i > 0 && gap === 0) damaged();
    ordinal += gap;
    if (ordinal >= limit) damaged();
    ordinals[i] = ordinal;
    tfs[i] = read();
    if (tfs[i] === 0) damaged();
  }
  if (pos !== block.length) damaged();
  return { ordinals, tfs };
}
