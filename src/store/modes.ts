// File modes of the index (issue 11, item 9): the index folder and its files
// are never wider than the sources they hold. Files are created with the
// user's umask (0644 at most); the index folder's own mode is the ceiling:
// a source that others may not read (no group or no world read bit) takes the
// matching bits off the folder *before* anything of it is written, and after
// each commit every file and folder inside is brought down to that ceiling.
// The folder's mode then remembers the ceiling for later writes and rebuilds.
// A folder the user opened up on purpose stays as wide as its sources allow.

import { chmodSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IndexError } from '../errors.js';

const GROUP = 0o070;
const OTHER = 0o007;

/** The permission bits a source of this mode denies to an index holding its text. */
export function deniedBy(sourceMode: number): number {
  let denied = 0;
  if ((sourceMode & 0o040) === 0) denied |= GROUP;
  if ((sourceMode & 0o004) === 0) denied |= OTHER;
  return denied;
}

/**
 * Takes `denied` off the index folder's mode (at once, before the source's
 * text is written). A folder the user cannot narrow (not its owner) is an
 * IndexError naming the source: its text is not written there.
 */
export function restrictFolder(dir: string, denied: number, source: string): void {
  if (denied === 0) return;
  const mode = statSync(dir).mode & 0o7777;
  if ((mode & denied) === 0) return;
  try {
    chmodSync(dir, mode & ~denied);
  } catch (err) {
    throw new IndexError(
      `cannot narrow the index at ${dir} to what ${source} allows (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): ` +
        'others could read its text there; give another --index, or make the index folder yours',
    );
  }
}

/** Brings every file and folder under the index folder down to the folder's own mode (files lose the execute bits). */
export function tightenTree(dir: string): void {
  const ceiling = statSync(dir).mode & 0o777;
  const walk = (path: string): void => {
    let names: string[];
    try {
      names = readdirSync(path);
    } catch {
      return;
    }
    for (const name of names) {
      const child = join(path, name);
      let info;
      try {
        info = lstatSync(child);
      } catch {
        continue; // swept meanwhile
      }
      if (info.isSymbolicLink()) continue;
      const limit = info.isDirectory() ? ceiling : ceiling & 0o666;
      const mode = info.mode & 0o777;
      if ((mode & ~limit) !== 0) {
        try {
          chmodSync(child, mode & limit);
        } catch {
          // gone meanwhile, or not ours: nothing to tighten
        }
      }
      if (info.isDirectory()) walk(child);
    }
  };
  walk(dir);
}
