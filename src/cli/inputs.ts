// Turns the paths given to `unres ingest` into a list of inputs: files as
// given, folders walked for the formats unres reads (.txt, .md, .html, .htm,
// .pdf, .docx, .doc), `-` for standard input. A path
// that cannot be used becomes a problem to report; it never stops the others.
//
// Safety rules (docs/reliability.md):
//  - a symbolic link inside a folder is followed only when its target stays
//    inside that folder; one leading out is skipped and said;
//  - only regular files are read: a device, FIFO or socket is refused
//    (`ingest /dev/zero` must not read forever), checked on the open file;
//  - an input larger than the cap (UNRES_MAX_INPUT_MB, default 64) is refused
//    before it is read whole; standard input is cut off at the cap too;
//  - folder entries are read as bytes, so a file name that is not UTF-8 is
//    still opened (its name is shown with replacement characters, and
//    recorded with every byte kept: src/files.ts, pathFromBytes).

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { DOCUMENT_EXTENSIONS } from '../decode/detect.js';
import { InputError, UsageError } from '../errors.js';
import { describeFailure } from './failure.js';
import { argumentAsGiven, fsPath, pathFromBytes } from '../files.js';

export interface Input {
  /** How the input is named in messages and given to the parser. */
  path: string;
  /** Where it is (absolute), as the index records it; absent for standard input. */
  location?: string;
  read(): Promise<Uint8Array>;
  fromStdin?: boolean;
}

export interface InputProblem {
  path: string;
  message: string;
}

export interface CollectedInputs {
  inputs: Input[];
  problems: InputProblem[];
  /** Files in the given folders that are not of a format unres reads. */
  skipped: number;
  /** Lines to print about links not followed. */
  notices: string[];
}

const DEFAULT_MAX_INPUT_MB = 64;

/** The input-size cap in bytes: UNRES_MAX_INPUT_MB (a positive number), else 64 MB. */
export function maxInputBytes(env: NodeJS.ProcessEnv): number {
  const raw = env.UNRES_MAX_INPUT_MB;
  if (raw === undefined || raw.trim() === '') return DEFAULT_MAX_INPUT_MB * 1024 * 1024;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb <= 0) throw new UsageError(`UNRES_MAX_INPUT_MB='${raw}' is not a positive number of megabytes`);
  return Math.floor(mb * 1024 * 1024);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function tooLarge(path: string, size: string, cap: number): InputError {
  return new InputError(path, `is ${size}, over the input limit of ${megabytes(cap)}: raise UNRES_MAX_INPUT_MB to read it`);
}

export async function readStream(stream: Readable, cap = Infinity, name = 'standard input'): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > cap) {
      stream.destroy();
      throw tooLarge(name, `more than ${megabytes(cap)}`, cap);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a regular file, refusing anything else and anything over the cap; checks what was opened, not the name.
 * By synchronous calls: ingest reads tens of thousands of small files, and fs/promises's file handles,
 * promises and thread-pool hops cost about three times the CPU of the reads themselves (5,000 files of
 * the bench corpus: 0.76 against 0.22 CPU-s), while a read from the page cache takes some tens of microseconds.
 */
export async function readRegularFile(path: string | Buffer, shown: string, cap: number): Promise<Uint8Array> {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below anyway.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new InputError(shown, 'is a directory');
    if (!info.isFile()) throw new InputError(shown, 'is not a regular file (a device, FIFO or socket): give a text file');
    if (info.size > cap) throw tooLarge(shown, megabytes(info.size), cap);
    // The size may be 0 or wrong (/proc files): read in chunks up to the cap, whatever stat said.
    // The first chunk is the size stat gave and one byte more (to see the end
    // in one read): a 1 MiB buffer per small file was most of ingest's garbage.
    const chunks: Buffer[] = [];
    let total = 0;
    let size = Math.min(info.size > 0 ? info.size + 1 : 64 * 1024, 1 << 20);
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(size, cap + 1 - total));
      size = 1 << 20;
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > cap) throw tooLarge(shown, `more than ${megabytes(cap)}`, cap);
      chunks.push(chunk.subarray(0, bytesRead));
      // A regular file read short of what was asked has ended (a size of 0, as
      // /proc gives, reads on in chunks).
      if (info.size > 0 && bytesRead < chunk.length) break;
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

