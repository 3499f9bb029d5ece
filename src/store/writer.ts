// Collects one write's changes: new documents into new segments (cut every
// `segmentClauses` clauses and written at once, still uncommitted), and
// deletions of replaced documents, in committed and in new segments. Nothing
// here is visible to readers until commit() replaces the manifest.

import { SegmentBuilder } from '../index/builder.js';
import type { UnresDocument } from '../types.js';
import { readdirSync } from 'node:fs';
import { segmentCounter, segmentName, segmentOfFolder, segmentsPath } from './layout.js';
import type { ManifestBody, ManifestSegment } from './manifest.js';
import { writeSegment } from './segment-files.js';

export function randomTag(): string {
  return Math.floor(Math.random() * 0x1000000)
    .toString(16)
    .padStart(6, '0');
}

/**
 * The highest counter among the segment and staging folders present (0 when none). A writer numbers its
 * segments above it, not only above the manifest's counter: what a killed or superseded writer left then
 * lies below this writer's commit, whose sweep removes it, and a sweep never removes a segment numbered
 * at or above its own commit's counter, which only a later writer can own (commit.ts).
 */
function highestCounterPresent(dir: string): number {
  let names: string[];
  try {
    names = readdirSync(segmentsPath(dir));
  } catch {
    return 0;
  }
  let highest = 0;
  for (const folder of names) {
    const segment = segmentOfFolder(folder);
    if (segment !== null) highest = Math.max(highest, segmentCounter(segment));
  }
  return highest;
}

export class BatchWriter {
  private builder = new SegmentBuilder();
  private builderIds = new Map<string, number>();
  private builderDeleted = new Set<number>();
  private readonly written: ManifestSegment[] = [];
  /** id -> where its pending version is: a written segment's index (or -1 for the builder), and its sha256. */
  private readonly pending = new Map<string, { written: number; doc: number; sha256: string }>();
  private readonly deletions = new Map<string, Set<number>>();
  private counter: number;
  changed = false;

  constructor(
    private readonly dir: string,
    private readonly base: ManifestBody,
    private readonly segmentClauses: number,
  ) {
    this.counter = Math.max(base.nextSegment, highestCounterPresent(dir) + 1);
  }

  startCounterAt(counter: number): void {
    this.counter = Math.max(this.counter, counter);
  }

  pendingSha(id: string): string | undefined {
    return this.pending.get(id)?.sha256;
  }

  deleteCommitted(segment: string, doc: number): void {
    const set = this.deletions.get(segment) ?? new Set<number>();
    set.add(doc);
    this.deletions.set(segment, set);
    this.changed = true;
  }

  /** Drops the version of `id` written or buffered in this batch, if any. */
  removePending(id: string): void {
    const previous = this.pending.get(id);
    if (!previous) return;
    if (previous.written < 0) {
      this.builderDeleted.add(previous.doc);
      this.builderIds.delete(id);
    } else this.written[previous.written]!.deleted.push(previous.doc);
    this.pending.delete(id);
    this.changed = true;
  }

  add(doc: UnresDocument): void {
    this.removePending(doc.id);
    const ordinal = this.builder.add(doc);
    this.pending.set(doc.id, { written: -1, doc: ordinal, sha256: doc.source.sha256 });
    this.builderIds.set(doc.id, ordinal);
    this.changed = true;
    if (this.builder.clauseCount >= this.segmentClauses) this.flush();
  }

  private flush(): void {
    if (this.builder.docCount === 0) return;
    const entry = writeSegment(this.dir, segmentName(this.counter++, randomTag()), this.builder.finish(this.base.identity));
    // The segment holds its documents in id order: the ordinals add() returned are renumbered.
    const order = this.builder.documentOrder!;
    entry.deleted = [...this.builderDeleted].map((d) => order[d]!).sort((a, b) => a - b);
    const index = this.written.push(entry) - 1;
    for (const [id, doc] of this.builderIds) {
      const p = this.pending.get(id)!;
      if (p.written < 0 && p.doc === doc) {
        p.written = index;
        p.doc = order[doc]!;
      }
    }
    this.builder = new SegmentBuilder();
    this.builderIds = new Map();
    this.builderDeleted = new Set();
  }

  /** The manifest body to commit: old segments with their new deletions, then the new ones. */
  finish(): ManifestBody {
    this.flush();
    const kept = this.base.segments
      .map((s) => {
        const extra = this.deletions.get(s.name);
        if (!extra) return s;
        return { ...s, deleted: [...new Set([...s.deleted, ...extra])].sort((a, b) => a - b) };
      })
      .filter((s) => s.deleted.length < s.docs);
    const fresh = this.written.filter((s) => s.deleted.length < s.docs);
    return { identity: this.base.identity, generation: this.base.generation, nextSegment: this.counter, segments: [...kept, ...fresh], paths: this.base.paths };
  }
}
