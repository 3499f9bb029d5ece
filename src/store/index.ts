// The index on disk, as the CLI uses it. Reading (search, list, get) takes no
// lock and reads only what it needs; writing (ingest, rebuild, optimize) holds
// the write lock, re-reads the manifest under it, writes new immutable
// segments, and commits by replacing the manifest atomically. A crash or a
// kill before that rename leaves the previous index as it was; leftovers are
// swept by the next writer.
//
// This module must never import the parser (src/structure) or unified: the
// search path stays light.

import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IndexError, UnresError, UsageError } from '../errors.js';
import { assembleHits, type EngineHit } from '../search/hits.js';
import { mergeSegments } from '../search/merge.js';
import { planQuery } from '../search/query.js';
import { type SearchFilters, searchSegments } from '../search/searcher.js';
import { SegmentBuilder } from '../search/segment-builder.js';
import type { SegmentData } from '../search/segment.js';
import type { UnresDocument } from '../types.js';
import { isTempFileOf } from './atomic.js';
import { MANIFEST_FILE, SEGMENT_NAME, STAGING_PREFIX, segmentName, segmentPath, segmentsPath } from './layout.js';
import { type HeldLock, notWritableHint, withWriteLock } from './lock.js';
import { type ManifestBody, type ManifestSegment, emptyManifest, readManifest, writeManifest } from './manifest.js';
import { DEFAULT_MERGE_POLICY, type MergePolicyOptions, nextMerge } from './merge-policy.js';
import { salvageDocuments } from './salvage.js';
import { DiskSegment, SegmentMissingError, writeSegment } from './segment-files.js';
import { documentProblem } from './validate.js';

export type { EngineHit } from '../search/hits.js';

export interface IngestSummary {
  added: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** One line per failed document. */
  problems: string[];
}

export interface OpenOptions {
  /** Open a missing index as empty (it is written on the first ingest). */
  create?: boolean;
  /** A new segment is cut after this many clauses (bounds memory while ingesting). */
  segmentClauses?: number;
  mergePolicy?: Partial<MergePolicyOptions>;
}

export interface SearchOptions extends SearchFilters {
  /** At most this many hits (default 10). */
  limit?: number;
}

export interface DocumentListing {
  id: string;
  source: string;
  kind: string;
  symbol: string | null;
  title: string | null;
  clauses: number;
}

export interface IngestOptions {
  onProgress?: (done: number, total: number) => void;
}

const DEFAULT_SEGMENT_CLAUSES = 50_000;
/** Longest stretch of synchronous work between two turns of the event loop (the lock refreshes its mtime there). */
const YIELD_EVERY_MS = 50;

interface CatalogEntry {
  segment: number;
  doc: number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function randomTag(): string {
  return Math.floor(Math.random() * 0x1000000)
    .toString(16)
    .padStart(6, '0');
}

function asIndexError(err: unknown, dir: string): Error {
  if (err instanceof UnresError) return err;
  return new IndexError(`cannot write the index at ${dir}: ${(err as Error).message}${notWritableHint(err)}`);
}

export class UnresIndex {
  private body: ManifestBody = emptyManifest();
  private segments: DiskSegment[] = [];
  private catalog = new Map<string, CatalogEntry>();
  private sources = new Set<string>();
  private damage: IndexError | null = null;
  /** Stored documents the last rebuild() could not read back (their files must be ingested again). */
  unreadableOnRebuild = 0;
  private readonly mergePolicy: MergePolicyOptions;
  private readonly segmentClauses: number;

  private constructor(
    readonly dir: string,
    options: OpenOptions,
  ) {
    this.mergePolicy = { ...DEFAULT_MERGE_POLICY, ...options.mergePolicy };
    this.segmentClauses = Math.max(1, options.segmentClauses ?? DEFAULT_SEGMENT_CLAUSES);
  }

  /**
   * Opens the index in `dir`. A missing index is an IndexError unless
   * `create`. A damaged index, or one of another format version, opens, but
   * every operation except rebuild() then throws the IndexError that says
   * what is wrong and how to rebuild: `unres ingest --rebuild` must be able to
   * open what it repairs.
   */
  static async open(dir: string, opts: OpenOptions = {}): Promise<UnresIndex> {
    const index = new UnresIndex(resolve(dir), opts);
    const exists = index.load();
    if (!exists && !opts.create) {
      throw new IndexError(`no index at ${index.dir}: run \`unres ingest <files>\` first`);
    }
    return index;
  }

