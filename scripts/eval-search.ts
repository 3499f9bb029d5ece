// `npm run eval:search`: search quality of unres against three baselines, in one
// run, on the project's judged collection.
//
//   npm run eval:search -- [--verbose] [--json] [--markdown FILE] [--pool FILE] [--dump FILE] [--keys FILE] [--systems unres,lucene,fts5,lunr] [--sets original,heldout,heldout2]
//
// Corpus: every document in seeds/ and fixtures/real/, parsed by unres; every
// system indexes the same clauses (scripts/baselines/clauses.ts: clause text,
// plus the text of the footnotes it references).
// Systems: unres (its own index and ranking), Lucene ArabicAnalyzer + BM25,
// SQLite FTS5 unicode61, lunr + lunr-languages ar (scripts/baselines/).
// Queries: queries/collection.json (written before any system's output was seen).
// Judgments: queries/judgments.json, graded 2 (answers the need), 1 (partly,
// or mentions it in passing), 0 (not relevant), pooled from the top 20 of
// every system and graded by reading. A judgment is keyed by the document's
// source file name and a fingerprint of the clause (its first ten normalised
// words), not by clause id, so it survives changes in clause numbering.
//
// Prints nDCG@10 (linear gains, ideal from every judged clause), MRR (first
// clause graded >= 1), recall@10 (of clauses graded >= 1) and P@5 per system;
// then per query the wins, losses and ties of unres against the best
// baseline on nDCG@10, with a two-sided sign test. Clauses no one judged count
// as 0 and are reported (`unjudged@10`): re-pool (--pool) after changes.
// --dump FILE writes, per query, unres's top 20 with grades, scores, matched words and the start of the
// text, then the relevant clauses missing from it (for reading why a query ranks as it does).
// --pool FILE writes, per query, the pooled clauses still unjudged, with their
// text, for grading; --keys FILE writes every clause id with its judgment key.

import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Baseline, type ClauseRecord, clauseRecordsOf } from './baselines/clauses.js';
import { BASELINES } from './baselines/registry.js';
import { fingerprint, projectRoot } from './collection.js';
import { baseName } from '../src/files.js';
import { UnresIndex } from '../src/store/index.js';
import { parseFile } from '../src/structure/parse.js';
import type { UnresDocument } from '../src/types.js';

interface CollectionQuery {
  id: string;
  /** Absent for the first collection; `heldout` for queries written later and never used to tune. */
  set?: string;
  category: string;
  query: string;
  need: string;
}

/** qid -> clause key -> grade. */
type Judgments = Record<string, Record<string, number>>;

interface Scores {
  ndcg: number;
  mrr: number;
  recall: number;
  p5: number;
  unjudged: number;
}

const CUTOFF = 10;
const POOL_DEPTH = 20;
const CORPUS_DIRS = ['seeds', join('fixtures', 'real')];

export function score(ranked: readonly string[], grades: ReadonlyMap<string, number>, judged: ReadonlySet<string>): Scores {
  const top = ranked.slice(0, CUTOFF);
  let dcg = 0;
  let firstRank = 0;
  let found = 0;
  let unjudged = 0;
  top.forEach((key, i) => {
    const g = grades.get(key) ?? 0;
    if (!judged.has(key)) unjudged++;
    dcg += g / Math.log2(i + 2);
    if (g >= 1) {
      found++;
      if (firstRank === 0) firstRank = i + 1;
    }
  });
  const ideal = [...grades.values()].sort((a, b) => b - a).slice(0, CUTOFF);
  const idcg = ideal.reduce((sum, g, i) => sum + g / Math.log2(i + 2), 0);
  const relevant = [...grades.values()].filter((g) => g >= 1).length;
  const p5 = ranked.slice(0, 5).filter((k) => (grades.get(k) ?? 0) >= 1).length / 5;
  return {
    ndcg: idcg > 0 ? dcg / idcg : 0,
    mrr: firstRank > 0 ? 1 / firstRank : 0,
    recall: relevant > 0 ? found / Math.min(relevant, CUTOFF) : 0,
    p5,
    unjudged,
  };
}

/** Two-sided exact sign test: probability of a split at least this uneven if wins and losses were equally likely. */
export function signTest(wins: number, losses: number): number {
  const n = wins + losses;
  if (n === 0) return 1;
  const k = Math.min(wins, losses);
  let tail = 0;
  let c = 1; // C(n, 0)
  for (let i = 0; i <= k; i++) {
    tail += c;
    c = (c * (n - i)) / (i + 1);
  }
  return Math.min(1, (2 * tail) / 2 ** n);
}

