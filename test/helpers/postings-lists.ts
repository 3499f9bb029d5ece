// Postings lists for the format tests: random postings from a seed, one list
// written as a chunked file, and a cursor over it.
import { ChunkedReader, ChunkedWriter, MemoryAccess, MemorySink } from '../../src/index/format/chunked.js';
import { PostingsCursor, PostingsListWriter } from '../../src/index/format/postings.js';

/** A small deterministic generator (a linear congruential one): the same seed, the same list. */
export function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

export interface Posting {
  ordinal: number;
  tf: number;
  norm: number;
  kind: number;
}

/** `n` postings in rising order, their tf, norm and clause kind drawn from `seed` (kind 255: none). */
export function randomPostings(n: number, seed: number, kinds = [0, 1, 1, 2, 3, 4, 255]): Posting[] {
  const next = random(seed);
  const out: Posting[] = [];
  let ordinal = 0;
  for (let i = 0; i < n; i++) {
    ordinal += 1 + Math.floor(next() * 5);
    out.push({ ordinal, tf: 1 + Math.floor(next() * 6), norm: 1 + Math.floor(next() * 200), kind: kinds[Math.floor(next() * kinds.length)]! });
  }
  return out;
}

export interface WrittenList {
  file: Uint8Array;
  skipBytes: number;
  totalBytes: number;
  df: number;
}

/** A list's bytes (skip table, then blocks) as a chunked file. */
export function chunked(bytes: Uint8Array, skipBytes: number, df: number): WrittenList {
  const sink = new MemorySink();
  const out = new ChunkedWriter(sink);
  out.write(bytes);
  out.finish();
  return { file: sink.bytes, skipBytes, totalBytes: bytes.length, df };
}

/** One list written (kinds: each posting's, or none); `change` may damage its bytes before they are chunked. */
export function writeList(list: Posting[], withKinds: boolean, change: (bytes: Buffer) => void = () => undefined): WrittenList {
  const writer = new PostingsListWriter();
  for (const p of list) writer.add(p.ordinal, p.tf, Array.from({ length: p.tf }, (_, i) => i * 3), 0, p.norm, withKinds ? p.kind : -1);
  const encoded = writer.finish();
  const bytes = Buffer.concat([encoded.skip, encoded.blocks]);
  change(bytes);
  return chunked(bytes, encoded.skip.length, encoded.df);
}

/** A cursor over a written list; damage found is an Error with the problem as its message. */
export function openList(written: WrittenList): PostingsCursor {
  const damaged = (problem: string): Error => new Error(problem);
  const reader = new ChunkedReader(new MemoryAccess(written.file), 'postings.bin', damaged);
  return new PostingsCursor(reader, { offset: 0, skipBytes: written.skipBytes, totalBytes: written.totalBytes, df: written.df }, 1 << 29, damaged);
}
