// Baseline A for `npm run bench`: the simplest search tool one could build from
// the same parser and an off-the-shelf library. ONE lunr index (lunr-languages'
// Arabic pipeline: trimmer, stop words, stemmer) over every clause of every
// document, rebuilt whole on each ingest (adding one document rebuilds all) and
// written to disk as JSON; each search loads it whole, queries it, filters and
// prints like `unres search --json`.
//
//   node dist/scripts/bench/lunr-baseline.js ingest <path...> --index <dir>
//   node dist/scripts/bench/lunr-baseline.js search <query...> --index <dir> [--kind K] [--doc ID] [--cites SYM] [--limit N]
//
// The index folder holds index.json (lunr's serialised index) and store.json
// (per clause: document, kind, numbers, citations and text), each written to a
// temporary name and renamed, so an interrupted ingest leaves the old pair.
// Exit codes follow unres: 0 hits, 1 none, 2 bad usage, 3 missing index.

import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, extname, join } from 'node:path';
import { parseBytes } from '../../src/structure/parse.js';
import type { SearchHit } from '../../src/types.js';

const require = createRequire(import.meta.url);
// lunr and lunr-languages are CommonJS plugins that register on the lunr object.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Lunr = any;
const lunr: Lunr = require('lunr');
require('lunr-languages/lunr.stemmer.support.js')(lunr);
require('lunr-languages/lunr.ar.js')(lunr);

/** A clause as the baseline stores it: a search hit less what a search computes. */
type StoredClause = Omit<SearchHit, 'score' | 'snippet'> & { cites: string[] };

type Store = Record<string, StoredClause>;

function fail(code: number, message: string): never {
  process.stderr.write(`lunr-baseline: ${message}\n`);
  process.exit(code);
}

function walk(path: string, out: string[]): void {
  const info = statSync(path);
  if (info.isDirectory()) {
    for (const name of readdirSync(path).sort()) if (!name.startsWith('.')) walk(join(path, name), out);
  } else if (['.txt', '.md'].includes(extname(path).toLowerCase())) {
    out.push(path);
  }
}

function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

function readStore(dir: string): Store {
  try {
    return JSON.parse(readFileSync(join(dir, 'store.json'), 'utf8')) as Store;
  } catch {
    return {};
  }
}

function ingest(paths: string[], dir: string): void {
  mkdirSync(dir, { recursive: true });
  const store = readStore(dir);
  const files: string[] = [];
  for (const p of paths) walk(p, files);
  const refsOf = new Map<string, string[]>();
  for (const [ref, clause] of Object.entries(store)) {
    const refs = refsOf.get(clause.doc);
    if (refs) refs.push(ref);
    else refsOf.set(clause.doc, [ref]);
  }
  let added = 0;
  let failed = 0;
  for (const file of files) {
    try {
      const doc = parseBytes(readFileSync(file), file);
      // A document ingested again replaces its clauses.
      for (const ref of refsOf.get(doc.id) ?? []) delete store[ref];
      const refs: string[] = [];
      refsOf.set(doc.id, refs);
      for (const clause of doc.clauses) {
        refs.push(`${doc.id}#${clause.id}`);
        store[`${doc.id}#${clause.id}`] = {
          doc: doc.id,
          source: basename(file),
          title: doc.title,
          clause: clause.id,
          kind: clause.kind,
          number: clause.number,
          index: clause.index,
          text: clause.text,
          cites: [...new Set(doc.citations.filter((c) => c.clause === clause.id).map((c) => c.symbol))],
        };
      }
      added++;
    } catch (err) {
      failed++;
      process.stderr.write(`lunr-baseline: ${file}: ${(err as Error).message}\n`);
    }
  }
  // Rebuilt whole, every time: lunr indexes are immutable.
  const index = lunr(function (this: Lunr) {
    this.use(lunr.ar);
    this.ref('ref');
    this.field('text');
    for (const [ref, clause] of Object.entries(store)) this.add({ ref, text: clause.text });
  });
  writeAtomically(join(dir, 'store.json'), JSON.stringify(store));
  writeAtomically(join(dir, 'index.json'), JSON.stringify(index));
  process.stdout.write(`${added} added, 0 updated, 0 unchanged, ${failed} failed\n`);
}

function search(words: string[], options: Map<string, string>, dir: string): void {
  const query = words.join(' ').trim();
  if (query === '') fail(2, 'empty query');
  let indexJson: string;
  try {
    indexJson = readFileSync(join(dir, 'index.json'), 'utf8');
  } catch {
    fail(3, `no index at ${dir}`);
  }
  const index = lunr.Index.load(JSON.parse(indexJson));
  const store = readStore(dir);
  const limit = Number(options.get('limit') ?? 10);
  const kind = options.get('kind');
  const doc = options.get('doc');
  const cites = options.get('cites');
  let results: Array<{ ref: string; score: number }>;
  try {
    results = index.search(query);
  } catch (err) {
    fail(2, `bad query: ${(err as Error).message}`);
  }
  const hits = [];
  for (const result of results) {
    const clause = store[result.ref];
    if (!clause) continue;
    if (kind !== undefined && clause.kind !== kind) continue;
    if (doc !== undefined && clause.doc !== doc) continue;
    if (cites !== undefined && !clause.cites.includes(cites)) continue;
    hits.push({
      doc: clause.doc,
      source: clause.source,
      title: clause.title,
      clause: clause.clause,
      kind: clause.kind,
      number: clause.number,
      index: clause.index,
      score: result.score,
      text: clause.text,
      snippet: clause.text.slice(0, 160),
    });
    if (hits.length >= limit) break;
  }
  process.stdout.write(JSON.stringify(hits) + '\n');
  process.exitCode = hits.length > 0 ? 0 : 1;
}

function main(argv: string[]): void {
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--json') continue;
    if (arg.startsWith('--')) {
      const value = rest[++i];
      if (value === undefined) fail(2, `${arg} needs a value`);
      options.set(arg.slice(2), value);
    } else {
      positional.push(arg);
    }
  }
  const dir = options.get('index');
  if (dir === undefined) fail(2, '--index <dir> is required');
  if (command === 'ingest') ingest(positional, dir);
  else if (command === 'search') search(positional, options, dir);
  else fail(2, 'usage: lunr-baseline ingest <path...> --index <dir> | search <query...> --index <dir>');
}

main(process.argv.slice(2));
