// Many SIGKILL trials (npm run test:slow): `unres ingest` of new and changed
// files killed at each step of its write (lock taken, segment being written,
// segment in place, manifest being written, manifest replaced) and at random
// moments, and `unres ingest --rebuild` killed likewise. After every kill the
// index opens, each document is its old or its new version (sha256 from
// `show --json`), none is there twice, and the next ingest completes.
// UNRES_TRIAL_SEED=<n> repeats a run's random delays. See docs/reliability.md.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpCli, tearDownCli } from '../../reliability/support/cli.js';
import {
  type CrashCorpus,
  type KillPoint,
  type TrialRecord,
  ingestTrial,
  pool,
  prepareCrashCorpus,
  rebuildTrial,
  seededRandom,
  summarise,
} from '../../reliability/support/crash.js';

const STEPS = ['lock', 'staging', 'segment', 'manifest-temp', 'manifest'] as const;
const ROUNDS = 4;
const RANDOM_TRIALS = 12;
/** Trials mostly wait (for the kill, for a dead writer's lock to go stale): run several at once. */
const AT_ONCE = 8;

let scratch: string;
let corpus: CrashCorpus;
const seed = Number(process.env.UNRES_TRIAL_SEED ?? Date.now() % 1_000_000);
const random = seededRandom(seed);

beforeAll(async () => {
  scratch = await setUpCli('slow-crash');
  corpus = await prepareCrashCorpus(join(scratch, 'corpus'));
}, 120_000);

afterAll(tearDownCli);

describe.skipIf(!process.env.UNRES_SLOW)('SIGKILL trials', () => {
  it(`ingest: ${ROUNDS * STEPS.length + RANDOM_TRIALS} kills at each write step and at random moments`, async () => {
    const { lockMs, exitMs } = corpus.timing;
    const points: KillPoint[] = [];
    for (let r = 0; r < ROUNDS; r++) for (const on of STEPS) points.push({ on });
    for (let i = 0; i < RANDOM_TRIALS; i++) {
      // Half at any moment of the run (trials side by side run slower than the unkilled one: up to twice its time),
      // half at a moment of the write, counted from taking the lock.
      if (i % 2 === 0) points.push({ delayMs: Math.round(random() * exitMs * 2) });
      else points.push({ on: 'lock', thenMs: 1 + Math.round(random() * (exitMs - lockMs) * 1.5) });
    }
    const records: TrialRecord[] = await pool(
      points.map((point, i) => () => ingestTrial(corpus, join(scratch, `ingest-${i}`), point)),
      AT_ONCE,
    );
    console.log(`ingest kills (UNRES_TRIAL_SEED=${seed}, unkilled run ${Math.round(exitMs)} ms, lock at ${Math.round(lockMs)} ms): ${summarise(records)}`);
    const phases = new Set(records.map((r) => r.phase));
    expect(phases).toContain('holding-lock');
    expect(phases).toContain('committed');
  }, 240_000);

  it('ingest --rebuild: 8 kills at each write step and at random moments', async () => {
    const points: KillPoint[] = [{ on: 'lock' }, { on: 'staging' }, { on: 'segment' }, { on: 'manifest' }];
    for (let i = 0; i < 2; i++) points.push({ delayMs: Math.round(random() * 600) });
    for (let i = 0; i < 2; i++) points.push({ on: 'lock', thenMs: 1 + Math.round(random() * 150) });
    const records = await pool(
      points.map((point, i) => () => rebuildTrial(corpus, join(scratch, `rebuild-${i}`), point)),
      AT_ONCE,
    );
    console.log(`rebuild kills (UNRES_TRIAL_SEED=${seed}): ${summarise(records)}`);
  }, 120_000);
});
