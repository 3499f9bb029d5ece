// A damaged index: each kind of damage is exit 3 with one line that says how
// to recover, and `unres ingest --rebuild` then gives a working index from the
// stored documents (what a damaged file held is ingested again from its
// files). A read-only index folder refuses writes with exit 3 and a way out,
// while searching it still works. See docs/reliability.md ("Damage").
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, expectOneLineFailure, listIds, setUpCli, tearDownCli, unres } from './support/cli.js';

const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seed = (i: number) => join(SEEDS, seeds[i]!);
const REBUILD = 'run `unres ingest --rebuild`';

let scratch: string;
let base: string;
/** Segment folders of the base index, oldest first: seeds 0-1, then seeds 2-3. */
let segments: string[];

beforeAll(async () => {
  scratch = setUpCli('damage');
  base = join(scratch, 'base');
  for (const pair of [[0, 1], [2, 3]]) {
    const result = await unres(['ingest', ...pair.map(seed), '--index', base]);
    expect(result.stdout, result.stderr).toBe('2 added, 0 updated, 0 unchanged, 0 failed\n');
  }
  segments = readdirSync(join(base, 'segments')).sort();
  expect(segments).toHaveLength(2);
}, 120_000);

afterAll(tearDownCli);

const manifest = (dir: string) => join(dir, 'manifest.json');
const inSegment = (dir: string, s: number, file: string) => join(dir, 'segments', segments[s]!, file);
const truncate = (path: string, keep: (length: number) => number) => {
  const bytes = readFileSync(path);
  writeFileSync(path, bytes.subarray(0, keep(bytes.length)));
};

interface DamageCase {
  name: string;
  damage: (dir: string) => void;
  /** What the one line says. */
  says: RegExp;
  /** Whether `list` still works (damage found only when a file is read for a search or a document). */
  listWorks: boolean;
  /** Documents `ingest --rebuild` recovers (of 4); the others come back by ingesting their files again. */
  recovered: number;
}

const CASES: DamageCase[] = [
  { name: 'manifest truncated', damage: (d) => truncate(manifest(d), (n) => n >> 1), says: /manifest\.json is not valid JSON: truncated or edited/, listWorks: false, recovered: 4 },
  { name: 'manifest emptied', damage: (d) => writeFileSync(manifest(d), ''), says: /manifest\.json is not valid JSON/, listWorks: false, recovered: 4 },
  {
    name: 'manifest edited',
    damage: (d) => writeFileSync(manifest(d), readFileSync(manifest(d), 'utf8').replace(/"clauses":(\d)/, '"clauses":9$1')),
    says: /manifest\.json fails its checksum: truncated or edited/,
    listWorks: false,
    recovered: 4,
  },
  { name: 'manifest replaced by other JSON', damage: (d) => writeFileSync(manifest(d), '{"hello": "world"}\n'), says: /manifest\.json is not an unres index manifest/, listWorks: false, recovered: 4 },
  { name: 'manifest missing', damage: (d) => rmSync(manifest(d)), says: /manifest\.json is missing/, listWorks: false, recovered: 4 },
  {
    name: 'future format version',
    damage: (d) => writeFileSync(manifest(d), readFileSync(manifest(d), 'utf8').replace('"version":1', '"version":99')),
    says: /has format version 99, newer than this unres reads \(1\): upgrade unres, or run `unres ingest --rebuild`/,
    listWorks: false,
    recovered: 4,
  },
  {
    name: 'older format version',
    damage: (d) => writeFileSync(manifest(d), readFileSync(manifest(d), 'utf8').replace('"version":1', '"version":0')),
    says: /has format version 0, older than this unres reads \(1\): run `unres ingest --rebuild`/,
    listWorks: false,
    recovered: 4,
  },
  {
    name: 'segment missing',
    damage: (d) => rmSync(join(d, 'segments', segments[0]!), { recursive: true }),
    says: /segment s\d{8}-[0-9a-f]{6}: meta\.json is missing/,
    listWorks: false,
    recovered: 2,
  },
  { name: 'segment metadata edited', damage: (d) => truncate(inSegment(d, 1, 'meta.json'), (n) => n - 1), says: /meta\.json is truncated or changed/, listWorks: false, recovered: 4 },
  { name: 'postings truncated', damage: (d) => truncate(inSegment(d, 1, 'postings.bin'), (n) => n >> 1), says: /postings\.bin is truncated or changed/, listWorks: true, recovered: 4 },
  {
    name: 'stored documents cut short',
    damage: (d) => truncate(inSegment(d, 0, 'docs.jsonl'), (n) => n - 200),
    says: /docs\.jsonl is truncated or changed/,
    listWorks: true,
    recovered: 3,
  },
];

