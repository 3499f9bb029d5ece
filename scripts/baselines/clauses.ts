// The clauses every baseline indexes, and where they come from: a folder (or
// files) of documents parsed by unres's own parser, or a JSONL file of clauses
// prepared elsewhere. One clause is one record:
//   { "id": "E-RES-2017-18#op4", "text": "...", "notes": "..." }
// `id` is `<document id>#<clause id>`, as `unres search --json` names a hit
// (`doc` + `#` + `clause`); `notes` is the text of the footnotes the clause
// references (may be empty), so every system sees the same information.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBytes } from '../../src/structure/parse.js';
import type { UnresDocument } from '../../src/types.js';

export interface ClauseRecord {
  id: string;
  text: string;
  notes: string;
}

/** Document files under the given paths (folders recursively: .txt and .md), sorted. */
export function documentFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!name.startsWith('.')) walk(join(path, name));
    } else if (['.txt', '.md'].includes(extname(path).toLowerCase())) {
      out.push(path);
    }
  };
  for (const p of paths) walk(p);
  return out;
}

/** The clause records of one parsed document. */
export function clauseRecordsOf(doc: UnresDocument): ClauseRecord[] {
  const notes = new Map(doc.footnotes.map((f) => [f.number, f.text]));
  return doc.clauses.map((clause) => ({
    id: `${doc.id}#${clause.id}`,
    text: clause.text,
    notes: clause.footnotes.map((n) => notes.get(n) ?? '').filter((t) => t !== '').join(' '),
  }));
}

/** Reads clause records from `.jsonl` files and parses every other path as documents. */
export function readClauseRecords(paths: readonly string[]): ClauseRecord[] {
  const records: ClauseRecord[] = [];
  const docPaths: string[] = [];
  for (const path of paths) {
    if (path.endsWith('.jsonl')) {
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const r = JSON.parse(line) as Partial<ClauseRecord>;
        if (typeof r.id !== 'string' || typeof r.text !== 'string') throw new Error(`${path}: a line lacks "id" or "text"`);
        records.push({ id: r.id, text: r.text, notes: typeof r.notes === 'string' ? r.notes : '' });
      }
    } else {
      docPaths.push(path);
    }
  }
  for (const file of documentFiles(docPaths)) records.push(...clauseRecordsOf(parseBytes(readFileSync(file), file)));
  return records;
}

/** One query's answer: ranked clause ids, best first, and the time the system took for it. */
export interface Ranked {
  ids: string[];
  ms: number;
}

/** A baseline: builds an index in a folder from clause records, then answers queries from that folder. */
export interface Baseline {
  readonly name: string;
  /** Builds the index in `dir` (replacing any); returns the build time in ms. */
  build(records: readonly ClauseRecord[], dir: string): number;
  /** Runs the queries against the index in `dir`, top `limit` each. */
  search(dir: string, queries: readonly string[], limit: number): Ranked[];
}

/** A file kept beside the baselines' sources (scripts/baselines/NAME), found from scripts/ or dist/scripts/. */
export function baselineAsset(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'scripts', 'baselines', name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`scripts/baselines/${name} not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}
