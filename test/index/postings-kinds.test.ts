import { describe, expect, it } from 'vitest';
import { BLOCK, KIND_BITS, PostingsListWriter, competitivePairs, kindBit } from '../../src/index/format/postings.js';
import { type Posting, type WrittenList, chunked, openList, randomPostings as postings, writeList } from '../helpers/postings-lists.js';

const write = (list: Posting[], withKinds: boolean): WrittenList => writeList(list, withKinds);
const open = openList;

describe('the kind table of a postings list', () => {
  it("holds, per block and clause kind, the competitive pairs of the block's postings of that kind", () => {
    const list = postings(5 * BLOCK + 17, 3);
    const cursor = open(write(list, true));
    expect(cursor.hasKinds).toBe(true);
    expect(cursor.blockCount).toBe(6);
    const { starts, tfs, norms } = cursor.kindImpacts();
    for (let b = 0; b < cursor.blockCount; b++) {
      const block = list.slice(b * BLOCK, (b + 1) * BLOCK);
      for (let bit = 0; bit < KIND_BITS; bit++) {
        const of = block.filter((p) => kindBit(p.kind) === bit);
        const stored: number[] = [];
        for (let k = starts[b * KIND_BITS + bit]!; k < starts[b * KIND_BITS + bit + 1]!; k++) stored.push(tfs[k]!, norms[k]!);
        const expected = of.length === 0 ? [] : competitivePairs(of.map((p) => p.tf), of.map((p) => p.norm), of.length);
        expect(stored).toEqual(expected);
      }
    }
    // The postings themselves read as before.
    const all = cursor.readAll();
    expect(Array.from(all.ordinals)).toEqual(list.map((p) => p.ordinal));
    expect(Array.from(all.tfs)).toEqual(list.map((p) => p.tf));
  });

  it('is copied with the blocks (a merge): the list written again is the same bytes', () => {
    const list = postings(3 * BLOCK + 5, 11);
    const written = write(list, true);
    const cursor = open(written);
    const copy = new PostingsListWriter();
    for (let b = 0; b < cursor.blockCount; b++) copy.addBlock(cursor.meta(b), cursor.rawBlock(b).slice());
    const encoded = copy.finish();
    const again = chunked(Buffer.concat([encoded.skip, encoded.blocks]), encoded.skip.length, encoded.df);
    expect(Buffer.from(again.file).equals(Buffer.from(written.file))).toBe(true);
  });

  it('is left out of a list of one block, of a title list, and of a list copied from one without it', () => {
    expect(open(write(postings(BLOCK, 5), true)).hasKinds).toBe(false);
    const titles = open(write(postings(3 * BLOCK, 5), false));
    expect(titles.hasKinds).toBe(false);
    expect(() => titles.kindImpacts()).toThrow();
    const copy = new PostingsListWriter();
    for (let b = 0; b < titles.blockCount; b++) copy.addBlock(titles.meta(b), titles.rawBlock(b).slice());
    const encoded = copy.finish();
    expect(open(chunked(Buffer.concat([encoded.skip, encoded.blocks]), encoded.skip.length, encoded.df)).hasKinds).toBe(false);
  });

  it('takes every posting of a list with a kind or none', () => {
    const writer = new PostingsListWriter();
    writer.add(1, 1, [0], 0, 5, 1);
    expect(() => writer.add(2, 1, [0], 0, 5, -1)).toThrow(/with and without clause kinds/);
  });

  it('is checked when read: a malformed table is damage, not a wrong bound', () => {
    // Two kinds: the table's length fits the one-byte varint the test rewrites.
    const list = postings(2 * BLOCK + 9, 7, [0, 1]);
    const writer = new PostingsListWriter();
    for (const p of list) writer.add(p.ordinal, p.tf, Array.from({ length: p.tf }, (_, i) => i), 0, p.norm, p.kind);
    const encoded = writer.finish();
    const bytes = Buffer.concat([encoded.skip, encoded.blocks]);
    // The skip head: block count, then the kind table's length (one byte each here).
    const kindBytes = bytes[1]!;
    expect(kindBytes).toBeGreaterThan(0);
    expect(kindBytes).toBeLessThan(0x80);
    const tableStart = bytes.length - kindBytes;
    // A block's kind mask of 0 (no kind at all), under a valid checksum.
    const noKinds = Buffer.from(bytes);
    noKinds[tableStart] = 0;
    expect(() => open(chunked(noKinds, encoded.skip.length, encoded.df)).kindImpacts()).toThrow(/malformed postings list/);
    // A table cut short: its pairs run past its end.
    const short = Buffer.concat([bytes.subarray(0, bytes.length - 1)]);
    short[1] = kindBytes - 1;
    expect(() => open(chunked(short, encoded.skip.length, encoded.df)).kindImpacts()).toThrow(/malformed postings list/);
    // A kind table longer than the list.
    const long = Buffer.from(bytes);
    long[1] = 0x7f;
    expect(() => open(chunked(long, encoded.skip.length, encoded.df))).toThrow(/malformed postings list/);
    // A byte of the table changed on disk: its chunk's checksum fails when the table is read.
    const sink = chunked(bytes, encoded.skip.length, encoded.df);
    const flipped = Buffer.from(sink.file);
    flipped[tableStart] = flipped[tableStart]! ^ 0x40;
    expect(() => open({ ...sink, file: flipped }).kindImpacts()).toThrow(/checksum/);
  });
});
