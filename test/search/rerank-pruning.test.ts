// Pruning beyond the heap's threshold must not change a hit: by the
// re-ranking's floor (src/search/rerank-floor.ts) and by the groups' bounds at
// one shared text length (searcher.ts, jointReaches). A search returns the
// same clauses in the same order with the same scores with each pruning and
// without, for every limit, in one segment and in several, with filters,
// phrases and words found in headings too. The documents are made so that
// closeness moves clauses (the words of a query stand together in some
// clauses and far apart in shorter ones) and clause lengths vary.
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
const HEADINGS = ['الجريمة المنظمة', 'حماية الأطفال', 'التعاون الدولي', null, null];

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
      // Words repeated in longer clauses: a block's most frequent posting is not its shortest.
      if (next() % 4 === 0) for (let k = next() % 4; k >= 0; k--) words.push(WORDS[next() % 3 === 0 ? 7 : next() % WORDS.length]!, ...FILLER.slice(0, k));
      return clause(c < 4 ? 'preamble' : 'operative', c + 1, words.join(' '), { section: HEADINGS[next() % HEADINGS.length]! });
    });
    return doc(`D${String(from + d).padStart(4, '0')}`, clauses);
  });
}

const ALL = documents(0, 200);
const single = memorySource(buildSegment(ALL), 'single');
const segmented = [0, 60, 110, 170].map((start, i, starts) => memorySource(buildSegment(ALL.slice(start, starts[i + 1] ?? ALL.length)), `s${i}`));

const QUERIES = ['الأطفال', 'الجريمة المنظمة', 'الجريمة المنظمة الوطنية', 'الاتجار بالأشخاص', 'الأطفال الدولي', 'المنظمة الجريمة', '"الجريمة المنظمة" الدول', 'الأطفال -الدولي التعاون'];
const FILTERS: SearchFilters[] = [{}, { kind: 'operative' }, { kind: 'resolution' }, { docIds: ALL.filter((_, i) => i % 3 === 0).map((d) => d.id) }];
const WITHOUT: Pruning = { rerankFloor: false, jointLengths: false };
const EACH_ALONE: Pruning[] = [
  { rerankFloor: true, jointLengths: false },
  { rerankFloor: false, jointLengths: true },
];

const key = (r: { segment: number; ordinal: number; score: number }, sources: SegmentReader[]): string => {
  const source = sources[r.segment]!;
  const entry = source.doc(source.docOfClause(r.ordinal));
  return `${entry.id}#${r.ordinal - entry.clauseStart}@${r.score}`;
};

describe('pruning by the re-ranking floor and by a shared text length', () => {
  let cuts = 0;
  it.each(QUERIES)('leaves the hits as they are: %s', (query) => {
    const plan = planQuery(query);
    let cut = 0;
    for (const sources of [[single], segmented]) {
      for (const filters of FILTERS) {
        for (const limit of [1, 3, 10, 25, 60]) {
          const plain = searchSegments(sources, plan, filters, limit, WITHOUT).ranked;
          for (const pruning of [undefined, ...EACH_ALONE]) {
            const pruned = searchSegments(sources, plan, filters, limit, pruning).ranked;
            expect(pruned.map((r) => key(r, sources)), `${sources.length} segment(s) ${JSON.stringify(filters)} limit ${limit} ${JSON.stringify(pruning)}`).toEqual(
              plain.map((r) => key(r, sources)),
            );
          }
          // Where the cut at RERANK_DEPTH shows (the whole ranking, every clause re-ranked, starts otherwise), the
          // floor must keep to it: counted, so the test is known to meet such cases.
          const whole = searchSegments(sources, plan, filters, 100_000, WITHOUT).ranked.slice(0, limit);
          if (whole.map((r) => key(r, sources)).join() !== plain.map((r) => key(r, sources)).join()) cut++;
        }
      }
    }
    cuts += cut;
  });

  it('counts every match of several words (-c and -l ask for no limit)', () => {
    const plan = planQuery('الجريمة المنظمة');
    const all = searchSegments(segmented, plan, {}, Number.MAX_SAFE_INTEGER).ranked;
    expect(all.length).toBeGreaterThan(60);
    expect(all.map((r) => key(r, segmented))).toEqual(searchSegments(segmented, plan, {}, Number.MAX_SAFE_INTEGER, WITHOUT).ranked.map((r) => key(r, segmented)));
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
    for (const pruning of [undefined, WITHOUT]) {
      const ranked = searchSegments([source], planQuery('الجريمة المنظمة'), { docIds: ['A1'] }, 1, pruning).ranked;
      expect(ranked.map((r) => key(r, [source]).split('@')[0])).toEqual(['A1#1']);
    }
  });
});

describe('a shared text length, with words found in headings', () => {
  // The query's second word stands in the text of a few clauses, in the heading of most: a clause holds it by
  // its heading (bounded at any text length) or holds neither word in its text at all.
  const filler = (n: number, seed: number): string => Array.from({ length: n }, (_, i) => FILLER[(seed + i * 3) % FILLER.length]!).join(' ');
  const docs = Array.from({ length: 150 }, (_, d) => {
    const clauses = [
      clause('operative', 1, `${filler(1 + (d % 9), d)} التعاون ${filler(d % 4, d + 1)}`, { section: 'الدولي' }),
      clause('operative', 2, filler(2 + (d % 7), d + 2), { section: d % 2 === 0 ? 'التعاون الدولي' : 'الدولي التعاون' }),
      clause('operative', 3, `التعاون ${filler(d % 11, d + 3)}`),
    ];
    if (d % 10 === 0) clauses.push(clause('operative', 4, `${filler(d % 5, d)} التعاون الدولي ${filler(d % 3, d + 4)}`));
    return doc(`H${String(d).padStart(4, '0')}`, clauses);
  });
  const one = [memorySource(buildSegment(docs), 'one')];
  const three = [0, 40, 100].map((start, i, starts) => memorySource(buildSegment(docs.slice(start, starts[i + 1] ?? docs.length)), `h${i}`));

  it.each(['التعاون الدولي', 'الدولي التعاون', 'التعاون'])('leaves the hits as they are: %s', (query) => {
    const plan = planQuery(query);
    for (const sources of [one, three]) {
      for (const limit of [1, 10, 25, 60, 200, 400]) {
        const plain = searchSegments(sources, plan, {}, limit, WITHOUT).ranked.map((r) => key(r, sources));
        expect(searchSegments(sources, plan, {}, limit).ranked.map((r) => key(r, sources)), `${sources.length} limit ${limit}`).toEqual(plain);
      }
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
