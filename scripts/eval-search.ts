// `npm run eval:search`: search quality on the judged dev queries.
//
// Parses the project's seeds/, builds on the very same clauses
//   - unres: the project's index (its analysis chain, segments, ranking),
//   - lunr default: lunr with its default (English) pipeline,
//   - lunr-languages ar: lunr with lunr-languages' Arabic trimmer, stop words and stemmer,
//   - lunr + unres analysis: lunr's own index and scoring, with this project's analysis chain
//     (separates what the analysis buys from what the ranking buys),
// runs every query of queries/dev.json against each (top 10), and prints
// recall@10, MRR@10 and nDCG@10 (binary gains) per system; --verbose adds a
// row per query, --json prints the figures as JSON.
//
// A hit is relevant when its source file's base name, clause kind, number and
// index equal a judged entry.

import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lunr from 'lunr';
import { unresArabic } from '../src/search/analysis/pipeline.js';
import { baseName } from '../src/index/builder.js';
import { UnresIndex } from '../src/store/index.js';
import { parseFile } from '../src/structure/parse.js';
import type { UnresDocument } from '../src/types.js';

interface Judged {
  source: string;
  kind: string;
  number: number | null;
  index: number;
}

interface DevQuery {
  query: string;
  relevant: Judged[];
}

type ClauseKey = string;
const keyOf = (j: Judged): ClauseKey => `${j.source}|${j.kind}|${j.number ?? 'null'}|${j.index}`;

interface System {
  name: string;
  search(query: string): Promise<ClauseKey[]>;
}

interface Scores {
  recall: number;
  mrr: number;
  ndcg: number;
}

const CUTOFF = 10;

/** The directory holding seeds/ and queries/: up from this script (dist/scripts), else the working directory. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'queries', 'dev.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function score(ranked: readonly ClauseKey[], relevant: ReadonlySet<ClauseKey>): Scores {
  const top = ranked.slice(0, CUTOFF);
  let found = 0;
  let dcg = 0;
  let firstRank = 0;
  top.forEach((key, i) => {
    if (!relevant.has(key)) return;
    found++;
    dcg += 1 / Math.log2(i + 2);
    if (firstRank === 0) firstRank = i + 1;
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(relevant.size, CUTOFF); i++) ideal += 1 / Math.log2(i + 2);
  return {
    recall: relevant.size > 0 ? found / relevant.size : 0,
    mrr: firstRank > 0 ? 1 / firstRank : 0,
    ndcg: ideal > 0 ? dcg / ideal : 0,
  };
}

interface ClauseRecord {
  key: ClauseKey;
  text: string;
}

function clauseRecords(docs: UnresDocument[]): ClauseRecord[] {
  return docs.flatMap((doc) =>
    doc.clauses.map((c) => ({
      key: keyOf({ source: baseName(doc.source.path), kind: c.kind, number: c.number, index: c.index }),
      text: c.text,
    })),
  );
}

function lunrSystem(name: string, records: ClauseRecord[], plugin?: lunr.Builder.Plugin): System {
  const index = lunr(function () {
    if (plugin) this.use(plugin);
    this.ref('key');
    this.field('text');
    for (const r of records) this.add(r);
  });
  return {
    name,
    async search(query) {
      try {
        return index.search(query).map((r) => r.ref);
      } catch {
        return []; // a query lunr cannot parse finds nothing
      }
    },
  };
}

function lunrArabicPlugin(): lunr.Builder.Plugin {
  const require = createRequire(import.meta.url);
  (require('lunr-languages/lunr.stemmer.support.js') as (l: typeof lunr) => void)(lunr);
  (require('lunr-languages/lunr.ar.js') as (l: typeof lunr) => void)(lunr);
  return (lunr as unknown as { ar: lunr.Builder.Plugin }).ar;
}

async function unresSystem(docs: UnresDocument[], dir: string): Promise<System> {
  const index = await UnresIndex.open(dir, { create: true });
  await index.ingest(docs);
  return {
    name: 'unres',
    async search(query) {
      const hits = await index.search(query, { limit: CUTOFF });
      return hits.map((h) => keyOf({ source: h.source, kind: h.kind, number: h.number, index: h.index }));
    },
  };
}

const fmt = (n: number) => n.toFixed(3);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));

async function main(argv: string[]): Promise<void> {
  const verbose = argv.includes('--verbose');
  const asJson = argv.includes('--json');
  const root = projectRoot();
  const queries = JSON.parse(readFileSync(join(root, 'queries', 'dev.json'), 'utf8')) as DevQuery[];
  const seedDir = join(root, 'seeds');
  const docs: UnresDocument[] = [];
  for (const file of readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort()) {
    docs.push(await parseFile(join(seedDir, file)));
  }
  const records = clauseRecords(docs);

  const dir = mkdtempSync(join(tmpdir(), 'unres-eval-'));
  try {
    const systems = [
      await unresSystem(docs, dir),
      lunrSystem('lunr default', records),
      lunrSystem('lunr-languages ar', records, lunrArabicPlugin()),
      lunrSystem('lunr + unres analysis', records, unresArabic as unknown as lunr.Builder.Plugin),
    ];
    const results: Record<string, { mean: Scores; perQuery: Array<Scores & { query: string }> }> = {};
    for (const system of systems) {
      const perQuery: Array<Scores & { query: string }> = [];
      for (const q of queries) {
        const ranked = await system.search(q.query);
        perQuery.push({ query: q.query, ...score(ranked, new Set(q.relevant.map(keyOf))) });
      }
      const mean = (pick: keyof Scores) => perQuery.reduce((sum, s) => sum + s[pick], 0) / perQuery.length;
      results[system.name] = { mean: { recall: mean('recall'), mrr: mean('mrr'), ndcg: mean('ndcg') }, perQuery };
    }

    if (asJson) {
      process.stdout.write(JSON.stringify({ queries: queries.length, clauses: records.length, results }, null, 2) + '\n');
      return;
    }
    process.stdout.write(`${queries.length} dev queries over ${records.length} clauses of ${docs.length} documents\n\n`);
    process.stdout.write(`${pad('system', 24)}${pad('recall@10', 11)}${pad('MRR', 8)}nDCG@10\n`);
    for (const [name, { mean }] of Object.entries(results)) {
      process.stdout.write(`${pad(name, 24)}${pad(fmt(mean.recall), 11)}${pad(fmt(mean.mrr), 8)}${fmt(mean.ndcg)}\n`);
    }
    if (verbose) {
      for (const [name, { perQuery }] of Object.entries(results)) {
        process.stdout.write(`\n${name}\n`);
        for (const s of perQuery) {
          process.stdout.write(`  ${pad(s.query, 28)}R ${fmt(s.recall)}  RR ${fmt(s.mrr)}  nDCG ${fmt(s.ndcg)}\n`);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`eval-search: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
