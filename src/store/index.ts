// The index on disk, as the CLI uses it. Reading (search, list, get) takes no
// lock and reads only what it needs (src/store/reader.ts); writing (ingest,
// rebuild, optimize) holds the write lock, re-reads the manifest under it,
// writes new immutable segments (src/store/writer.ts), and commits by
// replacing the manifest atomically (src/store/commit.ts). A crash or a kill
// before that rename leaves the previous index as it was; leftovers are swept
// by the next writer. Rebuild is src/store/rebuild.ts.
//
// This module must never import the parser (src/structure) or unified: the
// search path stays light. The writer's side (lock, commit, identity, segment
// building and merging: src/store/write-side.ts) is imported on the first
// write, so a search does not load it either.

import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { IndexError, UnresError, UsageError } from '../errors.js';
import type { EngineHit } from '../search/hits.js';
import { planQuery } from '../search/query.js';
import type { SearchFilters } from '../search/searcher.js';
import type { UnresDocument } from '../types.js';
import type { Identity, KnownDocument, KnownLookup, Outcome } from './identity.js';
import type { HeldLock } from './lock.js';
import type { RebuildResult } from './rebuild.js';
import { DEFAULT_MERGE_POLICY, type MergePolicyOptions } from './merge-policy.js';
import { type CatalogEntry, IndexSnapshot, type DocumentListing } from './reader.js';
import type { BatchWriter } from './writer.js';
import type { BackgroundMerges, MergeRunner } from './background-merges.js';
import { baseName, fsPath } from '../files.js';

export type { EngineHit } from '../search/hits.js';
export type { DocumentListing } from './reader.js';
export type { RebuildResult } from './rebuild.js';

export interface IngestSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Files whose text another file already brought: one document, one more path. */
  duplicate: number;
  failed: number;
  /** Documents removed (by prune or remove). */
  removed: number;
  /** Stored texts parsed again at the caller's request (`ingest --reparse`): same id, same files, the new parser's structure. */
  reparsed: number;
  /** One line per failed document, and warnings. */
  problems: string[];
  /** One line per stored text replaced by another file's: `<id>: replaced (was a.txt, now b.txt)`. */
  replaced: string[];
}

/** One file to ingest: where it is, its bytes' sha256, and its document (parsed now, or on demand). */
export interface IngestEntry {
  /** The file's absolute path; null for standard input. */
  path: string | null;
  sha256: string;
  doc?: UnresDocument;
  /** Parses the file, when the store needs the document it was not given (its text was thought stored). */
  load?: () => Promise<UnresDocument>;
  /** The file's mode: the index folder is narrowed to what the file allows before its text is written. */
  mode?: number;
  /** Replace the stored document of this text with `doc` even when the text is stored (`ingest --reparse`). */
  reparse?: boolean;
}

export interface IngestFilesOptions extends IngestOptions {
  /** Files in the whole run, for onProgress. */
  total?: number;
  /** Afterwards, forget every recorded file that is gone, and documents no file holds any more. */
  prune?: boolean;
  /** Afterwards, remove these documents. */
  remove?: readonly string[];
  /** Whether a recorded file is still there (tests replace it). */
  exists?: (path: string) => boolean;
}

export interface OpenOptions {
  /** Open a missing index as empty (it is written on the first ingest). */
  create?: boolean;
  /** A new segment is cut after this many clauses (bounds memory while ingesting). */
  segmentClauses?: number;
  mergePolicy?: Partial<MergePolicyOptions>;
  /** Runs background merges instead of the merge thread (tests hold a merge running with it). */
  mergeRunner?: MergeRunner;
}

export interface SearchOptions extends SearchFilters {
  /** At most this many hits (default 10). */
  limit?: number;
  /** Told when no clause holds a symbol or resolution the query names whole, and the hits are for its parts. */
  onParts?: () => void;
}

export interface IngestOptions {
  onProgress?: (done: number, total: number) => void;
  /**
   * One batch of a long run, not its last: the merge the policy asks for runs
   * on its own thread beside the next batches (src/store/background-merges.ts).
   * The run's next ingestFiles without it waits for that merge and takes it in.
   */
  mergeInBackground?: boolean;
}

const DEFAULT_SEGMENT_CLAUSES = 50_000;