interface System {
  name: string;
  /** Ranked clause ids (`doc#clause`) for each query, top POOL_DEPTH, and the mean ms per query. */
  run(queries: readonly string[]): Promise<{ ranked: string[][]; ms: number }>;
}

/** unres's reported score and highlighted words per hit, keyed by query and clause id (for --dump). */
const hitNotes = new Map<string, { score: number; words: string }>();
const hitKey = (query: string, id: string) => `${query}\u0000${id}`;

async function unresSystem(docs: UnresDocument[], dir: string): Promise<System> {
  const index = await UnresIndex.open(dir, { create: true });
  await index.ingest(docs);
  return {
    name: 'unres',
    async run(queries) {
      const ranked: string[][] = [];
      const start = performance.now();
      for (const q of queries) {
        try {
          ranked.push(
            (await index.search(q, { limit: POOL_DEPTH })).map((h) => {
              const id = `${h.doc}#${h.clause}`;
              hitNotes.set(hitKey(q, id), { score: h.score, words: h.matches.map(([a, b]) => h.snippet.slice(a, b)).join('|') });
              return id;
            }),
          );
        } catch {
          ranked.push([]);
        }
      }
      return { ranked, ms: (performance.now() - start) / queries.length };
    },
  };
}

function baselineSystem(baseline: Baseline, records: ClauseRecord[], dir: string): System {
  baseline.build(records, dir);
  return {
    name: baseline.name,
    async run(queries) {
      const results = baseline.search(dir, queries, POOL_DEPTH);
      return { ranked: results.map((r) => r.ids), ms: results.reduce((s, r) => s + r.ms, 0) / queries.length };
    },
  };
}

const fmt = (n: number) => n.toFixed(3);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));

