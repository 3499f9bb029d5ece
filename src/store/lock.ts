// One writer at a time. Ingest and rebuild take the lock; a second process
// waits for it, up to UNRES_LOCK_WAIT_MS (default 10 s), then gives up with an
// IndexError. A lock left by a killed process goes stale after 8 s (its mtime
// stops being refreshed every 2 s) and is taken over: shorter than the default
// wait, so the next writer gets in. Writers never block their event loop for
// long (ingest and merges yield every 50 ms), so a live lock stays fresh.

import { join } from 'node:path';
import { IndexError } from '../errors.js';
import { makeDirectories } from '../files.js';
import { lostCommit } from './claim.js';
import { LOCK_FILE } from './layout.js';
import { lockStaleMs } from './lock-state.js';

export { lockStaleMs } from './lock-state.js';

const DEFAULT_WAIT_MS = 10_000;
export function lockWaitMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.UNRES_LOCK_WAIT_MS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_WAIT_MS;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_WAIT_MS;
}

export interface HeldLock {
  /** Throws if the lock was lost (another process took it over): call before committing. */
  assertHeld(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS']);

/** How to recover from an error writing into the index when its folder is not writable; '' for other errors. */
export function notWritableHint(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code !== undefined && NOT_WRITABLE.has(code)
    ? ': the index folder is not writable; make it writable (chmod -R u+w) or give another --index (searching it still works)'
    : '';
}

export async function withWriteLock<T>(dir: string, work: (lock: HeldLock) => Promise<T>): Promise<T> {
  // Loaded here, not at the top: searches never lock, and should not pay for loading it.
  const { default: lockfile } = await import('proper-lockfile');
  makeDirectories(dir);
  const waitMs = lockWaitMs();
  const deadline = Date.now() + waitMs;
  let compromised: Error | null = null;
  let release: (() => Promise<void>) | null = null;
  for (let attempt = 0; ; attempt++) {
    try {
      const staleMs = lockStaleMs();
      release = await lockfile.lock(dir, {
        lockfilePath: join(dir, LOCK_FILE),
        realpath: false,
        retries: 0,
        stale: staleMs,
        update: staleMs / 4,
        onCompromised: (err) => {
          compromised = err;
        },
      });
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // ENOENT: the lock folder went away under us (a writer releasing or taking over a stale lock): try again.
      if (code !== 'ELOCKED' && !(code === 'ENOENT' && Date.now() < deadline)) {
        throw new IndexError(`cannot lock the index at ${dir}: ${(err as Error).message}${notWritableHint(err)}`);
      }
      if (Date.now() >= deadline) {
        throw new IndexError(
          `the index at ${dir} is locked by another unres process (waited ${(waitMs / 1000).toFixed(1)} s): ` +
            'try again when it has finished, or set UNRES_LOCK_WAIT_MS to wait longer',
        );
      }
      await sleep(Math.min(50 + attempt * 25, 250, Math.max(0, deadline - Date.now())));
    }
  }
  const held: HeldLock = {
    assertHeld() {
      if (compromised) {
        throw lostCommit(dir, `its write lock was taken over: ${compromised.message}`);
      }
    },
  };
  try {
    return await work(held);
  } finally {
    try {
      await release();
    } catch {
      // A compromised lock may already be gone; the work's outcome stands.
    }
  }
}

