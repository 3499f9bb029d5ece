// Durable writes: data is written aside, flushed to disk, then renamed into
// place, and the directory entry is flushed too. A crash at any point leaves
// either the old file or the new one, never a mix.

import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomHex } from '../lazy-crypto.js';

export function writeDurable(path: string, data: Uint8Array | string): void {
  const fd = openSync(path, 'w', 0o644);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flush a directory's entries (renames, new files). Some platforms cannot open a directory: skip there. */
export function fsyncDirectory(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // EISDIR/EINVAL on some file systems: the rename is still atomic.
  } finally {
    closeSync(fd);
  }
}

/** The temporary file replaceFileAtomic writes beside `base`; a writer killed mid-write leaves it, for the next to remove. */
export function isTempFileOf(base: string, name: string): boolean {
  return name.startsWith(`.${base}.`) && /\.\d+\.[0-9a-f]{8}\.tmp$/.test(name);
}

/** A new temporary name beside `path`, in the shape isTempFileOf knows. */
export function tempPathBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomHex(4)}.tmp`);
}

/** Replace a file atomically: temp file beside it, fsync, rename, fsync the directory. */
export function replaceFileAtomic(path: string, data: Uint8Array | string): void {
  const temp = tempPathBeside(path);
  try {
    writeDurable(temp, data);
    renameSync(temp, path);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw err;
  }
  fsyncDirectory(dirname(path));
}
