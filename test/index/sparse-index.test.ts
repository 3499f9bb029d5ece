// The sparse index of a field's dictionary (src/index/format/terms.ts) is scanned
// once for where each entry starts; a term's end and its block's size are read
// again from the entry when a lookup needs them: long terms (lengths of two
// bytes) and large blocks (offsets of three bytes) must be found as short ones
// are, and a sparse index cut short is still damage.
import { describe, expect, it } from 'vitest';
import { ChunkedReader, ChunkedWriter, MemoryAccess, MemorySink } from '../../src/index/format/chunked.js';
import { FieldTerms, type FieldTermsInfo, TermsWriter } from '../../src/index/format/terms.js';

/** Terms of `length` letters sharing no prefix beyond their first letter, so each block is large. */
function terms(n: number, length: number): string[] {
  return Array.from({ length: n }, (_, i) => String.fromCharCode(0x627 + (i % 20)) + `${i}`.padStart(6, '0').repeat(Math.ceil(length / 6)).slice(0, length)).sort();
}

function build(list: string[]): { bytes: Uint8Array; info: FieldTermsInfo } {
  const sink = new MemorySink();
  const out = new ChunkedWriter(sink);
  const writer = new TermsWriter(out);
  let offset = 0;
  for (const term of list) {
    writer.add(term, { offset, df: 1, skipBytes: 0, totalBytes: 300 });
    offset += 300;
  }
  const info = writer.endField();
  out.finish();
  return { bytes: sink.bytes, info };
}

const damaged = (problem: string): Error => new Error(`damaged: ${problem}`);

describe('the sparse index of a dictionary', () => {
  it('finds long terms in large blocks, and nothing between them', () => {
    const list = terms(64 * 12 + 5, 400);
    const { bytes, info } = build(list);
    expect(info.blockCount).toBe(13);
    const field = new FieldTerms(new ChunkedReader(new MemoryAccess(bytes), 'terms.bin', damaged), info, damaged);
    list.forEach((term, i) => expect(field.lookup(term), term.slice(0, 8)).toEqual({ term, offset: 300 * i, df: 1, skipBytes: 0, totalBytes: 300 }));
    for (const term of list.slice(0, 200)) expect(field.lookup(term + '0')).toBeNull();
    expect([...field.all()].map((t) => t.term)).toEqual(list);
  });

  it('reports a sparse index cut short, or claiming a block past itself, as damage', () => {
    const list = terms(64 * 3, 200);
    const { bytes, info } = build(list);
    const reader = new ChunkedReader(new MemoryAccess(bytes), 'terms.bin', damaged);
    for (const cut of [1, 2, 3, 250]) {
      const field = new FieldTerms(reader, { ...info, sparseBytes: info.sparseBytes - cut }, damaged);
      expect(() => field.lookup(list[0]!), `cut ${cut}`).toThrow(/damaged/);
    }
    const field = new FieldTerms(reader, { ...info, blockCount: info.blockCount + 1 }, damaged);
    expect(() => field.lookup(list[0]!)).toThrow(/damaged/);
    const early = new FieldTerms(reader, { ...info, sparseOffset: info.sparseOffset - 1, sparseBytes: info.sparseBytes + 1 }, damaged);
    expect(() => early.lookup(list[0]!)).toThrow(/damaged/);
  });
});
