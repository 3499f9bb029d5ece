// A cursor's end mark and block bounds are small integers to V8 (issue 13):
// in code V8 has not optimised, reading a double (a field that once held one,
// a Float64Array element) allocates. The end mark stays above every ordinal a
// segment may hold, and a segment header that claims more is refused.

import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ChunkedReader, ChunkedWriter, MemoryAccess, MemorySink } from '../../src/index/format/chunked.js';
import { ByteWriter } from '../../src/index/format/bytes.js';
import { type SegmentHeader, decodeHeader, encodeHeader } from '../../src/index/format/header.js';
import { MAX_ORDINALS, NO_MORE, PostingsCursor, PostingsListWriter } from '../../src/index/format/postings.js';
import { ALL_FIELDS, type Field } from '../../src/search/fields.js';

function header(docCount: number, clauseCount: number): SegmentHeader {
  const terms = Object.fromEntries(ALL_FIELDS.map((f) => [f, { termCount: 0, blockCount: 0, sparseOffset: 0, sparseBytes: 0 }]));
  const fieldTotals = Object.fromEntries(ALL_FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  return { identity: 'test', docCount, clauseCount, fieldTotals, terms: terms as SegmentHeader['terms'] };
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
