// The index on disk, as the CLI uses it. Reading (search, list, get) takes no
// lock and reads only what it needs (src/store/reader.ts); writing (ingest,
// rebuild, optimize) holds the write lock, re-reads the manifest under it,
// writes new immutable segments (src/store/writer.ts), and commits by
// replacing the manifest atomically (src/store/commit.ts). A crash or a kill
// before that rename leaves the previous index as it was; leftovers are swept
// by the next writer. Rebuild is src/store/rebuild.ts.
//
// This module must never import the parser (src/structure) or unified: the
// search path stays light.

import { resolve } from 'node:path';
import { IndexError, UnresError, UsageError } from '../errors.js';
import type { EngineHit } from '../search/hits.js';
import { planQuery } from '../search/query.js';
import type { SearchFilters } from '../search/searcher.js';
import type { UnresDocument } from '../types.js';
import { YIELD_EVERY_MS, commit, nextTurn } from './commit.js';
import { LostCommitError, currentGeneration, lostCommit } from './claim.js';
import { type HeldLock, notWritableHint, withWriteLock } from './lock.js';
import { DEFAULT_MERGE_POLICY, type MergePolicyOptions } from './merge-policy.js';
import { IndexSnapshot, type DocumentListing } from './reader.js';
import { rebuildUnderLock } from './rebuild.js';
import { documentProblem } from './validate.js';
import { BatchWriter } from './writer.js';

export type { EngineHit } from '../search/hits.js';
export type { DocumentListing } from './reader.js';

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

export interface IngestOptions {
  onProgress?: (done: number, total: number) => void;
}

const DEFAULT_SEGMENT_CLAUSES = 50_000;

function asIndexError(err: unknown, dir: string): Error {
  if (err instanceof UnresError) return err;
  return new IndexError(`cannot write the index at ${dir}: ${(err as Error).message}${notWritableHint(err)}`);
}

/** Tries of a batch whose commit another writer overtook (src/store/claim.ts). */
const LOST_COMMIT_RETRIES = 3;

/**
 * For the lost-update trials only: UNRES_TEST_BLOCK_MS blocks the event loop
 * that long just before committing, as a very long synchronous write would
 * (the lock cannot be refreshed meanwhile). Once per process.
 */
let heldForTests = false;
function holdForTests(): void {
  const ms = Number(process.env.UNRES_TEST_BLOCK_MS);
  if (heldForTests || !Number.isFinite(ms) || ms <= 0) return;
  heldForTests = true;
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy: nothing else runs
  }
}

export class UnresIndex {
  private readonly snapshot: IndexSnapshot;
  /** Stored documents the last rebuild() could not read back (their files must be ingested again). */
  unreadableOnRebuild = 0;
  private readonly mergePolicy: MergePolicyOptions;
  private readonly segmentClauses: number;

  private constructor(
    readonly dir: string,
    options: OpenOptions,
  ) {
    this.snapshot = new IndexSnapshot(dir);
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
    const exists = index.snapshot.load();
    if (!exists && !opts.create) {
      throw new IndexError(`no index at ${index.dir}: run \`unres ingest <files>\` first`);
    }
    return index;
  }

  /** Has a document from a file with these bytes been stored? Lets the CLI skip parsing unchanged files. */
  hasSource(sha256: string): boolean {
    this.snapshot.usable();
    return this.snapshot.sources.has(sha256);
  }

  async list(): Promise<DocumentListing[]> {
    return this.snapshot.list();
  }

  async get(id: string): Promise<UnresDocument | null> {
    return this.snapshot.get(id);
  }

  /** Numbers for tests, benchmarks and `unres list`-style summaries. */
  stats(): { documents: number; clauses: number; segments: number; deletedDocuments: number; generation: number } {
    const s = this.snapshot;
    s.usable();
    let clauses = 0;
    for (const { entry } of s.catalog.values()) clauses += entry.clauseCount;
    const deletedDocuments = s.body.segments.reduce((sum, seg) => sum + seg.deleted.length, 0);
    return { documents: s.catalog.size, clauses, segments: s.segments.length, deletedDocuments, generation: s.body.generation };
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
    if (opts.since !== undefined) filters.since = opts.since;
    if (opts.until !== undefined) filters.until = opts.until;
    return this.snapshot.search(plan, filters, limit);
  }

