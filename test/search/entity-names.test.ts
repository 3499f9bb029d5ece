// UN entities named in a query (src/search/entity-names.ts) and the walk of
// their full names (src/search/name-phrases.ts). The plan: an acronym typed
// carries its full names as phrases and its other acronyms, a full name typed
// carries the acronyms on every word but its first, an English word typed in
// small letters (who) names nothing, a symbol (CEDAW/C/EGY/7) no entity. The
// walk: an acronym finds exactly the clauses holding it or its name in order
// (as the quoted name finds them), and every limit's hits, in one segment or
// several, are the first of the ranking of RERANK_DEPTH candidates (the pool
// proximity re-ranks at any smaller limit) with the same scores: the lead
// word's bounds never prune a clause that could rank.
import { describe, expect, it } from 'vitest';
import { type SegmentReader, memorySource } from '../../src/index/segment-reader.js';
import { phraseClauses } from '../../src/search/name-phrases.js';
import { RERANK_DEPTH } from '../../src/search/proximity.js';
import { planQuery, type QueryPlan } from '../../src/search/query.js';
import { searchSegments } from '../../src/search/searcher.js';
import type { UnresDocument } from '../../src/types.js';
import { clause, doc } from './helpers/docs.js';
import { buildSegment } from './helpers/segments.js';

const NAME = 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة';
const WORDS = NAME.split(' ');
const FILLER = ['يطلب', 'إلى', 'تقرير', 'الدول', 'الأعضاء', 'التعاون', 'الجريمة', 'المخدرات', 'الأمم', 'المتحدة'];

/** Deterministic documents: filler, the name's words scattered, the name in order, the acronym. */
function documents(count: number): UnresDocument[] {
  let x = 7;
  const next = (): number => (x = (x * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: count }, (_, d) => {
    const clauses = Array.from({ length: 8 }, (_, c) => {
      const words = Array.from({ length: 1 + (next() % 12) }, () => FILLER[next() % FILLER.length]!);
      const pick = next() % 6;
      if (pick === 0) words.splice(next() % (words.length + 1), 0, ...WORDS);
      if (pick === 1) words.splice(next() % (words.length + 1), 0, 'UNODC');
      if (pick === 2) for (const w of WORDS) words.splice(next() % (words.length + 1), 0, w);
      if (pick === 3 && next() % 2 === 0) words.push(...WORDS, 'و', ...WORDS);
      return clause('operative', c + 1, words.join(' '));
    });
    return doc(`D${String(d).padStart(4, '0')}`, clauses);
  });
}

const ALL = documents(150);
const single = memorySource(buildSegment(ALL), 'single');
const segmented = [0, 40, 90].map((start, i, starts) => memorySource(buildSegment(ALL.slice(start, starts[i + 1] ?? ALL.length)), `s${i}`));

const key = (r: { segment: number; ordinal: number; score: number }, sources: SegmentReader[]): string => {
  const source = sources[r.segment]!;
  const entry = source.doc(source.docOfClause(r.ordinal));
  return `${entry.id}#${r.ordinal - entry.clauseStart}@${r.score}`;
};
const clauses = (plan: QueryPlan, sources: SegmentReader[]): string[] =>
  searchSegments(sources, plan, {}, 100_000).ranked.map((r) => key(r, sources).split('@')[0]!).sort();

describe('the plan of a query naming a UN entity', () => {
  const exact = (query: string, g = 0) => {
    const m = planQuery(query).groups[g]!.matcher;
    if (m.kind !== 'exact') throw new Error('not exact');
    return m;
  };

  it('an acronym carries its names as phrases and its other acronyms', () => {
    expect(exact('unodc').names?.map((p) => p.length)).toEqual([6]);
    expect(exact('UNICEF').alternates).toEqual(expect.arrayContaining(exact('اليونيسف').terms));
    expect(exact('اليونيسيف').names).toHaveLength(1);
  });

  it('a full name carries the acronym on every word but its first', () => {
    const plan = planQuery(NAME);
    expect(plan.groups.map((g) => (g.matcher.kind === 'exact' ? (g.matcher.alternates ?? []).includes('unodc') : false))).toEqual([false, true, true, true, true, true]);
  });

  it('names nothing for an English word in small letters, a symbol, or a word of a name alone', () => {
    expect(exact('who').names).toBeUndefined();
    expect(exact('WHO').names).toHaveLength(1);
    expect(exact('CEDAW/C/EGY/7').names).toBeUndefined();
    expect(exact('CEDAW/C/EGY/7').alternates).toBeUndefined();
    expect(exact('بالمخدرات').alternates).toBeUndefined();
  });
});

describe('the walk of a full name', () => {
  it('finds the clauses holding the acronym or the name in order, as the quoted name does', () => {
    const plan = planQuery('UNODC');
    const acronymAlone: QueryPlan = { ...plan, groups: plan.groups.map((g) => ({ ...g, matcher: { kind: 'exact', terms: ['unodc'] } })) };
    for (const sources of [[single], segmented]) {
      const expected = [...new Set([...clauses(acronymAlone, sources), ...clauses(planQuery(`"${NAME}"`), sources)])].sort();
      expect(expected.length).toBeGreaterThan(100);
      expect(clauses(plan, sources)).toEqual(expected);
    }
  });

  it('read whole (a name whose every word has several terms), holds in the clauses the quoted name finds', () => {
    const name = planQuery('UNODC').groups[0]!.matcher;
    if (name.kind !== 'exact' || !name.names) throw new Error('no name');
    const list = phraseClauses(single, 'text', name.names[0]!, null)!;
    const quoted = searchSegments([single], planQuery(`"${NAME}"`), {}, 100_000).ranked.map((r) => r.ordinal);
    expect([...list.ordinals]).toEqual(quoted.sort((a, b) => a - b));
    expect(Math.max(...list.tfs)).toBe(2);
  });

  it('ranks at every limit as the whole ranking does, in one segment or several', () => {
    for (const query of ['UNODC', `UNODC الدول`, `${NAME} التعاون`]) {
      const plan = planQuery(query);
      const whole = searchSegments([single], plan, {}, RERANK_DEPTH).ranked.map((r) => key(r, [single]));
      expect(whole).toHaveLength(RERANK_DEPTH);
      for (const sources of [[single], segmented]) {
        for (const limit of [1, 3, 10, 40, RERANK_DEPTH]) {
          const ranked = searchSegments(sources, plan, {}, limit).ranked.map((r) => key(r, sources));
          expect(ranked.map((k) => k.split('@')[1]), `${query} ${sources.length} limit ${limit}`).toEqual(whole.slice(0, limit).map((k) => k.split('@')[1]));
        }
      }
    }
  });
});
