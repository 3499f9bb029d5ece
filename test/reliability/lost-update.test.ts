// Issue 11, item 5, two trials of each stall (the slow suite runs 20 of each).
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpCli, tearDownCli } from './support/cli.js';
import { type Stall, racedTrial } from './support/lost-update.js';

let scratch = '';
beforeAll(async () => {
  scratch = await setUpCli('lost-update');
}, 120_000);
afterAll(() => tearDownCli());

describe('a writer that lost its lock never commits over the one that took it', () => {
  for (const stall of ['sigstop', 'long-write'] as Stall[]) {
    it(`${stall}: 2 trials, no document of a successful writer lost`, async () => {
      for (let trial = 0; trial < 2; trial++) {
        const folders: string[] = [];
        const { outcome: o, refusals } = await racedTrial(() => {
          folders.push(mkdtempSync(join(scratch, `${stall}-`)));
          return folders[folders.length - 1]!;
        }, stall);
        for (const refusal of refusals) console.log(`${stall} trial ${trial} repeated, the race did not happen: ${refusal}`);
        console.log(`${stall} trial ${trial}: A exit ${o.a.code} (${o.a.stdout.trim() || o.a.stderr.trim()}), B exit ${o.b.code} (${o.b.stdout.trim()}), missing A ${o.missingA}, B ${o.missingB}, overlapped ${o.overlapped}`);
        expect(o.overlapped, 'B committed while A was stalled').toBe(true);
        // A comes back, finds the index moved on, and does its run again on top of it.
        expect(o.a.code, o.a.stderr).toBe(0);
        expect(o.b.code, o.b.stderr).toBe(0);
        for (const folder of folders) rmSync(folder, { recursive: true, force: true });
      }
    }, 120_000);
  }
});
