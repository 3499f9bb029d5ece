// Segments on disk. Writing: every file into a staging directory, each
// fsynced, then one rename makes the segment appear whole. Reading: by
// positioned reads (src/index/segment-reader.ts), each file's size checked
// against the manifest when opened, every range read checked by the CRCs of
// its chunks, the header checked whole, and the segment's index identity
// checked against the manifest's (a segment from another index is refused).

import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { IndexError } from '../errors.js';
import type { SegmentData } from '../index/builder.js';
import { type ByteSink, FileAccess, FileSink, type RandomAccess } from '../index/format/chunked.js';
import { SEGMENT_FILES, type SegmentFileKey } from '../index/format/files.js';
import type { MergedSegment } from '../index/merge.js';
import { SegmentReader } from '../index/segment-reader.js';
import { fsyncDirectory, writeDurable } from './atomic.js';
import { REBUILD_HINT, STAGING_PREFIX, segmentFilePath, segmentPath, segmentsPath } from './layout.js';
import { type FileCheck, type ManifestSegment } from './manifest.js';
import { randomHex, sha256Hex } from '../lazy-crypto.js';

/** A segment file was not there: the index may have moved on under a reader (see UnresIndex.search). */
export class SegmentMissingError extends IndexError {}

function segmentDamage(dir: string, name: string, problem: string): IndexError {
  return new IndexError(`the index at ${dir} is damaged (segment ${name}: ${problem}): ${REBUILD_HINT}`);
}

/** Writes files into a fresh staging directory, then renames it to the segment's name. */
function stage<T>(dir: string, name: string, write: (staging: string) => T): T {
  const parent = segmentsPath(dir);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `${STAGING_PREFIX}${name}-${randomHex(3)}`);
  mkdirSync(staging);
  try {
    const result = write(staging);
    fsyncDirectory(staging);
    renameSync(staging, segmentPath(dir, name));
    fsyncDirectory(parent);
    return result;
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

/** Writes a built segment under its final name, whole or not at all; returns the manifest entry (no deletions). */
export function writeSegment(dir: string, name: string, data: SegmentData): ManifestSegment {
  return stage(dir, name, (staging) => {
    const checks = {} as Record<SegmentFileKey, FileCheck>;
    for (const key of Object.keys(SEGMENT_FILES) as SegmentFileKey[]) {
      const bytes = data.files[key];
      writeDurable(join(staging, SEGMENT_FILES[key]), bytes);
      checks[key] = { bytes: bytes.length, sha256: sha256Hex(bytes) };
    }
    return { name, docs: data.header.docCount, clauses: data.header.clauseCount, deleted: [], files: checks };
  });
}

/** A merged segment written: its manifest entry (no deletions) and where each source's documents went. */
export interface StreamedSegment {
  entry: ManifestSegment;
  docMaps: Int32Array[];
}

/** Writes a segment by streaming into its files (merges), whole or not at all. */
export async function streamSegment(
  dir: string,
  name: string,
  write: (open: (key: SegmentFileKey) => ByteSink) => Promise<MergedSegment>,
): Promise<StreamedSegment> {
  const parent = segmentsPath(dir);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `${STAGING_PREFIX}${name}-${randomHex(3)}`);
  mkdirSync(staging);
  const sinks: FileSink[] = [];
  try {
    const merged = await write((key) => {
      const sink = new FileSink(join(staging, SEGMENT_FILES[key]));
      sinks.push(sink);
      return sink;
    });
    fsyncDirectory(staging);
    renameSync(staging, segmentPath(dir, name));
    fsyncDirectory(parent);
    return { entry: { name, docs: merged.header.docCount, clauses: merged.header.clauseCount, deleted: [], files: merged.files }, docMaps: merged.docMaps };
  } catch (err) {
    for (const s of sinks) s.abandon();
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

/** A committed segment, read lazily and checked as it is read. */
export class DiskSegment extends SegmentReader {
  constructor(
    dir: string,
    entry: ManifestSegment,
    identity: string,
  ) {
    const damaged = (problem: string) => segmentDamage(dir, entry.name, problem);
    super(
      entry.name,
      {
        damaged,
        open: (key): RandomAccess => {
          let access: FileAccess;
          try {
            access = new FileAccess(segmentFilePath(dir, entry.name, key));
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
              throw new SegmentMissingError(`the index at ${dir} is damaged (segment ${entry.name}: ${SEGMENT_FILES[key]} is missing): ${REBUILD_HINT}`);
            }
            throw new IndexError(`cannot read the index at ${dir}: ${(err as Error).message}`);
          }
          if (access.size !== entry.files[key].bytes) {
            access.close();
            throw damaged(`${SEGMENT_FILES[key]} is truncated or changed`);
          }
          return access;
        },
      },
      new Set(entry.deleted),
    );
    if (this.header.docCount !== entry.docs || this.header.clauseCount !== entry.clauses) {
      throw damaged(`${SEGMENT_FILES.header} does not match the manifest`);
    }
    if (this.header.identity !== identity) throw damaged('it belongs to another index');
  }
}
