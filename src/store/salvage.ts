// What rebuild starts from: every stored document that can still be read.
// With a sound manifest, the live documents of the segments it names. Without
// one (damaged, missing, another version), every segment directory is read in
// creation order and the newest version of each document id wins: a replaced
// document's new version always lives in a newer segment. A segment written
// for another index (its header names another identity) is never imported.
// Segments of the previous format (docs.jsonl) are read too: rebuild converts.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IndexError } from '../errors.js';
import { readRegularFile } from '../files.js';
import { ChunkedReader, FileAccess } from '../index/format/chunked.js';
import { decodeHeader, segmentFormatOf } from '../index/format/header.js';
import { BlockCache, readStored, walkStored } from '../index/format/stored.js';
import { SegmentReader } from '../index/segment-reader.js';
import type { DocEntry } from '../index/format/docs.js';
import type { UnresDocument } from '../types.js';
import { LEGACY_PATHS_NAME, SEGMENT_NAME, manifestPath, segmentCounter, segmentFilePath, segmentPath, segmentsPath } from './layout.js';
import { readManifest } from './manifest.js';
import { type PathTable, salvagePathTable } from './paths.js';
import { documentProblem } from './validate.js';
import { randomUUID, sha256Hex } from '../lazy-crypto.js';

export interface Salvage {
  /** The index's identity: the manifest's, else the one most segments carry. */
  identity: string;
  /** Segments refused because they belong to another index. */
  foreign: string[];
  /** Generation to continue from (readers notice the change). */
  generation: number;
  /** Segment counter to continue from, past every directory present. */
  nextSegment: number;
  /** Documents that can be read, one version per id. */
  documents(): Iterable<UnresDocument>;
  /** Lines that could not be read as documents. */
  skipped: number;
  /**
   * Stored documents that cannot be recovered: with a sound manifest, the
   * live documents it counts that no segment file yields (a missing or cut
   * docs.jsonl); without one, the lines that could not be read.
   */
  unreadable: number;
  /** Ids of stored documents dropped because their record fails its checksum (named, unlike the unreadable). */
  damaged: string[];
  /**
   * The recorded source paths that can still be read: the table of a sound
   * manifest, or the one JSON file an index of an earlier version (before 6)
   * kept them in; empty when neither can be read.
   */
  paths(): PathTable;
}

interface SegmentToRead {
  name: string;
  deleted: ReadonlySet<number> | null;
}

/** The identity a segment's header names, or null when the header cannot be read. */
function identityOf(dir: string, name: string): string | null {
  try {
    const header = decodeHeader(readRegularFile(segmentFilePath(dir, name, 'header')));
    return 'problem' in header ? null : header.identity;
  } catch {
    return null;
  }
}

/** The first segment format with stored blocks (stored.ts). */
const STORED_BLOCKS_FORMAT = 5;

/**
 * Whether segments of `format` store each document as its own zlib stream (formats 2 to 4), not in blocks.
 * Formats from 5 on all keep stored blocks: a test against the current format would take every older
 * format with blocks (5, 6, ...) for the legacy kind, and rebuild would misread them.
 */
export function storesDocumentStreams(format: number): boolean {
  return format >= 2 && format < STORED_BLOCKS_FORMAT;
}

/** Whether a segment's header names a format before stored blocks (5): its stored frames are one zlib stream per document. */
function legacyStored(dir: string, name: string): boolean {
  try {
    const format = segmentFormatOf(readRegularFile(segmentFilePath(dir, name, 'header')));
    return format !== null && storesDocumentStreams(format);
  } catch {
    return false;
  }
}

interface StoredLine {
  text: string;
  /** Set when the document table names the record and the record fails its checksum: it is damaged. */
  damagedId?: string;
}

/**
 * The stored documents of a segment, one per document ordinal, streamed. With
 * a sound document table and stored-documents footer, each record is read
 * through the table and checked by its chunks' CRCs: one that fails is
 * yielded as damaged, with its id. Otherwise the frames are walked as far as
 * they make sense (an unreadable one as a line that does not parse).
 */
function* readLines(dir: string, name: string): Generator<StoredLine> {
  const legacy = join(segmentPath(dir, name), 'docs.jsonl');
  if (existsSync(legacy)) {
    let lines: string[] = [];
    try {
      lines = readRegularFile(legacy, 'utf8').split('\n');
    } catch {
      lines = [];
    }
    for (const text of lines) yield { text };
    return;
  }
  const table = openThroughTable(dir, name);
  if (table) {
    try {
      const blocks = new BlockCache(2);
      for (const entry of table.entries) {
        let text: string | null = null;
        try {
          text = readStored(table.stored, entry.stored, blocks);
        } catch {
          text = null;
        }
        yield text === null ? { text: '', damagedId: entry.id } : { text };
      }
    } finally {
      table.close();
    }
    return;
  }
  let access: FileAccess;
  try {
    access = new FileAccess(segmentFilePath(dir, name, 'stored'));
  } catch {
    return;
  }
  try {
    let reader: ChunkedReader | null = null;
    try {
      reader = new ChunkedReader(access, 'stored.bin', (problem) => new IndexError(problem));
    } catch {
      reader = null;
    }
    for (const text of walkStored(access, reader, legacyStored(dir, name))) yield { text: text ?? '\u0000' };
  } finally {
    access.close();
  }
}

