// A segmented index (many small segments, replaced documents still present
// as deletions) and a one-segment index of the same live documents must rank
// alike: scores use statistics over live clauses of all segments.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnresIndex } from '../../src/store/index.js';
import { parseFile } from '../../src/structure/parse.js';
import type { UnresDocument } from '../../src/types.js';
import { ROOT } from '../store/helpers/compiled.js';

const dirs: string[] = [];
let segmented: UnresIndex;
let single: UnresIndex;
let seeds: UnresDocument[];

const devQueries = (JSON.parse(readFileSync(join(ROOT, 'queries', 'dev.json'), 'utf8')) as Array<{ query: string }>).map(
  (q) => q.query,
);
const moreQueries = ['الأطفال', 'الاتجار بالأشخاص', '+الدول -الأطفال', 'تكنولوجيا*', 'الانترنيت~1', 'section:توصيات', 'title:الاتجار الضحايا'];

function stale(doc: UnresDocument): UnresDocument {
  // An older version of the same document: other text, other bytes.
  return {
    ...doc,
    source: { ...doc.source, sha256: 'old-' + doc.source.sha256 },
    clauses: doc.clauses.slice(0, 5).map((c) => ({ ...c, text: c.text + ' نص قديم عن الأطفال والاتجار' })),
  };
}

beforeAll(async () => {
  seeds = [];
  for (const f of readdirSync(join(ROOT, 'seeds')).sort()) seeds.push(await parseFile(join(ROOT, 'seeds', f)));
  const a = mkdtempSync(join(tmpdir(), 'unres-seg-'));
  const b = mkdtempSync(join(tmpdir(), 'unres-one-'));
  dirs.push(a, b);
  const noMerging = { mergeFactor: 1000, expungeRatio: 1 };
  // One segment holding old versions of three documents and the current version of a fourth...
  const first = await UnresIndex.open(a, { create: true, mergePolicy: noMerging });
  await first.ingest([...seeds.slice(0, 3).map(stale), seeds[4]!]);
  // ...then the current versions, a segment each (cut every 7 clauses): the old versions become deletions.
  segmented = await UnresIndex.open(a, { segmentClauses: 7, mergePolicy: noMerging });
  for (const d of seeds.slice(0, 4)) await segmented.ingest([d]);
  single = await UnresIndex.open(b, { create: true });
  await single.ingest(seeds);
}, 60_000);

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('segmented and one-segment indexes', () => {
  it('really are segmented, with deletions', () => {
    expect(segmented.stats().segments).toBe(5);
    expect(segmented.stats().deletedDocuments).toBe(3);
    expect(single.stats().segments).toBe(1);
    expect(segmented.stats().documents).toBe(single.stats().documents);
  });

  it('return the same top hits with the same scores for the dev queries and more', async () => {
    for (const query of [...devQueries, ...moreQueries]) {
      const a = await segmented.search(query, { limit: 10 });
      const b = await single.search(query, { limit: 10 });
      expect(a.length, query).toBeGreaterThan(0);
      expect(a.map((h) => [h.doc, h.clause, h.score]), query).toEqual(b.map((h) => [h.doc, h.clause, h.score]));
    }
  });

  it('still do after merging the segmented one into one', async () => {
    await segmented.optimize();
    expect(segmented.stats().segments).toBe(1);
    for (const query of devQueries) {
      const a = await segmented.search(query);
      const b = await single.search(query);
      expect(a.map((h) => [h.doc, h.clause, h.score]), query).toEqual(b.map((h) => [h.doc, h.clause, h.score]));
    }
  });
});
