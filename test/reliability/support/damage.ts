// Kinds of damage to an index, and what unres must do about each: exit 3 with
// one line saying how to recover, then `unres ingest --rebuild` gives a
// working index of what the stored documents still hold, and ingesting the
// files again brings back the rest. The default suite runs the commonest
// cases (test/reliability/damage.test.ts), the slow suite the others.
import { crc32 } from 'node:zlib';
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { INDEX_VERSION } from '../../../src/store/layout.js';
import { SEEDS, expectOneLineFailure, listIds, unres } from './cli.js';

const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
export const seed = (i: number) => join(SEEDS, seeds[i]!);
export const REBUILD = 'run `unres ingest --rebuild`';

export interface BaseIndex {
  dir: string;
  /** Segment folders, oldest first: seeds 0-1, then seeds 2-3. */
  segments: string[];
}

/** Four seeds in two segments. */
export async function buildBase(dir: string): Promise<BaseIndex> {
  for (const pair of [[0, 1], [2, 3]]) {
    const result = await unres(['ingest', ...pair.map(seed), '--index', dir]);
    expect(result.stdout, result.stderr).toBe('2 added, 0 updated, 0 unchanged, 0 failed\n');
  }
  const segments = readdirSync(join(dir, 'segments')).sort();
  expect(segments).toHaveLength(2);
  return { dir, segments };
}

const manifest = (dir: string) => join(dir, 'manifest.json');
const editManifest = (dir: string, edit: (text: string) => string) => writeFileSync(manifest(dir), edit(readFileSync(manifest(dir), 'utf8')));
const truncate = (path: string, keep: (length: number) => number) => {
  const bytes = readFileSync(path);
  writeFileSync(path, bytes.subarray(0, keep(bytes.length)));
};

export interface DamageCase {
  name: string;
  damage: (dir: string, segments: string[]) => void;
  /** What the one line says. */
  says: RegExp;
  /** Whether `list` still works (damage found only when a file is read for a search or a document). */
  listWorks: boolean;
  /** Documents `ingest --rebuild` recovers (of 4); the others come back by ingesting their files again. */
  recovered: number;
}

export const DAMAGE_CASES: DamageCase[] = [
  { name: 'manifest truncated', damage: (d) => truncate(manifest(d), (n) => n >> 1), says: /manifest\.json is not valid JSON: truncated or edited/, listWorks: false, recovered: 4 },
  {
    name: 'manifest edited',
    damage: (d) => editManifest(d, (t) => t.replace(/"clauses":(\d)/, '"clauses":9$1')),
    says: /manifest\.json fails its checksum: truncated or edited/,
    listWorks: false,
    recovered: 4,
  },
  {
    name: 'future format version',
    damage: (d) => editManifest(d, (t) => t.replace(`"version":${INDEX_VERSION}`, '"version":99')),
    says: new RegExp(`has format version 99, newer than this unres reads \\(${INDEX_VERSION}\\): upgrade unres, or run \`unres ingest --rebuild\``),
    listWorks: false,
    recovered: 4,
  },
  {
    name: 'segment missing',
    damage: (d, s) => rmSync(join(d, 'segments', s[0]!), { recursive: true }),
    says: /segment s\d{8}-[0-9a-f]{6}: segment\.bin is missing/,
    listWorks: false,
    recovered: 2,
  },
  {
    name: 'stored documents cut short',
    damage: (d, s) => truncate(join(d, 'segments', s[0]!, 'stored.bin'), (n) => n - 200),
    says: /stored\.bin is truncated or changed/,
    listWorks: true,
    recovered: 3,
  },
  // Slow suite from here.
  { name: 'manifest missing', damage: (d) => rmSync(manifest(d)), says: /manifest\.json is missing/, listWorks: false, recovered: 4 },
  {
    name: 'postings truncated',
    damage: (d, s) => truncate(join(d, 'segments', s[1]!, 'postings.bin'), (n) => n >> 1),
    says: /postings\.bin is truncated or changed/,
    listWorks: true,
    recovered: 4,
  },
  { name: 'manifest emptied', damage: (d) => writeFileSync(manifest(d), ''), says: /manifest\.json is not valid JSON/, listWorks: false, recovered: 4 },
  { name: 'manifest replaced by other JSON', damage: (d) => writeFileSync(manifest(d), '{"hello": "world"}\n'), says: /manifest\.json is not an unres index manifest/, listWorks: false, recovered: 4 },
  {
    name: 'manifest checksummed but of another shape',
    damage: (d) =>
      editManifest(d, (t) => {
        const file = JSON.parse(t) as { crc32: number; body: { segments: Array<{ docs: unknown }> } };
        file.body.segments[0]!.docs = 'two';
        file.crc32 = crc32(JSON.stringify(file.body));
        return JSON.stringify(file);
      }),
    says: /manifest\.json does not describe an index/,
    listWorks: false,
    recovered: 4,
  },
  {
    name: 'older format version',
    // Whatever the current version is: the manifest says 1, older than any this unres reads.
    damage: (d) => editManifest(d, (t) => t.replace(/"version":\d+/, '"version":1')),
    says: /has format version 1, older than this unres reads \(\d+\): run `unres ingest --rebuild`/,
    listWorks: false,
    recovered: 4,
  },
  {
    name: 'segment metadata edited',
    damage: (d, s) => truncate(join(d, 'segments', s[1]!, 'segment.bin'), (n) => n - 1),
    says: /segment\.bin is truncated or changed/,
    listWorks: false,
    recovered: 4,
  },
  {
    name: 'terms edited',
    damage: (d, s) => {
      const path = join(d, 'segments', s[1]!, 'terms.bin');
      // A byte in every 4 KiB chunk: whatever part of the dictionary a search reads is edited.
      const bytes = readFileSync(path);
      for (let at = 7; at < bytes.length; at += 4096) bytes[at] = bytes[at]! ^ 0x10;
      writeFileSync(path, bytes);
    },
    says: /terms\.bin (fails its checksum|is truncated or changed)/,
    listWorks: true,
    recovered: 4,
  },
  {
    name: 'clause table truncated',
    damage: (d, s) => truncate(join(d, 'segments', s[0]!, 'norms.bin'), (n) => n - 8),
    says: /norms\.bin is truncated or changed/,
    listWorks: true,
    recovered: 4,
  },
  {
    name: 'every segment missing',
    damage: (d) => rmSync(join(d, 'segments'), { recursive: true }),
    says: /segment\.bin is missing/,
    listWorks: false,
    recovered: 0,
  },
];

