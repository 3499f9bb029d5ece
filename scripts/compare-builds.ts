// `npm run bench:compare -- --base DIR`: cold search of this build against
// another build of unres (a checkout at another commit, built), on one generated
// corpus, the standard queries interleaved so that both builds meet the same
// machine load. Answers "is search slower than it was?" (issue 12: cold search at
// 1,000 documents no worse than before the search features).
//
//   npm run bench:compare -- --base DIR [--docs 1000] [--runs 7] [--seed 1] [--keep]
//
// DIR holds bin/unres.js and its built dist/ (for instance a `git worktree add
// --detach DIR <commit>` followed by `npm ci` there). Each build ingests the same
// corpus into its own index (each reads its own format); then, per run, every
// query runs once in a new process of each build, in alternating order.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './bench/corpus.js';
import { median, runMeasured } from './bench/measure.js';
import { type Query, queries, queryLabel } from './bench/queries.js';

interface Options {
  base: string;
  docs: number;
  runs: number;
  seed: number;
  keep: boolean;
}

function usage(message: string): never {
  process.stderr.write(`bench:compare: ${message}\n`);
  process.stderr.write('usage: npm run bench:compare -- --base DIR [--docs 1000] [--runs 7] [--seed 1] [--keep]\n');
  process.exit(2);
}

function wholeNumber(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 1) usage(`${flag} needs a whole number above 0, got ${value ?? 'nothing'}`);
  return n;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { base: '', docs: 1000, runs: 7, seed: 1, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--base') options.base = resolve(argv[++i] ?? usage('--base needs a folder'));
    else if (arg === '--docs') options.docs = wholeNumber(arg, argv[++i]);
    else if (arg === '--runs') options.runs = wholeNumber(arg, argv[++i]);
    else if (arg === '--seed') options.seed = wholeNumber(arg, argv[++i]);
    else if (arg === '--keep') options.keep = true;
    else usage(`unknown option ${arg}`);
  }
  if (!options.base) usage('--base DIR is required');
  if (!existsSync(join(options.base, 'bin', 'unres.js'))) usage(`${options.base} has no bin/unres.js`);
  return options;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Build {
  label: string;
  bin: string;
  index: string;
  commit: string;
  ingestMs: number;
  /** Per query id, the wall times of its cold searches (ms). */
  samples: Map<string, number[]>;
  /** Per query id, the CPU time (user + system) of its cold searches (ms): steadier than the wall clock on a busy machine. */
  cpu: Map<string, number[]>;
}

function commitOf(dir: string): string {
  const r = spawnSync('git', ['-C', dir, 'log', '-1', '--format=%h %s'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().slice(0, 72) : '(not a git checkout)';
}

async function ingest(build: Build, corpus: string): Promise<void> {
  const s = await runMeasured(process.execPath, [build.bin, 'ingest', corpus, '--index', build.index], { timeoutMs: 1_800_000, cwd: ROOT });
  if (s.code !== 0) throw new Error(`${build.label}: ingest exit ${s.code}: ${s.stderrTail.trim().split('\n').pop() ?? ''}`);
  build.ingestMs = s.wallMs;
}

async function search(build: Build, q: Query): Promise<{ wallMs: number; cpuMs: number | null }> {
  const s = await runMeasured(process.execPath, [build.bin, 'search', ...q.words, ...q.filters, '--index', build.index, '--json'], { timeoutMs: 120_000, cwd: ROOT });
  if (s.code !== 0 && s.code !== 1) throw new Error(`${build.label}: search ${queryLabel(q)} exit ${s.code}: ${s.stderrTail.trim()}`);
  return { wallMs: s.wallMs, cpuMs: s.cpuS === null ? null : s.cpuS * 1000 };
}

function firstDocumentId(corpus: string, name: string): string {
  // The id a --doc filter names: the symbol the parser reads (both builds agree on a generated document).
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'unres.js'), 'parse', '--json', join(corpus, name)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`parse ${name}: exit ${r.status}`);
  return (JSON.parse(r.stdout) as { id: string }).id;
}

function report(options: Options, docs: number, bytes: number, builds: [Build, Build], qs: Query[]): string {
  const [ours, base] = builds;
  const out: string[] = [];
  out.push(`Cold search, ${docs.toLocaleString('en')} generated documents (${(bytes / 1048576).toFixed(1)} MB, seed ${options.seed}), ${options.runs} runs per query and build, interleaved; a new process per search (node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)} at the end).`, '');
  out.push(`- this build: ${ours.commit}`, `- base build: ${base.commit}`, '');
  const cell = (values: number[] | undefined): string => (values && values.length ? median(values).toFixed(0) : '—');
  const ratioOf = (a: number[] | undefined, b: number[] | undefined): string =>
    a && b && a.length && b.length ? (median(a) / median(b)).toFixed(2) : '—';
  out.push('Medians in ms; CPU is user + system time of the process (GNU time), steadier than wall time when the machine is busy.', '');
  out.push('| query | this: wall | base: wall | wall this / base | this: CPU | base: CPU | CPU this / base |', '| --- | --- | --- | --- | --- | --- | --- |');
  const row = (label: string, pick: (b: Build) => [number[] | undefined, number[] | undefined]): string => {
    const [wa, ca] = pick(ours);
    const [wb, cb] = pick(base);
    return `| ${label} | ${cell(wa)} | ${cell(wb)} | ${ratioOf(wa, wb)} | ${cell(ca)} | ${cell(cb)} | ${ratioOf(ca, cb)} |`;
  };
  for (const q of qs) out.push(row(`${q.id} ${queryLabel(q)}`, (b) => [b.samples.get(q.id), b.cpu.get(q.id)]));
  out.push(row('**all**', (b) => [[...b.samples.values()].flat(), [...b.cpu.values()].flat()]), '');
  out.push(`Ingest of the corpus (one run each): this build ${(ours.ingestMs / 1000).toFixed(1)} s, base ${(base.ingestMs / 1000).toFixed(1)} s.`);
  return out.join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const work = mkdtempSync(join(os.tmpdir(), 'unres-compare-'));
  try {
    const corpus = join(work, 'corpus');
    const written = writeCorpus(corpus, options.seed, options.docs);
    const builds: [Build, Build] = [
      { label: 'this', bin: join(ROOT, 'bin', 'unres.js'), index: join(work, 'index-this'), commit: commitOf(ROOT), ingestMs: 0, samples: new Map(), cpu: new Map() },
      { label: 'base', bin: join(options.base, 'bin', 'unres.js'), index: join(work, 'index-base'), commit: commitOf(options.base), ingestMs: 0, samples: new Map(), cpu: new Map() },
    ];
    for (const build of builds) await ingest(build, corpus);
    const qs = queries(firstDocumentId(corpus, written.names[0]!));
    // One untimed search per build first, so the first timed one does not pay for node's cold pages.
    for (const build of builds) await search(build, qs[0]!);
    for (let run = 0; run < options.runs; run++) {
      for (const q of qs) {
        const order = run % 2 === 0 ? builds : ([builds[1], builds[0]] as const);
        for (const build of order) {
          const { wallMs, cpuMs } = await search(build, q);
          build.samples.set(q.id, [...(build.samples.get(q.id) ?? []), wallMs]);
          if (cpuMs !== null) build.cpu.set(q.id, [...(build.cpu.get(q.id) ?? []), cpuMs]);
        }
      }
      process.stderr.write(`run ${run + 1}/${options.runs}\n`);
    }
    process.stdout.write(report(options, options.docs, written.bytes, builds, qs) + '\n');
  } finally {
    if (options.keep) process.stderr.write(`kept ${work}\n`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:compare: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
