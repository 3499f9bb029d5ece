// The identity rule, in one place. A document is one distinct text (the
// sha256 of its file's bytes); every file holding that text is one of its
// paths. Hence:
//  - the same text from two paths is one document knowing both (`duplicate`);
//  - two different texts never share an id: a text whose id (from its symbol,
//    else its file name) is held by another text it does not replace gets the
//    id with `-` and the start of its sha256 appended;
//  - a file whose text changed moves to its new text (`updated`); the old text
//    stays while another file still holds it, and goes when none does;
//  - a new text replaces a stored one with the same id from another file only
//    when every file of the stored one is gone (a file renamed and edited):
//    that is announced, `<id>: replaced (was a.txt, now b.txt)`;
//  - texts from standard input have no path: kept until removed.
// The decisions do not depend on the order of files or on batch boundaries.
// This module decides; the caller stores. It asks the index about a document
// only when a file names it (by id, by its text's sha256, or by path), so
// adding a few files to a large index does not read every document.

import { basename } from 'node:path';
import type { PathTable } from './paths.js';

/** The recorded paths, asked one document or one path at a time (src/store/paths.ts PathStore). */
export interface RecordedPaths {
  of(id: string): string[];
  /** The document a path is recorded for. */
  holder(path: string): string | undefined;
  /** The whole table (for --prune). */
  all(): PathTable;
}

export type Outcome = 'added' | 'updated' | 'unchanged' | 'duplicate';

export interface KnownDocument {
  id: string;
  sha256: string;
  symbol: string | null;
  /** Base name of the file it was parsed from (what an index without recorded paths knows). */
  source: string;
}

interface DocState extends KnownDocument {
  paths: Set<string>;
}

/** What the index holds, asked one document at a time. */
export interface KnownLookup {
  /** The stored document with this id. */
  byId(id: string): KnownDocument | undefined;
  /** The id of the stored document whose text has this sha256. */
  idOfText(sha256: string): string | undefined;
}

export interface Placement {
  outcome: Outcome;
  id: string;
  /** Set when another file's text was replaced: the line to announce. */
  replaced?: string;
}

/** Hex digits of the sha256 appended to an id that another text holds. */
const SUFFIX_DIGITS = 8;

export class Identity {
  /** Documents asked about or changed in this run (null: removed); the others are as `known` says. */
  private readonly states = new Map<string, DocState | null>();
  /** sha256 -> id for texts placed in this run (null: no longer stored). */
  private readonly shas = new Map<string, string | null>();
  /** Paths given to a document (or taken from one: null) in this run; the others are as `paths0` records them. */
  private readonly byPath = new Map<string, string | null>();
  private readonly known0: KnownLookup;
  changed = false;

  /**
   * `known`: the stored documents, as a list or as a lookup; `paths0`: their
   * recorded paths. `onRemove` hears of every document dropped (replaced,
   * left without files, removed).
   */
  constructor(
    known: Iterable<KnownDocument> | KnownLookup,
    private readonly paths0: RecordedPaths,
    private readonly onRemove: (id: string) => void,
  ) {
    if (Symbol.iterator in known) {
      const byId = new Map<string, KnownDocument>();
      const bySha = new Map<string, string>();
      for (const doc of known) {
        byId.set(doc.id, doc);
        bySha.set(doc.sha256, doc.id);
      }
      this.known0 = { byId: (id) => byId.get(id), idOfText: (sha) => bySha.get(sha) };
    } else this.known0 = known;
  }

  /** The document a path is recorded for, as of this run. */
  private recorded(path: string): string | undefined {
    const id = this.byPath.get(path);
    if (id !== undefined) return id ?? undefined;
    return this.paths0.holder(path);
  }

  /** The document a recorded path holds (a path recorded for a document the index no longer holds is forgotten). */
  private holderOf(path: string): string | undefined {
    const id = this.recorded(path);
    if (id === undefined || this.has(id)) return id;
    this.byPath.set(path, null);
    return undefined;
  }

  /** The document's state, read from the index the first time it is asked for. */
  private state(id: string): DocState | undefined {
    const held = this.states.get(id);
    if (held !== undefined) return held ?? undefined;
    const doc = this.known0.byId(id);
    if (!doc) return undefined;
    const state: DocState = { id: doc.id, sha256: doc.sha256, symbol: doc.symbol, source: doc.source, paths: new Set(this.paths0.of(id)) };
    this.states.set(id, state);
    return state;
  }

  private insert(doc: KnownDocument, paths: Iterable<string>): void {
    const state: DocState = { ...doc, paths: new Set(paths) };
    this.states.set(doc.id, state);
    this.shas.set(doc.sha256, doc.id);
    for (const p of state.paths) this.byPath.set(p, doc.id);
  }

