// Segments on disk. Writing: every file into a staging directory, each
// fsynced, then one rename makes the segment appear whole. Reading: lazily,
// file by file as a search needs it, and checked against the manifest (sizes
// always; checksums of every file read whole; each stored document against its
// own checksum; postings by their structure as they are decoded).

import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { IndexError } from '../errors.js';
import { ALL_FIELDS } from '../search/fields.js';
import type { SegmentSource } from '../search/searcher.js';
import {
  CLAUSE_ROW_BYTES,
  type ClauseTable,
  type SegmentData,
  type SegmentDictionary,
  type SegmentMeta,
  SEGMENT_FORMAT,
  SEGMENT_VERSION,
  readClauseTable,
} from '../search/segment.js';
import { fsyncDirectory, writeDurable } from './atomic.js';
import { REBUILD_HINT, SEGMENT_FILES, STAGING_PREFIX, type SegmentFileKey, segmentFilePath, segmentPath, segmentsPath } from './layout.js';
import { type FileCheck, type ManifestSegment, sha256 } from './manifest.js';

/** A segment file was not there: the index may have moved on under a reader (see UnresIndex.search). */
export class SegmentMissingError extends IndexError {}

function encodeFiles(data: SegmentData): Record<SegmentFileKey, Uint8Array> {
  return {
    meta: Buffer.from(JSON.stringify(data.meta), 'utf8'),
    dictionary: Buffer.from(JSON.stringify(data.dictionary), 'utf8'),
    postings: data.postings,
    clauses: data.clauses,
    docs: data.docs,
  };
}

/** Writes a segment under its final name, whole or not at all; returns the manifest entry (no deletions). */
export function writeSegment(dir: string, name: string, data: SegmentData): ManifestSegment {
  const parent = segmentsPath(dir);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `${STAGING_PREFIX}${name}-${randomBytes(3).toString('hex')}`);
  mkdirSync(staging);
  try {
    const files = encodeFiles(data);
    const checks = {} as Record<SegmentFileKey, FileCheck>;
    for (const key of Object.keys(SEGMENT_FILES) as SegmentFileKey[]) {
      const bytes = files[key];
      writeDurable(join(staging, SEGMENT_FILES[key]), bytes);
      checks[key] = { bytes: bytes.length, sha256: sha256(bytes) };
    }
    fsyncDirectory(staging);
    renameSync(staging, segmentPath(dir, name));
    fsyncDirectory(parent);
    return { name, docs: data.meta.docs.length, clauses: data.meta.clauseCount, deleted: [], files: checks };
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

function isDictionary(value: unknown, postingsBytes: number): value is SegmentDictionary {
  const d = value as SegmentDictionary;
  if (typeof d !== 'object' || d === null) return false;
  let previousEnd = 0;
  for (const field of ALL_FIELDS) {
    const f = d[field];
    if (typeof f !== 'object' || f === null || !Array.isArray(f.terms) || !Array.isArray(f.offsets)) return false;
    if (f.offsets.length !== f.terms.length + 1 || f.offsets[0] !== previousEnd) return false;
    previousEnd = f.offsets[f.offsets.length - 1]!;
  }
  return previousEnd === postingsBytes;
}

function isMeta(value: unknown, entry: ManifestSegment): value is SegmentMeta {
  const m = value as SegmentMeta;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.format === SEGMENT_FORMAT &&
    m.version === SEGMENT_VERSION &&
    m.clauseCount === entry.clauses &&
    Array.isArray(m.docs) &&
    m.docs.length === entry.docs &&
    typeof m.fieldTotals === 'object' &&
    m.fieldTotals !== null &&
    ALL_FIELDS.every((f) => Number.isFinite(m.fieldTotals[f]))
  );
}

/** A committed segment, read lazily and checked as it is read. */
export class DiskSegment implements SegmentSource {
  readonly name: string;
  readonly meta: SegmentMeta;
  readonly deletedDocs: ReadonlySet<number>;
  private dictionaryCache: SegmentDictionary | null = null;
  private tableCache: ClauseTable | null = null;
  private readonly fds = new Map<SegmentFileKey, number>();

