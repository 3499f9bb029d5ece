// What a reader may know of the write lock without taking it (no lock library,
// no writer code): its stale time, and whether a writer holds it now.

import { statSync } from 'node:fs';
import { join } from 'node:path';
import { LOCK_FILE } from './layout.js';

const STALE_MS = 8_000;
/** proper-lockfile's floor for the stale time. */
const MIN_STALE_MS = 2_000;

/** The stale time: UNRES_LOCK_STALE_MS (at least 2000), else 8 s. The refresh runs at a quarter of it. */
export function lockStaleMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.UNRES_LOCK_STALE_MS);
  return Number.isFinite(value) && value >= MIN_STALE_MS ? value : STALE_MS;
}

/** A writer holds the lock now: the lock is there and was refreshed within the stale time. */
export function lockHeldNow(dir: string): boolean {
  try {
    return Date.now() - statSync(join(dir, LOCK_FILE)).mtimeMs < lockStaleMs();
  } catch {
    return false;
  }
}
