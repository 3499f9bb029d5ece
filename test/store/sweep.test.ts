// A commit's sweep runs after its manifest is replaced, outside the commit claim: its process may be paused
// right there (SIGSTOP, a starved machine) past the lock's stale time while another writer takes the lock over
// and commits. When it goes on, the sweep must not remove what the later commit names. Found by the
// lost-update trials under load: `list` after a trial said "segment ...: segment.bin is missing".
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sweep } from '../../src/store/commit.js';
import { UnresIndex } from '../../src/store/index.js';
import { doc, ops } from '../search/helpers/docs.js';

const work = mkdtempSync(join(tmpdir(), 'unres-sweep-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Body {
  generation: number;
  nextSegment: number;
  segments: { name: string }[];
  paths: { name: string }[];
}
const manifest = (dir: string) => (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { body: Body }).body;

describe('a sweep delayed past another writer’s commit', () => {
  it('leaves the later commit’s segments and paths file alone', async () => {
    const dir = join(work, 'index');
    const a = await UnresIndex.open(dir, { create: true });
    await a.ingest([doc('A/1', ops(['وثيقة أولى عن التصحر']))]);
    // What A's sweep was about to do when A was paused, right after its commit.
    const mine = manifest(dir);
    const scope = {
      segments: new Set(mine.segments.map((s) => s.name)),
      paths: new Set(mine.paths.map((p) => p.name)),
      nextSegment: mine.nextSegment,
      generation: mine.generation,
    };
    // B takes over and commits on top of A's manifest.
    const b = await UnresIndex.open(dir);
    await b.ingest([doc('B/1', ops(['وثيقة ثانية عن الفيضانات']))]);
    const theirs = manifest(dir);
    expect(theirs.generation).toBe(mine.generation + 1);
    // A goes on: its sweep.
    sweep(dir, scope);
    for (const s of theirs.segments) expect(readdirSync(join(dir, 'segments'))).toContain(s.name);
    for (const p of theirs.paths) expect(readdirSync(dir)).toContain(p.name);
    const reader = await UnresIndex.open(dir);
    expect((await reader.list()).map((d) => d.id)).toEqual(['A/1', 'B/1']);
    expect((await reader.search('الفيضانات')).map((h) => h.doc)).toEqual(['B/1']);
  });

  it('still removes what a killed writer left, at the next commit', async () => {
    const dir = join(work, 'leftovers');
    const a = await UnresIndex.open(dir, { create: true });
    await a.ingest([doc('A/1', ops(['وثيقة أولى']))]);
    // A killed writer's uncommitted segments, numbered well above the manifest's counter (a long run's batches).
    const { cpSync } = await import('node:fs');
    const first = manifest(dir).segments[0]!.name;
    for (const n of [40, 41]) cpSync(join(dir, 'segments', first), join(dir, 'segments', `s${String(n).padStart(8, '0')}-abcdef`), { recursive: true });
    const b = await UnresIndex.open(dir);
    await b.ingest([doc('B/1', ops(['وثيقة ثانية']))]);
    expect(readdirSync(join(dir, 'segments')).sort()).toEqual(manifest(dir).segments.map((s) => s.name).sort());
  });
});
