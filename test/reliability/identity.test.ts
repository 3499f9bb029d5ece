// Issue 11, items 1-4: one file, one document, every time. The identity rule
// (src/store/identity.ts, docs/reliability.md "Identity"): a document is one
// distinct text; the same text from several files is one document knowing
// every path; two different texts never share an id.
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnresIndex } from '../../src/store/index.js';
import { parseBytes } from '../../src/structure/parse.js';
import { SEEDS, setUpCli, tearDownCli, unres } from './support/cli.js';

const seedNames = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seed = (i: number) => readFileSync(join(SEEDS, seedNames[i]!));
/** Seed 3 is resolution E/RES/2017/18; seeds 0 and 2 have no symbol. */
const RESOLUTION = 3;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Listed {
  id: string;
  source: string;
  symbol: string | null;
  paths: string[];
}

let scratch = '';
let n = 0;
const fresh = (): { dir: string; index: string } => {
  const dir = join(scratch, `case-${++n}`);
  mkdirSync(dir, { recursive: true });
  return { dir, index: join(scratch, `index-${n}`) };
};

async function list(index: string): Promise<Listed[]> {
  const r = await unres(['list', '--json', '--index', index]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Listed[];
}

async function shownSha(index: string, ref: string): Promise<string> {
  const r = await unres(['show', ref, '--json', '--index', index]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { source: { sha256: string } }).source.sha256;
}

beforeAll(async () => {
  scratch = await setUpCli('identity');
}, 120_000);
afterAll(() => tearDownCli());

describe('identity', { timeout: 300_000 }, () => {
  it('1: same base name in two folders is two documents, stable across runs', async () => {
    const { dir, index } = fresh();
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', 'report.txt'), seed(0));
    writeFileSync(join(dir, 'b', 'report.txt'), seed(2));
    const first = await unres(['ingest', dir, '--index', index]);
    expect(first.stdout, first.stderr).toBe('2 added, 0 updated, 0 unchanged, 0 failed\n');
    const ids = (await list(index)).map((d) => d.id);
    expect(ids).toHaveLength(2);
    for (let run = 0; run < 2; run++) {
      const again = await unres(['ingest', dir, '--index', index]);
      expect(again.stdout, again.stderr).toBe('0 added, 0 updated, 2 unchanged, 0 failed\n');
      expect((await list(index)).map((d) => d.id)).toEqual(ids);
    }
    // Each is found by its own path.
    expect(await shownSha(index, join(dir, 'a', 'report.txt'))).toBe(sha256(seed(0)));
    expect(await shownSha(index, join(dir, 'b', 'report.txt'))).toBe(sha256(seed(2)));
  });

  it('2: a file named like a symbol never replaces the resolution, in either order', async () => {
    for (const order of [['real', 'impostor'], ['impostor', 'real']]) {
      const { dir, index } = fresh();
      mkdirSync(join(dir, 'real'));
      mkdirSync(join(dir, 'impostor'));
      writeFileSync(join(dir, 'real', 'res.txt'), seed(RESOLUTION));
      writeFileSync(join(dir, 'impostor', 'E-RES-2017-18.txt'), seed(0));
      for (const which of order) {
        const r = await unres(['ingest', join(dir, which), '--index', index]);
        expect(r.stdout, r.stderr).toBe('1 added, 0 updated, 0 unchanged, 0 failed\n');
        expect(r.stderr).toBe('');
      }
      const docs = await list(index);
      expect(docs).toHaveLength(2);
      expect(new Set(docs.map((d) => d.id)).size).toBe(2);
      expect(await shownSha(index, 'E/RES/2017/18')).toBe(sha256(seed(RESOLUTION)));
      expect(await shownSha(index, 'res.txt')).toBe(sha256(seed(RESOLUTION)));
    }
  });

  it('3: two different texts on standard input are two documents; the same text again is unchanged', async () => {
    const { index } = fresh();
    const one = await unres(['ingest', '-', '--index', index], { stdin: seed(0) });
    expect(one.stdout, one.stderr).toBe('1 added, 0 updated, 0 unchanged, 0 failed\n');
    const two = await unres(['ingest', '-', '--index', index], { stdin: seed(2) });
    expect(two.stdout, two.stderr).toBe('1 added, 0 updated, 0 unchanged, 0 failed\n');
    const again = await unres(['ingest', '-', '--index', index], { stdin: seed(2) });
    expect(again.stdout, again.stderr).toBe('0 added, 0 updated, 1 unchanged, 0 failed\n');
    const docs = await list(index);
    expect(docs).toHaveLength(2);
    expect(new Set(docs.map((d) => d.id)).size).toBe(2);
  });

  it('4: a copy under a new name stays when the original changes; one document knows both paths before', async () => {
    const { dir, index } = fresh();
    writeFileSync(join(dir, 'a.txt'), seed(0));
    copyFileSync(join(dir, 'a.txt'), join(dir, 'b.txt'));
    const first = await unres(['ingest', dir, '--index', index]);
    expect(first.stdout, first.stderr).toBe('1 added, 0 updated, 0 unchanged, 1 duplicate, 0 failed\n');
    const [only] = await list(index);
    expect(only!.paths).toEqual([join(dir, 'a.txt'), join(dir, 'b.txt')]);
    expect(await shownSha(index, 'b.txt')).toBe(sha256(seed(0)));

    appendFileSync(join(dir, 'a.txt'), '\nملاحظة: نسخة معدلة.\n');
    const second = await unres(['ingest', dir, '--index', index]);
    expect(second.stdout, second.stderr).toBe('0 added, 1 updated, 1 unchanged, 0 failed\n');
    const docs = await list(index);
    expect(docs).toHaveLength(2);
    expect(await shownSha(index, 'b.txt')).toBe(sha256(seed(0)));
    expect(await shownSha(index, 'a.txt')).toBe(sha256(readFileSync(join(dir, 'a.txt'))));
    const searchByPath = await unres(['search', 'الأمم', '--doc', 'b.txt', '--json', '--index', index]);
    expect(searchByPath.code, searchByPath.stderr).toBeLessThan(2);
  });

  it('4: identical files are treated the same whatever batch they fall in', async () => {
    const { dir } = fresh();
    const doc = (name: string) => parseBytes(seed(0), name);
    const one = await UnresIndex.open(join(dir, 'one'), { create: true });
    const oneRun = await one.ingestFiles(['x.txt', 'y.txt', 'z.txt'].map((p) => ({ path: `/f/${p}`, sha256: sha256(seed(0)), doc: doc(p) })));
    const split = await UnresIndex.open(join(dir, 'split'), { create: true });
    const runs = [];
    for (const p of ['x.txt', 'y.txt', 'z.txt']) runs.push(await split.ingestFiles([{ path: `/f/${p}`, sha256: sha256(seed(0)), doc: doc(p) }]));
    expect(oneRun).toMatchObject({ added: 1, duplicate: 2 });
    expect(runs.map((r) => r.added + r.duplicate)).toEqual([1, 1, 1]);
    expect(await split.list()).toEqual(await one.list());
    expect((await one.list())[0]!.paths).toEqual(['/f/x.txt', '/f/y.txt', '/f/z.txt']);
  });

  it('replacing a text from another file is said on stderr; remove and --prune take documents out', async () => {
    const { dir, index } = fresh();
    writeFileSync(join(dir, 'a.txt'), seed(RESOLUTION));
    writeFileSync(join(dir, 'other.txt'), seed(0));
    expect((await unres(['ingest', dir, '--index', index])).stdout).toBe('2 added, 0 updated, 0 unchanged, 0 failed\n');
    // Renamed and edited: the same resolution, its old file gone.
    renameSync(join(dir, 'a.txt'), join(dir, 'b.txt'));
    appendFileSync(join(dir, 'b.txt'), '\nملاحظة: نسخة مصوبة.\n');
    const moved = await unres(['ingest', dir, '--index', index]);
    expect(moved.stderr).toBe('unres: E-RES-2017-18: replaced (was a.txt, now b.txt)\n');
    expect(moved.stdout).toBe('0 added, 1 updated, 1 unchanged, 0 failed\n');
    const docs = await list(index);
    expect(docs.map((d) => [d.id, d.paths])).toContainEqual(['E-RES-2017-18', [join(dir, 'b.txt')]]);
    expect(docs).toHaveLength(2);

    const missing = await unres(['remove', 'nope', 'E/RES/2017/18', '--index', index]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^unres: no document "nope" in the index .*nothing removed\n$/);
    expect(await list(index)).toHaveLength(2);
    const removed = await unres(['remove', 'E/RES/2017/18', '--index', index]);
    expect(removed.stdout, removed.stderr).toBe('1 removed\n');
    expect((await list(index)).map((d) => d.source)).toEqual(['other.txt']);

    rmSync(join(dir, 'other.txt'));
    const pruned = await unres(['ingest', '--prune', dir, '--index', index]);
    expect(pruned.stdout, pruned.stderr).toBe('1 added, 0 updated, 0 unchanged, 0 failed, 1 removed\n');
    expect((await list(index)).map((d) => d.source)).toEqual(['b.txt']);
  });

  it('counts every input file: a folder with skipped files, --json and -q summaries', async () => {
    const { dir, index } = fresh();
    writeFileSync(join(dir, 'a.txt'), seed(0));
    writeFileSync(join(dir, 'a-copy.md'), seed(0));
    writeFileSync(join(dir, 'photo.png'), '\x89PNG');
    writeFileSync(join(dir, 'notes.csv'), 'a,b');
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = await unres(['ingest', dir, '--json', '--index', index]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ added: 1, updated: 0, unchanged: 0, duplicate: 1, reparsed: 0, failed: 1, skipped: 2, removed: 0, interrupted: false });
    const human = await unres(['ingest', dir, '--index', index]);
    expect(human.stdout).toBe('0 added, 0 updated, 2 unchanged, 1 failed; 2 skipped: not a format unres reads\n');
    const quiet = await unres(['ingest', dir, '-q', '--index', index]);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toMatch(/empty\.txt: is empty/);
  });
});
