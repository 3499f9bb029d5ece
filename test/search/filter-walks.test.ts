// Filters narrow the walk over postings (--kind jumps over clauses of other
// kinds, --doc ids are looked up, --cites goes from one citing clause to the
// next) and ties against the worst kept clause are settled by a threshold per
// segment: none of it may change an answer. A filtered search must return the
// whole ranking's first clauses that pass the filter, in every layout of
// segments, with replaced (deleted) documents among them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHit } from '../../src/search/hits.js';
import type { UnresIndex } from '../../src/store/index.js';
import type { UnresDocument } from '../../src/types.js';
import { clause, doc } from './helpers/docs.js';
import { OPERATIVE_POOL as POOL } from './helpers/docs.js';
import { TempIndexes } from './helpers/temp-indexes.js';


const CITED = 'A/RES/64/293';

/** The clauses of document n (variant: its replacement) that cite CITED: about one in three, spread over every list. */
function citingClauses(n: number, variant: number): string[] {
  const ids = ['pp1', 'pp2', 'op1', 'op2', 'op3'];
  return ids.filter((_, k) => (n * 7 + k * 3 + variant) % 3 === 0);
}

function makeDoc(n: number, variant = 0): UnresDocument {
  const pick = (k: number): string => POOL[(n * 5 + k * (1 + (n % 4)) + variant) % POOL.length]!;
  const preamble = [0, 1].map((k) => clause('preamble', k + 1, pick(k)));
  const operative = [2, 3, 4].map((k) => clause('operative', k - 1, pick(k)));
  const citations = citingClauses(n, variant).map((c) => ({ symbol: CITED, text: '٢٩٣/٦٤', clause: c, basis: 'printed' as const }));
  return doc(`DOC-${String((n * 37) % 301).padStart(3, '0')}-${n}`, [...preamble, ...operative], { citations });
}

const DOCS = Array.from({ length: 240 }, (_, i) => makeDoc(i + 1));
/** Documents ingested again with other clauses: their first copies are deleted in older segments. */
const REPLACED = [3, 50, 77, 160].map((n) => makeDoc(n, 1));
const QUERIES = ['الأطفال', 'الأطفال الاتجار', 'حماية الأطفال', 'الاتجار بالأشخاص', '"حماية الأطفال"'];

const temp = new TempIndexes('filter-walks');
const indexes: Record<string, UnresIndex> = {};

beforeAll(async () => {
  const noMerging = { mergeFactor: 1000, expungeRatio: 1 };
  indexes.segmented = await temp.open('seg', { segmentClauses: 60, mergePolicy: noMerging });
  for (let i = 0; i < DOCS.length; i += 60) await indexes.segmented.ingest(DOCS.slice(i, i + 60));
  await indexes.segmented.ingest(REPLACED);
  indexes.merged = await temp.open('merged', { segmentClauses: 60, mergePolicy: noMerging });
  await indexes.merged.ingest(DOCS);
  await indexes.merged.ingest(REPLACED);
  await indexes.merged.optimize();
}, 120_000);

afterAll(() => temp.cleanUp());

const key = (h: EngineHit): string => `${h.doc}#${h.clause}@${h.score}`;

describe('filtered walks', () => {
  it('run over several segments with deleted documents (the test means something)', () => {
    expect(indexes.segmented!.stats().segments).toBeGreaterThan(3);
    expect(indexes.segmented!.stats().deletedDocuments).toBeGreaterThan(0);
  });

  it.each(QUERIES)('--kind gives the whole ranking restricted to the kind: %s', async (query) => {
    for (const name of Object.keys(indexes)) {
      const whole = await indexes[name]!.search(query, { limit: 5000 });
      for (const kind of ['operative', 'preamble']) {
        for (const limit of [1, 5, 20]) {
          const filtered = (await indexes[name]!.search(query, { limit, kind })).map(key);
          expect(filtered, `${name} ${kind} ${limit}`).toEqual(whole.filter((h) => h.kind === kind).slice(0, limit).map(key));
        }
      }
    }
  });

  it.each(QUERIES)('documents by id (docIds) give what doc gives, and the whole ranking restricted to them: %s', async (query) => {
    const ids = [DOCS[2]!.id, DOCS[100]!.id, DOCS[200]!.id, 'NO-SUCH-DOC'];
    for (const name of Object.keys(indexes)) {
      const whole = await indexes[name]!.search(query, { limit: 5000 });
      const expected = whole.filter((h) => ids.includes(h.doc)).slice(0, 8).map(key);
      expect((await indexes[name]!.search(query, { limit: 8, docIds: ids })).map(key), name).toEqual(expected);
      expect((await indexes[name]!.search(query, { limit: 8, doc: ids })).map(key), name).toEqual(expected);
      const operative = whole.filter((h) => ids.includes(h.doc) && h.kind === 'operative').slice(0, 8).map(key);
      expect((await indexes[name]!.search(query, { limit: 8, docIds: ids, kind: 'operative' })).map(key), name).toEqual(operative);
    }
  });

  it.each(QUERIES)('--cites gives the whole ranking restricted to the citing clauses: %s', async (query) => {
    const citing = new Set<string>();
    const latest = new Map([...DOCS, ...REPLACED].map((d) => [d.id, d]));
    for (const d of latest.values()) for (const c of d.citations) citing.add(`${d.id}#${c.clause}`);
    for (const name of Object.keys(indexes)) {
      const whole = await indexes[name]!.search(query, { limit: 5000 });
      for (const limit of [1, 3, 10, 40]) {
        const filtered = (await indexes[name]!.search(query, { limit, cites: CITED })).map(key);
        expect(filtered, `${name} ${limit}`).toEqual(whole.filter((h) => citing.has(`${h.doc}#${h.clause}`)).slice(0, limit).map(key));
      }
    }
  });

  it.each(QUERIES)('every layout gives the same filtered top: %s', async (query) => {
    for (const filters of [{ kind: 'operative' }, { kind: ['preamble', 'operative'] }, { docIds: [DOCS[7]!.id, DOCS[8]!.id] }]) {
      const merged = (await indexes.merged!.search(query, { limit: 12, ...filters })).map(key);
      const segmented = (await indexes.segmented!.search(query, { limit: 12, ...filters })).map(key);
      expect(segmented, JSON.stringify(filters)).toEqual(merged);
    }
  });
});
