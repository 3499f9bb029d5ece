import { describe, expect, it } from 'vitest';
import { BLOCK, KIND_BITS, type PostingsCursor, PostingsListWriter, competitivePairs, kindBit } from '../../src/index/format/postings.js';
import { type Posting, openList, random, randomPostings as postings, writeList } from '../helpers/postings-lists.js';

// A long list's skip table (and kind table) is decoded as far as a search reads it; what it reads must be what
// decoding the whole table gives, and the list's own pairs (its best score without reading the table) must be
// its blocks' pairs together.

/** A list with kinds, opened; `change` may damage its bytes first. */
function open(list: Posting[], change?: (bytes: Buffer) => void): PostingsCursor {
  return openList(writeList(list, true, change));
}

function pairsOf(list: Posting[]): number[] {
  return competitivePairs(list.map((p) => p.tf), list.map((p) => p.norm), list.length);
}

describe('a long postings list, read as far as a search goes', () => {
  const list = postings(400 * BLOCK + 33, 17);

  it('gives its own competitive pairs, and per kind, without decoding its tables whole', () => {
    const cursor = open(list);
    expect(cursor.blockCount).toBe(401);
    expect(cursor.decoded).toBeLessThan(cursor.blockCount);
    const n = cursor.listPairCount;
    const own: number[] = [];
    for (let k = 0; k < n; k++) own.push(cursor.listTfs[k]!, cursor.listNorms[k]!);
    expect(own).toEqual(pairsOf(list));
    cursor.kindTable();
    expect(cursor.kindsDecoded).toBeLessThan(cursor.blockCount);
    for (let bit = 0; bit < KIND_BITS; bit++) {
      const of = list.filter((p) => kindBit(p.kind) === bit);
      const stored: number[] = [];
      for (let k = cursor.kindListStarts[bit]!; k < cursor.kindListStarts[bit + 1]!; k++) stored.push(cursor.kindListTfs[k]!, cursor.kindListNorms[k]!);
      expect(stored).toEqual(of.length === 0 ? [] : pairsOf(of));
    }
  });

  it('lands where a list read whole does, and reads every posting and block bound the same', () => {
    const cursor = open(list);
    const next = random(5);
    let at = 0;
    while (at < list.length) {
      const target = list[at]!.ordinal + Math.floor(next() * 3000);
      const expected = list.find((p) => p.ordinal >= target);
      expect(cursor.advance(target)).toBe(expected ? expected.ordinal : 0x3fffffff);
      if (!expected) break;
      expect(cursor.tf).toBe(expected.tf);
      at = list.indexOf(expected) + 1;
    }
    // Past every ordinal of the segment: the end, without decoding the rest.
    const fresh = open(list);
    expect(fresh.advance(1 << 29)).toBe(0x3fffffff);
    expect(fresh.decoded).toBeLessThan(fresh.blockCount);
    const all = fresh.readAll();
    expect(Array.from(all.ordinals)).toEqual(list.map((p) => p.ordinal));
    expect(fresh.decoded).toBe(fresh.blockCount);
    for (let b = 0; b < fresh.blockCount; b++) {
      const block = list.slice(b * BLOCK, (b + 1) * BLOCK);
      expect(fresh.firsts[b]).toBe(block[0]!.ordinal);
      expect(fresh.lasts[b]).toBe(block[block.length - 1]!.ordinal);
      const stored: number[] = [];
      for (let k = fresh.impactStarts[b]!; k < fresh.impactStarts[b + 1]!; k++) stored.push(fresh.impactTfs[k]!, fresh.impactNorms[k]!);
      expect(stored).toEqual(pairsOf(block));
    }
    const { starts, tfs, norms } = fresh.kindImpacts();
    expect(fresh.kindsDecoded).toBe(fresh.blockCount);
    for (let b = 0; b < fresh.blockCount; b += 37) {
      const block = list.slice(b * BLOCK, (b + 1) * BLOCK);
      for (let bit = 0; bit < KIND_BITS; bit++) {
        const of = block.filter((p) => kindBit(p.kind) === bit);
        const stored: number[] = [];
        for (let k = starts[b * KIND_BITS + bit]!; k < starts[b * KIND_BITS + bit + 1]!; k++) stored.push(tfs[k]!, norms[k]!);
        expect(stored).toEqual(of.length === 0 ? [] : pairsOf(of));
      }
    }
  });

  it('is copied block by block (a merge) into the same bytes', () => {
    const cursor = open(list);
    const copy = new PostingsListWriter();
    for (let b = 0; b < cursor.blockCount; b++) copy.addBlock(cursor.meta(b), cursor.rawBlock(b).slice());
    const again = copy.finish();
    const writer = new PostingsListWriter();
    for (const p of list) writer.add(p.ordinal, p.tf, Array.from({ length: p.tf }, (_, i) => i * 3), 0, p.norm, p.kind);
    const first = writer.finish();
    expect(Buffer.from(again.skip).equals(Buffer.from(first.skip))).toBe(true);
    expect(Buffer.from(again.blocks).equals(Buffer.from(first.blocks))).toBe(true);
  });

  it('is checked when read to its end: pairs of the list that are not its blocks\' are damage', () => {
    // The skip head: block count, kind table length, the list's pair count, then its first frequency.
    const cursor = open(list, (bytes) => {
      let at = 0;
      for (let v = 0; v < 3; v++) while (bytes[at++]! >= 0x80);
      expect(bytes[at]!).toBeLessThan(0x7f);
      bytes[at] = bytes[at]! + 1;
    });
    expect(() => cursor.readAll()).toThrow(/malformed postings list/);
    const kinds = open(list, (bytes) => {
      // The kind table's head (after the blocks): the list's kind mask, one kind's pair count, its first frequency.
      const tableStart = bytes.length - kindTableBytes(bytes);
      let at = tableStart;
      for (let v = 0; v < 2; v++) while (bytes[at++]! >= 0x80);
      expect(bytes[at]!).toBeLessThan(0x7f);
      bytes[at] = bytes[at]! + 1;
    });
    expect(() => kinds.kindImpacts()).toThrow(/malformed postings list/);
  });
});

/** The kind table's length, from the skip head's second varint. */
function kindTableBytes(bytes: Uint8Array): number {
  let at = 0;
  while (bytes[at++]! >= 0x80);
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = bytes[at++]!;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 128;
  }
}
