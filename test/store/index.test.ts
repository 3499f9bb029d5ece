import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexError, UsageError } from '../../src/errors.js';
import { UnresIndex } from '../../src/store/index.js';
import { INDEX_VERSION } from '../../src/store/layout.js';
import { clause, doc, ops } from '../search/helpers/docs.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'unres-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const childRights = doc('A/RES/10', ops(['يحث الدول على حماية حقوق الأطفال', 'يقرر أن يبقي المسألة قيد نظره']), {
  title: 'حقوق الطفل',
});
const trafficking = doc('A/RES/11', [
  clause('preamble', 1, 'إذ يشير إلى قرارها ٢٩٣/٦٤'),
  clause('operative', 1, 'يدين الاتجار بالأشخاص'),
]);

describe('UnresIndex', () => {
  it('is an IndexError to open a missing index without create', async () => {
    const dir = join(tempDir(), 'nothing-here');
    await expect(UnresIndex.open(dir)).rejects.toThrow(IndexError);
    await expect(UnresIndex.open(dir)).rejects.toThrow(/no index at .*unres ingest <files>/);
  });

  it('ingests, searches, lists and gets documents', async () => {
    const index = await UnresIndex.open(tempDir(), { create: true });
    expect(await index.ingest([childRights, trafficking])).toMatchObject({ added: 2, updated: 0, unchanged: 0, failed: 0 });
    const hits = await index.search('طفل');
    expect(hits.map((h) => `${h.doc}#${h.clause}`)).toEqual(['A/RES/10#op1']);
    expect((await index.search('64/293'))[0]).toMatchObject({ doc: 'A/RES/11', clause: 'pp1', source: 'A_RES_11.txt' });
    expect(await index.list()).toEqual([
      { id: 'A/RES/10', source: 'A_RES_10.txt', paths: ['/data/A_RES_10.txt'], kind: 'resolution', symbol: null, title: 'حقوق الطفل', clauses: 2 },
      { id: 'A/RES/11', source: 'A_RES_11.txt', paths: ['/data/A_RES_11.txt'], kind: 'resolution', symbol: null, title: null, clauses: 2 },
    ]);
    expect(await index.get('A/RES/11')).toEqual(trafficking);
    expect(await index.get('nope')).toBeNull();
    expect(index.hasSource(childRights.source.sha256)).toBe(true);
    expect(index.hasSource('0'.repeat(64))).toBe(false);

    const reopened = await UnresIndex.open(index.dir);
    expect((await reopened.search('الاتجار')).map((h) => h.doc)).toEqual(['A/RES/11']);
  });

  it('treats re-ingesting an unchanged document as a no-op', async () => {
    const index = await UnresIndex.open(tempDir(), { create: true });
    await index.ingest([childRights]);
    const before = readFileSync(join(index.dir, 'manifest.json'), 'utf8');
    expect(await index.ingest([childRights])).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    expect(readFileSync(join(index.dir, 'manifest.json'), 'utf8')).toBe(before);
  });

  it('replaces a changed document with the same id', async () => {
    const index = await UnresIndex.open(tempDir(), { create: true });
    await index.ingest([childRights, trafficking]);
    const changed = doc('A/RES/10', ops(['يحث الدول على مكافحة التصحر']));
    expect(await index.ingest([changed])).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    expect(await index.search('طفل')).toEqual([]);
    expect((await index.search('التصحر')).map((h) => h.doc)).toEqual(['A/RES/10']);
    expect((await index.list()).map((d) => [d.id, d.clauses])).toEqual([
      ['A/RES/10', 1],
      ['A/RES/11', 2],
    ]);
    expect(await index.get('A/RES/10')).toEqual(changed);
  });

  it('counts documents it cannot store as failed, and stores the rest', async () => {
    const index = await UnresIndex.open(tempDir(), { create: true });
    const broken = { ...childRights, id: '' };
    const summary = await index.ingest([broken, trafficking]);
    expect(summary).toMatchObject({ added: 1, failed: 1 });
    expect(summary.problems).toEqual(['document has no id']);
  });

  it('keeps the last of two versions given in one batch', async () => {
    const index = await UnresIndex.open(tempDir(), { create: true });
    const second = doc('A/RES/10', ops(['نسخة ثانية عن التصحر']));
    expect(await index.ingest([childRights, second])).toMatchObject({ added: 1, updated: 1 });
    expect((await index.list()).map((d) => d.id)).toEqual(['A/RES/10']);
    expect(await index.search('طفل')).toEqual([]);
    expect((await index.search('التصحر')).length).toBe(1);
  });

  it('defines searches with nothing to search for', async () => {
    const index = await UnresIndex.open(tempDir(), { create: true });
    await index.ingest([childRights]);
    await expect(index.search('')).rejects.toThrow(UsageError);
    await expect(index.search('   ')).rejects.toThrow(UsageError);
    expect(await index.search('في من على')).toEqual([]); // only stop words
    expect(await index.search('،؛؟ ... !')).toEqual([]); // only punctuation
    await expect(index.search('-الأطفال')).rejects.toThrow(UsageError);
    const long = 'الأطفال '.repeat(1250); // 10,000 characters
    await expect(index.search(long)).rejects.toThrow(/query too long: 10000 characters, the limit is 4096/);
    await expect(index.search('الأطفال', { limit: 0 })).rejects.toThrow(UsageError);
  });

  it('splits a big batch into segments and merges them by policy', async () => {
    const index = await UnresIndex.open(tempDir(), { create: true, segmentClauses: 2, mergePolicy: { mergeFactor: 3 } });
    const docs = Array.from({ length: 7 }, (_, i) => doc(`D/${i}`, ops([`نص رقم ${i} عن الأطفال`, 'بند ثان'])));
    await index.ingest(docs);
    const { segments, documents } = index.stats();
    expect(documents).toBe(7);
    expect(segments).toBeLessThan(7);
    expect((await index.search('طفل', { limit: 20 })).length).toBe(7);
    await index.optimize();
    expect(index.stats().segments).toBe(1);
    expect((await index.search('طفل', { limit: 20 })).length).toBe(7);
    const names = readdirSync(join(index.dir, 'segments'));
    expect(names).toHaveLength(1);
  });
});