type WriteSide = typeof import('./write-side.js');
let writeSideModule: WriteSide | null = null;

/** The writer's modules, imported on first use. */
async function loadWriteSide(): Promise<WriteSide> {
  return (writeSideModule ??= await import('./write-side.js'));
}

/** The writer's modules, once a write has loaded them. */
function writeSide(): WriteSide {
  if (!writeSideModule) throw new Error('the write side is used before it was loaded');
  return writeSideModule;
}

function fileExists(path: string): boolean {
  return isAbsolute(path) ? existsSync(fsPath(path)) : true;
}

/**
 * The documents committed when a write began, less those it replaced so far:
 * each looked up when a file names it (src/store/reader.ts find/idOfSource),
 * never all read.
 */
class CommittedDocuments implements KnownLookup {
  private readonly gone = new Set<string>();

  constructor(private readonly snap: IndexSnapshot) {}

  get(id: string): CatalogEntry | undefined {
    return this.gone.has(id) ? undefined : this.snap.find(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  delete(id: string): void {
    this.gone.add(id);
  }

  byId(id: string): KnownDocument | undefined {
    const found = this.snap.find(id);
    return found && { id: found.entry.id, sha256: found.entry.sha256, symbol: found.entry.symbol, source: found.entry.source };
  }

  idOfText(sha256: string): string | undefined {
    return this.snap.idOfSource(sha256);
  }
}

function asIndexError(err: unknown, dir: string): Error {
  if (err instanceof UnresError) return err;
  return new IndexError(`cannot write the index at ${dir}: ${(err as Error).message}${writeSide().notWritableHint(err)}`);
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
  private readonly mergePolicy: MergePolicyOptions;
  private readonly segmentClauses: number;
  /** Merges running beside this process's ingest batches (mergeInBackground). */
  private merges: BackgroundMerges | null = null;
  private readonly mergeRunner: MergeRunner | null;

  private constructor(
    readonly dir: string,
    options: OpenOptions,
  ) {
    this.snapshot = new IndexSnapshot(dir);
    this.mergePolicy = { ...DEFAULT_MERGE_POLICY, ...options.mergePolicy };
    this.segmentClauses = Math.max(1, options.segmentClauses ?? DEFAULT_SEGMENT_CLAUSES);
    this.mergeRunner = options.mergeRunner ?? null;
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

  /**
   * Is this file (absolute path, null for standard input) with these bytes
   * stored as it is, its record sound? Then ingesting it again changes
   * nothing, and needs no lock.
   */
  unchanged(sha256: string, path: string | null): boolean {
    const snap = this.snapshot;
    snap.usable();
    const id = snap.idOfSource(sha256);
    if (id === undefined) return false;
    // A path the index has not recorded (a copy, or an index rebuilt without its
    // paths table) goes the slow way, through Identity.known, which records it.
    if (path !== null && !snap.paths().of(id).includes(path)) return false;
    return snap.verify(id);
  }

  /** Has a document from a file with these bytes been stored? Lets the CLI skip parsing unchanged files. */
  hasSource(sha256: string): boolean {
    this.snapshot.usable();
    return this.snapshot.idOfSource(sha256) !== undefined;
  }

  /** Does the index hold a document with exactly this id? (A lookup: no document is listed.) */
  holds(id: string): boolean {
    this.snapshot.usable();
    return this.snapshot.find(id) !== undefined;
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
    if (opts.docIds !== undefined) filters.docIds = opts.docIds;
    if (opts.cites !== undefined) filters.cites = opts.cites;
    if (opts.since !== undefined) filters.since = opts.since;
    if (opts.until !== undefined) filters.until = opts.until;
    const hits = this.snapshot.search(plan, filters, limit);
    // A symbol or resolution no clause holds: its parts, rather than nothing (QueryPlan.fallback).
    if (hits.length > 0 || !plan.fallback) return hits;
    opts.onParts?.();
    return this.snapshot.search(plan.fallback, filters, limit);
  }

  /** Adds documents, each keyed by its `source.path` and `source.sha256` (see ingestFiles). */
  async ingest(docs: Iterable<UnresDocument> | AsyncIterable<UnresDocument>, opts: IngestOptions = {}): Promise<IngestSummary> {
    const entry = (doc: UnresDocument): IngestEntry => {
      const source = (doc as Partial<UnresDocument> | null)?.source;
      return { path: typeof source?.path === 'string' && isAbsolute(source.path) ? source.path : null, sha256: String(source?.sha256), doc };
    };
    if (Array.isArray(docs)) return this.ingestFiles((docs as UnresDocument[]).map(entry), { ...opts, total: docs.length });
    const entries = async function* (): AsyncIterable<IngestEntry> {
      for await (const doc of docs as AsyncIterable<UnresDocument>) yield entry(doc);
    };
    return this.ingestFiles(entries(), opts);
  }

  /**
   * Adds files' texts under the identity rule of src/store/identity.ts, in
   * one commit: a file whose text is stored is unchanged (or a duplicate of
   * another file), a new text is added, a changed file updates. `prune`
   * then forgets every recorded file that is gone, `remove` drops documents.
   * A stored record that fails its checksum is never trusted: its text is
   * parsed and stored again.
   */
  async ingestFiles(entries: Iterable<IngestEntry> | AsyncIterable<IngestEntry>, opts: IngestFilesOptions = {}): Promise<IngestSummary> {
    await loadWriteSide();
    // A batch given as a list can be replayed: when another writer committed while this one was paused or
    // slow (its lock taken over), it is done again on top of what that writer committed.
    const tries = Array.isArray(entries) ? LOST_COMMIT_RETRIES : 1;
    try {
      return await writeSide().writeWithRetry(this.dir, tries, async (lock, expected) => {
        const summary: IngestSummary = { added: 0, updated: 0, unchanged: 0, duplicate: 0, failed: 0, removed: 0, reparsed: 0, problems: [], replaced: [] };
        await this.writeUnderLock(entries, opts, summary, lock, expected);
        return summary;
      });
    } catch (err) {
      throw asIndexError(err, this.dir);
    }
  }

  private async writeUnderLock(
    entries: Iterable<IngestEntry> | AsyncIterable<IngestEntry>,
    opts: IngestFilesOptions,
    summary: IngestSummary,
    lock: HeldLock,
    expected: number | null,
  ): Promise<void> {
    const snap = this.snapshot;
    const exists = opts.exists ?? fileExists;
    // Under the lock, the index on disk is the truth: another process may have committed since open().
    snap.load();
    snap.usable();
    const writer = new (writeSide().BatchWriter)(this.dir, snap.body, this.segmentClauses);
    const committed = new CommittedDocuments(snap);
    const segments = snap.segments;
    const dropStored = (id: string): void => {
      const old = committed.get(id);
      if (old) {
        writer.deleteCommitted(segments[old.segment]!.name, old.doc);
        committed.delete(id);
      } else writer.removePending(id);
    };
    const identity = new (writeSide().Identity)(committed, snap.paths(), dropStored);
    let done = 0;
    let lastYield = Date.now();
    let denied = 0;
    for await (const entry of entries as AsyncIterable<IngestEntry>) {
      done++;
      if (entry.mode !== undefined && (writeSide().deniedBy(entry.mode) & ~denied) !== 0) {
        denied |= writeSide().deniedBy(entry.mode);
        writeSide().restrictFolder(this.dir, denied, entry.path ?? 'standard input');
      }
      try {
        const outcome = await this.ingestOne(entry, identity, writer, committed, exists, summary, dropStored);
        summary[outcome]++;
      } catch (err) {
        if (err instanceof IndexError) throw err;
        summary.failed++;
        summary.problems.push(`${entry.path ?? 'standard input'}: ${(err as Error).message}`);
      }
      opts.onProgress?.(done, opts.total ?? 0);
      if (Date.now() - lastYield > writeSide().YIELD_EVERY_MS) {
        await writeSide().nextTurn();
        lastYield = Date.now();
      }
    }
    if (opts.prune) summary.removed += identity.prune(exists).length;
    for (const id of opts.remove ?? []) {
      if (identity.has(id)) {
        identity.remove(id);
        summary.removed++;
      }
    }
    holdForTests();
    const background = opts.mergeInBackground === true;
    if (background) this.merges ??= new (writeSide().BackgroundMerges)(this.mergeRunner);
    // A finished background merge is taken in even by a batch that changed nothing; the run's last batch waits for a running one.
    const takeMerge = this.merges !== null && (this.merges.settled || (this.merges.active && !background));
    if (writer.changed || identity.changed || takeMerge) {
      await writeSide().commit(this.dir, writer.finish(), lock, this.mergePolicy, expected, { paths: { changes: identity.changes() }, merges: this.merges, background });
      snap.load();
    }
  }

  private async ingestOne(
    entry: IngestEntry,
    identity: Identity,
    writer: BatchWriter,
    committed: { has(id: string): boolean },
    exists: (path: string) => boolean,
    summary: IngestSummary,
    dropStored: (id: string) => void,
  ): Promise<Outcome | 'failed' | 'reparsed'> {
    const storedId = identity.idOfText(entry.sha256);
    // Never trust a stored hash over a record that fails verification: drop the record, store the text again.
    if (storedId !== undefined && committed.has(storedId) && !this.snapshot.verify(storedId)) {
      summary.problems.push(`warning: stored document ${storedId} failed its checksum; stored again from ${entry.path ?? 'standard input'}`);
      identity.remove(storedId);
    }
    const known = identity.known(entry.sha256, entry.path);
    // Parsed again on request: the committed document of this text makes way for the new parse under its id,
    // its files kept (a text brought twice in one run is parsed again once).
    if (known && !(entry.reparse && committed.has(known.id))) return known.outcome;
    const doc = entry.doc ?? (await entry.load?.());
    if (doc === undefined) throw new Error('its text is no longer stored: ingest it again');
    const problem = writeSide().documentProblem(doc);
    if (problem) {
      summary.problems.push(problem);
      return 'failed';
    }
    if (known) {
      dropStored(known.id);
      writer.add(known.id === doc.id ? doc : writeSide().withId(doc, known.id));
      return 'reparsed';
    }
    const placed = identity.place(
      { id: doc.id, sha256: doc.source.sha256, symbol: doc.symbol ?? null, source: baseName(doc.source.path) },
      entry.path,
      exists,
    );
    if (placed.replaced) summary.replaced.push(placed.replaced);
    writer.add(placed.id === doc.id ? doc : writeSide().withId(doc, placed.id));
    return placed.outcome;
  }

  /** Is a background merge running, or waiting to be taken in by the next ingestFiles? */
  get mergesActive(): boolean {
    return this.merges?.active === true;
  }

  /** Stops a background merge without waiting (an interrupted run): what it wrote is swept later. */
  async abandonMerges(): Promise<void> {
    await this.merges?.abandon();
  }

  /** Removes documents by id (unknown ids are ignored); returns how many went. */
  async remove(ids: readonly string[]): Promise<number> {
    const summary = await this.ingestFiles([], { remove: ids });
    return summary.removed;
  }

  /**
   * Rebuilds the index from the documents it stores, analysing them afresh.
   * Works on a damaged index or one of another version: whatever stored
   * documents can still be read are kept. Returns how many documents the
   * index then holds, and what could not be kept.
   */
  async rebuild(): Promise<RebuildResult> {
    await loadWriteSide();
    await this.abandonMerges();
    try {
      // Rebuilding again on top of what another writer committed is safe: it starts from the stored documents.
      const result = await writeSide().writeWithRetry(this.dir, LOST_COMMIT_RETRIES, (lock, expected) =>
        writeSide().rebuildUnderLock(this.dir, lock, expected, this.segmentClauses, this.mergePolicy),
      );
      this.snapshot.load();
      return result;
    } catch (err) {
      throw asIndexError(err, this.dir);
    }
  }

  /** Merges every segment into one (and drops replaced documents). */
  async optimize(): Promise<void> {
    await loadWriteSide();
    await this.abandonMerges();
    const snap = this.snapshot;
    try {
      await writeSide().writeWithRetry(this.dir, LOST_COMMIT_RETRIES, async (lock, expected) => {
        snap.load();
        snap.usable();
        if (snap.body.segments.length > 0) {
          await writeSide().commit(this.dir, snap.body, lock, this.mergePolicy, expected, { mergeAll: true });
          snap.load();
        }
      });
    } catch (err) {
      throw asIndexError(err, this.dir);
    }
  }

  /** Closes open segment files (a long-lived process; the CLI just exits). */
  close(): void {
    void this.abandonMerges();
    this.snapshot.close();
  }
}
