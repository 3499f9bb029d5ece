// Pruning by the re-ranking's floor (src/search/rerank-floor.ts) must not
// change a hit: a search of several words, whose best RERANK_DEPTH clauses by
// BM25 are re-ranked by closeness, returns the same clauses in the same order
// with the scores, with the floor's pruning and without it, for every limit,
// in one segment and in several, with filters and phrases. The documents are
// made so that closeness moves clauses: the words of a query stand together in
// some clauses and far apart in shorter ones.
import { describe, expect, it } from 'vitest';
import { type SegmentReader, memorySource } from '../../src/index/segment-reader.js';
import { planQuery } from '../../src/search/query.js';
import { RerankFloor } from '../../src/search/rerank-floor.js';
import { type Pruning, type SearchFilters, searchSegments } from '../../src/search/searcher.js';
import type { UnresDocument } from '../../src/types.js';
import { clause, doc } from './helpers/docs.js';
import { buildSegment } from './helpers/segments.js';

const WORDS = ['الأطفال', 'الاتجار', 'بالأشخاص', 'الدول', 'تعزيز', 'التعاون', 'الدولي', 'الجريمة', 'المنظمة', 'الوطنية'];
const FILLER = ['يقرر', 'أن', 'يبقي', 'المسألة', 'قيد', 'نظره', 'ويطلب', 'تقرير'];

/** Deterministic documents: random words, and in some clauses a query's words side by side. */
function documents(from: number, count: number): UnresDocument[] {
  let x = from * 7919 + 31;
  const next = (): number => (x = (x * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: count }, (_, d) => {
    const clauses = Array.from({ length: 10 }, (_, c) => {
      const n = 1 + (next() % 10);
      const words = Array.from({ length: n }, () => (next() % 3 === 0 ? FILLER[next() % FILLER.length]! : WORDS[next() % WORDS.length]!));
      if (next() % 5 === 0) words.splice(next() % (n + 1), 0, 'الجريمة', 'المنظمة', 'الوطنية');
      if (next() % 7 === 0) words.splice(next() % (n + 1), 0, 'الاتجار', 'بالأشخاص');
      return clause(c < 4 ? 'preamble' : 'operative', c + 1, words.join(' '));
    });
    return doc(`D${String(from + d).padStart(4, '0')}`, clauses);
  });
}

const ALL = documents(0, 200);
const single = memorySource(buildSegment(ALL), 'single');
const segmented = [0, 60, 110, 170].map((start, i, starts) => memorySource(buildSegment(ALL.slice(start, starts[i + 1] ?? ALL.length)), `s${i}`));

const QUERIES = ['الجريمة المنظمة', 'الجريمة المنظمة الوطنية', 'الاتجار بالأشخاص', 'الأطفال الدولي', 'المنظمة الجريمة', '"الجريمة المنظمة" الدول', 'الأطفال -الدولي التعاون'];
const FILTERS: SearchFilters[] = [{}, { kind: 'operative' }, { docIds: ALL.filter((_, i) => i % 3 === 0).map((d) => d.id) }];
const WITHOUT: Pruning = { rerankFloor: false };

const key = (r: { segment: number; ordinal: number; score: number }, sources: SegmentReader[]): string => {
  const source = sources[r.segment]!;
  const entry = source.doc(source.docOfClause(r.ordinal));
  return `${entry.id}#${r.ordinal - entry.clauseStart}@${r.score}`;
};

describe('pruning by the re-ranking floor', () => {
  let cuts = 0;
  it.each(QUERIES)('leaves the hits as they are: %s', (query) => {
    const plan = planQuery(query);
    let cut = 0;
    for (const sources of [[single], segmented]) {
      for (const filters of FILTERS) {
        for (const limit of [1, 3, 10, 25, 60]) {
          const pruned = searchSegments(sources, plan, filters, limit).ranked;
          const plain = searchSegments(sources, plan, filters, limit, WITHOUT).ranked;
          expect(pruned.map((r) => key(r, sources)), `${sources.length} segment(s) ${JSON.stringify(filters)} limit ${limit}`).toEqual(
            plain.map((r) => key(r, sources)),
          );
          // Where the cut at RERANK_DEPTH shows (the whole ranking, every clause re-ranked, starts otherwise), the
          // floor must keep to it: counted, so the test is known to meet such cases.
          const whole = searchSegments(sources, plan, filters, 100_000, WITHOUT).ranked.slice(0, limit);
          if (whole.map((r) => key(r, sources)).join() !== plain.map((r) => key(r, sources)).join()) cut++;
        }
      }
    }
    cuts += cut;
  });

  it('met searches where the cut at RERANK_DEPTH shows', () => {
    expect(cuts).toBeGreaterThan(0);
  });

  it('orders by closeness: the words side by side first, though a shorter clause holds them apart', () => {
    const docs = [
      doc('A1', [clause('operative', 1, 'الجريمة يقرر أن يبقي المنظمة'), clause('operative', 2, 'الجريمة المنظمة يقرر أن يبقي المسألة قيد')]),
      ...documents(500, 30),
    ];
    const source = memorySource(buildSegment(docs), 'one');
    for (const pruning of [{ rerankFloor: true }, WITHOUT]) {
      const ranked = searchSegments([source], planQuery('الجريمة المنظمة'), { docIds: ['A1'] }, 1, pruning).ranked;
      expect(ranked.map((r) => key(r, [source]).split('@')[0])).toEqual(['A1#1']);
    }
  });
});

describe('the re-ranking floor', () => {
  it('holds the count-th best (matched words, score) of all offered', () => {
    const floor = new RerankFloor(3);
    expect(floor.offer(2, 1.5)).toBe(false);
    expect(floor.offer(1, 9)).toBe(false);
    expect(floor.floorMatched).toBe(-1);
    expect(floor.offer(2, 0.5)).toBe(true);
    // The third best: one matched word.
    expect([floor.floorMatched, floor.floorValue]).toEqual([1, 9]);
    expect(floor.offer(1, 10)).toBe(true);
    expect([floor.floorMatched, floor.floorValue]).toEqual([1, 10]);
    expect(floor.offer(1, 3)).toBe(false);
    expect(floor.offer(3, 0.1)).toBe(true);
    expect([floor.floorMatched, floor.floorValue]).toEqual([2, 0.5]);
    expect(floor.offer(2, 0.5)).toBe(false);
    expect(floor.offer(2, 2)).toBe(true);
    expect([floor.floorMatched, floor.floorValue]).toEqual([2, 1.5]);
  });
});
