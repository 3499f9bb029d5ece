// What a reader sees of the index: one manifest generation, its segments and
// the catalog of live documents. Loading takes no lock; a reader that finds a
// segment gone (a writer committed and swept it) reloads and tries again.
//
// This module must never import the parser (src/structure) or unified: the
// search path stays light.

import { readdirSync } from 'node:fs';
import { IndexError } from '../errors.js';
import { assembleHits, type EngineHit } from '../search/hits.js';
import type { QueryPlan } from '../search/query.js';
import { type SearchFilters, searchSegments } from '../search/searcher.js';
import { preferKind, preferenceDepth } from '../search/prefer-kind.js';
import type { DocKeyIndex } from '../index/format/doc-keys.js';
import type { DocEntry } from '../index/format/docs.js';
import type { UnresDocument } from '../types.js';
import { SEGMENT_NAME, segmentsPath } from './layout.js';
import { lockHeldNow } from './lock-state.js';
import { type ManifestBody, emptyManifest, readManifest } from './manifest.js';
import { PathStore, type PathTable, PathsMissingError } from './paths.js';
import { DiskSegment, SegmentMissingError } from './segment-files.js';

export interface CatalogEntry {
  segment: number;
  doc: number;
  entry: DocEntry;
}

export interface DocumentListing {
  id: string;
  source: string;
  /** Every file recorded as holding the document's text (absolute paths; none for standard input). */
  paths: string[];
  kind: string;
  symbol: string | null;
  title: string | null;
  clauses: number;
}

interface SegmentKeys {
  lookups: number;
  index: { id: DocKeyIndex; sha256: DocKeyIndex } | null;
}

/** Lookups in a segment answered by binary search before its keys are indexed in memory (plus one per 256 documents: building reads them all). */
const KEY_INDEX_AFTER = 16;

/** How often a reader re-reads an index that moved on under it before giving up. */
const RETRIES = 3;

export class IndexSnapshot {
  /** Set by load(), which UnresIndex.open calls first (not an emptyManifest() here: its random identity would load node:crypto in every search). */
  body!: ManifestBody;
  segments: DiskSegment[] = [];
  /** Live documents by id and the sha256 of their sources: built when first needed (search does not need them). */
  private catalogCache: Map<string, CatalogEntry> | null = null;
  private sourcesCache: Map<string, string> | null = null;
  private pathStore: PathStore | null = null;
  private pathTable: PathTable | null = null;
  /** Document tables of segments read so far (segments never change; only their deletions do). */
  private readonly entriesBySegment = new Map<string, DocEntry[]>();
  /** Per segment, lookups by id or sha256 so far and, once they are many, the key indexes that answer them. */
  private readonly keysBySegment = new Map<string, SegmentKeys>();
  /** Set when the index is damaged or of another version: every use but rebuild throws it. */
  damage: IndexError | null = null;

  constructor(readonly dir: string) {}

