// The commit claim: what makes a commit a compare-and-swap on the manifest's
// generation, so a writer that lost its lock (paused past the stale time, or
// busy too long to refresh it) can never replace a newer manifest.
//
// The write lock keeps writers from working at once, but a lock taken over
// from a writer that looked dead cannot stop that writer from waking up. So
// every commit, under the lock, also:
//   1. takes the claim: hard-links a file naming its process to
//      `commit.claim` (a link fails if the name exists: only one holder);
//   2. reads the manifest's generation and compares it with the one its work
//      started from: another writer committed since means this one lost;
//   3. renames its new manifest into place, then drops the claim.
// Every commit goes through steps 1-3, so between a holder's check and its
// rename no one else can commit. A claim left by a killed process is removed
// by the next writer (its process is gone); one held by a live process (a
// paused one) is waited for, up to the lock wait.

import { linkSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { IndexError } from '../errors.js';
import { readRegularFile } from '../files.js';
import { writeDurable } from './atomic.js';
import { CLAIM_FILE, manifestPath } from './layout.js';
import { type HeldLock, withWriteLock } from './lock.js';
import { randomHex } from '../lazy-crypto.js';

/** Another writer committed while this one was paused or slow: nothing of this one's was committed. */
export class LostCommitError extends IndexError {}

export function lostCommit(dir: string, why: string): LostCommitError {
  return new LostCommitError(
    `another writer committed to the index at ${dir} while this one was paused or slow (${why}): nothing of this run was committed; run it again`,
  );
}

/** Is process `pid` running (a process of another user counts: it exists)? */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The generation manifest.json holds now, null when there is none or it cannot be read. */
export function currentGeneration(dir: string): number | null {
  try {
    const file = JSON.parse(readRegularFile(manifestPath(dir), 'utf8')) as { body?: { generation?: unknown } };
    const generation = file.body?.generation;
    return typeof generation === 'number' ? generation : null;
  } catch {
    return null;
  }
}

const sleepSync = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `replace` (the rename of the new manifest) holding the claim, if the
 * manifest is still at `expected` (null: none readable). Throws
 * LostCommitError otherwise, or when a live holder keeps the claim past
 * `waitMs`.
 */
export function commitClaimed(dir: string, expected: number | null, waitMs: number, replace: () => void): void {
  const claim = join(dir, CLAIM_FILE);
  const mine = join(dir, `.claim.${process.pid}.${randomHex(4)}`);
  writeDurable(mine, `${process.pid}\n`);
  const deadline = Date.now() + waitMs;
  try {
    for (;;) {
      try {
        linkSync(mine, claim);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      let holder = NaN;
      try {
        holder = Number.parseInt(readRegularFile(claim, 'utf8'), 10);
      } catch {
        continue; // dropped meanwhile: try again
      }
      if (Number.isInteger(holder) && !processAlive(holder)) {
        // A killed writer's claim: move it aside (one remover wins), then drop it.
        const aside = `${claim}.dead.${randomHex(4)}`;
        try {
          renameSync(claim, aside);
          rmSync(aside, { force: true });
        } catch {
          // another writer removed it first
        }
        continue;
      }
      if (Date.now() >= deadline) throw lostCommit(dir, `process ${holder} holds the commit claim`);
      sleepSync(20);
    }
    try {
      const now = currentGeneration(dir);
      if (now !== expected) throw lostCommit(dir, `the index moved from generation ${String(expected)} to ${String(now)}`);
      replace();
    } finally {
      unlinkSync(claim);
    }
  } finally {
    rmSync(mine, { force: true });
  }
}

/**
 * One write, in one place: under the write lock, from the generation the
 * manifest holds when the lock is taken (`expected`, which the commit claim
 * compares). A failure after another writer committed (it took the lock over
 * and may have swept this one's unfinished segments) is a lost commit too.
 * A lost commit is done again, on top of what the other writer committed, up
 * to `tries` times in all (1: never; a batch that cannot be replayed).
 */
export async function writeWithRetry<T>(dir: string, tries: number, work: (lock: HeldLock, expected: number | null) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withWriteLock(dir, async (lock) => {
        const expected = currentGeneration(dir);
        try {
          return await work(lock, expected);
        } catch (err) {
          if (!(err instanceof LostCommitError) && currentGeneration(dir) !== expected) throw lostCommit(dir, (err as Error).message);
          throw err;
        }
      });
    } catch (err) {
      if (!(err instanceof LostCommitError) || attempt >= tries) throw err;
    }
  }
}