async function main(argv: string[]): Promise<void> {
  const flag = (name: string) => argv.includes(name);
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const root = projectRoot();
  const wantedSets = option('--sets')?.split(',');
  const queries = (JSON.parse(readFileSync(join(root, 'queries', 'collection.json'), 'utf8')) as CollectionQuery[]).filter(
    (q) => !wantedSets || wantedSets.includes(q.set ?? 'original'),
  );
  const judgmentsPath = join(root, 'queries', 'judgments.json');
  const judgments: Judgments = existsSync(judgmentsPath) ? (JSON.parse(readFileSync(judgmentsPath, 'utf8')) as Judgments) : {};
  const wanted = (option('--systems') ?? 'unres,lucene,fts5,lunr').split(',');

  const docs: UnresDocument[] = [];
  for (const sub of CORPUS_DIRS) {
    const dir = join(root, sub);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) docs.push(await parseFile(join(dir, file)));
  }
  const records = docs.flatMap(clauseRecordsOf);
  // clause id -> judgment key and text
  const keyOfId = new Map<string, string>();
  const textOfId = new Map<string, ClauseRecord>();
  for (const doc of docs) {
    for (const clause of doc.clauses) {
      const id = `${doc.id}#${clause.id}`;
      keyOfId.set(id, `${baseName(doc.source.path)}|${fingerprint(clause.text)}`);
    }
  }
  for (const r of records) textOfId.set(r.id, r);
  const keysFile = option('--keys');
  if (keysFile) writeFileSync(keysFile, JSON.stringify(Object.fromEntries(keyOfId), null, 1) + '\n');

  const work = mkdtempSync(join(tmpdir(), 'unres-eval-'));
  try {
    const systems: System[] = [];
    for (const name of wanted) {
      if (name === 'unres') systems.push(await unresSystem(docs, join(work, 'unres')));
      else if (BASELINES[name]) systems.push(baselineSystem(BASELINES[name]!, records, join(work, name)));
      else throw new Error(`unknown system '${name}'`);
    }
    const texts = queries.map((q) => q.query);
    const runs = new Map<string, { ranked: string[][]; ms: number }>();
    for (const system of systems) runs.set(system.name, await system.run(texts));

    if (option('--pool')) {
      const pool: Array<{ id: string; query: string; need: string; clauses: Array<{ key: string; id: string; text: string; notes: string }> }> = [];
      queries.forEach((q, i) => {
        const seen = new Set<string>();
        const clauses: Array<{ key: string; id: string; text: string; notes: string }> = [];
        for (const { ranked } of runs.values()) {
          for (const id of ranked[i]!.slice(0, POOL_DEPTH)) {
            const key = keyOfId.get(id) ?? id;
            if (seen.has(key) || judgments[q.id]?.[key] !== undefined) continue;
            seen.add(key);
            const r = textOfId.get(id);
            clauses.push({ key, id, text: r?.text ?? '', notes: r?.notes ?? '' });
          }
        }
        if (clauses.length > 0) pool.push({ id: q.id, query: q.query, need: q.need, clauses });
      });
      writeFileSync(option('--pool')!, JSON.stringify(pool, null, 1) + '\n');
      process.stderr.write(`pool: ${pool.reduce((s, p) => s + p.clauses.length, 0)} unjudged clauses over ${pool.length} queries -> ${option('--pool')}\n`);
    }

    // Scores per system and query (queries without any clause graded >= 1 are left out: nothing to find).
    const scored = queries.filter((q) => Object.values(judgments[q.id] ?? {}).some((g) => g >= 1));
    const per = new Map<string, Scores[]>();
    for (const system of systems) {
      const ranked = runs.get(system.name)!.ranked;
      per.set(
        system.name,
        scored.map((q) => {
          const i = queries.indexOf(q);
          const grades = new Map(Object.entries(judgments[q.id] ?? {}));
          const keys = ranked[i]!.map((id) => keyOfId.get(id) ?? id);
          return score(keys, grades, new Set(grades.keys()));
        }),
      );
    }
    const dumpFile = option('--dump');
    if (dumpFile && per.has('unres')) {
      // Per query: unres's ranked clauses with their grade, score (matched words + squeezed BM25) and the
      // words highlighted in the snippet, then the relevant clauses it left out of its list.
      const lines: string[] = [];
      scored.forEach((q, n) => {
        const grades = judgments[q.id] ?? {};
        const ranked = runs.get('unres')!.ranked[queries.indexOf(q)]!;
        lines.push(`## ${q.id} ${q.query} ndcg=${fmt(per.get('unres')![n]!.ndcg)} need: ${q.need}`);
        const shown = new Set<string>();
        ranked.forEach((id, r) => {
          const key = keyOfId.get(id) ?? id;
          shown.add(key);
          const notes = hitNotes.get(hitKey(q.query, id));
          const text = (textOfId.get(id)?.text ?? '').slice(0, 220).replace(/\s+/g, ' ');
          lines.push(`${String(r + 1).padStart(2)} g=${grades[key] ?? '?'} s=${(notes?.score ?? 0).toFixed(3)} ${id} [${notes?.words ?? ''}] ${text}`);
        });
        for (const [key, g] of Object.entries(grades)) if (g >= 1 && !shown.has(key)) lines.push(` - g=${g} missing ${key}`);
      });
      writeFileSync(dumpFile, lines.join('\n') + '\n');
    }
    const mean = (list: Scores[], pick: keyof Scores) => list.reduce((s, x) => s + x[pick], 0) / Math.max(1, list.length);
    const rows: Array<{ id: string; set: string; category: string; query: string; ndcg: Record<string, number> }> = scored.map((q, i) => ({
      id: q.id,
      set: q.set ?? 'original',
      category: q.category,
      query: q.query,
      ndcg: Object.fromEntries(systems.map((s) => [s.name, per.get(s.name)![i]!.ndcg])),
    }));
    /** Means per system and the per-query comparison of unres with the best baseline, over the rows picked. */
    const report = (pick: (row: (typeof rows)[number]) => boolean) => {
      const picked = rows.map((row, i) => (pick(row) ? i : -1)).filter((i) => i >= 0);
      const summary = systems.map((s) => {
        const list = picked.map((i) => per.get(s.name)![i]!);
        return {
          system: s.name,
          ndcg: mean(list, 'ndcg'),
          mrr: mean(list, 'mrr'),
          recall: mean(list, 'recall'),
          p5: mean(list, 'p5'),
          unjudged: list.reduce((sum, x) => sum + x.unjudged, 0),
          msPerQuery: runs.get(s.name)!.ms,
        };
      });
      type Comparison = { against: string; wins: number; losses: number; ties: number; p: number };
      const compare = (against: string): Comparison => {
        let wins = 0;
        let losses = 0;
        let ties = 0;
        for (const i of picked) {
          const d = rows[i]!.ndcg['unres']! - rows[i]!.ndcg[against]!;
          if (Math.abs(d) < 1e-9) ties++;
          else if (d > 0) wins++;
          else losses++;
        }
        return { against, wins, losses, ties, p: signTest(wins, losses) };
      };
      const baselineNames = summary.filter((s) => s.system !== 'unres');
      const best = [...baselineNames].sort((a, b) => b.ndcg - a.ndcg)[0];
      const comparison: Comparison | null = best && per.has('unres') ? compare(best.system) : null;
      /** unres against each baseline, per query on nDCG@10. */
      const versus: Comparison[] = per.has('unres') ? baselineNames.map((b) => compare(b.system)) : [];
      return { queries: picked.length, summary, comparison, versus };
    };
    const setNames = [...new Set(rows.map((r) => r.set))];
    const sets: Array<{ name: string } & ReturnType<typeof report>> = [
      ...(setNames.length > 1 ? setNames.map((name) => ({ name, ...report((r) => r.set === name) })) : []),
      { name: 'all', ...report(() => true) },
    ];
    const { summary, comparison } = sets[sets.length - 1]!;

    if (flag('--json')) {
      process.stdout.write(JSON.stringify({ queries: scored.length, clauses: records.length, documents: docs.length, summary, comparison, sets, rows }, null, 1) + '\n');
    } else {
      const out: string[] = [];
      out.push(`${scored.length} judged queries (of ${queries.length}) over ${records.length} clauses of ${docs.length} documents`);
      for (const set of sets) {
        out.push('', `set ${set.name}: ${set.queries} queries`);
        out.push(`${pad('system', 30)}${pad('nDCG@10', 9)}${pad('MRR', 7)}${pad('R@10', 7)}${pad('P@5', 7)}${pad('unjudged@10', 13)}ms/query`);
        for (const s of set.summary) {
          out.push(
            `${pad(s.system, 30)}${pad(fmt(s.ndcg), 9)}${pad(fmt(s.mrr), 7)}${pad(fmt(s.recall), 7)}${pad(fmt(s.p5), 7)}${pad(String(s.unjudged), 13)}${s.msPerQuery.toFixed(2)}`,
          );
        }
        for (const c of set.versus) out.push(`unres against ${c.against} (nDCG@10 per query): ${c.wins} wins, ${c.losses} losses, ${c.ties} ties; sign test p = ${c.p.toPrecision(2)}`);
      }
      if (flag('--verbose')) {
        out.push('', `${pad('query', 46)}${systems.map((s) => pad(s.name.split(' ')[0]!, 9)).join('')}`);
        for (const row of rows) out.push(`${pad(`${row.id} ${row.query}`, 46)}${systems.map((s) => pad(fmt(row.ndcg[s.name]!), 9)).join('')}`);
      }
      process.stdout.write(out.join('\n') + '\n');
    }
    const markdown = option('--markdown');
    if (markdown) {
      const names = systems.map((s) => s.name);
      const lines: string[] = [];
      for (const set of sets) {
        if (sets.length > 1) lines.push(`**${set.name}** (${set.queries} queries):`, '');
        lines.push(
          `| system | nDCG@10 | MRR | recall@10 | P@5 | unjudged in top 10 |`,
          `| --- | --- | --- | --- | --- | --- |`,
          ...set.summary.map((s) => `| ${s.system} | ${fmt(s.ndcg)} | ${fmt(s.mrr)} | ${fmt(s.recall)} | ${fmt(s.p5)} | ${s.unjudged} |`),
          '',
        );
        for (const c of set.versus) lines.push(`unres against ${c.against}, per query on nDCG@10: **${c.wins} wins, ${c.losses} losses, ${c.ties} ties** (two-sided sign test p = ${c.p.toPrecision(2)}).`);
        lines.push('');
      }
      lines.push(
        `| id | kind | query | ${names.join(' | ')} |`,
        `| --- | --- | --- | ${names.map(() => '---').join(' | ')} |`,
        ...rows.map((r) => `| ${r.id} | ${r.category} | ${r.query.replace(/\|/g, '\\|')} | ${names.map((n) => fmt(r.ndcg[n]!)).join(' | ')} |`),
      );
      const begin = '<!-- eval:begin -->';
      const end = '<!-- eval:end -->';
      const existing = existsSync(markdown) ? readFileSync(markdown, 'utf8') : `${begin}\n${end}\n`;
      const a = existing.indexOf(begin);
      const b = existing.indexOf(end);
      const body = a >= 0 && b > a ? existing.slice(0, a + begin.length) + '\n' + lines.join('\n') + '\n' + existing.slice(b) : existing + `\n${begin}\n${lines.join('\n')}\n${end}\n`;
      writeFileSync(markdown, body);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`eval-search: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
