// A merge copies whole postings blocks where it can and ends a source's
// partial last block as a short block of its own before another source's
// whole blocks: whatever the layout of blocks, the merged segment must hold
// exactly the postings (ordinals, frequencies, positions) and rank exactly as
// one segment built from the same documents.
import { describe, expect, it } from 'vitest';
import { NO_MORE } from '../../src/index/format/postings.js';
import { type SegmentReader, memorySource } from '../../src/index/segment-reader.js';
import { planQuery } from '../../src/search/query.js';
import { searchSegments } from '../../src/search/searcher.js';
import type { UnresDocument } from '../../src/types.js';
import { doc, ops } from './helpers/docs.js';
import { buildSegment, mergeInMemory } from './helpers/segments.js';

const WORDS = ['الأطفال', 'الاتجار', 'بالأشخاص', 'الدول', 'تعزيز', 'التعاون', 'الدولي', 'الجريمة'];

/** Deterministic documents: `clauses` clauses each, words picked by a small generator so common terms span many blocks. */
function documents(from: number, count: number, clauses: number): UnresDocument[] {
  let x = from * 7919 + 1;
  const next = (): number => (x = (x * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: count }, (_, d) => {
    const texts = Array.from({ length: clauses }, () => {
      const n = 1 + (next() % 9);
      return Array.from({ length: n }, () => WORDS[next() % WORDS.length]!).join(' ');
    });
    return doc(`D${from + d}`, ops(texts));
  });
}

const build = buildSegment;

async function merge(sources: SegmentReader[]): Promise<SegmentReader> {
  return memorySource(await mergeInMemory(sources), 'merged');
}

function postingsOf(source: SegmentReader, term: string): Array<[number, number, number[]]> {
  const info = source.terms('text').lookup(term);
  if (!info) return [];
  const cursor = source.postings('text', info);
  const out: Array<[number, number, number[]]> = [];
  for (let o = cursor.next(); o < NO_MORE; o = cursor.next()) out.push([o, cursor.tf, [...cursor.positions()]]);
  return out;
}

describe('merging postings blocks', () => {
  it('keeps every posting and every ranking, with whole blocks copied and partial ones cut', async () => {
    // Segment sizes chosen so that lists end in partial blocks of many sizes (some under the cut threshold).
    const sizes = [37, 3, 61, 20, 45];
    let from = 0;
    const parts: UnresDocument[][] = sizes.map((n) => {
      const docs = documents(from, n, 12);
      from += n;
      return docs;
    });
    const all = parts.flat();
    const single = memorySource(build(all), 'single');
    const merged = await merge(parts.map((docs, i) => memorySource(build(docs), `s${i}`)));
    // Merging the merged segment with more again (short blocks met as sources).
    const extra = documents(from, 30, 12);
    const twice = await merge([merged, memorySource(build(extra), 'extra')]);
    const singleTwice = memorySource(build([...all, ...extra]), 'single2');

    for (const [a, b] of [
      [merged, single],
      [twice, singleTwice],
    ] as const) {
      expect(a.clauseCount).toBe(b.clauseCount);
      const terms = [...b.terms('text').all()].map((t) => t.term);
      expect([...a.terms('text').all()].map((t) => t.term)).toEqual(terms);
      // The common terms span several blocks in every source: their merged lists hold copied and cut blocks.
      expect(Math.max(...terms.map((t) => postingsOf(b, t).length))).toBeGreaterThan(4 * 128);
      for (const term of terms) expect(postingsOf(a, term), term).toEqual(postingsOf(b, term));
      for (const q of ['الأطفال', 'الاتجار بالأشخاص', 'الدول التعاون الدولي', '"الجريمة الدول"']) {
        const x = searchSegments([a], planQuery(q), {}, 20).ranked.map((r) => [r.ordinal, r.score]);
        const y = searchSegments([b], planQuery(q), {}, 20).ranked.map((r) => [r.ordinal, r.score]);
        expect(x, q).toEqual(y);
      }
    }
  });
});