  /** Reads the manifest and segment metadata; returns whether an index (even damaged) is there. */
  private load(): boolean {
    this.close();
    this.damage = null;
    for (let attempt = 0; ; attempt++) {
      try {
        const body = readManifest(this.dir);
        if (body === null) {
          if (this.segmentDirectories().length > 0) {
            throw new IndexError(`the index at ${this.dir} is damaged (manifest.json is missing): run \`unres ingest --rebuild\``);
          }
          this.setState(emptyManifest(), []);
          return false;
        }
        this.setState(body, body.segments.map((entry) => new DiskSegment(this.dir, entry)));
        return true;
      } catch (err) {
        // A writer may have committed and swept a segment between our two reads: read again.
        if (err instanceof SegmentMissingError && attempt < 3) continue;
        if (!(err instanceof IndexError)) throw err;
        this.setState(emptyManifest(), []);
        this.damage = err;
        return true;
      }
    }
  }

  private setState(body: ManifestBody, segments: DiskSegment[]): void {
    this.body = body;
    this.segments = segments;
    this.catalog = new Map();
    this.sources = new Set();
    segments.forEach((segment, s) => {
      segment.meta.docs.forEach((doc, d) => {
        if (segment.deletedDocs.has(d)) return;
        this.catalog.set(doc.id, { segment: s, doc: d });
        this.sources.add(doc.sha256);
      });
    });
  }

  private segmentDirectories(): string[] {
    try {
      return readdirSync(segmentsPath(this.dir)).filter((name) => SEGMENT_NAME.test(name));
    } catch {
      return [];
    }
  }

  private usable(): void {
    if (this.damage) throw this.damage;
  }

  /** Has a document from a file with these bytes been stored? Lets the CLI skip parsing unchanged files. */
  hasSource(sha256: string): boolean {
    this.usable();
    return this.sources.has(sha256);
  }

