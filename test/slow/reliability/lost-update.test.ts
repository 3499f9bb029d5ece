// Issue 11, item 5: 20 trials of each stall (SIGSTOP past the stale time, and
// one synchronous stretch three times the stale time), zero documents lost.
// A trial in which B was itself refused (so the race did not happen) is run
// again, up to three times, and the log says why.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpCli, tearDownCli } from '../../reliability/support/cli.js';
import { type Stall, racedTrial } from '../../reliability/support/lost-update.js';

const TRIALS = 20;
/** Trials at once: one writer of a long-write trial keeps a core busy, and CI has two. */
const CONCURRENT = 2;
let scratch = '';
beforeAll(async () => {
  scratch = await setUpCli('lost-update-slow');
}, 300_000);
afterAll(() => tearDownCli());

describe('lost update, 20 trials each', () => {
  for (const stall of ['sigstop', 'long-write'] as Stall[]) {
    it(`${stall}: ${TRIALS} trials, zero documents lost`, async () => {
      const tally = { aOk: 0, bOk: 0, overlapped: 0, missing: 0, repeated: 0 };
      // Trials run CONCURRENT at a time, each in its own folder and index: a
      // trial mostly waits for a lock to go stale, so overlapping them keeps the
      // suite short without changing what one trial does.
      const runTrial = async (): Promise<void> => {
        const folders: string[] = [];
        const { outcome: o, refusals } = await racedTrial(() => {
          folders.push(mkdtempSync(join(scratch, `${stall}-`)));
          return folders[folders.length - 1]!;
        }, stall);
        for (const refusal of refusals) console.log(`lost update ${stall}: trial repeated, the race did not happen: ${refusal}`);
        tally.repeated += refusals.length;
        tally.aOk += o.a.code === 0 ? 1 : 0;
        tally.bOk += o.b.code === 0 ? 1 : 0;
        tally.overlapped += o.overlapped ? 1 : 0;
        tally.missing += (o.a.code === 0 ? o.missingA : 0) + (o.b.code === 0 ? o.missingB : 0);
        for (const folder of folders) rmSync(folder, { recursive: true, force: true });
      };
      for (let trial = 0; trial < TRIALS; trial += CONCURRENT) {
        await Promise.all(Array.from({ length: Math.min(CONCURRENT, TRIALS - trial) }, runTrial));
      }
      console.log(`lost update ${stall}: ${TRIALS} trials; A succeeded ${tally.aOk}, B ${tally.bOk}; B committed during the stall ${tally.overlapped}; trials repeated ${tally.repeated}; documents lost ${tally.missing}`);
      expect(tally.missing).toBe(0);
      expect(tally.overlapped).toBe(TRIALS);
    }, 1_200_000);
  }
});
