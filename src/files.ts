// File-system steps that must end, and end with a reason, whatever the path
// names: a folder on /proc (where Node's recursive mkdir loops for ever), a
// named pipe where a file should be (reading it blocks until some writer
// comes), a directory or a device under a file's name.

import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The last part of a file's path as the user gave it, whichever separator it
 * used (a path recorded on Windows keeps its backslashes).
 */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** A path that names something other than a regular file where one is needed. */
export class NotAFileError extends Error {
  readonly code = 'ENOTREGULAR';
  constructor(
    readonly path: string,
    readonly what: string,
  ) {
    super(`${path}: ${what}, not a regular file`);
  }
}

/** What a non-regular file is, in words for a one-line message. */
export function describeFileType(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** A folder that could not be made, with the reason the system gave. */
export class FolderError extends Error {
  readonly code = 'EMKDIR';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot create the folder ${path}: ${reason}`);
  }
}

/** What a file-system error code means, in words for a one-line message (src/cli/failure.ts, makeDirectories). */
export const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  ENOSPC: 'no space left on device',
  EROFS: 'read-only file system',
  EFBIG: 'file too large (a file size limit was reached)',
  ENAMETOOLONG: 'file name too long',
  EIO: 'input/output error',
  ENXIO: 'no such device',
};

/** mkdir's codes, where they mean something more precise than FILE_PROBLEMS says. */
const FOLDER_REASONS: Record<string, string> = {
  ...FILE_PROBLEMS,
  ENOENT: 'the file system does not allow a folder there',
  ENOTDIR: 'a part of the path is not a folder',
};

/**
 * `mkdir -p`, one component at a time from the deepest one that exists, so
 * every step is a single system call that fails with a reason instead of
 * retrying: each missing folder is made once, and a refusal is final.
 */
export function makeDirectories(path: string): void {
  const missing: string[] = [];
  for (let at = resolve(path); ; at = dirname(at)) {
    let stats: Stats;
    try {
      stats = statSync(at);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new FolderError(path, FOLDER_REASONS[code ?? ''] ?? String(code));
      if (dirname(at) === at) throw new FolderError(path, 'no such file system root');
      missing.push(at);
      continue;
    }
    if (!stats.isDirectory()) throw new FolderError(path, `${at} is ${describeFileType(stats)}`);
    break;
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // Another process made it meanwhile: fine, if it is a folder.
      if (code === 'EEXIST' && statSync(dir).isDirectory()) continue;
      throw new FolderError(path, FOLDER_REASONS[code ?? ''] ?? String(code));
    }
  }
}

/**
 * Opens a file for reading only if it is a regular file. O_NONBLOCK makes
 * opening a named pipe return at once (instead of waiting for a writer), so
 * it can be refused; it changes nothing for regular files.
 */
export function openRegularFile(path: string): number {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new NotAFileError(path, describeFileType(stats));
    return fd;
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/** The whole content of a regular file; NotAFileError for anything else. */
export function readRegularFile(path: string): Buffer;
export function readRegularFile(path: string, encoding: 'utf8'): string;
export function readRegularFile(path: string, encoding?: 'utf8'): Buffer | string {
  const fd = openRegularFile(path);
  try {
    return encoding ? readFileSync(fd, encoding) : readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

const LONE_ESCAPE = 0xdc80;

/** Bytes a UTF-8 sequence starting with `lead` takes; 0 when no sequence starts so. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * A file name's bytes as a string that keeps every byte, so that a name that
 * is not UTF-8 still names its own file (recorded paths, `ingest --prune`):
 * valid UTF-8 decodes as usual; any other byte becomes the lone surrogate
 * U+DC80 + (byte - 0x80), as Python's surrogateescape does. Valid UTF-8 never
 * decodes to a lone surrogate, so two names never map to one string;
 * `fsPath` gives the bytes back.
 */
export function pathFromBytes(bytes: Buffer): string {
  const plain = bytes.toString('utf8');
  if (Buffer.byteLength(plain, 'utf8') === bytes.length && Buffer.from(plain, 'utf8').equals(bytes)) return plain;
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes[i]!);
    const slice = n > 0 ? bytes.subarray(i, i + n) : null;
    const text = slice && slice.length === n ? slice.toString('utf8') : '';
    if (slice && text !== '' && Buffer.from(text, 'utf8').equals(slice)) {
      out += text;
      i += n;
    } else {
      out += String.fromCharCode(LONE_ESCAPE + bytes[i]! - 0x80);
      i++;
    }
  }
  return out;
}

const ESCAPED_BYTE = /(?<![\ud800-\udbff])[\udc80-\udcff]/;

/** The path to hand the file system: the bytes again when `pathFromBytes` escaped some, else the string. */
export function fsPath(path: string): string | Buffer {
  if (!ESCAPED_BYTE.test(path)) return path;
  const parts: Buffer[] = [];
  for (const ch of path) {
    const code = ch.charCodeAt(0);
    parts.push(ch.length === 1 && code >= LONE_ESCAPE && code <= 0xdcff ? Buffer.from([code - LONE_ESCAPE + 0x80]) : Buffer.from(ch, 'utf8'));
  }
  return Buffer.concat(parts);
}

/** Arguments of this process already read back from /proc/self/cmdline (an argument given twice is read twice). */
const argumentsTaken = new Set<number>();

/**
 * A command-line argument as the bytes it was given. Node decodes argv as UTF-8,
 * so a file name that is not UTF-8 arrives with replacement characters and names
 * no file. On Linux /proc/self/cmdline still holds the bytes: the first argument
 * not yet taken whose decoding is `arg` is read back with `pathFromBytes`.
 * Anywhere else, or for an argument without a replacement character, `arg` itself.
 */
export function argumentAsGiven(arg: string): string {
  if (!arg.includes('\ufffd')) return arg;
  let raw: Buffer;
  try {
    raw = readFileSync('/proc/self/cmdline');
  } catch {
    return arg;
  }
  let start = 0;
  for (let index = 0; start < raw.length; index++) {
    const end = raw.indexOf(0, start);
    const part = raw.subarray(start, end < 0 ? raw.length : end);
    start = end < 0 ? raw.length : end + 1;
    if (!argumentsTaken.has(index) && part.toString('utf8') === arg) {
      argumentsTaken.add(index);
      return pathFromBytes(part);
    }
  }
  return arg;
}