export const DEFAULT_DAMAGE_CASES = DAMAGE_CASES.slice(0, 5);
export const SLOW_DAMAGE_CASES = DAMAGE_CASES.slice(5);

/** Damages a copy of `base`, checks the exit-3 line, rebuilds, checks the result, re-ingests what was lost. */
export async function damageTrial(base: BaseIndex, dir: string, c: DamageCase): Promise<void> {
  cpSync(base.dir, dir, { recursive: true });
  c.damage(dir, base.segments);

  const search = expectOneLineFailure(await unres(['search', 'الأطفال', '--index', dir]), 3);
  expect(search).toMatch(c.says);
  expect(search).toContain(REBUILD);
  const list = await unres(['list', '--json', '--index', dir]);
  if (c.listWorks) expect(list.code, list.stderr).toBe(0);
  else expect(expectOneLineFailure(list, 3)).toContain(REBUILD);

  const rebuilt = await unres(['ingest', '--rebuild', '--index', dir]);
  expect(rebuilt.code, rebuilt.stderr).toBe(0);
  expect(rebuilt.stdout).toBe(`rebuilt index: ${c.recovered} document${c.recovered === 1 ? '' : 's'}\n`);
  const lost = 4 - c.recovered;
  // Each lost document is named when its record fails its checksum, else counted.
  let told = 0;
  for (const line of rebuilt.stderr.split('\n').filter((l) => l !== '')) {
    const named = /^unres: warning: stored document \S+ fails its checksum and was dropped: ingest its file again$/.test(line);
    const counted = /^unres: warning: (\d+) stored documents? could not be read \(damaged or missing segment files\): ingest their files again$/.exec(line);
    expect(named || counted !== null, line).toBe(true);
    told += named ? 1 : Number(counted![1]);
  }
  expect(told, rebuilt.stderr).toBe(lost);
  const after = await unres(['search', 'الأطفال', '--json', '--limit', '100', '--index', dir]);
  expect(after.code, after.stderr).toBe(c.recovered > 0 ? 0 : 1);
  expect(new Set((JSON.parse(after.stdout) as { doc: string }[]).map((h) => h.doc)).size).toBe(c.recovered);
  if (lost === 0) return;

  // What the damage took comes back from the files.
  const again = await unres(['ingest', ...[0, 1, 2, 3].map(seed), '--index', dir]);
  expect(again.stdout, again.stderr).toBe(`${lost} added, 0 updated, ${c.recovered} unchanged, 0 failed\n`);
  expect(await listIds(dir)).toHaveLength(4);
}
