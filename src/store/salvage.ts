// What rebuild starts from: every stored document that can still be read.
// With a sound manifest, the live documents of the segments it names. Without
// one (damaged, missing, another version), every segment directory is read in
// creation order and the newest version of each document id wins: a replaced
// document's new version always lives in a newer segment.

import { readFileSync, readdirSync } from 'node:fs';
import { IndexError } from '../errors.js';
import type { UnresDocument } from '../types.js';
import { SEGMENT_NAME, segmentFilePath, segmentsPath } from './layout.js';
import { readManifest } from './manifest.js';
import { documentProblem } from './validate.js';

export interface Salvage {
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
}

interface SegmentToRead {
  name: string;
  deleted: ReadonlySet<number> | null;
}

function readLines(dir: string, name: string): string[] {
  try {
    return readFileSync(segmentFilePath(dir, name, 'docs'), 'utf8').split('\n');
  } catch {
    return [];
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
  for (const name of present) nextSegment = Math.max(nextSegment, Number(name.slice(1, 9)) + 1);
  let body = null;
  try {
    body = readManifest(dir);
  } catch (err) {
    if (!(err instanceof IndexError)) throw err;
  }
  if (body) {
    generation = body.generation;
    nextSegment = Math.max(nextSegment, body.nextSegment);
    segments = body.segments.map((s) => ({ name: s.name, deleted: new Set(s.deleted) }));
  } else {
    segments = present.map((name) => ({ name, deleted: null }));
  }

  // First pass: which line holds the version of each id to keep.
  const winners = new Map<string, [number, number]>();
  let skipped = 0;
  segments.forEach((segment, s) => {
    readLines(dir, segment.name).forEach((line, i) => {
      if (segment.deleted?.has(i) || line.trim() === '') return;
      const doc = parseDocument(line);
      if (!doc) {
        skipped++;
        return;
      }
      winners.set(doc.id, [s, i]);
    });
  });

  const live = body ? body.segments.reduce((n, s) => n + s.docs - s.deleted.length, 0) : 0;
  return {
    generation,
    nextSegment,
    skipped,
    unreadable: body ? Math.max(0, live - winners.size) : skipped,
    *documents() {
      for (const [s, segment] of segments.entries()) {
        const lines = readLines(dir, segment.name);
        for (const [i, line] of lines.entries()) {
          const doc = parseDocument(line);
          if (!doc) continue;
          const winner = winners.get(doc.id);
          if (winner && winner[0] === s && winner[1] === i) yield doc;
        }
      }
    },
  };
}
