// Which files hold each document's text. A document is one distinct text;
// every file found holding it is recorded here (absolute paths), so `show`,
// `--doc` and `list` find it by any of them, a file that changes moves to its
// new text, and `ingest --prune` can drop what no file holds any more.
// Documents read from standard input hold no path.
//
// The table is a short list of immutable files named by the manifest, oldest
// first (src/store/paths-file.ts): a commit writes one more file holding only
// the documents whose paths it changed, so adding a file to a large index
// writes a few hundred bytes, not the whole table. A newer file's record of a
// document overrides the older ones'. When the newest file grows to a quarter
// of the one before it, the two are merged (as a log-structured merge tree
// does): the files stay few (each more than four times the next) and each
// record is rewritten a few times over the life of the index. Lookups are
// binary searches by id and by path, so a writer asks about the files it
// meets, never reads the whole table; a search never reads it at all.
// A change of paths commits atomically with the rest: files are written
// before the manifest that names them, and swept once no manifest does.

import { join } from 'node:path';
import { IndexError } from '../errors.js';
import { NotAFileError } from '../files.js';
import { ChunkedReader, FileAccess } from '../index/format/chunked.js';
import { REBUILD_HINT, pathsFileName } from './layout.js';
import type { PathsFileRef } from './manifest.js';
import { PathsFileReader, writePathsFile } from './paths-file.js';

/** A file of the paths table was not there: damage, or the index moved on under a reader (src/store/reader.ts retries). */
export class PathsMissingError extends IndexError {}

/** Document id -> the absolute paths of the files holding its text, sorted. */
export type PathTable = Map<string, string[]>;

/** The newest file is merged into the one before it once it is this fraction of its size. */
const MERGE_RATIO = 4;

/** The committed paths table, read by lookups. */
export class PathStore {
  private readonly files: PathsFileReader[] = [];

  /** Opens every file the manifest names (each file's size and footer are checked; what is read, by its CRCs). */
  constructor(
    private readonly dir: string,
    refs: readonly PathsFileRef[],
  ) {
    try {
      for (const ref of refs) this.files.push(openPathsFile(dir, ref));
    } catch (err) {
      this.close();
      throw err;
    }
  }

  /** The recorded paths of a document ([] when none). */
  of(id: string): string[] {
    for (let f = this.files.length - 1; f >= 0; f--) {
      const found = this.files[f]!.find(id);
      if (found) return found;
    }
    return [];
  }

  /** The document a path is recorded for, if any. */
  holder(path: string): string | undefined {
    for (let f = this.files.length - 1; f >= 0; f--) {
      const candidate = this.files[f]!.holder(path);
      // A newer file may have taken the path from that document since.
      if (candidate !== undefined && this.of(candidate).includes(path)) return candidate;
    }
    return undefined;
  }

  /** The whole table (list --json, --prune, rebuild). */
  all(): PathTable {
    const table: PathTable = new Map();
    for (const file of this.files) {
      for (const [id, paths] of file.entries()) {
        if (paths.length > 0) table.set(id, paths);
        else table.delete(id);
      }
    }
    return table;
  }

  close(): void {
    for (const f of this.files) f.close();
    this.files.length = 0;
  }
}

function openPathsFile(dir: string, ref: PathsFileRef): PathsFileReader {
  const damaged = (problem: string) => new IndexError(`the index at ${dir} is damaged (${problem}): ${REBUILD_HINT}`);
  const fails = () => damaged(`${ref.name} fails its checksum`);
  let access: FileAccess;
  try {
    // Opened as a regular file only: a FIFO put there must not hang a reader.
    access = new FileAccess(join(dir, ref.name));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Damage, unless a writer committed and swept it since the manifest was read (the reader then reads the new index).
    if (code === 'ENOENT') throw new PathsMissingError(`the index at ${dir} is damaged (${ref.name} is missing): ${REBUILD_HINT}`);
    if (err instanceof NotAFileError) throw damaged(`${ref.name} is ${err.what}, not a file`);
    throw damaged(`${ref.name}: ${(err as Error).message}`);
  }
  try {
    if (access.size !== ref.bytes) throw fails();
    let file: ChunkedReader;
    try {
      file = new ChunkedReader(access, ref.name, damaged);
    } catch {
      throw fails();
    }
    return new PathsFileReader(file, fails);
  } catch (err) {
    access.close();
    throw err;
  }
}

/** Reads the whole table without failing: what rebuild can still use of it. */
export function salvagePathTable(dir: string, refs: readonly PathsFileRef[]): PathTable {
  let store: PathStore | null = null;
  try {
    store = new PathStore(dir, refs);
    return store.all();
  } catch {
    return new Map();
  } finally {
    store?.close();
  }
}

function writeFile(dir: string, generation: number, tag: () => string, entries: Iterable<readonly [string, readonly string[]]>): PathsFileRef {
  const name = pathsFileName(generation, tag());
  const written = writePathsFile(join(dir, name), entries);
  return { name, bytes: written.bytes, sha256: written.sha256 };
}

/** A whole table as the only file (rebuild): documents without paths are left out. */
export function writeWholeTable(dir: string, table: PathTable, generation: number, tag: () => string): PathsFileRef[] {
  const entries = [...table].filter(([, paths]) => paths.length > 0);
  return entries.length === 0 ? [] : [writeFile(dir, generation, tag, entries)];
}

/**
 * One commit's changes (document id -> its paths now, [] for none) as a new
 * file after `refs`; then the newest files merged while the newest is at least
 * a quarter of the one before. Returns the files the new manifest names.
 */
export function appendChanges(dir: string, refs: readonly PathsFileRef[], changes: PathTable, generation: number, tag: () => string): PathsFileRef[] {
  if (changes.size === 0) return [...refs];
  const first = refs.length === 0;
  const entries = [...changes].filter(([, paths]) => !first || paths.length > 0);
  const out = [...refs];
  if (entries.length > 0) out.push(writeFile(dir, generation, tag, entries));
  while (out.length >= 2 && out[out.length - 1]!.bytes * MERGE_RATIO >= out[out.length - 2]!.bytes) {
    const newer = out.pop()!;
    const older = out.pop()!;
    const oldest = out.length === 0;
    const merged = new Map<string, string[]>();
    for (const ref of [older, newer]) {
      const file = openPathsFile(dir, ref);
      try {
        for (const [id, paths] of file.entries()) merged.set(id, paths);
      } finally {
        file.close();
      }
    }
    // The oldest file needs no record of a document without paths: nothing older is left to override.
    const kept = oldest ? [...merged].filter(([, paths]) => paths.length > 0) : [...merged];
    if (kept.length > 0) out.push(writeFile(dir, generation, tag, kept));
  }
  return out;
}