  /** Adds or replaces documents (the id is the key; same id and same source sha256 is a no-op). */
  async ingest(
    docs: Iterable<UnresDocument> | AsyncIterable<UnresDocument>,
    opts: IngestOptions = {},
  ): Promise<IngestSummary> {
    // A batch given as a list can be replayed: when another writer committed while this one was paused or
    // slow (its lock taken over), it is done again on top of what that writer committed.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.ingestOnce(docs, opts);
      } catch (err) {
        if (!(err instanceof LostCommitError) || !Array.isArray(docs) || attempt >= LOST_COMMIT_RETRIES) throw err;
      }
    }
  }

  private async ingestOnce(docs: Iterable<UnresDocument> | AsyncIterable<UnresDocument>, opts: IngestOptions): Promise<IngestSummary> {
    const summary: IngestSummary = { added: 0, updated: 0, unchanged: 0, failed: 0, problems: [] };
    try {
      await withWriteLock(this.dir, async (lock) => {
        const expected = currentGeneration(this.dir);
        try {
          await this.writeUnderLock(docs, opts, summary, lock, expected);
        } catch (err) {
          // A writer that took the lock over may have swept this one's unfinished segments: that is a lost commit too.
          if (!(err instanceof LostCommitError) && currentGeneration(this.dir) !== expected) throw lostCommit(this.dir, (err as Error).message);
          throw err;
        }
      });
    } catch (err) {
      throw asIndexError(err, this.dir);
    }
    return summary;
  }

  private async writeUnderLock(
    docs: Iterable<UnresDocument> | AsyncIterable<UnresDocument>,
    opts: IngestOptions,
    summary: IngestSummary,
    lock: HeldLock,
    expected: number | null,
  ): Promise<void> {
    const total = Array.isArray(docs) ? docs.length : 0;
    const snap = this.snapshot;
    // Under the lock, the index on disk is the truth: another process may have committed since open().
    snap.load();
    snap.usable();
    const writer = new BatchWriter(this.dir, snap.body, this.segmentClauses);
    const catalog = new Map(snap.catalog);
    const segments = snap.segments;
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
        const oldSha = old?.entry.sha256;
        if (pending === doc.source.sha256 || (pending === undefined && oldSha === doc.source.sha256)) {
          summary.unchanged++;
        } else {
          if (pending !== undefined || old) summary.updated++;
          else summary.added++;
          if (old && pending === undefined) writer.deleteCommitted(segments[old.segment]!.name, old.doc);
          writer.add(doc);
        }
      }
      opts.onProgress?.(done, total);
      if (Date.now() - lastYield > YIELD_EVERY_MS) {
        await nextTurn();
        lastYield = Date.now();
      }
    }
    holdForTests();
    if (writer.changed) {
      await commit(this.dir, writer.finish(), lock, this.mergePolicy, expected);
      snap.load();
    }
  }

  /**
   * Rebuilds the index from the documents it stores, analysing them afresh.
   * Works on a damaged index or one of another version: whatever stored
   * documents can still be read are kept. Returns how many documents the
   * index then holds.
   */
  async rebuild(): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await withWriteLock(this.dir, async (lock) => {
          const expected = currentGeneration(this.dir);
          let result;
          try {
            result = await rebuildUnderLock(this.dir, lock, this.segmentClauses, this.mergePolicy);
          } catch (err) {
            if (!(err instanceof LostCommitError) && currentGeneration(this.dir) !== expected) throw lostCommit(this.dir, (err as Error).message);
            throw err;
          }
          this.unreadableOnRebuild = result.unreadable;
          this.snapshot.load();
          return result.documents;
        });
      } catch (err) {
        // Rebuilding again on top of what the other writer committed is safe: it starts from the stored documents.
        if (err instanceof LostCommitError && attempt < LOST_COMMIT_RETRIES) continue;
        throw asIndexError(err, this.dir);
      }
    }
  }

  /** Merges every segment into one (and drops replaced documents). */
  async optimize(): Promise<void> {
    const snap = this.snapshot;
    try {
      await withWriteLock(this.dir, async (lock) => {
        const expected = currentGeneration(this.dir);
        snap.load();
        snap.usable();
        if (snap.body.segments.length > 0) {
          await commit(this.dir, snap.body, lock, this.mergePolicy, expected, true);
          snap.load();
        }
      });
    } catch (err) {
      throw asIndexError(err, this.dir);
    }
  }

  /** Closes open segment files (a long-lived process; the CLI just exits). */
  close(): void {
    this.snapshot.close();
  }
}
