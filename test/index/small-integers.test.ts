// A cursor's end mark and block bounds are small integers to V8 (issue 13):
// in code V8 has not optimised, reading a double (a field that once held one,
// a Float64Array element) allocates. The end mark stays above every ordinal a
// segment may hold, and a segment header that claims more is refused.

import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ChunkedReader, ChunkedWriter, MemoryAccess, MemorySink } from '../../src/index/format/chunked.js';
import { ByteWriter, readVarint, varintEnd } from '../../src/index/format/bytes.js';
import { type SegmentHeader, decodeHeader, encodeHeader } from '../../src/index/format/header.js';
import { MAX_ORDINALS, NO_MORE, PostingsCursor, PostingsListWriter } from '../../src/index/format/postings.js';
import { ALL_FIELDS, type Field } from '../../src/search/fields.js';

function header(docCount: number, clauseCount: number): SegmentHeader {
  const terms = Object.fromEntries(ALL_FIELDS.map((f) => [f, { termCount: 0, blockCount: 0, sparseOffset: 0, sparseBytes: 0 }]));
  const fieldTotals = Object.fromEntries(ALL_FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  return { identity: 'test', docCount, clauseCount, fieldTotals, terms: terms as SegmentHeader['terms'] };
}

/** A chunked file holding one list, and a cursor over it in a segment of `limit` ordinals. */
function cursorOver(data: Uint8Array, skipBytes: number, df: number, limit: number): PostingsCursor {
  const sink = new MemorySink();
  const out = new ChunkedWriter(sink);
  out.write(data);
  out.finish();
  const reader = new ChunkedReader(new MemoryAccess(sink.bytes), 'postings.bin', (p) => new Error(p));
  return new PostingsCursor(reader, { offset: 0, skipBytes, totalBytes: data.length, df }, limit, (p) => new Error(p));
}

describe('ordinals and the end mark', () => {
  it('the end mark is a small integer in every V8 build (below 2^30) and above every ordinal a segment holds', () => {
    expect(Number.isInteger(NO_MORE)).toBe(true);
    expect(NO_MORE).toBeLessThanOrEqual(2 ** 30 - 1);
    expect(MAX_ORDINALS).toBeLessThanOrEqual(NO_MORE);
  });

  it('a list whose last ordinal is the largest a segment may hold is walked to its end, then NO_MORE', () => {
    const ordinals = [0, 5, MAX_ORDINALS - 300, ...Array.from({ length: 200 }, (_, i) => MAX_ORDINALS - 200 + i)];
    const writer = new PostingsListWriter();
    for (const o of ordinals) writer.add(o, 1, [o % 1000], 0, 7);
    const encoded = writer.finish();
    const data = Buffer.concat([encoded.skip, encoded.blocks]);
    const sink = new MemorySink();
    const out = new ChunkedWriter(sink);
    out.write(data);
    out.finish();
    const reader = new ChunkedReader(new MemoryAccess(sink.bytes), 'postings.bin', (p) => new Error(p));
    const location = { offset: 0, skipBytes: encoded.skip.length, totalBytes: data.length, df: encoded.df };
    const cursor = new PostingsCursor(reader, location, MAX_ORDINALS, (p) => new Error(p));
    const seen: number[] = [];
    for (let o = cursor.next(); o !== NO_MORE; o = cursor.next()) {
      expect([...cursor.positions()]).toEqual([o % 1000]);
      seen.push(o);
    }
    expect(seen).toEqual(ordinals);
    expect(cursor.advance(MAX_ORDINALS - 1)).toBe(NO_MORE);
    // The skip table's bounds read as they were written.
    expect(cursor.lasts[cursor.blockCount - 1]).toBe(MAX_ORDINALS - 1);
    // A cursor whose segment is smaller refuses the list: an ordinal past the segment's end is damage.
    expect(() => new PostingsCursor(reader, location, MAX_ORDINALS - 1, (p) => new Error(p))).toThrow(/malformed/);
  });

  it('a segment of MAX_ORDINALS documents or clauses is not written, and a header claiming it is refused', () => {
    expect(() => encodeHeader(header(1, MAX_ORDINALS))).toThrow();
    expect(() => encodeHeader(header(MAX_ORDINALS, 1))).toThrow();
    const sound = encodeHeader(header(1, MAX_ORDINALS - 1));
    expect(decodeHeader(sound)).toMatchObject({ docCount: 1, clauseCount: MAX_ORDINALS - 1 });
    // The same header with the clause count raised by one (its CRC made right again).
    const small = encodeHeader(header(1, 2));
    const at = 8 + 4 + 1 + 'test'.length; // magic, format, identity
    expect([small[at], small[at + 1]]).toEqual([1, 2]);
    const count = new ByteWriter(8);
    count.varint(MAX_ORDINALS);
    const body = Buffer.concat([small.subarray(0, at + 1), count.view(), small.subarray(at + 2, small.length - 4)]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32LE(crc32(body));
    expect(decodeHeader(Buffer.concat([body, crc]))).toEqual({ problem: 'is truncated or changed' });
  });
});

describe('block decoding', () => {
  // Gaps and frequencies of every varint length a block holds: one to four bytes, and five (read apart).
  const gaps = [1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456, 3, 1];
  const tfs = [1, 127, 128, 300, 20_000, 1, 2, 1, 3, 1, 2, 1];
  const ordinals = [7];
  for (const gap of gaps) ordinals.push(ordinals[ordinals.length - 1]! + gap);

  function encoded(): { data: Uint8Array; skipBytes: number; positions: number[][] } {
    const writer = new PostingsListWriter();
    const positions = ordinals.map((_, i) => Array.from({ length: tfs[i]! }, (_, j) => 2 * j + (i % 2)));
    ordinals.forEach((o, i) => writer.add(o, tfs[i]!, positions[i]!, 0, 3));
    const list = writer.finish();
    return { data: Buffer.concat([list.skip, list.blocks]), skipBytes: list.skip.length, positions };
  }

  it('reads gaps and frequencies of one to five bytes, and the positions after them', () => {
    const { data, skipBytes, positions } = encoded();
    const cursor = cursorOver(data, skipBytes, ordinals.length, MAX_ORDINALS);
    const seen: number[] = [];
    for (let o = cursor.next(); o !== NO_MORE; o = cursor.next()) {
      const i = seen.length;
      expect(cursor.tf).toBe(tfs[i]);
      expect([...cursor.positions()]).toEqual(positions[i]);
      seen.push(o);
    }
    expect(seen).toEqual(ordinals);
  });

  it('finds a skip table cut short or holding an over-long varint', () => {
    const { data, skipBytes } = encoded();
    expect(() => cursorOver(data.subarray(1), skipBytes - 1, ordinals.length, MAX_ORDINALS)).toThrow(/malformed/);
    // The skip table read one byte short, one byte long (its last varint cut, or a block byte taken for one).
    for (const delta of [-1, 1]) {
      const sink = new MemorySink();
      const out = new ChunkedWriter(sink);
      out.write(data);
      out.finish();
      const reader = new ChunkedReader(new MemoryAccess(sink.bytes), 'postings.bin', (p) => new Error(p));
      const location = { offset: 0, skipBytes: skipBytes + delta, totalBytes: data.length, df: ordinals.length };
      expect(() => new PostingsCursor(reader, location, MAX_ORDINALS, (p) => new Error(p))).toThrow(/malformed/);
    }
    // The block count (1) written in six bytes: no varint of a skip table is longer than five.
    expect(data[0]).toBe(1);
    const long = Buffer.concat([Uint8Array.of(0x81, 0x80, 0x80, 0x80, 0x80, 0x00), data.subarray(1)]);
    expect(() => cursorOver(long, skipBytes + 5, ordinals.length, MAX_ORDINALS)).toThrow(/malformed/);
    // The same count in five bytes is read as it is.
    const five = Buffer.concat([Uint8Array.of(0x81, 0x80, 0x80, 0x80, 0x00), data.subarray(1)]);
    expect(cursorOver(five, skipBytes + 4, ordinals.length, MAX_ORDINALS).blockCount).toBe(1);
  });

  it('finds a block whose doc part is malformed (a zero frequency; a varint running into the positions)', () => {
    const { data, skipBytes } = encoded();
    // The block follows the skip table: a varint of the doc part's length, then the first tf (one byte: 1).
    const docPart = readVarint(data, skipBytes, data.length);
    const docAt = varintEnd;
    expect(data[docAt]).toBe(1);
    for (const byte of [0, 0x81]) {
      const bad = Uint8Array.from(data);
      bad[docAt] = byte;
      const cursor = cursorOver(bad, skipBytes, ordinals.length, MAX_ORDINALS);
      expect(() => {
        for (let o = cursor.next(); o !== NO_MORE; o = cursor.next());
      }).toThrow(/malformed/);
    }
    // The last frequency (one byte: 2) given a continuation bit runs past the doc part.
    const lastTf = docAt + docPart - 1;
    expect(data[lastTf]).toBe(tfs[ordinals.length - 1]);
    const bad = Uint8Array.from(data);
    bad[lastTf]! |= 0x80;
    const cursor = cursorOver(bad, skipBytes, ordinals.length, MAX_ORDINALS);
    expect(() => {
      for (let o = cursor.next(); o !== NO_MORE; o = cursor.next());
    }).toThrow(/malformed/);
  });
});