  idOfText(sha256: string): string | undefined {
    const placed = this.shas.get(sha256);
    if (placed !== undefined) return placed ?? undefined;
    const id = this.known0.idOfText(sha256);
    // Stored, unless it was removed (or its id given to another text) in this run.
    return id !== undefined && this.state(id)?.sha256 === sha256 ? id : undefined;
  }

  has(id: string): boolean {
    return this.state(id) !== undefined;
  }

  /**
   * The documents asked about or changed in this run and their paths now ([]
   * for one removed): what the paths table must record on top of `paths0`.
   */
  changes(): PathTable {
    const table: PathTable = new Map();
    for (const [id, state] of this.states) table.set(id, state === null ? [] : [...state.paths].sort());
    return table;
  }

  /**
   * A file (or standard input, `path` null) whose text is already stored:
   * unchanged or duplicate. Undefined when the text is not stored: parse it
   * and place() it.
   */
  known(sha256: string, path: string | null): Placement | undefined {
    const id = this.idOfText(sha256);
    if (id === undefined) return undefined;
    if (path === null) return { outcome: 'unchanged', id };
    const holder = this.holderOf(path);
    if (holder === id) return { outcome: 'unchanged', id };
    const state = this.state(id)!;
    // An index that recorded no paths knows only the file's base name.
    const unrecorded = state.paths.size === 0 && state.source === basename(path);
    if (holder !== undefined) this.detach(path);
    this.attach(path, id);
    return { outcome: holder !== undefined ? 'updated' : unrecorded ? 'unchanged' : 'duplicate', id };
  }

  /** A new text, parsed (its id proposed from symbol or file name): which id it gets, and what it replaces. */
  place(doc: KnownDocument, path: string | null, exists: (path: string) => boolean): Placement {
    let outcome: Outcome = 'added';
    if (path !== null && this.holderOf(path) !== undefined) {
      this.detach(path);
      outcome = 'updated';
    }
    let replaced: string | undefined;
    const holder = this.state(doc.id);
    if (holder && path !== null) {
      const paths = [...holder.paths];
      if (paths.length === 0 && holder.source === basename(path)) {
        // An index that recorded no paths: the same file name is the same file.
        this.remove(holder.id);
        outcome = 'updated';
      } else if (doc.symbol !== null && holder.symbol === doc.symbol && paths.length > 0 && paths.every((p) => !exists(p))) {
        replaced = `${doc.id}: replaced (was ${paths.map((p) => basename(p)).join(', ')}, now ${basename(path)})`;
        this.remove(holder.id);
        outcome = 'updated';
      }
    }
    const id = this.freeId(doc.id, doc.sha256);
    this.insert({ ...doc, id }, path === null ? [] : [path]);
    this.changed = true;
    return replaced === undefined ? { outcome, id } : { outcome, id, replaced };
  }

  private freeId(base: string, sha256: string): string {
    if (!this.has(base)) return base;
    for (let digits = SUFFIX_DIGITS; digits <= sha256.length; digits += 4) {
      const id = `${base}-${sha256.slice(0, digits)}`;
      if (!this.has(id)) return id;
    }
    throw new Error(`no free id for ${base}`);
  }

  private attach(path: string, id: string): void {
    this.state(id)!.paths.add(path);
    this.byPath.set(path, id);
    this.changed = true;
  }

  /** The file no longer holds its document's text; a document no file holds goes. */
  private detach(path: string): void {
    const id = this.recorded(path);
    if (id === undefined) return;
    this.byPath.set(path, null);
    this.changed = true;
    // A recorded path of a document the index no longer holds is just forgotten.
    const state = this.state(id);
    if (!state) return;
    state.paths.delete(path);
    if (state.paths.size === 0) this.remove(id);
  }

  remove(id: string): void {
    const state = this.state(id);
    if (!state) return;
    const holdsText = this.idOfText(state.sha256) === id;
    this.states.set(id, null);
    if (holdsText) this.shas.set(state.sha256, null);
    for (const p of state.paths) this.byPath.set(p, null);
    this.changed = true;
    this.onRemove(id);
  }

  /** Forgets every recorded file that is gone; returns the documents dropped because no file holds them any more. */
  prune(exists: (path: string) => boolean): string[] {
    const dropped: string[] = [];
    // Every recorded path, as of this run: the whole table is read (every file's existence is checked anyway).
    const all = new Map<string, string>();
    for (const [id, paths] of this.paths0.all()) for (const p of paths) all.set(p, id);
    for (const [path, id] of this.byPath) {
      if (id === null) all.delete(path);
      else all.set(path, id);
    }
    for (const [path, id] of all) {
      if (exists(path)) continue;
      const last = this.state(id)?.paths.size === 1;
      this.detach(path);
      if (last) dropped.push(id);
    }
    return dropped;
  }
}