  /** Reads the manifest and segment metadata; returns whether an index (even damaged) is there. */
  load(): boolean {
    this.close();
    this.damage = null;
    for (let attempt = 0; ; attempt++) {
      try {
        const body = readManifest(this.dir);
        if (body === null) {
          // Segments but no manifest: a first commit under way (its writer holds the lock), else damage.
          if (this.segmentDirectories().length > 0 && !lockHeldNow(this.dir)) {
            throw new IndexError(`the index at ${this.dir} is damaged (manifest.json is missing): run \`unres ingest --rebuild\``);
          }
          this.setState(emptyManifest(), []);
          return false;
        }
        this.setState(body, body.segments.map((entry) => new DiskSegment(this.dir, entry, body.identity)));
        return true;
      } catch (err) {
        // A writer may have committed and swept a segment between our two reads: read again.
        if (err instanceof SegmentMissingError && attempt < RETRIES) continue;
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
    this.catalogCache = null;
    this.sourcesCache = null;
    this.pathStore?.close();
    this.pathStore = null;
    this.pathTable = null;
    const names = new Set(segments.map((s) => s.name));
    for (const name of this.entriesBySegment.keys()) if (!names.has(name)) this.entriesBySegment.delete(name);
    for (const name of this.keysBySegment.keys()) if (!names.has(name)) this.keysBySegment.delete(name);
  }

  /**
   * Ordinals of the documents of a segment whose id (or source sha256) is
   * `wanted`. A few lookups binary-search the document table (an add of one
   * file reads a few pages); once a segment has answered many, which an
   * ingest of a folder does for every file, its keys are hashed into memory
   * once (src/index/format/doc-keys.ts) and each lookup reads only its hit.
   */
  private docsWith(segment: DiskSegment, field: 'id' | 'sha256', wanted: string): number[] {
    let keys = this.keysBySegment.get(segment.name);
    if (!keys) this.keysBySegment.set(segment.name, (keys = { lookups: 0, index: null }));
    const table = segment.docs();
    if (!keys.index && ++keys.lookups >= KEY_INDEX_AFTER + table.count / 256) keys.index = table.keyIndexes();
    if (!keys.index) return field === 'id' ? table.findId(wanted) : table.findSha256(wanted);
    return keys.index[field].candidates(wanted).filter((d) => table.keys(d)[field] === wanted);
  }

  /** Live documents by id. */
  get catalog(): Map<string, CatalogEntry> {
    return this.retrying(() => this.buildCatalog());
  }

  /** sha256 of every live document's source -> the document's id. */
  get sources(): Map<string, string> {
    if (!this.sourcesCache) void this.catalog;
    return this.sourcesCache!;
  }

  /**
   * The live document with this id, found by binary search in each segment's
   * document table (documents are in id order): an ingest of a few files
   * into a large index reads a few pages, not every document's entry.
   */
  find(id: string): CatalogEntry | undefined {
    if (this.catalogCache) return this.catalogCache.get(id);
    return this.retrying(() => {
      for (let s = 0; s < this.segments.length; s++) {
        const segment = this.segments[s]!;
        for (const d of this.docsWith(segment, 'id', id)) {
          if (!segment.deletedDocs.has(d)) return { segment: s, doc: d, entry: segment.doc(d) };
        }
      }
      return undefined;
    });
  }

  /** The id of the live document whose source has this sha256 (binary search in each segment's sha256 order). */
  idOfSource(sha256: string): string | undefined {
    if (this.sourcesCache) return this.sourcesCache.get(sha256);
    return this.retrying(() => {
      for (const segment of this.segments) {
        for (const d of this.docsWith(segment, 'sha256', sha256)) {
          if (!segment.deletedDocs.has(d)) return segment.docs().keys(d).id;
        }
      }
      return undefined;
    });
  }

  /**
   * Runs a read again on the new index when a writer committed and swept a
   * segment or a paths file since we loaded (the one retry loop of readers);
   * a file missing from an index that did not move on is damage, as it says.
   */
  private retrying<T>(read: () => T): T {
    for (let attempt = 0; ; attempt++) {
      try {
        return read();
      } catch (err) {
        if ((err instanceof SegmentMissingError || err instanceof PathsMissingError) && attempt < RETRIES && this.manifestChanged()) {
          this.load();
          this.usable();
          continue;
        }
        throw err;
      }
    }
  }

  private buildCatalog(): Map<string, CatalogEntry> {
    if (!this.catalogCache) {
      const catalog = new Map<string, CatalogEntry>();
      const sources = new Map<string, string>();
      this.segments.forEach((segment, s) => {
        let entries = this.entriesBySegment.get(segment.name);
        if (!entries) {
          entries = segment.docs().all();
          this.entriesBySegment.set(segment.name, entries);
        }
        entries.forEach((entry, d) => {
          if (segment.deletedDocs.has(d)) return;
          catalog.set(entry.id, { segment: s, doc: d, entry });
          sources.set(entry.sha256, entry.id);
        });
      });
      this.catalogCache = catalog;
      this.sourcesCache = sources;
    }
    return this.catalogCache;
  }

  private segmentDirectories(): string[] {
    try {
      return readdirSync(segmentsPath(this.dir)).filter((name) => SEGMENT_NAME.test(name));
    } catch {
      return [];
    }
  }

  usable(): void {
    if (this.damage) throw this.damage;
  }

  /** The recorded paths, looked up by document or by path (opened on first use: searches never need them). */
  paths(): PathStore {
    this.usable();
    return this.retrying(() => (this.pathStore ??= new PathStore(this.dir, this.body.paths)));
  }

  /** Every document's recorded paths, read whole once (list --json, a lookup by file name). */
  private pathsTable(): PathTable {
    this.pathTable ??= this.paths().all();
    return this.pathTable;
  }

  /** The documents; each one's `paths` reads the paths table on first use (human `list`, a lookup by id or symbol never need it). */
  list(): DocumentListing[] {
    this.usable();
    const out: DocumentListing[] = [];
    const table = (): PathTable => this.pathsTable();
    for (const { entry } of this.catalog.values()) {
      out.push({
        id: entry.id,
        source: entry.source,
        get paths() {
          return table().get(entry.id) ?? [];
        },
        kind: entry.kind,
        symbol: entry.symbol,
        title: entry.title,
        clauses: entry.clauseCount,
      });
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  get(id: string): UnresDocument | null {
    this.usable();
    return this.retrying(() => {
      const found = this.find(id);
      if (!found) return null;
      try {
        return JSON.parse(this.segments[found.segment]!.docLine(found.doc)) as UnresDocument;
      } catch (err) {
        // A segment missing (a writer merged it away since we loaded) is retried on the new index.
        if (err instanceof IndexError) throw err;
        throw new IndexError(`the index at ${this.dir} is damaged (stored document ${id} unreadable): run \`unres ingest --rebuild\``);
      }
    });
  }

  /**
   * Whether the stored record of `id` reads back sound: its frame passes the
   * CRCs of its chunks (a changed byte anywhere in it is found).
   */
  verify(id: string): boolean {
    const found = this.find(id);
    if (!found) return false;
    try {
      this.segments[found.segment]!.verifyStored(found.entry);
      return true;
    } catch {
      return false;
    }
  }

  search(plan: QueryPlan, filters: SearchFilters, limit: number): EngineHit[] {
    this.usable();
    const kind = plan.preferKind;
    return this.retrying(() => {
      const outcome = searchSegments(this.segments, plan, filters, kind ? preferenceDepth(limit) : limit);
      return assembleHits(this.segments, kind ? preferKind(this.segments, outcome, kind, limit) : outcome);
    });
  }

  private manifestChanged(): boolean {
    try {
      return readManifest(this.dir)?.generation !== this.body.generation;
    } catch {
      return false;
    }
  }

  /** Closes open segment and paths files. */
  close(): void {
    for (const s of this.segments) s.close();
    this.pathStore?.close();
    this.pathStore = null;
  }
}