describe('readers and writers', () => {
  it('lets a reader whose segments were merged away and swept read the new index', async () => {
    const dir = tempDir();
    const writer = await UnresIndex.open(dir, { create: true, segmentClauses: 1 });
    await writer.ingest([childRights, trafficking]);
    expect(writer.stats().segments).toBe(2);
    const reader = await UnresIndex.open(dir); // metadata read, segment files not yet
    await writer.optimize(); // merges both segments into a new one and removes the old ones
    expect(readdirSync(join(dir, 'segments'))).toHaveLength(1);
    expect((await reader.search('طفل')).map((h) => h.doc)).toEqual(['A/RES/10']);
    expect(reader.stats().segments).toBe(1);
  });
});

describe('damage', () => {
  async function builtIndex(): Promise<UnresIndex> {
    const index = await UnresIndex.open(tempDir(), { create: true });
    await index.ingest([childRights, trafficking]);
    return index;
  }

  async function expectDamage(dir: string, pattern: RegExp): Promise<void> {
    const index = await UnresIndex.open(dir);
    const error = await index.search('طفل').then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(IndexError);
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).toContain('unres ingest --rebuild');
    expect((error as Error).message).not.toContain('\n');
  }

  function flipBit(path: string, offset: number, bit: number): void {
    const bytes = readFileSync(path);
    bytes[offset] = bytes[offset]! ^ (1 << bit);
    writeFileSync(path, bytes);
  }

  function segmentDir(dir: string): string {
    return join(dir, 'segments', readdirSync(join(dir, 'segments')).find((n) => n.startsWith('s'))!);
  }

  it('detects a truncated manifest', async () => {
    const { dir } = await builtIndex();
    const path = join(dir, 'manifest.json');
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 100));
    await expectDamage(dir, /manifest.json is not valid JSON/);
  });

  it('detects an edited manifest', async () => {
    const { dir } = await builtIndex();
    const path = join(dir, 'manifest.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"deleted":[]', '"deleted":[0]'));
    await expectDamage(dir, /checksum/);
  });

  it('detects a future format version and says how to recover', async () => {
    const { dir } = await builtIndex();
    const path = join(dir, 'manifest.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace(`"version":${INDEX_VERSION}`, `"version":${INDEX_VERSION + 1}`));
    await expectDamage(dir, new RegExp(`format version ${INDEX_VERSION + 1}, newer than this unres reads \\(${INDEX_VERSION}\\): upgrade unres, or run`));
  });

  it('detects a missing segment', async () => {
    const { dir } = await builtIndex();
    rmSync(segmentDir(dir), { recursive: true });
    await expectDamage(dir, /segment.bin is missing/);
  });

  it('detects truncated postings, edited terms and edited stored documents', async () => {
    const a = await builtIndex();
    const postings = join(segmentDir(a.dir), 'postings.bin');
    writeFileSync(postings, readFileSync(postings).subarray(0, 10));
    await expectDamage(a.dir, /postings.bin is truncated/);

    const b = await builtIndex();
    const terms = join(segmentDir(b.dir), 'terms.bin');
    flipBit(terms, 3, 0);
    await expectDamage(b.dir, /terms.bin fails its checksum/);

    const c = await builtIndex();
    const stored = join(segmentDir(c.dir), 'stored.bin');
    flipBit(stored, 40, 5);
    const index = await UnresIndex.open(c.dir);
    await expect(index.get('A/RES/10')).rejects.toThrow(/stored.bin fails its checksum/);
  });

  it('finds a flipped bit in the postings a search reads, whichever bit (exit 3, never other scores)', async () => {
    const base = await builtIndex();
    const postings = join(segmentDir(base.dir), 'postings.bin');
    const size = readFileSync(postings).length;
    for (const [offset, bit] of [[0, 0], [1, 1], [Math.floor(size / 3), 2], [Math.floor(size / 2), 3], [size - 40, 4], [size - 30, 5], [size - 10, 6], [size - 1, 7]] as const) {
      const copy = tempDir();
      cpSync(base.dir, copy, { recursive: true });
      flipBit(join(segmentDir(copy), 'postings.bin'), offset, bit);
      await expectDamage(copy, /postings.bin (fails its checksum|is truncated or changed)/);
    }
  });

  it('refuses a segment of another index, even one of the same size', async () => {
    const a = await builtIndex();
    const b = await builtIndex();
    const into = segmentDir(a.dir);
    for (const name of readdirSync(segmentDir(b.dir))) cpSync(join(segmentDir(b.dir), name), join(into, name));
    await expectDamage(a.dir, /belongs to another index/);
  });

  it('rebuilds from the stored documents after damage', async () => {
    const { dir } = await builtIndex();
    const path = join(dir, 'manifest.json');
    writeFileSync(path, '{"format":"unres-index"');
    const index = await UnresIndex.open(dir, { create: true });
    await expect(index.search('طفل')).rejects.toThrow(IndexError);
    expect(() => index.hasSource(childRights.source.sha256)).toThrow(IndexError);
    expect((await index.rebuild()).documents).toBe(2);
    expect((await index.search('طفل')).map((h) => h.doc)).toEqual(['A/RES/10']);
    expect((await index.list()).map((d) => d.id)).toEqual(['A/RES/10', 'A/RES/11']);
  });

  it('takes segments without a manifest for a first commit under way while a writer holds the lock, and for damage once it is stale', async () => {
    const index = await builtIndex();
    rmSync(join(index.dir, 'manifest.json'));
    // A writer at work: its lock folder, refreshed just now.
    const lock = join(index.dir, 'write.lock');
    mkdirSync(lock);
    // A second writer opens it as the empty index it still is (and waits for the lock); a reader finds no index yet.
    const writer = await UnresIndex.open(index.dir, { create: true });
    expect(await writer.search('طفل')).toEqual([]);
    await expect(UnresIndex.open(index.dir)).rejects.toThrow(/no index at/);
    // The same lock left by a writer long gone: the manifest is missing, the index damaged.
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await expectDamage(index.dir, /manifest.json is missing/);
  });

  it('rebuilds a replaced document in its newest version when the manifest is lost', async () => {
    const index = await builtIndex();
    await index.ingest([doc('A/RES/10', ops(['يحث الدول على مكافحة التصحر']))]);
    rmSync(join(index.dir, 'manifest.json'));
    await expectDamage(index.dir, /manifest.json is missing/);
    const reopened = await UnresIndex.open(index.dir, { create: true });
    expect((await reopened.rebuild()).documents).toBe(2);
    expect(await reopened.search('طفل')).toEqual([]);
    expect((await reopened.search('التصحر')).map((h) => h.doc)).toEqual(['A/RES/10']);
  });

  it('answers many lookups by id and by source the same as a few (keys indexed in memory once many are asked)', async () => {
    const index = await UnresIndex.open(tempDir(), { create: true });
    const docs = Array.from({ length: 40 }, (_, i) => doc(`A/RES/${100 + i}`, ops([`يحث الدول ${i}`])));
    await index.ingest(docs.slice(0, 20));
    await index.ingest(docs.slice(20)); // two segments
    const replaced = doc('A/RES/105', ops(['نص جديد']));
    await index.ingest([replaced]); // the old A/RES/105 is deleted in its segment
    for (let round = 0; round < 4; round++) {
      for (const d of docs) {
        const live = d.id === 'A/RES/105' ? replaced : d;
        expect(index.holds(d.id)).toBe(true);
        expect(index.hasSource(live.source.sha256)).toBe(true);
        expect(index.hasSource(d.source.sha256)).toBe(d.id !== 'A/RES/105');
        expect(index.hasSource(`${d.source.sha256}x`)).toBe(false);
        expect(index.holds(`${d.id}x`)).toBe(false);
      }
    }
    expect((await index.get('A/RES/105'))?.clauses[0]?.text).toBe('نص جديد');
  });
});

describe('document key hashes', () => {
  it('hash a string as they hash its UTF-8 bytes, ASCII or not', async () => {
    const { DocKeyIndex, keyHash } = await import('../../src/index/format/doc-keys.js');
    const keys = ['A/RES/70/1', 'a'.repeat(64), 'قرار/١', 'E/2017/30 é', ''];
    const index = DocKeyIndex.fromHashes(Float64Array.from(keys, (k) => keyHash(new TextEncoder().encode(k))));
    keys.forEach((k, i) => expect(index.candidates(k)).toEqual([i]));
    expect(index.candidates('A/RES/70/2')).toEqual([]);
  });
});