interface TableRead {
  entries: DocEntry[];
  stored: ChunkedReader;
  close(): void;
}

/** A segment's document table and stored documents opened for checked reads, or null when either is unsound. */
function openThroughTable(dir: string, name: string): TableRead | null {
  const damage = (problem: string) => new IndexError(problem);
  let segment: SegmentReader | null = null;
  let access: FileAccess | null = null;
  try {
    segment = new SegmentReader(name, { open: (key) => new FileAccess(segmentFilePath(dir, name, key)), damaged: damage });
    const entries = segment.docs().all();
    segment.close();
    access = new FileAccess(segmentFilePath(dir, name, 'stored'));
    const stored = new ChunkedReader(access, 'stored.bin', damage);
    const opened = access;
    return { entries, stored, close: () => opened.close() };
  } catch {
    segment?.close();
    access?.close();
    return null;
  }
}

function parseDocument(line: string): UnresDocument | null {
  if (line.trim() === '') return null;
  try {
    const doc = JSON.parse(line) as UnresDocument;
    return documentProblem(doc) === null ? doc : null;
  } catch {
    return null;
  }
}

export function salvageDocuments(dir: string): Salvage {
  let segments: SegmentToRead[];
  let generation = 0;
  let nextSegment = 1;
  let present: string[] = [];
  try {
    present = readdirSync(segmentsPath(dir)).filter((n) => SEGMENT_NAME.test(n)).sort();
  } catch {
    present = [];
  }
  for (const name of present) nextSegment = Math.max(nextSegment, segmentCounter(name) + 1);
  let body = null;
  try {
    body = readManifest(dir);
  } catch (err) {
    if (!(err instanceof IndexError)) throw err;
  }
  let identity: string;
  if (body) {
    identity = body.identity;
  } else {
    const counts = new Map<string, number>();
    for (const name of present) {
      const id = identityOf(dir, name);
      if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    identity = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? randomUUID();
  }
  const foreign: string[] = [];
  if (body) {
    generation = body.generation;
    nextSegment = Math.max(nextSegment, body.nextSegment);
    segments = body.segments.map((s) => ({ name: s.name, deleted: new Set(s.deleted) }));
  } else {
    segments = present.map((name) => ({ name, deleted: null }));
  }

  // First pass: which line holds the version of each id to keep.
  const winners = new Map<string, [number, number]>();
  const damaged = new Set<string>();
  let skipped = 0;
  segments.forEach((segment, s) => {
    const owner = identityOf(dir, segment.name);
    if (owner !== null && owner !== identity) {
      foreign.push(segment.name);
      return;
    }
    let i = -1;
    for (const line of readLines(dir, segment.name)) {
      i++;
      if (segment.deleted?.has(i)) continue;
      if (line.damagedId !== undefined) {
        damaged.add(line.damagedId);
        continue;
      }
      if (line.text.trim() === '') continue;
      const doc = parseDocument(line.text);
      if (!doc) {
        skipped++;
        continue;
      }
      winners.set(doc.id, [s, i]);
    }
  });

  // A damaged record whose id has a sound version elsewhere (an older one, without a manifest) lost nothing.
  for (const id of winners.keys()) damaged.delete(id);
  const live = body ? body.segments.reduce((n, s) => n + s.docs - s.deleted.length, 0) : 0;
  const foreignSet = new Set(foreign);
  return {
    identity,
    foreign,
    generation,
    nextSegment,
    skipped,
    damaged: [...damaged].sort(),
    paths: () => (body ? salvagePathTable(dir, body.paths) : legacyPathTable(dir)),
    unreadable: body ? Math.max(0, live - winners.size) : skipped,
    *documents() {
      for (const [s, segment] of segments.entries()) {
        if (foreignSet.has(segment.name)) continue;
        let i = -1;
        for (const line of readLines(dir, segment.name)) {
          i++;
          if (line.damagedId !== undefined) continue;
          const doc = parseDocument(line.text);
          if (!doc) continue;
          const winner = winners.get(doc.id);
          if (winner && winner[0] === s && winner[1] === i) yield doc;
        }
      }
    },
  };
}

/**
 * The paths table of an index of an earlier version (one JSON file, named and
 * checksummed by the manifest's body), so a rebuild that converts it keeps
 * every recorded path; empty when it cannot be read or fails its checksum.
 */
function legacyPathTable(dir: string): PathTable {
  const table: PathTable = new Map();
  try {
    const file = JSON.parse(readRegularFile(manifestPath(dir), 'utf8')) as { body?: { paths?: { name?: unknown; bytes?: unknown; sha256?: unknown } } };
    const ref = file.body?.paths;
    if (!ref || typeof ref.name !== 'string' || !LEGACY_PATHS_NAME.test(ref.name)) return table;
    const bytes = readRegularFile(join(dir, ref.name));
    if (bytes.length !== ref.bytes || sha256Hex(bytes) !== ref.sha256) return table;
    const parsed = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    for (const [id, paths] of Object.entries(parsed)) {
      if (Array.isArray(paths) && paths.every((p) => typeof p === 'string')) table.set(id, paths as string[]);
    }
  } catch {
    return new Map();
  }
  return table;
}