  constructor(
    private readonly dir: string,
    private readonly entry: ManifestSegment,
  ) {
    this.name = entry.name;
    this.deletedDocs = new Set(entry.deleted);
    const meta = this.parseJson('meta');
    if (!isMeta(meta, entry)) throw this.damaged('meta.json does not match the manifest');
    this.meta = meta;
  }

  private damaged(problem: string): IndexError {
    return new IndexError(`the index at ${this.dir} is damaged (segment ${this.name}: ${problem}): ${REBUILD_HINT}`);
  }

  private missing(key: SegmentFileKey): SegmentMissingError {
    return new SegmentMissingError(
      `the index at ${this.dir} is damaged (segment ${this.name}: ${SEGMENT_FILES[key]} is missing): ${REBUILD_HINT}`,
    );
  }

  /** A whole file, checked against the manifest's size and checksum. */
  private readWhole(key: SegmentFileKey): Buffer {
    let bytes: Buffer;
    try {
      bytes = readFileSync(segmentFilePath(this.dir, this.name, key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw this.missing(key);
      throw new IndexError(`cannot read the index at ${this.dir}: ${(err as Error).message}`);
    }
    const check = this.entry.files[key];
    if (bytes.length !== check.bytes) throw this.damaged(`${SEGMENT_FILES[key]} is truncated or changed`);
    if (sha256(bytes) !== check.sha256) throw this.damaged(`${SEGMENT_FILES[key]} fails its checksum`);
    return bytes;
  }

  private parseJson(key: SegmentFileKey): unknown {
    try {
      return JSON.parse(this.readWhole(key).toString('utf8'));
    } catch (err) {
      if (err instanceof IndexError) throw err;
      throw this.damaged(`${SEGMENT_FILES[key]} is not valid JSON`);
    }
  }

  /** An open descriptor, the file's size checked once: reads of ranges follow. */
  private fd(key: SegmentFileKey): number {
    let fd = this.fds.get(key);
    if (fd !== undefined) return fd;
    try {
      fd = openSync(segmentFilePath(this.dir, this.name, key), 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw this.missing(key);
      throw new IndexError(`cannot read the index at ${this.dir}: ${(err as Error).message}`);
    }
    if (fstatSync(fd).size !== this.entry.files[key].bytes) {
      closeSync(fd);
      throw this.damaged(`${SEGMENT_FILES[key]} is truncated or changed`);
    }
    this.fds.set(key, fd);
    return fd;
  }

  private readRange(key: SegmentFileKey, start: number, end: number): Buffer {
    if (start < 0 || end < start || end > this.entry.files[key].bytes) throw this.damaged(`${SEGMENT_FILES[key]} range out of bounds`);
    const buffer = Buffer.alloc(end - start);
    let done = 0;
    const fd = this.fd(key);
    while (done < buffer.length) {
      const n = readSync(fd, buffer, done, buffer.length - done, start + done);
      if (n === 0) throw this.damaged(`${SEGMENT_FILES[key]} is truncated`);
      done += n;
    }
    return buffer;
  }

  dictionary(): SegmentDictionary {
    if (!this.dictionaryCache) {
      const value = this.parseJson('dictionary');
      if (!isDictionary(value, this.entry.files.postings.bytes)) throw this.damaged('terms.json does not match postings.bin');
      this.dictionaryCache = value;
    }
    return this.dictionaryCache;
  }

  postingsBlock(start: number, end: number): Uint8Array {
    return this.readRange('postings', start, end);
  }

  clauseTable(): ClauseTable {
    if (!this.tableCache) {
      const bytes = this.readWhole('clauses');
      if (bytes.length !== CLAUSE_ROW_BYTES * this.meta.clauseCount) throw this.damaged('clauses.bin has the wrong size');
      this.tableCache = readClauseTable(bytes, this.meta.clauseCount);
    }
    return this.tableCache;
  }

  docLine(docOrdinal: number): string {
    const doc = this.meta.docs[docOrdinal];
    if (!doc) throw this.damaged(`no document ${docOrdinal}`);
    const bytes = this.readRange('docs', doc.offset, doc.offset + doc.bytes);
    if (sha256(bytes) !== doc.lineSha256) throw this.damaged(`stored document ${doc.id} fails its checksum`);
    return bytes.toString('utf8');
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
