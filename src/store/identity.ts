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
// This module decides; the caller stores.

import { basename } from 'node:path';
import type { PathTable } from './paths.js';

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

export interface Placement {
  outcome: Outcome;
  id: string;
  /** Set when another file's text was replaced: the line to announce. */
  replaced?: string;
}

/** Hex digits of the sha256 appended to an id that another text holds. */
const SUFFIX_DIGITS = 8;

export class Identity {
  private readonly byId = new Map<string, DocState>();
  private readonly bySha = new Map<string, string>();
  private readonly byPath = new Map<string, string>();
  changed = false;

  /** `onRemove` hears of every document dropped (replaced, left without files, removed). */
  constructor(
    docs: Iterable<KnownDocument>,
    table: PathTable,
    private readonly onRemove: (id: string) => void,
  ) {
    for (const doc of docs) this.insert(doc, table.get(doc.id) ?? []);
  }

  private insert(doc: KnownDocument, paths: Iterable<string>): void {
    const state: DocState = { ...doc, paths: new Set(paths) };
    this.byId.set(doc.id, state);
    this.bySha.set(doc.sha256, doc.id);
    for (const p of state.paths) this.byPath.set(p, doc.id);
  }

  idOfText(sha256: string): string | undefined {
    return this.bySha.get(sha256);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Every document id and its paths, as the index records them. */
  table(): PathTable {
    const table: PathTable = new Map();
    for (const [id, state] of this.byId) table.set(id, [...state.paths].sort());
    return table;
  }

  /**
   * A file (or standard input, `path` null) whose text is already stored:
   * unchanged or duplicate. Undefined when the text is not stored: parse it
   * and place() it.
   */
  known(sha256: string, path: string | null): Placement | undefined {
    const id = this.bySha.get(sha256);
    if (id === undefined) return undefined;
    if (path === null) return { outcome: 'unchanged', id };
    const holder = this.byPath.get(path);
    if (holder === id) return { outcome: 'unchanged', id };
    const state = this.byId.get(id)!;
    // An index that recorded no paths knows only the file's base name.
    const unrecorded = state.paths.size === 0 && state.source === basename(path);
    if (holder !== undefined) this.detach(path);
    this.attach(path, id);
    return { outcome: holder !== undefined ? 'updated' : unrecorded ? 'unchanged' : 'duplicate', id };
  }

  /** A new text, parsed (its id proposed from symbol or file name): which id it gets, and what it replaces. */
  place(doc: KnownDocument, path: string | null, exists: (path: string) => boolean): Placement {
    let outcome: Outcome = 'added';
    if (path !== null && this.byPath.has(path)) {
      this.detach(path);
      outcome = 'updated';
    }
    let replaced: string | undefined;
    const holder = this.byId.get(doc.id);
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
    if (!this.byId.has(base)) return base;
    for (let digits = SUFFIX_DIGITS; digits <= sha256.length; digits += 4) {
      const id = `${base}-${sha256.slice(0, digits)}`;
      if (!this.byId.has(id)) return id;
    }
    throw new Error(`no free id for ${base}`);
  }

  private attach(path: string, id: string): void {
    this.byId.get(id)!.paths.add(path);
    this.byPath.set(path, id);
    this.changed = true;
  }

  /** The file no longer holds its document's text; a document no file holds goes. */
  private detach(path: string): void {
    const id = this.byPath.get(path);
    if (id === undefined) return;
    this.byPath.delete(path);
    const state = this.byId.get(id)!;
    state.paths.delete(path);
    this.changed = true;
    if (state.paths.size === 0) this.remove(id);
  }

  remove(id: string): void {
    const state = this.byId.get(id);
    if (!state) return;
    this.byId.delete(id);
    if (this.bySha.get(state.sha256) === id) this.bySha.delete(state.sha256);
    for (const p of state.paths) this.byPath.delete(p);
    this.changed = true;
    this.onRemove(id);
  }

  /** Forgets every recorded file that is gone; returns the documents dropped because no file holds them any more. */
  prune(exists: (path: string) => boolean): string[] {
    const dropped: string[] = [];
    for (const [path, id] of [...this.byPath]) {
      if (exists(path)) continue;
      const last = this.byId.get(id)!.paths.size === 1;
      this.detach(path);
      if (last) dropped.push(id);
    }
    return dropped;
  }
}
