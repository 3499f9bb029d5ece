// The shortcuts of a cold search must not change an answer:
//   - a postings cursor advanced to a block's first posting stands there
//     without decoding it (the skip data gives the ordinal): what it then reads
//     (frequency, positions, the next postings) is what a plain walk reads;
//   - a driving group passes the clauses where its own score cannot lift a
//     clause to the threshold (searcher.ts, passWeak): the best `limit` clauses
//     are still the first `limit` of the whole ranking, with the same scores,
//     for one and several words, words found in two fields (text and heading),
//     phrases and filters, in one segment and in several.
import { describe, expect, it } from 'vitest';
import { NO_MORE } from '../../src/index/format/postings.js';
import { type SegmentReader, memorySource } from '../../src/index/segment-reader.js';
import { needsProximity } from '../../src/search/proximity.js';
import { planQuery } from '../../src/search/query.js';
import { type SearchFilters, searchSegments } from '../../src/search/searcher.js';
import type { UnresDocument } from '../../src/types.js';
import { clause, doc } from './helpers/docs.js';
import { buildSegment } from './helpers/segments.js';

const WORDS = ['الأطفال', 'الاتجار', 'بالأشخاص', 'الدول', 'تعزيز', 'التعاون', 'الدولي', 'الجريمة', 'المنظمة', 'الوطنية'];
const HEADINGS = ['الجريمة المنظمة', 'حماية الأطفال', 'التعاون الدولي', null];

/** Deterministic documents whose common words span many blocks; clauses of two kinds, some under a heading. */
function documents(from: number, count: number): UnresDocument[] {
  let x = from * 7919 + 17;
  const next = (): number => (x = (x * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: count }, (_, d) => {
    const clauses = Array.from({ length: 10 }, (_, c) => {
      const n = 1 + (next() % 12);
      const words = Array.from({ length: n }, () => WORDS[next() % WORDS.length]!);
      // A phrase in some clauses, so that a quoted query has many matches.
      if (next() % 4 === 0) words.splice(next() % (n + 1), 0, 'الجريمة', 'المنظمة');
      const text = words.join(' ');
      const section = HEADINGS[next() % HEADINGS.length]!;
      return clause(c < 4 ? 'preamble' : 'operative', c + 1, text, { section });
    });
    return doc(`D${String(from + d).padStart(4, '0')}`, clauses);
  });
}

const ALL = documents(0, 160);
const single = memorySource(buildSegment(ALL), 'single');
const segmented = [0, 50, 90, 140].map((start, i, starts) => memorySource(buildSegment(ALL.slice(start, starts[i + 1] ?? ALL.length)), `s${i}`));

type Posting = [number, number, number[]];

function plainWalk(source: SegmentReader, term: string): Posting[] {
  const cursor = source.postings('text', source.terms('text').lookup(term)!);
  const out: Posting[] = [];
  for (let o = cursor.next(); o < NO_MORE; o = cursor.next()) out.push([o, cursor.tf, [...cursor.positions()]]);
  return out;
}

describe('a postings cursor advanced to a block start', () => {
  it('reads there what a plain walk reads, and walks on alike', () => {
    let multiBlock = 0;
    // The dictionary's terms (stems), the longest lists.
    const terms = [...single.terms('text').all()].sort((a, b) => b.df - a.df).slice(0, 8);
    for (const { term } of terms) {
      const info = single.terms('text').lookup(term)!;
      const postings = plainWalk(single, term);
      const probe = single.postings('text', info);
      if (probe.blockCount > 2) multiBlock++;
      // Targets: every block's first ordinal, one before it, and one after it.
      const targets = new Set<number>();
      for (let b = 0; b < probe.blockCount; b++) for (const t of [probe.firsts[b]! - 1, probe.firsts[b]!, probe.firsts[b]! + 1]) targets.add(t);
      for (const target of [...targets].filter((t) => t >= 0).sort((a, b) => a - b)) {
        const cursor = single.postings('text', info);
        const at = cursor.advance(target);
        const k = postings.findIndex(([o]) => o >= target);
        if (k < 0) {
          expect(at).toBe(NO_MORE);
          continue;
        }
        expect(at, `${term} -> ${target}`).toBe(postings[k]![0]);
        // Read in an order that decodes late: positions first on some, tf first on others.
        if (target % 2 === 0) expect([...cursor.positions()]).toEqual(postings[k]![2]);
        expect(cursor.tf).toBe(postings[k]![1]);
        expect([...cursor.positions()]).toEqual(postings[k]![2]);
        const rest: number[] = [];
        for (let o = cursor.next(); o < NO_MORE && rest.length < 200; o = cursor.next()) rest.push(o);
        expect(rest).toEqual(postings.slice(k + 1, k + 1 + rest.length).map(([o]) => o));
      }
    }
    // The test means something: lists of several blocks.
    expect(multiBlock).toBeGreaterThan(3);
  });
});

const QUERIES = [
  'الأطفال',
  'الجريمة المنظمة',
  'الجريمة المنظمة الوطنية',
  'الاتجار بالأشخاص الدول',
  'التعاون الدولي تعزيز',
  '"الجريمة المنظمة"',
  '+الأطفال الاتجار',
  'الأطفال -الدولي',
];
const FILTERS: SearchFilters[] = [{}, { kind: 'operative' }, { kind: 'preamble' }];
// A list of documents spread over the segments: the walk jumps from one listed clause to the next, passing
// stretches of blocks that cannot rank without decoding them (searcher.ts, firstAbleFrom). Only for plans without
// proximity: a search of limit L re-ranks the best RERANK_DEPTH clauses by BM25, the whole ranking re-ranks every
// one, so with proximity the two orders may rightly differ.
const SPREAD = ALL.filter((_, i) => i % 3 === 0).map((d) => d.id);
const LIST_FILTERS: SearchFilters[] = [{ docIds: SPREAD }, { docIds: SPREAD, kind: 'operative' }];
const key = (r: { segment: number; ordinal: number; score: number }, sources: SegmentReader[]): string =>
  `${sources[r.segment]!.doc(sources[r.segment]!.docOfClause(r.ordinal)).id}#${r.ordinal - sources[r.segment]!.doc(sources[r.segment]!.docOfClause(r.ordinal)).clauseStart}@${r.score}`;

describe('passing clauses a driving group cannot lift to the threshold', () => {
  it.each(QUERIES)('keeps the first clauses of the whole ranking: %s', (query) => {
    const plan = planQuery(query);
    for (const sources of [[single], segmented]) {
      for (const filters of needsProximity(plan) ? FILTERS : [...FILTERS, ...LIST_FILTERS]) {
        const whole = searchSegments(sources, plan, filters, 100_000).ranked.map((r) => key(r, sources));
        // The test means something: more matches than the largest limit.
        expect(whole.length).toBeGreaterThan(25);
        for (const limit of [1, 3, 10, 25]) {
          const top = searchSegments(sources, plan, filters, limit).ranked.map((r) => key(r, sources));
          expect(top, `${sources.length} segment(s) ${JSON.stringify(filters)} limit ${limit}`).toEqual(whole.slice(0, limit));
        }
      }
    }
  });
});
