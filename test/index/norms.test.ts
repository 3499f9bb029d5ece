import { describe, expect, it } from 'vitest';
import { ChunkedReader, ChunkedWriter, MemoryAccess, MemorySink } from '../../src/index/format/chunked.js';
import { type ClauseNorms, ESCAPE, NormsReader, normsBytes, writeNorms } from '../../src/index/format/norms.js';
import { CLAUSE_FIELDS, type ClauseField } from '../../src/search/fields.js';

/** Norms of `n` clauses: short lengths, with the given (ordinal, length) of the text column set over them. */
function norms(n: number, text: Array<[number, number]> = []): ClauseNorms {
  const lengths = Object.fromEntries(
    CLAUSE_FIELDS.map((field, f) => [field, Uint16Array.from({ length: n }, (_, i) => (i * 7 + f * 13) % 200)]),
  ) as Record<ClauseField, Uint16Array>;
  for (const [ordinal, length] of text) lengths.text[ordinal] = length;
  return { lengths, kinds: Uint8Array.from({ length: n }, (_, i) => i % 9) };
}

/** The norms file's data (what writeNorms writes, before the chunked envelope). */
function data(written: ClauseNorms): Uint8Array {
  const sink = new MemorySink();
  const out = new ChunkedWriter(sink);
  writeNorms(out, written);
  const dataLength = out.position;
  out.finish();
  return sink.bytes.subarray(0, dataLength).slice();
}

/** A reader over `bytes` as a norms file's data (CRCs written for them: only the structure is checked). */
function reader(bytes: Uint8Array, clauseCount: number): NormsReader {
  const sink = new MemorySink();
  const out = new ChunkedWriter(sink);
  out.write(bytes);
  out.finish();
  const file = new ChunkedReader(new MemoryAccess(sink.bytes), 'norms.bin', (problem) => new Error(problem));
  return new NormsReader(file, clauseCount, (problem) => new Error(problem));
}

/** Where text-column overflow entry k lies in the data of `n` clauses. */
const entryAt = (n: number, k: number): number => normsBytes(n) + 6 * k;

describe('clause norms', () => {
  it('read back exactly, a length of 255 words and more through the overflow table', () => {
    const n = 70_000; // more than two pages of a column
    const long: Array<[number, number]> = [
      [0, 254],
      [1, 255],
      [2, 256],
      [40_000, 1000],
      [40_001, 65_535],
      [n - 1, 300],
    ];
    const written = norms(n, long);
    const bytes = data(written);
    // One byte per clause and column, the kinds, the counts, then the four overflows (254 fits in its byte).
    expect(bytes.length).toBe(normsBytes(n, 5));
    expect(bytes[1]).toBe(ESCAPE);
    expect(bytes[0]).toBe(254);
    const read = reader(bytes, n);
    // Compared as bytes: toEqual walks 70,000 elements slowly.
    const same = (a: Uint16Array | Uint8Array, b: Uint16Array | Uint8Array): boolean => Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
    for (const field of CLAUSE_FIELDS) expect(same(read.lengths(field).all(), written.lengths[field]), field).toBe(true);
    expect(same(read.kinds().all(), written.kinds)).toBe(true);
    // A page read alone (as a search does) also takes its overflows.
    const fresh = reader(bytes, n);
    expect(fresh.lengths('text').get(40_001)).toBe(65_535);
    expect(fresh.lengths('text').get(n - 1)).toBe(300);
    expect(fresh.lengths('lead').get(5)).toBe(written.lengths.lead[5]);
  });

  it('read page by page, every column of two segments in turns (one page source per reader), each give their own', () => {
    const n = 70_000;
    const segments = [norms(n, [[3, 700], [50_000, 400]]), norms(n - 5, [[9, 300]])];
    // The second segment's lengths shifted, so a page of one segment read for the other would show.
    for (const field of CLAUSE_FIELDS) segments[1]!.lengths[field].forEach((v, i, a) => (a[i] = (v + 31) % 250));
    const readers = segments.map((written, s) => reader(data(written), n - 5 * s));
    for (let i = 0; i < n - 5; i += 997) {
      for (let s = 0; s < 2; s++) {
        for (const field of CLAUSE_FIELDS) expect(readers[s]!.lengths(field).get(i)).toBe(segments[s]!.lengths[field][i]);
        expect(readers[s]!.kinds().get(i)).toBe(segments[s]!.kinds[i]);
      }
    }
    expect(readers[0]!.lengths('text').get(50_000)).toBe(400);
    expect(readers[1]!.lengths('text').get(9)).toBe(segments[1]!.lengths.text[9]);
  });

  describe('are checked when read: a malformed overflow table is damage, never a wrong length', () => {
    const n = 1000;
    const bytes = (): Uint8Array => data(norms(n, [[10, 400], [20, 500]]));
    const fails = (damaged: Uint8Array, clauses = n): void => {
      expect(() => reader(damaged, clauses).lengths('text').all()).toThrow(/norms\.bin holds a malformed clause table/);
    };

    it('sound, it reads', () => {
      expect(reader(bytes(), n).lengths('text').get(20)).toBe(500);
    });
    it('an escape byte with no entry', () => {
      const b = bytes();
      b[30] = ESCAPE;
      fails(b);
    });
    it('an entry whose clause has no escape byte', () => {
      const b = bytes();
      b[20] = 7;
      fails(b);
    });
    it('entries out of order', () => {
      const b = bytes();
      const view = new DataView(b.buffer, b.byteOffset);
      view.setUint32(entryAt(n, 0), 20, true);
      view.setUint32(entryAt(n, 1), 10, true);
      fails(b);
    });
    it('an entry past the last clause', () => {
      const b = bytes();
      new DataView(b.buffer, b.byteOffset).setUint32(entryAt(n, 1), n, true);
      fails(b);
    });
    it('an entry holding a length that fits in its byte', () => {
      const b = bytes();
      new DataView(b.buffer, b.byteOffset).setUint16(entryAt(n, 0) + 4, 100, true);
      fails(b);
    });
    it('a count that does not match the entries', () => {
      const b = bytes();
      new DataView(b.buffer, b.byteOffset).setUint32(normsBytes(n) - 4 * CLAUSE_FIELDS.length, 3, true);
      fails(b);
    });
    it('a table cut short or extended', () => {
      fails(bytes().subarray(0, entryAt(n, 1)));
      const b = bytes();
      const longer = new Uint8Array(b.length + 6);
      longer.set(b);
      fails(longer);
    });
    it('a file too short for its clause count', () => {
      fails(bytes(), n * 2);
    });
  });
});
