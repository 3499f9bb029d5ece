// Reads into reused memory (a chunked reader's scratch buffer, a postings
// cursor's window, a norms column): one read's bytes must never show through
// another's, and damage must still be found in reused buffers.

import { describe, expect, it } from 'vitest';
import { CHUNK, ChunkedReader, ChunkedWriter, MemoryAccess, MemorySink } from '../../src/index/format/chunked.js';
import { type ListLocation, NO_MORE, PostingsCursor, PostingsListWriter } from '../../src/index/format/postings.js';

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

/** A chunked file of `data`, and a reader over it (a fresh one per call: no buffer shared with another test). */
function chunkedFile(data: Uint8Array): Uint8Array {
  const sink = new MemorySink();
  const out = new ChunkedWriter(sink);
  out.write(data);
  out.finish();
  return sink.bytes;
}

function readerOf(file: Uint8Array): ChunkedReader {
  return new ChunkedReader(new MemoryAccess(file), 'test.bin', (problem) => new Error(problem));
}

function pattern(n: number, seed: number): Uint8Array {
  const next = random(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
}

describe('reads into reused memory', () => {
  const data = pattern(2_500_000, 7); // larger than the scratch buffer's cap (1 MiB)
  const file = chunkedFile(data);

  it('give every range exactly, whichever way it is read, and what read() returned stays as it was', () => {
    const reader = readerOf(file);
    const next = random(3);
    const kept: Array<[number, Uint8Array]> = [];
    let buffer = new Uint8Array(0);
    const into = new Uint8Array(200_000);
    for (let k = 0; k < 300; k++) {
      // Short and long ranges, inside a chunk, across chunks, and past the scratch buffer's cap.
      const length = k % 50 === 0 ? 1_200_000 + Math.floor(next() * 100_000) : 1 + Math.floor(next() * (k % 3 === 0 ? 150_000 : 5_000));
      const offset = Math.floor(next() * (data.length - length));
      const want = data.subarray(offset, offset + length);
      const way = k % 4;
      if (way === 0) {
        const got = reader.read(offset, length);
        expect(Buffer.compare(got, want)).toBe(0);
        kept.push([offset, got]);
      } else if (way === 1) {
        expect(Buffer.compare(reader.peek(offset, length), want)).toBe(0);
      } else if (way === 2 && length <= into.length - 10) {
        into.fill(0xee);
        reader.readInto(offset, length, into, 10);
        expect(Buffer.compare(into.subarray(10, 10 + length), want)).toBe(0);
        // Nothing written outside the range asked for.
        expect(into[9]).toBe(0xee);
        expect(into[10 + length]).toBe(0xee);
      } else {
        const got = reader.readWithin(offset, length, buffer);
        expect(Buffer.compare(got, want)).toBe(0);
        buffer = new Uint8Array(got.buffer);
      }
    }
    // read() gave memory of its own: later reads through the reused buffers did not change it.
    for (const [offset, got] of kept) expect(Buffer.compare(got, data.subarray(offset, offset + got.length))).toBe(0);
  });

  it('readWithin reads into the buffer given when it holds the chunks, else into a new one', () => {
    const reader = readerOf(file);
    const small = new Uint8Array(CHUNK);
    const grown = reader.readWithin(CHUNK + 5, 3 * CHUNK, small);
    expect(grown.buffer).not.toBe(small.buffer);
    expect(Buffer.compare(grown, data.subarray(CHUNK + 5, 4 * CHUNK + 5))).toBe(0);
    const again = reader.readWithin(10 * CHUNK + 1, 2 * CHUNK, new Uint8Array(grown.buffer));
    expect(again.buffer).toBe(grown.buffer);
    expect(Buffer.compare(again, data.subarray(10 * CHUNK + 1, 12 * CHUNK + 1))).toBe(0);
  });

  it('still find a damaged chunk read into buffers that held sound bytes before', () => {
    const damaged = file.slice();
    const chunk = 40;
    damaged[chunk * CHUNK + 100] ^= 0x01;
    const reader = readerOf(damaged);
    // Sound reads first, through every way, filling the buffers the damaged reads then reuse.
    let buffer = new Uint8Array(0);
    const into = new Uint8Array(8 * CHUNK);
    reader.peek((chunk - 2) * CHUNK, 2 * CHUNK);
    reader.readInto((chunk - 2) * CHUNK, 2 * CHUNK, into, 0);
    buffer = new Uint8Array(reader.readWithin((chunk - 3) * CHUNK, 3 * CHUNK, buffer).buffer);
    const inside = chunk * CHUNK + 50;
    expect(() => reader.read(inside, 10)).toThrow('fails its checksum');
    expect(() => reader.peek(inside, 10)).toThrow('fails its checksum');
    expect(() => reader.readInto(inside - CHUNK, CHUNK + 10, into, 0)).toThrow('fails its checksum');
    expect(() => reader.readWithin(inside - 2 * CHUNK, 3 * CHUNK, buffer)).toThrow('fails its checksum');
    expect(() => reader.read(0, 2_000_000)).toThrow('fails its checksum');
    // A sound range after the failure reads right (nothing of the damaged read shows through).
    expect(Buffer.compare(reader.peek((chunk + 1) * CHUNK, 100), data.subarray((chunk + 1) * CHUNK, (chunk + 1) * CHUNK + 100))).toBe(0);
  });
});

interface Posting {
  ordinal: number;
  positions: number[];
}

function list(n: number, seed: number): Posting[] {
  const next = random(seed);
  const out: Posting[] = [];
  let ordinal = 0;
  for (let i = 0; i < n; i++) {
    ordinal += 1 + Math.floor(next() * 4);
    const tf = 1 + Math.floor(next() * 6);
    let p = Math.floor(next() * 50);
    const positions: number[] = [];
    for (let j = 0; j < tf; j++) positions.push((p += 1 + Math.floor(next() * 300)));
    out.push({ ordinal, positions });
  }
  return out;
}

/** Two postings lists in one file, each longer than a cursor's window (so windows refill as a cursor walks). */
function twoLists(): { file: Uint8Array; lists: Posting[][]; locations: ListLocation[] } {
  const lists = [list(30_000, 1), list(25_000, 2)];
  const parts: Uint8Array[] = [];
  const locations: ListLocation[] = [];
  let offset = 0;
  const writer = new PostingsListWriter();
  for (const postings of lists) {
    writer.reset();
    for (const p of postings) writer.add(p.ordinal, p.positions.length, p.positions, 0, 10);
    const encoded = writer.finish();
    const bytes = Buffer.concat([encoded.skip, encoded.blocks]);
    parts.push(bytes);
    locations.push({ offset, skipBytes: encoded.skip.length, totalBytes: bytes.length, df: encoded.df });
    offset += bytes.length;
  }
  const total = Buffer.concat(parts);
  expect(locations[1]!.totalBytes).toBeGreaterThan(2 * 64 * 1024);
  return { file: chunkedFile(total), lists, locations };
}

describe('postings cursors with reused windows', () => {
  const { file, lists, locations } = twoLists();
  const cursorOf = (reader: ChunkedReader, l: number): PostingsCursor =>
    new PostingsCursor(reader, locations[l]!, 1 << 30, (problem) => new Error(problem));

  it('two cursors walked in turn on one file read each its own postings and positions', () => {
    const reader = readerOf(file);
    const cursors = [cursorOf(reader, 0), cursorOf(reader, 1)];
    const at = [-1, -1];
    // Alternate, and jump now and then, so each cursor's window refills between the other's reads.
    const next = random(9);
    let walking = 2;
    while (walking > 0) {
      walking = 0;
      for (let l = 0; l < 2; l++) {
        const cursor = cursors[l]!;
        const postings = lists[l]!;
        if (cursor.doc === NO_MORE) continue;
        walking++;
        let i = at[l]!;
        if (i >= 0 && next() < 0.02 && i + 500 < postings.length) {
          i += 300;
          expect(cursor.advance(postings[i]!.ordinal)).toBe(postings[i]!.ordinal);
        } else {
          i++;
          const o = cursor.next();
          if (i === postings.length) {
            expect(o).toBe(NO_MORE);
            continue;
          }
          expect(o).toBe(postings[i]!.ordinal);
        }
        at[l] = i;
        expect([...cursor.positions()]).toEqual(postings[i]!.positions);
      }
    }
    expect(at).toEqual([lists[0]!.length - 1, lists[1]!.length - 1]);
  });

  it("a block's positions read right after rawBlock refilled the window", () => {
    const reader = readerOf(file);
    const cursor = cursorOf(reader, 1);
    const postings = lists[1]!;
    cursor.loadBlock(0);
    // A far block's bytes: the window is read again over them.
    const far = cursor.rawBlock(cursor.blockCount >> 1);
    expect(far.length).toBeGreaterThan(0);
    for (let i = 0; i < cursor.blockSize; i++) expect([...cursor.positionsAt(i)]).toEqual(postings[i]!.positions);
    const starts = cursor.positionByteStarts();
    expect(starts[cursor.blockSize]).toBe(cursor.loadedBytes.length);
  });
});
