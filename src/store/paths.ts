// Which files hold each document's text. A document is one distinct text;
// every file found holding it is recorded here (absolute paths), so `show`,
// `--doc` and `list` find it by any of them, a file that changes moves to its
// new text, and `ingest --prune` can drop what no file holds any more.
// Documents read from standard input hold no path.
//
// The table lives in its own file, named by the manifest and checked by it
// like a segment file, so a change of paths commits atomically with the rest,
// and a search (which never needs paths) never reads it.

import { join } from 'node:path';
import { IndexError } from '../errors.js';
import { NotAFileError, readRegularFile } from '../files.js';
import { writeDurable } from './atomic.js';
import { REBUILD_HINT, pathsFileName } from './layout.js';
import { type PathsFileRef, sha256 } from './manifest.js';

export class PathsMissingError extends IndexError {}

/** Document id -> the absolute paths of the files holding its text, sorted. */
export type PathTable = Map<string, string[]>;

export function readPathTable(dir: string, ref: PathsFileRef | undefined): PathTable {
  const table: PathTable = new Map();
  if (!ref) return table;
  let bytes: Buffer;
  try {
    // Opened without blocking and checked regular: a FIFO put there must not hang a reader.
    bytes = readRegularFile(join(dir, ref.name));
  } catch (err) {
    if (err instanceof NotAFileError) throw new IndexError(`the index at ${dir} is damaged (${ref.name} is ${err.what}, not a file): ${REBUILD_HINT}`);
    // A writer committed and swept it since the manifest was read: the reader reads the new manifest.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new PathsMissingError(`the index at ${dir} moved on while it was read`);
    throw new IndexError(`the index at ${dir} is damaged (${ref.name}: ${(err as Error).message}): ${REBUILD_HINT}`);
  }
  if (bytes.length !== ref.bytes || sha256(bytes) !== ref.sha256) {
    throw new IndexError(`the index at ${dir} is damaged (${ref.name} fails its checksum): ${REBUILD_HINT}`);
  }
  const parsed = JSON.parse(bytes.toString('utf8')) as Record<string, string[]>;
  for (const [id, paths] of Object.entries(parsed)) table.set(id, paths);
  return table;
}

/** Reads the table without failing: what rebuild can still use of it. */
export function salvagePathTable(dir: string, ref: PathsFileRef | undefined): PathTable {
  try {
    return readPathTable(dir, ref);
  } catch {
    return new Map();
  }
}

/** Writes the table beside the manifest (durably); the returned reference goes into the manifest to commit it. */
export function writePathTable(dir: string, table: PathTable, generation: number, tag: string): PathsFileRef {
  const entries: Record<string, string[]> = {};
  for (const id of [...table.keys()].sort()) {
    const paths = table.get(id)!;
    if (paths.length > 0) entries[id] = [...paths].sort();
  }
  const bytes = Buffer.from(JSON.stringify(entries), 'utf8');
  const name = pathsFileName(generation, tag);
  writeDurable(join(dir, name), bytes);
  return { name, bytes: bytes.length, sha256: sha256(bytes) };
}