describe('a damaged index', () => {
  it.concurrent.each(CASES.map((c) => [c.name, c] as const))('%s: exit 3 saying how to recover; --rebuild gives a working index', async (name, c) => {
    const dir = join(scratch, name.replace(/\W+/g, '-'));
    cpSync(base, dir, { recursive: true });
    c.damage(dir);

    const search = expectOneLineFailure(await unres(['search', 'الأطفال', '--index', dir]), 3);
    expect(search).toMatch(c.says);
    expect(search).toContain(REBUILD);
    const list = await unres(['list', '--json', '--index', dir]);
    if (c.listWorks) expect(list.code, list.stderr).toBe(0);
    else expect(expectOneLineFailure(list, 3)).toContain(REBUILD);

    const rebuilt = await unres(['ingest', '--rebuild', '--index', dir]);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toBe(`rebuilt index: ${c.recovered} documents\n`);
    if (c.recovered < 4) {
      expect(rebuilt.stderr).toBe(`unres: warning: ${4 - c.recovered} stored document${4 - c.recovered === 1 ? '' : 's'} could not be read (damaged or missing segment files): ingest their files again\n`);
    } else {
      expect(rebuilt.stderr).toBe('');
    }
    const after = await unres(['search', 'الأطفال', '--json', '--limit', '100', '--index', dir]);
    expect(after.code, after.stderr).toBe(0);
    expect(new Set((JSON.parse(after.stdout) as { doc: string }[]).map((h) => h.doc)).size).toBe(c.recovered);
    if (c.recovered === 4) return;

    // What the damage took comes back from the files.
    const again = await unres(['ingest', ...[0, 1, 2, 3].map(seed), '--index', dir]);
    expect(again.stdout, again.stderr).toBe(`${4 - c.recovered} added, 0 updated, ${c.recovered} unchanged, 0 failed\n`);
    expect(await listIds(dir)).toHaveLength(4);
  });

  it('refuses to ingest into a damaged index (exit 3) rather than write over it', async () => {
    const dir = join(scratch, 'no-write-over');
    cpSync(base, dir, { recursive: true });
    writeFileSync(manifest(dir), '');
    const result = await unres(['ingest', seed(4), '--index', dir]);
    expect(expectOneLineFailure(result, 3)).toContain(REBUILD);
    expect(readFileSync(manifest(dir), 'utf8')).toBe('');
  });
});

describe('a read-only index folder', () => {
  // As root, permission bits do not stop writes: unres then runs as nobody, for whom the folder is read-only.
  const asRoot = process.getuid?.() === 0;
  const options = asRoot ? { uid: 65534 } : {};

  it('refuses writes with exit 3 and a way out; searching, listing and showing still work', async () => {
    const dir = join(scratch, 'read-only');
    cpSync(base, dir, { recursive: true });
    if (!asRoot) chmodSync(dir, 0o555);
    try {
      const ingest = await unres(['ingest', seed(4), '--index', dir], options);
      const line = expectOneLineFailure(ingest, 3);
      expect(line).toMatch(/^unres: cannot lock the index at \S+: EACCES: permission denied.*: the index folder is not writable; make it writable \(chmod -R u\+w\) or give another --index \(searching it still works\)$/);
      expect((await unres(['ingest', '--rebuild', '--index', dir], options)).code).toBe(3);

      const search = await unres(['search', 'الأطفال', '--json', '--index', dir], options);
      expect(search.code, search.stderr).toBe(0);
      expect(JSON.parse(search.stdout)).not.toHaveLength(0);
      const list = await unres(['list', '--json', '--index', dir], options);
      expect(JSON.parse(list.stdout)).toHaveLength(4);
      const shown = await unres(['show', (JSON.parse(list.stdout) as { id: string }[])[0]!.id, '--index', dir], options);
      expect(shown.code, shown.stderr).toBe(0);
      // Nothing to write: unchanged files are a no-op, exit 0.
      const unchanged = await unres(['ingest', seed(0), '--index', dir], options);
      expect(unchanged.stdout, unchanged.stderr).toBe('0 added, 0 updated, 1 unchanged, 0 failed\n');
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});
