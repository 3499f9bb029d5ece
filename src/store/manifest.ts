// The manifest: the one file that says what the index is. Committing a change
// is replacing it (atomically); everything it names is immutable. Its body is
// checksummed, so an edited or truncated manifest is detected, and its format
// and version sit outside the body, so any version can at least say which it is.
// The checksum is the CRC-32 of the body's JSON (`crc32`, node:zlib, which the
// segment files' chunk checks load anyway): every search reads the manifest,
// and a sha256 meant loading node:crypto, about 7 ms of a cold search's CPU.
// (Manifests of version 11 and before carried a sha256; they are refused by
// their version before any checksum is read.)

import { crc32 } from 'node:zlib';
import { IndexError } from '../errors.js';
import { NotAFileError, readRegularFile } from '../files.js';
import { replaceFileAtomic } from './atomic.js';
import { INDEX_FORMAT, INDEX_VERSION, PATHS_NAME, REBUILD_HINT, SEGMENT_FILES, SEGMENT_NAME, type SegmentFileKey, manifestPath } from './layout.js';
import { randomUUID } from '../lazy-crypto.js';

export interface FileCheck {
  bytes: number;
  sha256: string;
}

export interface ManifestSegment {
  name: string;
  docs: number;
  clauses: number;
  /** Ordinals of documents replaced since the segment was written. */
  deleted: number[];
  files: Record<SegmentFileKey, FileCheck>;
}

export interface ManifestBody {
  /** The index's identity, written into each of its segments: a segment from another index is refused. */
  identity: string;
  /** Counts commits: a reader that finds a segment gone checks whether the index moved on. */
  generation: number;
  /** Next segment counter: names sort in creation order. */
  nextSegment: number;
  segments: ManifestSegment[];
  /** The files of the table of every document's source paths, oldest first (src/store/paths.ts). */
  paths: PathsFileRef[];
}

export interface PathsFileRef extends FileCheck {
  name: string;
}

interface ManifestFile {
  format: string;
  version: number;
  /** CRC-32 of JSON.stringify(body). */
  crc32: number;
  body: ManifestBody;
}

export function emptyManifest(): ManifestBody {
  return { identity: randomUUID(), generation: 0, nextSegment: 1, segments: [], paths: [] };
}

function damaged(dir: string, problem: string): IndexError {
  return new IndexError(`the index at ${dir} is damaged (${problem}): ${REBUILD_HINT}`);
}

function isFileCheck(value: unknown): value is FileCheck {
  const v = value as FileCheck;
  return typeof v === 'object' && v !== null && Number.isInteger(v.bytes) && v.bytes >= 0 && typeof v.sha256 === 'string';
}

function checkBody(dir: string, body: ManifestBody): void {
  const ok =
    typeof body === 'object' &&
    body !== null &&
    typeof body.identity === 'string' &&
    body.identity.length > 0 &&
    Number.isInteger(body.generation) &&
    Number.isInteger(body.nextSegment) &&
    Array.isArray(body.segments) &&
    body.segments.every(
      (s) =>
        typeof s === 'object' &&
        s !== null &&
        typeof s.name === 'string' &&
        SEGMENT_NAME.test(s.name) &&
        Number.isInteger(s.docs) &&
        Number.isInteger(s.clauses) &&
        Array.isArray(s.deleted) &&
        s.deleted.every((d) => Number.isInteger(d) && d >= 0 && d < s.docs) &&
        typeof s.files === 'object' &&
        s.files !== null &&
        (Object.keys(SEGMENT_FILES) as SegmentFileKey[]).every((k) => isFileCheck(s.files[k])),
    ) &&
    Array.isArray(body.paths) &&
    body.paths.every((p) => isFileCheck(p) && typeof p.name === 'string' && PATHS_NAME.test(p.name));
  if (!ok) throw damaged(dir, 'manifest.json does not describe an index');
}

/** The manifest's body, or null when there is none. Throws IndexError for damage or another version. */
export function readManifest(dir: string): ManifestBody | null {
  let text: string;
  try {
    text = readRegularFile(manifestPath(dir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if (err instanceof NotAFileError) throw damaged(dir, `manifest.json is ${err.what}, not a file`);
    throw new IndexError(`cannot read the index at ${dir}: ${(err as Error).message}`);
  }
  let file: ManifestFile;
  try {
    file = JSON.parse(text) as ManifestFile;
  } catch {
    throw damaged(dir, 'manifest.json is not valid JSON: truncated or edited');
  }
  if (typeof file !== 'object' || file === null || file.format !== INDEX_FORMAT) {
    throw damaged(dir, 'manifest.json is not an unres index manifest');
  }
  if (file.version !== INDEX_VERSION) {
    const newer = typeof file.version === 'number' && file.version > INDEX_VERSION;
    throw new IndexError(
      `the index at ${dir} has format version ${String(file.version)}, ${newer ? 'newer than' : 'older than'} ` +
        `this unres reads (${INDEX_VERSION}): ${newer ? 'upgrade unres, or ' : ''}${REBUILD_HINT}`,
    );
  }
  if (typeof file.crc32 !== 'number' || file.crc32 !== crc32(JSON.stringify(file.body))) {
    throw damaged(dir, 'manifest.json fails its checksum: truncated or edited');
  }
  checkBody(dir, file.body);
  return file.body;
}

export function writeManifest(dir: string, body: ManifestBody): void {
  const file: ManifestFile = { format: INDEX_FORMAT, version: INDEX_VERSION, crc32: crc32(JSON.stringify(body)), body };
  replaceFileAtomic(manifestPath(dir), JSON.stringify(file) + '\n');
}
