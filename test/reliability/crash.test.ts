// A handful of SIGKILL trials on real `unres ingest` processes (the slow suite,
// test/slow/reliability/crash.test.ts, runs dozens, at random moments too):
// killed on taking the lock, between the new segment and the manifest, and
// right after the manifest. See docs/reliability.md ("Crash safety").
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpCli, tearDownCli, unres } from './support/cli.js';
import { type CrashCorpus, type KillPoint, ingestTrial, pool, prepareCrashCorpus, summarise } from './support/crash.js';

let scratch: string;
let corpus: CrashCorpus;

beforeAll(async () => {
  scratch = await setUpCli('crash');
  corpus = await prepareCrashCorpus(join(scratch, 'corpus'));
}, 120_000);

afterAll(tearDownCli);

describe('an ingest killed with SIGKILL', () => {
  it('leaves an index that opens, with each document old or new and once, that takes the next ingest', async () => {
    // The slow suite adds the other steps and random delays.
    const points: KillPoint[] = [{ on: 'lock' }, { on: 'segment' }, { on: 'manifest' }];
    // Trials that kill a writer holding the lock wait ~10 s for it to go stale: run them side by side.
    const records = await pool(
      points.map((point, i) => () => ingestTrial(corpus, join(scratch, `trial-${i}`), point)),
      points.length,
    );
    console.log(`crash trials: ${summarise(records)}`);
    expect(records.map((r) => r.outcome)).toContain('old');
  }, 90_000);

  it('has its leftovers swept by the next writer: staging folders, uncommitted segments, a half-written manifest', async () => {
    const dir = join(scratch, 'leftovers');
    cpSync(corpus.baseIndex, dir, { recursive: true });
    // What a writer killed at each step leaves behind: it named its segments from the manifest's counter up,
    // and its temporary manifest after its process (gone: a child that has exited).
    const segments = join(dir, 'segments');
    const counter = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { body: { nextSegment: number } }).body.nextSegment;
    const leftover = `s${String(counter).padStart(8, '0')}-abcdef`;
    const staging = `.staging-s${String(counter).padStart(8, '0')}-123456-abcdef`;
    cpSync(join(segments, readdirSync(segments)[0]!), join(segments, leftover), { recursive: true });
    cpSync(join(segments, readdirSync(segments)[0]!), join(segments, staging), { recursive: true });
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(dir, `.manifest.json.${gone}.0badc0de.tmp`), '{"format":"unres-index","version":1,"sha');

    const listed = await unres(['list', '--json', '--index', dir]);
    expect(listed.code, listed.stderr).toBe(0);
    const result = await unres(['ingest', corpus.next, '--index', dir]);
    expect(result.stdout, result.stderr).toBe(corpus.fromOld);
    expect(existsSync(join(segments, leftover))).toBe(false);
    expect(existsSync(join(segments, staging))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