  async list(): Promise<DocumentListing[]> {
    this.usable();
    const out: DocumentListing[] = [];
    for (const { segment, doc } of this.catalog.values()) {
      const entry = this.segments[segment]!.meta.docs[doc]!;
      out.push({ id: entry.id, source: entry.source, kind: entry.kind, symbol: entry.symbol, title: entry.title, clauses: entry.clauseCount });
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async get(id: string): Promise<UnresDocument | null> {
    for (let attempt = 0; ; attempt++) {
      this.usable();
      const found = this.catalog.get(id);
      if (!found) return null;
      const segment = this.segments[found.segment]!;
      try {
        return JSON.parse(segment.docLine(found.doc)) as UnresDocument;
      } catch (err) {
        // As in search: a writer replaced the document or merged its segment away since we loaded. Read the new index.
        if (err instanceof SegmentMissingError && attempt < 3 && this.manifestChanged()) {
          this.load();
          continue;
        }
        if (err instanceof IndexError) throw err;
        throw new IndexError(`the index at ${this.dir} is damaged (stored document ${id} unreadable): run \`unres ingest --rebuild\``);
      }
    }
  }

  /** Numbers for tests, benchmarks and `unres list`-style summaries. */
  stats(): { documents: number; clauses: number; segments: number; deletedDocuments: number; generation: number } {
    this.usable();
    let clauses = 0;
    for (const { segment, doc } of this.catalog.values()) clauses += this.segments[segment]!.meta.docs[doc]!.clauseCount;
    const deletedDocuments = this.body.segments.reduce((sum, s) => sum + s.deleted.length, 0);
    return { documents: this.catalog.size, clauses, segments: this.segments.length, deletedDocuments, generation: this.body.generation };
  }

  /**
   * Searches clauses. Hits are best first; `matches` are [start, end) ranges
   * of matched words in `snippet`. Bad syntax, a bad filter or limit is a
   * UsageError; see src/search/query.ts for empty, stop-word-only and long
   * queries.
   */
  async search(query: string, opts: SearchOptions = {}): Promise<EngineHit[]> {
    const plan = planQuery(query);
    const limit = opts.limit ?? 10;
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`bad limit ${String(limit)}: give a whole number of 1 or more`);
    const filters: SearchFilters = {};
    if (opts.kind !== undefined) filters.kind = opts.kind;
    if (opts.doc !== undefined) filters.doc = opts.doc;
    if (opts.cites !== undefined) filters.cites = opts.cites;
    for (let attempt = 0; ; attempt++) {
      this.usable();
      try {
        return assembleHits(this.segments, searchSegments(this.segments, plan, filters, limit));
      } catch (err) {
        // The index moved on while we read it: a merged-away segment was swept. Read the new one.
        if (err instanceof SegmentMissingError && attempt < 3 && this.manifestChanged()) {
          this.load();
          continue;
        }
        throw err;
      }
    }
  }

  private manifestChanged(): boolean {
    try {
      return readManifest(this.dir)?.generation !== this.body.generation;
    } catch {
      return false;
    }
  }

  /** Adds or replaces documents (the id is the key; same id and same source sha256 is a no-op). */
  async ingest(
    docs: Iterable<UnresDocument> | AsyncIterable<UnresDocument>,
    opts: IngestOptions = {},
  ): Promise<IngestSummary> {
    const summary: IngestSummary = { added: 0, updated: 0, unchanged: 0, failed: 0, problems: [] };
    const total = Array.isArray(docs) ? docs.length : 0;
    try {
      await withWriteLock(this.dir, async (lock) => {
        // Under the lock, the index on disk is the truth: another process may have committed since open().
        this.load();
        this.usable();
        const writer = new BatchWriter(this.dir, this.body, this.segmentClauses);
        const catalog = new Map(this.catalog);
        const sources = this.segments;
        let done = 0;
        let lastYield = Date.now();
        for await (const doc of docs as AsyncIterable<UnresDocument>) {
          done++;
          const problem = documentProblem(doc);
          if (problem) {
            summary.failed++;
            summary.problems.push(problem);
          } else {
            const pending = writer.pendingSha(doc.id);
            const old = catalog.get(doc.id);
            const oldSha = old ? sources[old.segment]!.meta.docs[old.doc]!.sha256 : undefined;
            if (pending === doc.source.sha256 || (pending === undefined && oldSha === doc.source.sha256)) {
              summary.unchanged++;
            } else {
              if (pending !== undefined || old) summary.updated++;
              else summary.added++;
              if (old && pending === undefined) writer.deleteCommitted(sources[old.segment]!.name, old.doc);
              writer.add(doc);
            }
          }
          opts.onProgress?.(done, total);
          if (Date.now() - lastYield > YIELD_EVERY_MS) {
            await nextTurn();
            lastYield = Date.now();
          }
        }
        if (writer.changed) await this.commit(writer.finish(), lock);
      });
    } catch (err) {
      throw asIndexError(err, this.dir);
    }
    return summary;
  }

  /** Merges what the policy asks for, commits the manifest, sweeps what it no longer names, reloads. */
  private async commit(body: ManifestBody, lock: HeldLock, mergeAll = false): Promise<void> {
    let next = body;
    for (;;) {
      const candidates = next.segments.map((s) => ({ name: s.name, clauses: s.clauses, liveClauses: liveClauses(this.dir, s) }));
      const names = mergeAll
        ? next.segments.length > 1 || next.segments.some((s) => s.deleted.length > 0)
          ? next.segments.map((s) => s.name)
          : null
        : nextMerge(candidates, this.mergePolicy);
      if (!names) break;
      await nextTurn();
      next = await this.mergeInto(next, names);
      mergeAll = false;
    }
    lock.assertHeld();
    writeManifest(this.dir, { ...next, generation: next.generation + 1 });
    this.sweep(new Set(next.segments.map((s) => s.name)));
    this.load();
  }

  private async mergeInto(body: ManifestBody, names: string[]): Promise<ManifestBody> {
    const chosen = body.segments.filter((s) => names.includes(s.name));
    const sources = chosen.map((entry) => new DiskSegment(this.dir, entry));
    let merged: SegmentData;
    try {
      merged = await mergeSegments(sources);
    } finally {
      for (const s of sources) s.close();
    }
    const segments = body.segments.filter((s) => !names.includes(s.name));
    let nextSegment = body.nextSegment;
    if (merged.meta.docs.length > 0) {
      const entry = writeSegment(this.dir, segmentName(nextSegment++, randomTag()), merged);
      const at = body.segments.findIndex((s) => s.name === names[0]);
      segments.splice(Math.min(at, segments.length), 0, entry);
    }
    return { ...body, nextSegment, segments };
  }

  /** Removes segment directories the manifest no longer names, and staging leftovers of crashed writers. */
  private sweep(keep: ReadonlySet<string>): void {
    // Under the lock no one else is replacing the manifest: any temporary copy of it is a dead writer's.
    for (const name of readdirSync(this.dir)) {
      if (isTempFileOf(MANIFEST_FILE, name)) rmSync(join(this.dir, name), { force: true });
    }
    let names: string[];
    try {
      names = readdirSync(segmentsPath(this.dir));
    } catch {
      return;
    }
    for (const name of names) {
      if (keep.has(name)) continue;
      if (SEGMENT_NAME.test(name) || name.startsWith(STAGING_PREFIX)) {
        rmSync(segmentPath(this.dir, name), { recursive: true, force: true });
      }
    }
  }

  /**
   * Rebuilds the index from the documents it stores, analysing them afresh.
   * Works on a damaged index or one of another version: whatever stored
   * documents can still be read are kept. Returns how many documents the
   * index then holds.
   */
  async rebuild(): Promise<number> {
    try {
      return await withWriteLock(this.dir, async (lock) => {
        const writer = new BatchWriter(this.dir, emptyManifest(), this.segmentClauses);
        const salvage = salvageDocuments(this.dir);
        this.unreadableOnRebuild = salvage.unreadable;
        writer.startCounterAt(salvage.nextSegment);
        let lastYield = Date.now();
        let count = 0;
        for (const doc of salvage.documents()) {
          writer.add(doc);
          count++;
          if (Date.now() - lastYield > YIELD_EVERY_MS) {
            await nextTurn();
            lastYield = Date.now();
          }
        }
        const body = writer.finish();
        body.generation = salvage.generation;
        await this.commit(body, lock);
        return count;
      });
    } catch (err) {
      throw asIndexError(err, this.dir);
    }
  }

  /** Merges every segment into one (and drops replaced documents). */
  async optimize(): Promise<void> {
    try {
      await withWriteLock(this.dir, async (lock) => {
        this.load();
        this.usable();
        if (this.body.segments.length > 0) await this.commit(this.body, lock, true);
      });
    } catch (err) {
      throw asIndexError(err, this.dir);
    }
  }

  /** Closes open segment files (a long-lived process; the CLI just exits). */
  close(): void {
    for (const s of this.segments) s.close();
  }
}

function liveClauses(dir: string, entry: ManifestSegment): number {
  if (entry.deleted.length === 0) return entry.clauses;
  const segment = new DiskSegment(dir, entry);
  let live = entry.clauses;
  for (const d of entry.deleted) live -= segment.meta.docs[d]!.clauseCount;
  segment.close();
  return live;
}

/**
 * Collects one ingest's changes: new documents into new segments (cut every
 * `segmentClauses` clauses and written at once, still uncommitted), and
 * deletions of replaced documents, in committed and in new segments.
 */
class BatchWriter {
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
    this.counter = base.nextSegment;
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

  add(doc: UnresDocument): void {
    const previous = this.pending.get(doc.id);
    if (previous) {
      if (previous.written < 0) this.builderDeleted.add(previous.doc);
      else this.written[previous.written]!.deleted.push(previous.doc);
    }
    const ordinal = this.builder.add(doc);
    this.pending.set(doc.id, { written: -1, doc: ordinal, sha256: doc.source.sha256 });
    this.builderIds.set(doc.id, ordinal);
    this.changed = true;
    if (this.builder.clauseCount >= this.segmentClauses) this.flush();
  }

  private flush(): void {
    if (this.builder.docCount === 0) return;
    const entry = writeSegment(this.dir, segmentName(this.counter++, randomTag()), this.builder.finish());
    entry.deleted = [...this.builderDeleted].sort((a, b) => a - b);
    const index = this.written.push(entry) - 1;
    for (const [id, doc] of this.builderIds) {
      const p = this.pending.get(id)!;
      if (p.written < 0 && p.doc === doc) p.written = index;
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
    return { generation: this.base.generation, nextSegment: this.counter, segments: [...kept, ...fresh] };
  }
}
