// Exact score ties (the same clause in many documents) are broken by document
// id, then clause order, whatever the segments and the order documents came
// in; the top of a search is the top of the whole ranking. Segments keep their
// documents in id order so that the search can skip blocks that could only
// tie: these tests check that skipping never changes the answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHit } from '../../src/search/hits.js';
import type { UnresIndex } from '../../src/store/index.js';
import type { UnresDocument } from '../../src/types.js';
import { doc, ops } from './helpers/docs.js';
import { OPERATIVE_POOL as POOL } from './helpers/docs.js';
import { TempIndexes } from './helpers/temp-indexes.js';

const temp = new TempIndexes('ties');
const indexes: Record<string, UnresIndex> = {};


/** A fixed shuffle: ids in an order unlike the order documents come in. */
function shuffled(n: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i + 1);
  let seed = 7;
  for (let i = n - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const docs: UnresDocument[] = shuffled(400).map((n) =>
  doc(`A/RES/${n}`, ops([0, 1, 2, 3].map((k) => POOL[(n * 7 + k * (1 + (n % 3))) % POOL.length]!))),
);

const QUERIES = ['الأطفال', 'الأطفال الاتجار', 'حماية الأطفال من الاتجار', '"حماية الأطفال"', 'تعليم الأطفال'];

beforeAll(async () => {
  const noMerging = { mergeFactor: 1000, expungeRatio: 1 };
  // Many segments (a segment every 40 clauses), documents in the shuffled order, a few batches.
  indexes.segmented = await temp.open('seg', { segmentClauses: 40, mergePolicy: noMerging });
  for (let i = 0; i < docs.length; i += 100) await indexes.segmented.ingest(docs.slice(i, i + 100));
  // The same, merged into one segment.
  indexes.merged = await temp.open('merged', { segmentClauses: 40, mergePolicy: noMerging });
  for (let i = 0; i < docs.length; i += 100) await indexes.merged.ingest(docs.slice(i, i + 100));
  await indexes.merged.optimize();
  // Reverse order, one batch, merges as they come.
  indexes.reversed = await temp.open('rev', { segmentClauses: 300 });
  await indexes.reversed.ingest([...docs].reverse());
}, 120_000);

afterAll(() => temp.cleanUp());

const key = (h: EngineHit): string => `${h.doc}#${h.index}@${h.score}`;

describe('exact ties', () => {
  it('are many (the test means something)', async () => {
    const all = await indexes.merged!.search('الأطفال', { limit: 2000 });
    const best = all.filter((h) => h.score === all[0]!.score);
    expect(best.length).toBeGreaterThan(50);
    expect(indexes.segmented!.stats().segments).toBeGreaterThan(10);
    expect(indexes.merged!.stats().segments).toBe(1);
  });

  it.each(QUERIES)('are broken by document id, then clause order: %s', async (query) => {
    const all = await indexes.merged!.search(query, { limit: 5000 });
    expect(all.length).toBeGreaterThan(10);
    for (let i = 1; i < all.length; i++) {
      const a = all[i - 1]!;
      const b = all[i]!;
      expect(a.score).toBeGreaterThanOrEqual(b.score);
      if (a.score === b.score) expect(a.doc < b.doc || (a.doc === b.doc && a.index < b.index), `${key(a)} before ${key(b)}`).toBe(true);
    }
  });

  it.each(QUERIES)('give the same top in every layout as in the whole ranking: %s', async (query) => {
    const whole = (await indexes.merged!.search(query, { limit: 5000 })).map(key);
    for (const limit of [1, 3, 10, 25]) {
      for (const name of Object.keys(indexes)) {
        const top = (await indexes[name]!.search(query, { limit })).map(key);
        expect(top, `${name}, limit ${limit}`).toEqual(whole.slice(0, limit));
      }
    }
  });
});