function problemFor(path: string, err: unknown): InputProblem {
  return { path, message: describeFailure(err).message };
}

function inside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(sep) ? root : root + sep);
}

interface Walk {
  root: string;
  seen: Set<string>;
  out: CollectedInputs;
  cap: number;
}

/** The same code units in one flat string (a lone surrogate, which keeps a name's non-UTF-8 byte, included). */
function flatString(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/**
 * A file found in a folder. A folder may hold 100,000 of them: each is two
 * strings and a number (a closure and the name's bytes kept per file took
 * 1.3 KB each); the file is opened by its location's bytes (fsPath).
 */
class FolderFile implements Input {
  readonly path: string;
  readonly location: string;

  constructor(
    path: string,
    location: string,
    private readonly cap: number,
  ) {
    // path.join and resolve build their results piece by piece: kept as they
    // come, each name held a dozen string pieces. Flat copies hold one.
    this.path = flatString(path);
    this.location = flatString(location);
  }

  read(): Promise<Uint8Array> {
    return readRegularFile(fsPath(this.location), this.path, this.cap);
  }
}

/** Documents under a folder, sorted, skipping hidden entries and folders already seen (symlink loops). */
async function walk(dir: Buffer, shown: string, w: Walk): Promise<void> {
  let entries;
  try {
    const real = await realpath(dir);
    if (w.seen.has(real)) return;
    w.seen.add(real);
    entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (err) {
    w.out.problems.push(problemFor(shown, err));
    return;
  }
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  for (const entry of entries) {
    const name = entry.name.toString('utf8');
    if (name.startsWith('.')) continue;
    const path = Buffer.concat([dir, Buffer.from(sep), entry.name]);
    const shownPath = join(shown, name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    const isDocument = DOCUMENT_EXTENSIONS.has(extname(name).toLowerCase());
    if (entry.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(path);
        const info = await stat(path);
        isDir = info.isDirectory();
        isFile = info.isFile();
      } catch {
        continue; // a dangling link in a folder is not something the user asked for
      }
      if (!inside(w.root, target)) {
        if (isDir || isDocument) {
          w.out.skipped++;
          w.out.notices.push(`${shownPath}: skipped: a symbolic link leading out of ${w.root}`);
        }
        continue;
      }
    }
    if (isDir) await walk(path, shownPath, w);
    else if (isDocument && isFile) {
      // Recorded with every byte of its name: a name that is not UTF-8 still names its own file (--prune).
      w.out.inputs.push(new FolderFile(shownPath, resolve(pathFromBytes(path)), w.cap));
    } else if (isDocument) {
      w.out.problems.push({ path: shownPath, message: `${shownPath}: is not a regular file (a device, FIFO or socket): skipped` });
    } else w.out.skipped++;
  }
}

export async function collectInputs(paths: string[], stdin: Readable, stdinName: string, env: NodeJS.ProcessEnv = {}): Promise<CollectedInputs> {
  const cap = maxInputBytes(env);
  const out: CollectedInputs = { inputs: [], problems: [], skipped: 0, notices: [] };
  const seen = new Set<string>();
  let stdinTaken = false;
  for (const given of paths) {
    if (given === '-') {
      if (stdinTaken) continue;
      stdinTaken = true;
      out.inputs.push({ path: stdinName, read: () => readStream(stdin, cap, stdinName), fromStdin: true });
      continue;
    }
    // A name that is not UTF-8 is read back as given (it arrives mangled), and kept with every byte.
    const path = argumentAsGiven(given);
    const onDisk = fsPath(path);
    try {
      const info = await stat(onDisk);
      // A file named explicitly is taken whatever its extension; the parser says if it is not text.
      if (info.isDirectory()) await walk(Buffer.from(onDisk), path, { root: await realpath(onDisk), seen, out, cap });
      else out.inputs.push({ path, location: resolve(path), read: () => readRegularFile(onDisk, path, cap) });
    } catch (err) {
      out.problems.push(problemFor(path, err));
    }
  }
  // The same file reached twice (given and inside a given folder) is ingested once.
  const seenFiles = new Set<string>();
  out.inputs = out.inputs.filter((input) => {
    const key = input.fromStdin ? '\0stdin' : input.location!;
    if (seenFiles.has(key)) return false;
    seenFiles.add(key);
    return true;
  });
  return out;
}
