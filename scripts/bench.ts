// `npm run bench`: what a user waits for and what the machine pays, from 1,000
// to 100,000 documents, with Lucene and SQLite FTS5 on the same corpus in the
// same run.
//
//   npm run bench -- [--sizes 1000,10000] [--runs 5] [--seed 1] [--out docs/benchmarks.md]
//                    [--work DIR] [--corpus DIR] [--prepare] [--no-baselines] [--no-crash-check] [--keep]
//
// Per size, every figure a whole process timed from spawn to exit, peak RSS
// from GNU time (%M) or /proc VmHWM:
//   unres: full ingest of the corpus folder into a new index (3 runs up to
//     1,000 documents, else 1), cold searches (a new process per query; each
//     query --runs times), add one new document (--runs times, each another
//     document), index size;
//   Lucene 8 ArabicAnalyzer + BM25 and SQLite FTS5 (scripts/baselines/): index
//     the same clauses (already parsed: the time to parse them is given apart),
//     cold queries (a new JVM or python3 per query), warm queries (every query
//     --runs times in one process; the first pass is warm-up), index size.
// The corpus (scripts/bench/corpus.ts, streamed to disk document by document)
// and the baselines' clause files are written once into --corpus DIR and
// reused by a later run with the same seed and generator (a 100,000-document
// corpus takes minutes to write). With --out the results replace the part of
// the file between `<!-- bench:begin -->` and `<!-- bench:end -->`.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, createWriteStream, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clauseRecordsOf } from './baselines/clauses.js';
import { baselineAsset } from './baselines/clauses.js';
import { luceneClasspath, luceneQuery } from './baselines/lucene.js';
import { CorpusGenerator, loadSeedPools } from './bench/corpus.js';
import { type Query, queries, queryLabel } from './bench/queries.js';
import { killRunning, machineCpu, measuredCpuSeconds, median, rssMethod, runMeasured, treeBytes, treeFiles, type Sample } from './bench/measure.js';

// ---------------------------------------------------------------- options

export interface Options {
  sizes: number[];
  runs: number;
  seed: number;
  out: string | null;
  work: string;
  corpus: string | null;
  baselines: boolean;
  crashCheck: boolean;
  keep: boolean;
  /** Only write the corpus and the clause files (into --corpus) and stop. */
  prepare: boolean;
}

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.stderr.write(
    'usage: npm run bench -- [--sizes 1000,10000,100000] [--runs N] [--seed N] [--out FILE] [--work DIR] [--corpus DIR] [--prepare] [--no-baselines] [--no-crash-check] [--keep]\n',
  );
  process.exit(2);
}

function positiveInt(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 0) usage(`${flag} needs a whole number, got ${value ?? 'nothing'}`);
  return n;
}

export function parseOptions(argv: string[]): Options {
  const options: Options = {
    sizes: [1000, 10000],
    runs: 5,
    seed: 1,
    out: null,
    work: join(os.tmpdir(), `unres-bench-${process.pid}`), // per process: two runs never share a folder
    corpus: null,
    baselines: true,
    crashCheck: true,
    keep: false,
    prepare: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--sizes': {
        const v = value();
        options.sizes = (v ?? '').split(',').map((s) => positiveInt('--sizes', s.trim()));
        if (options.sizes.length === 0 || options.sizes.some((s) => s < 1)) usage('--sizes needs sizes like 1000,10000');
        options.sizes = [...new Set(options.sizes)].sort((a, b) => a - b);
        break;
      }
      case '--runs':
        options.runs = Math.max(1, positiveInt('--runs', value()));
        break;
      case '--seed':
        options.seed = positiveInt('--seed', value());
        break;
      case '--out':
        options.out = value() ?? usage('--out needs a file');
        break;
      case '--work':
        options.work = resolve(value() ?? usage('--work needs a folder'));
        break;
      case '--corpus':
        options.corpus = resolve(value() ?? usage('--corpus needs a folder'));
        break;
      case '--no-baselines':
        options.baselines = false;
        break;
      case '--no-crash-check':
        options.crashCheck = false;
        break;
      case '--keep':
        options.keep = true;
        break;
      case '--prepare':
        options.prepare = true;
        break;
      case '--help':
      case '-h':
        usage('help');
        break;
      default:
        usage(`unknown option ${arg}`);
    }
  }
  return options;
}

// ---------------------------------------------------------------- repository paths

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bin', 'unres.js'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

const ROOT = repoRoot();
const UNRES_BIN = join(ROOT, 'bin', 'unres.js');
const PARSE_POOL = join(ROOT, 'dist', 'src', 'index', 'parse-pool.js');

// ---------------------------------------------------------------- targets (issue 13, 2 cores)

const TARGET = { ingestS: 360, ingestRssMb: 1024, searchMedianMs: 200, searchMaxMs: 350, add1S: 0.5, sizeRatio: 0.6 };
/** The size the targets are stated for. */
const TARGET_SIZE = 100_000;
/** Full ingests measured per size: three up to this size, one above. */
const REPEATED_INGEST_MAX = 1000;
/** The interrupted-ingest check runs at the largest size up to this one. */
const CRASH_CHECK_MAX = 10_000;

// ---------------------------------------------------------------- results

type System = 'lucene' | 'fts5';

interface BaselineResult {
  index: Sample | null;
  /** The build inside the system, as it reports it (ms). */
  buildMs: number | null;
  bytes: number;
  cold: Map<string, Sample[]>;
  /** Per query, the in-process times of the warm passes (ms). */
  warm: Map<string, number[]>;
  warmProcess: Sample | null;
  hits: Map<string, number>;
  failures: string[];
}

interface SizeResult {
  size: number;
  dir: string;
  bytes: number;
  clauses: number | null;
  ingest: Sample[];
  indexBytes: number;
  search: Map<string, Sample[]>;
  hits: Map<string, number | null>;
  add1: Sample[];
  baselines: Partial<Record<System, BaselineResult>>;
  failures: string[];
}

interface CorpusInfo {
  seed: number;
  count: number;
  fingerprint: string;
  seconds: number;
  /** Per size: bytes, and clauses (when the clause files were written). */
  sizes: Record<string, { bytes: number; clauses?: number }>;
  clauseSeconds?: number;
  clauseSizes?: number[];
}

// ---------------------------------------------------------------- the bench

class Bench {
  readonly started = Date.now();
  readonly results: SizeResult[] = [];
  readonly log: string[] = [];
  readonly notes: string[] = [];
  crash: string[] = [];
  loadBefore = os.loadavg();
  loadAfter: number[] = [];
  readonly cpuBefore = machineCpu();
  cpuAfter: ReturnType<typeof machineCpu> = null;
  ownCpuS = 0;
  corpusNote = '';
  clauseNote = '';
  queries: Query[] = [];
  private names: string[] = [];
  private corpusDir = '';
  private readonly addCounter = new Map<number, number>();

  constructor(readonly options: Options) {}

  say(line: string): void {
    const t = ((Date.now() - this.started) / 1000).toFixed(0).padStart(5);
    process.stderr.write(`[${t}s] ${line}\n`);
  }

  // ------------------------------------------------------------ corpus

  private fingerprint(): string {
    const hash = createHash('sha256');
    hash.update(readFileSync(fileURLToPath(new URL('./bench/corpus.js', import.meta.url))));
    const seeds = join(ROOT, 'seeds');
    for (const name of readdirSync(seeds).sort()) hash.update(name).update(readFileSync(join(seeds, name)));
    return hash.digest('hex').slice(0, 16);
  }

  /** The generated documents (written once, document by document) and a folder of hard links per size. */
  prepareCorpus(): void {
    const { seed, sizes, runs } = this.options;
    this.corpusDir = this.options.corpus ?? join(this.options.work, 'corpus');
    const infoPath = join(this.corpusDir, 'CORPUS.json');
    const max = sizes[sizes.length - 1]!;
    const count = max + runs + 2;
    const fingerprint = this.fingerprint();
    let info: CorpusInfo | null = null;
    try {
      info = JSON.parse(readFileSync(infoPath, 'utf8')) as CorpusInfo;
    } catch {
      info = null;
    }
    const pool = join(this.corpusDir, 'pool');
    if (info && info.seed === seed && info.fingerprint === fingerprint && info.count >= count && existsSync(pool)) {
      this.names = readdirSync(pool).sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
      this.corpusNote = `reused from ${this.corpusDir} (written by an earlier run in ${info.seconds.toFixed(0)} s)`;
      this.say(`corpus: ${this.corpusNote}`);
    } else {
      const t0 = Date.now();
      rmSync(this.corpusDir, { recursive: true, force: true });
      mkdirSync(pool, { recursive: true });
      const generator = new CorpusGenerator(loadSeedPools(), seed);
      this.names = [];
      for (let i = 0; i < count; i++) {
        const doc = generator.document(i);
        writeFileSync(join(pool, doc.name), doc.text);
        this.names.push(doc.name);
        if ((i + 1) % 10_000 === 0) this.say(`corpus: ${i + 1} documents written`);
      }
      info = { seed, count, fingerprint, seconds: (Date.now() - t0) / 1000, sizes: {} };
      this.corpusNote = `generated in ${info.seconds.toFixed(0)} s into ${this.corpusDir}`;
      this.say(`corpus: ${count} documents ${this.corpusNote}`);
    }
    for (const size of sizes) {
      const dir = join(this.corpusDir, `corpus-${size}`);
      if (!existsSync(dir) || readdirSync(dir).length !== size) {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        for (const name of this.names.slice(0, size)) linkSync(join(pool, name), join(dir, name));
      }
      let bytes = info.sizes[size]?.bytes;
      if (bytes === undefined) {
        bytes = 0;
        for (const name of this.names.slice(0, size)) bytes += statSync(join(pool, name)).size;
        info.sizes[size] = { bytes };
      }
      this.results.push({
        size,
        dir,
        bytes,
        clauses: info.sizes[size]?.clauses ?? null,
        ingest: [],
        indexBytes: 0,
        search: new Map(),
        hits: new Map(),
        add1: [],
        baselines: {},
        failures: [],
      });
    }
    writeFileSync(infoPath, JSON.stringify(info));
    this.info = info;
  }

  info: CorpusInfo | null = null;

  /** Seconds the clause files took to parse (the largest size), when known. */
  get clauseSeconds(): number | null {
    return this.info?.clauseSeconds ?? null;
  }

  /** The clause records of the largest corpus, parsed on worker threads, written once per size for Lucene (TSV) and FTS5 (JSONL). */
  async prepareClauses(): Promise<void> {
    const info = this.info!;
    const sizes = this.options.sizes;
    const ready = sizes.every((s) => existsSync(this.clauseFile(s, 'tsv')) && existsSync(this.clauseFile(s, 'jsonl')) && info.sizes[s]?.clauses !== undefined);
    if (ready && info.clauseSeconds !== undefined) {
      this.clauseNote = `reused (parsed earlier in ${info.clauseSeconds.toFixed(0)} s)`;
      for (const r of this.results) r.clauses = info.sizes[r.size]!.clauses!;
      return;
    }
    const t0 = Date.now();
    const { ParsePool } = (await import(PARSE_POOL)) as typeof import('../src/index/parse-pool.js');
    const pool = new ParsePool();
    const max = sizes[sizes.length - 1]!;
    const outs = sizes.map((s) => ({ size: s, tsv: createWriteStream(this.clauseFile(s, 'tsv')), jsonl: createWriteStream(this.clauseFile(s, 'jsonl')), clauses: 0 }));
    const flat = (text: string): string => text.replace(/[\t\r\n]+/g, ' ');
    const write = (stream: WriteStream, text: string): Promise<void> | null =>
      stream.write(text) ? null : new Promise((resolveDrain) => stream.once('drain', () => resolveDrain()));
    const inFlight: Array<Promise<import('../src/index/parse-pool.js').Parsed>> = [];
    const WINDOW = 64;
    const submit = (i: number): void => {
      const path = join(this.corpusDir, 'pool', this.names[i]!);
      inFlight.push(pool.parse(readFileSync(path), path));
    };
    for (let i = 0; i < Math.min(WINDOW, max); i++) submit(i);
    for (let i = 0; i < max; i++) {
      const { doc } = await inFlight.shift()!;
      if (i + WINDOW < max) submit(i + WINDOW);
      const records = clauseRecordsOf(doc);
      const tsv = records.map((r) => `${flat(r.id)}\t${flat(r.text)}\t${flat(r.notes)}\n`).join('');
      const jsonl = records.map((r) => JSON.stringify(r) + '\n').join('');
      for (const out of outs) {
        if (i >= out.size) continue;
        out.clauses += records.length;
        const waits = [write(out.tsv, tsv), write(out.jsonl, jsonl)].filter((w): w is Promise<void> => w !== null);
        if (waits.length > 0) await Promise.all(waits);
      }
      if ((i + 1) % 10_000 === 0) this.say(`clauses: ${i + 1} documents parsed`);
    }
    await pool.close();
    await Promise.all(outs.flatMap((o) => [new Promise((r) => o.tsv.end(r)), new Promise((r) => o.jsonl.end(r))]));
    info.clauseSeconds = (Date.now() - t0) / 1000;
    for (const out of outs) {
      info.sizes[out.size] = { ...info.sizes[out.size]!, clauses: out.clauses };
      this.results.find((r) => r.size === out.size)!.clauses = out.clauses;
    }
    writeFileSync(join(this.corpusDir, 'CORPUS.json'), JSON.stringify(info));
    this.clauseNote = `parsed by unres's parser on ${os.availableParallelism()} worker threads in ${info.clauseSeconds.toFixed(0)} s`;
    this.say(`clauses: ${this.clauseNote}`);
  }

  clauseFile(size: number, ext: 'tsv' | 'jsonl'): string {
    return join(this.corpusDir, `clauses-${size}.${ext}`);
  }

  newDocPath(size: number): string {
    const k = this.addCounter.get(size) ?? 0;
    this.addCounter.set(size, k + 1);
    const name = this.names[size + k] ?? this.names[this.names.length - 1]!;
    return join(this.corpusDir, 'pool', name);
  }

  indexDir(what: string, size: number): string {
    return join(this.options.work, `index-${what}-${size}`);
  }

  // ------------------------------------------------------------ measuring

  private async measure(label: string, cmd: string, args: string[], opts: { input?: string; timeoutMs?: number; okCodes?: number[] } = {}): Promise<Sample | null> {
    const sample = await runMeasured(cmd, args, {
      timeoutMs: opts.timeoutMs ?? 3 * 3600_000,
      cwd: ROOT,
      env: benchEnv(),
      ...(opts.input !== undefined ? { input: opts.input } : {}),
      keepStdout: 4 * 2 ** 20,
    });
    const ok = opts.okCodes ?? [0];
    if (sample.timedOut || sample.code === null || !ok.includes(sample.code)) {
      const why = sample.stderrTail.trim().split('\n').slice(-1)[0] ?? '';
      this.say(`${label}: FAILED (${sample.timedOut ? 'timed out' : `exit ${sample.code ?? sample.signal}`}): ${why.slice(0, 200)}`);
      return null;
    }
    this.say(`${label}: ${fmtMs(sample.wallMs)}, ${fmtMb(sample.maxRssKb)}`);
    return sample;
  }

  async unres(r: SizeResult): Promise<void> {
    const { runs } = this.options;
    const index = this.indexDir('unres', r.size);
    const ingestRuns = r.size <= REPEATED_INGEST_MAX ? Math.min(runs, 3) : 1;
    for (let k = 0; k < ingestRuns; k++) {
      rmSync(index, { recursive: true, force: true });
      const s = await this.measure(`unres ingest @${r.size}`, process.execPath, [UNRES_BIN, 'ingest', r.dir, '--index', index]);
      if (!s) {
        r.failures.push('full ingest failed');
        return;
      }
      r.ingest.push(s);
    }
    r.indexBytes = treeBytes(index);
    // One untimed search first, so the first measured one does not pay for cold pages of node itself.
    await runMeasured(process.execPath, [UNRES_BIN, 'search', 'الأطفال', '--index', index, '--json'], { timeoutMs: 120_000, cwd: ROOT });
    for (let k = 0; k < runs; k++) {
      for (const q of this.queries) {
        const s = await this.measure(`unres search ${q.id} @${r.size}`, process.execPath, [UNRES_BIN, 'search', ...q.words, ...q.filters, '--index', index, '--json'], {
          okCodes: [0, 1],
        });
        if (!s) continue;
        const list = r.search.get(q.id) ?? [];
        list.push(s);
        r.search.set(q.id, list);
        r.hits.set(q.id, countJson(s.stdoutHead));
      }
    }
    for (let k = 0; k < runs; k++) {
      const s = await this.measure(`unres add1 @${r.size}`, process.execPath, [UNRES_BIN, 'ingest', this.newDocPath(r.size), '--index', index]);
      if (s) r.add1.push(s);
    }
  }

  async baseline(r: SizeResult, system: System): Promise<void> {
    const { runs } = this.options;
    const result: BaselineResult = { index: null, buildMs: null, bytes: 0, cold: new Map(), warm: new Map(), warmProcess: null, hits: new Map(), failures: [] };
    r.baselines[system] = result;
    const dir = this.indexDir(system, r.size);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    let classpath = '';
    try {
      if (system === 'lucene') classpath = luceneClasspath((line) => this.say(line));
    } catch (err) {
      result.failures.push((err as Error).message);
      this.say(`lucene: ${(err as Error).message}`);
      return;
    }
    const fts5 = baselineAsset('fts5.py');
    const store = system === 'lucene' ? join(dir, 'lucene') : join(dir, 'fts5.db');
    const indexCmd: [string, string[]] =
      system === 'lucene'
        ? ['java', ['-cp', classpath, 'LuceneBaseline', 'index', this.clauseFile(r.size, 'tsv'), store]]
        : ['python3', [fts5, 'index', this.clauseFile(r.size, 'jsonl'), store]];
    const searchCmd: [string, string[]] =
      system === 'lucene' ? ['java', ['-cp', classpath, 'LuceneBaseline', 'search', store, '10']] : ['python3', [fts5, 'search', store, '10']];
    const line = (q: Query): string => (system === 'lucene' ? luceneQuery(q.words.join(' ')) : JSON.stringify(q.words.join(' '))) + '\n';
    const parse = (out: string): Array<{ ms: number; ids: number }> =>
      out
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => {
          if (system === 'fts5') {
            const o = JSON.parse(l) as { ms: number; ids: string[] };
            return { ms: o.ms, ids: o.ids.length };
          }
          const [ms, ...ids] = l.split('\t');
          return { ms: Number(ms), ids: ids.length };
        });

    const index = await this.measure(`${system} index @${r.size}`, indexCmd[0], indexCmd[1]);
    if (!index) {
      result.failures.push('index failed');
      return;
    }
    result.index = index;
    const built = /indexed \d+ (\d+)/.exec(index.stdoutHead);
    result.buildMs = built ? Number(built[1]) : null;
    result.bytes = treeBytes(dir);
    const coldRuns = Math.min(runs, 3);
    for (let k = 0; k < coldRuns; k++) {
      for (const q of this.queries) {
        const s = await this.measure(`${system} cold ${q.id} @${r.size}`, searchCmd[0], searchCmd[1], { input: line(q) });
        if (!s) continue;
        const list = result.cold.get(q.id) ?? [];
        list.push(s);
        result.cold.set(q.id, list);
        result.hits.set(q.id, parse(s.stdoutHead)[0]?.ids ?? 0);
      }
    }
    // Warm: every query `runs` times in one process; the first pass warms the process up (JIT, caches).
    const passes = Math.max(2, runs + 1);
    const input = Array.from({ length: passes }, () => this.queries.map(line).join('')).join('');
    const warm = await this.measure(`${system} warm (${passes} passes) @${r.size}`, searchCmd[0], searchCmd[1], { input });
    if (warm) {
      result.warmProcess = warm;
      const answers = parse(warm.stdoutHead);
      answers.forEach((a, i) => {
        if (i < this.queries.length) return;
        const q = this.queries[i % this.queries.length]!;
        const list = result.warm.get(q.id) ?? [];
        list.push(a.ms);
        result.warm.set(q.id, list);
      });
    }
  }

  /**
   * Kill an ingest midway through its writing, then check the index: it must
   * open and answer with what it held before (an ingest commits by replacing
   * its manifest), and the next ingest must recover. The ingest goes into a
   * copy of the next smaller index, so there is a previous state to lose.
   */
  async crashCheck(r: SizeResult): Promise<void> {
    const smaller = this.results.filter((x) => x.size < r.size && existsSync(this.indexDir('unres', x.size)));
    if (r.ingest.length === 0 || smaller.length === 0) return;
    const base = smaller[smaller.length - 1]!;
    const fullMs = median(r.ingest.map((s) => s.wallMs));
    const dir = join(this.options.work, `index-unres-${r.size}-killed`);
    rmSync(dir, { recursive: true, force: true });
    cpSync(this.indexDir('unres', base.size), dir, { recursive: true });
    const node = process.execPath;
    const run = (args: string[]): Promise<Sample> => runMeasured(node, [UNRES_BIN, ...args, '--index', dir], { timeoutMs: 600_000, cwd: ROOT, keepStdout: 64 * 2 ** 20 });
    const firstErr = (s: Sample): string => s.stderrTail.trim().split('\n')[0] ?? '';
    const before = countJson((await run(['list', '--json'])).stdoutHead);
    const initialBytes = treeBytes(dir);
    const expectedMs = fullMs * (1 - base.size / r.size);
    let writingAt = 0;
    let killAt = Infinity;
    let killedAt = 0;
    let bytesAtKill = 0;
    const sample = await runMeasured(node, [UNRES_BIN, 'ingest', r.dir, '--index', dir], {
      timeoutMs: fullMs * 3 + 60_000,
      cwd: ROOT,
      pollMs: 25,
      killWhen: (elapsed) => {
        if (killedAt > 0) return true;
        if (writingAt === 0 && treeBytes(dir) > initialBytes) {
          writingAt = elapsed;
          killAt = Math.max(elapsed + 100, elapsed + (expectedMs - elapsed) / 2);
        }
        if (elapsed >= killAt || elapsed >= expectedMs * 0.9 + (writingAt > 0 ? expectedMs : 0)) {
          killedAt = elapsed;
          bytesAtKill = treeBytes(dir);
          return true;
        }
        return false;
      },
    });
    if (sample.code === 0 && killedAt === 0) {
      this.crash.push(`the ingest finished (${fmtS(sample.wallMs)}) before it could be killed: not checked`);
      return;
    }
    this.crash.push(
      `\`unres ingest\` of the ${r.size}-document corpus into a copy of the ${base.size}-document index (${before ?? '?'} documents) killed (SIGKILL) at ${fmtS(killedAt)} (the folder began to grow at ${writingAt > 0 ? fmtS(writingAt) : 'never'}); folder then ${fmtBytes(bytesAtKill)} in ${treeFiles(dir)} files`,
    );
    const list = await run(['list', '--json']);
    const after = countJson(list.stdoutHead);
    const search = await run(['search', 'الأطفال', '--json']);
    const next = await runMeasured(node, [UNRES_BIN, 'ingest', this.newDocPath(r.size), '--index', dir], { timeoutMs: 600_000, cwd: ROOT });
    const listAgain = await run(['list', '--json']);
    this.crash.push(`then \`unres list\`: exit ${list.code}${list.code === 0 ? `, ${after ?? '?'} documents` : `: ${firstErr(list)}`}`);
    this.crash.push(`then \`unres search الأطفال\`: exit ${search.code}`);
    this.crash.push(`then \`unres ingest\` of one new document: exit ${next.code} in ${fmtS(next.wallMs)}; \`unres list\`: ${countJson(listAgain.stdoutHead) ?? '?'} documents`);
    const ok = list.code === 0 && after !== null && before !== null && after >= before && (search.code === 0 || search.code === 1) && next.code === 0;
    this.crash.push(ok ? `verdict: no half-written index (it opens with ${after} documents, ${before} before) and the next ingest recovers` : 'verdict: FAILED');
    this.say(`crash check: ${this.crash.join('; ')}`);
    if (!this.options.keep) rmSync(dir, { recursive: true, force: true });
  }

  async run(): Promise<void> {
    this.prepareCorpus();
    const doc0 = readFileSync(join(this.corpusDir, 'pool', this.names[0]!));
    const { parseBytes } = await import('../src/structure/parse.js');
    this.queries = queries(parseBytes(doc0, this.names[0]!).id);
    if (this.options.baselines) await this.prepareClauses();
    if (this.options.prepare) return;
    const crashSize = this.results.filter((r) => r.size <= CRASH_CHECK_MAX).slice(-1)[0]?.size;
    for (const r of this.results) {
      this.say(`--- ${r.size} documents`);
      await this.unres(r);
      if (this.options.crashCheck && r.size === crashSize) await this.crashCheck(r);
      if (this.options.baselines) {
        await this.baseline(r, 'lucene');
        await this.baseline(r, 'fts5');
      }
      // Indexes of a size are not needed once measured (the crash check copies the next smaller unres index).
      if (!this.options.keep) for (const what of ['lucene', 'fts5']) rmSync(this.indexDir(what, r.size), { recursive: true, force: true });
    }
    this.loadAfter = os.loadavg();
    this.cpuAfter = machineCpu();
    const own = process.cpuUsage();
    this.ownCpuS = (own.user + own.system) / 1e6 + measuredCpuSeconds();
  }
}

function countJson(text: string): number | null {
  try {
    const list = JSON.parse(text) as unknown[];
    return Array.isArray(list) ? list.length : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- formatting

function fmtMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}
function fmtS(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
function fmtMb(kb: number | null): string {
  return kb === null ? '? MB' : `${(kb / 1024).toFixed(0)} MB`;
}
function fmtBytes(bytes: number): string {
  return bytes >= 1 << 30 ? `${(bytes / 2 ** 30).toFixed(2)} GB` : bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}
function fmtRatio(r: number): string {
  return r >= 10 ? r.toFixed(0) : r >= 0.1 ? r.toFixed(2) : r.toPrecision(2);
}
function ratio(a: number | null, b: number | null): string {
  return a === null || b === null || b === 0 ? '—' : `${fmtRatio(a / b)}×`;
}

const walls = (samples: Sample[]): number[] => samples.map((s) => s.wallMs);
const peak = (samples: Sample[]): number | null => {
  const v = samples.map((s) => s.maxRssKb).filter((x): x is number => x !== null);
  return v.length === 0 ? null : Math.max(...v);
};
const maxOf = (values: number[]): number | null => (values.length === 0 ? null : Math.max(...values));
const medianOrNull = (values: number[]): number | null => (values.length === 0 ? null : median(values));

/** Median and max over the runs of one measure: "12.3 s" or "210 ms (max 260, n=5)". */
function cell(values: number[], unit: 's' | 'ms'): string {
  if (values.length === 0) return '—';
  const show = (ms: number): string => (unit === 's' ? `${(ms / 1000).toFixed(ms >= 10_000 ? 1 : 2)} s` : `${ms.toFixed(0)} ms`);
  return values.length === 1 ? show(values[0]!) : `${show(median(values))} (max ${show(Math.max(...values)).replace(/ (s|ms)$/, '')}, n=${values.length})`;
}

interface SearchFigures {
  all: number[];
  perQuery: Array<{ q: Query; median: number; max: number }>;
}

function searchFigures(r: SizeResult, qs: Query[]): SearchFigures {
  const perQuery = qs
    .map((q) => ({ q, samples: walls(r.search.get(q.id) ?? []) }))
    .filter((x) => x.samples.length > 0)
    .map((x) => ({ q: x.q, median: median(x.samples), max: Math.max(...x.samples) }));
  return { all: qs.flatMap((q) => walls(r.search.get(q.id) ?? [])), perQuery };
}

function otherCpu(bench: Bench): string {
  const a = bench.cpuBefore;
  const b = bench.cpuAfter;
  if (!a || !b) return '- CPU use by other processes during the run: unknown (no /proc/stat)';
  const busy = b.busyS - a.busyS;
  const total = b.totalS - a.totalS;
  const others = Math.max(0, busy - bench.ownCpuS);
  const pct = (x: number): string => `${((x / Math.max(total, 1e-9)) * 100).toFixed(0)}%`;
  return `- CPU during the run: ${busy.toFixed(0)} of ${total.toFixed(0)} core-seconds busy (${pct(busy)}); the bench and its processes ${bench.ownCpuS.toFixed(0)}, other processes ${others.toFixed(0)} (${pct(others)} of the machine)`;
}

/**
 * The environment of every measured process. NODE_EXTRA_CA_CERTS is left out:
 * Node reads that certificate file at every start, before V8 runs (about 40 ms
 * where a sandbox sets it for its proxy), and unres opens no network
 * connection; a user's machine seldom sets it. The report says when it was set.
 */
function benchEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', UNRES_INDEX: '' };
  delete env['NODE_EXTRA_CA_CERTS'];
  return env;
}

function versionOf(cmd: string, args: string[]): string {
  const run = spawnSync(cmd, args, { encoding: 'utf8' });
  if (run.error) return 'not installed';
  // java -version writes to stderr.
  return `${run.stdout ?? ''}${run.stderr ?? ''}`.trim().split('\n')[0] ?? '?';
}

export function report(bench: Bench): string {
  const { options } = bench;
  const out: string[] = [];
  const totalS = (Date.now() - bench.started) / 1000;
  const load = (l: number[]): string => l.map((v) => v.toFixed(2)).join(', ');
  const cpus = os.cpus();
  out.push(`### Run of ${new Date(bench.started).toISOString().slice(0, 16).replace('T', ' ')} UTC`, '');
  out.push(
    `- machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory; ${os.type()} ${os.release()}; node ${process.version}`,
    `- load average (1, 5, 15 min): before ${load(bench.loadBefore)}; after ${load(bench.loadAfter)}`,
    otherCpu(bench),
    `- peak RSS: ${rssMethod()}; wall time: spawn to exit, measured by the harness`,
    `- command: \`npm run bench -- --sizes ${options.sizes.join(',')} --runs ${options.runs} --seed ${options.seed}${options.corpus ? ' --corpus DIR' : ''}\`; whole run ${fmtS(totalS * 1000)} (${(totalS / 60).toFixed(0)} min)`,
    ...(process.env['NODE_EXTRA_CA_CERTS'] ? ['- environment: NODE_EXTRA_CA_CERTS is set on this machine; the measured processes run without it (Node would read the certificate file at every start; unres makes no network request)'] : []),
    `- corpus: ${bench.corpusNote}; baselines' clauses: ${bench.clauseNote || 'not prepared (--no-baselines)'}`,
  );
  if (options.baselines) {
    out.push(`- baselines: Lucene (${versionOf('java', ['-version'])}, Debian liblucene8-java), SQLite FTS5 (python3 sqlite3 ${versionOf('python3', ['-c', 'import sqlite3; print(sqlite3.sqlite_version)'])})`);
  }
  out.push('');

  out.push('**unres, per size** (the growth curve). Cold search: a new `unres search --json` process per query and run, pooled over the 11 queries below; "slowest query" is the median of the slowest query\'s runs.', '');
  out.push('| documents | input | full ingest | peak RSS, ingest | cold search median | slowest query | slowest single search | add 1 document | peak RSS, search | index size | index / input |');
  out.push('| ---: | ---: | --- | ---: | ---: | --- | ---: | --- | ---: | ---: | ---: |');
  for (const r of bench.results) {
    const sf = searchFigures(r, bench.queries);
    const slowest = sf.perQuery.slice().sort((a, b) => b.median - a.median)[0];
    const allSearch = bench.queries.flatMap((q) => r.search.get(q.id) ?? []);
    out.push(
      `| ${r.size.toLocaleString('en')} | ${fmtBytes(r.bytes)} | ${cell(walls(r.ingest), 's')} | ${fmtMb(peak(r.ingest))} | ${medianOrNull(sf.all)?.toFixed(0) ?? '—'} ms | ${slowest ? `${slowest.median.toFixed(0)} ms (${slowest.q.id})` : '—'} | ${maxOf(sf.all)?.toFixed(0) ?? '—'} ms | ${cell(walls(r.add1), 's')} | ${fmtMb(peak(allSearch))} | ${r.indexBytes ? fmtBytes(r.indexBytes) : '—'} | ${r.indexBytes ? (r.indexBytes / r.bytes).toFixed(2) : '—'} |`,
    );
  }
  out.push('');

  const target = bench.results.find((r) => r.size === TARGET_SIZE) ?? bench.results[bench.results.length - 1];
  if (target) {
    const sf = searchFigures(target, bench.queries);
    const slowest = maxOf(sf.perQuery.map((p) => p.median));
    const verdict = (what: string, value: number | null, limit: number, unit: string, digits = 0): string =>
      value === null ? `- ${what}: not measured` : `- ${what}: ${value <= limit ? 'met' : 'MISSED'} (${value.toFixed(digits)} ${unit}; target ≤ ${limit} ${unit})`;
    const rssAll = maxOf(bench.results.map((r) => peak(r.ingest)).filter((x): x is number => x !== null));
    out.push(`Targets of issue 13 at ${target.size.toLocaleString('en')} documents${target.size !== TARGET_SIZE ? ' (the largest size run; they are stated for 100,000)' : ''}:`, '');
    out.push(
      verdict('full ingest', medianOrNull(walls(target.ingest)) === null ? null : median(walls(target.ingest)) / 1000, TARGET.ingestS, 's'),
      verdict('peak RSS of a full ingest, any size', rssAll === null ? null : rssAll / 1024, TARGET.ingestRssMb, 'MB'),
      verdict('cold search median', medianOrNull(sf.all), TARGET.searchMedianMs, 'ms'),
      verdict('slowest query (median of its runs)', slowest, TARGET.searchMaxMs, 'ms'),
      verdict('add 1 document (median)', medianOrNull(walls(target.add1)) === null ? null : median(walls(target.add1)) / 1000, TARGET.add1S, 's', 2),
      verdict('index size / input', target.indexBytes ? target.indexBytes / target.bytes : null, TARGET.sizeRatio, '×', 2),
      '',
    );
  }

  if (options.baselines) {
    out.push('**Baselines on the same clauses** (scripts/baselines/: Lucene 8 ArabicAnalyzer + BM25 over text and notes, default operator OR; SQLite FTS5 unicode61 + bm25). They index clause files already parsed by unres (the parsing is not in their figures: see the clause line above); the filtered queries run without their filter. Cold query: a new JVM / python3 process per query, including start-up and opening the index; warm query: the in-process time per query in one process that ran every query several times (first pass excluded).', '');
    out.push('| documents | system | index (process) | peak RSS, index | index size | cold query median | cold max | warm query median | warm max |');
    out.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of bench.results) {
      for (const system of ['lucene', 'fts5'] as const) {
        const b = r.baselines[system];
        if (!b) continue;
        if (!b.index) {
          out.push(`| ${r.size.toLocaleString('en')} | ${system} | failed: ${b.failures.join('; ')} | | | | | | |`);
          continue;
        }
        const cold = bench.queries.flatMap((q) => walls(b.cold.get(q.id) ?? []));
        const warm = bench.queries.flatMap((q) => b.warm.get(q.id) ?? []);
        out.push(
          `| ${r.size.toLocaleString('en')} | ${system === 'lucene' ? 'Lucene' : 'FTS5'} | ${fmtMs(b.index.wallMs)} | ${fmtMb(b.index.maxRssKb)} | ${fmtBytes(b.bytes)} | ${medianOrNull(cold)?.toFixed(0) ?? '—'} ms | ${maxOf(cold)?.toFixed(0) ?? '—'} ms | ${medianOrNull(warm)?.toFixed(1) ?? '—'} ms | ${maxOf(warm)?.toFixed(1) ?? '—'} ms |`,
        );
      }
    }
    out.push('');
    out.push('**Ratios** (unres / baseline; below 1× unres is faster or smaller). Ingest: unres parses the documents itself, the baselines get clauses already parsed, so the second column adds the parsing time of the clause files (measured once for the largest size, scaled by documents) to theirs.', '');
    out.push('| documents | vs | ingest / index | ingest / (parse + index) | cold search / cold query | cold search / warm query | index size |');
    out.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: |');
    const clauseS = bench.clauseSeconds;
    const largest = bench.results[bench.results.length - 1]?.size ?? 1;
    for (const r of bench.results) {
      const ours = medianOrNull(walls(r.ingest));
      const ourSearch = medianOrNull(bench.queries.flatMap((q) => walls(r.search.get(q.id) ?? [])));
      for (const system of ['lucene', 'fts5'] as const) {
        const b = r.baselines[system];
        if (!b?.index) continue;
        const cold = medianOrNull(bench.queries.flatMap((q) => walls(b.cold.get(q.id) ?? [])));
        const warm = medianOrNull(bench.queries.flatMap((q) => b.warm.get(q.id) ?? []));
        const parseMs = clauseS === null ? null : (clauseS * 1000 * r.size) / largest;
        out.push(
          `| ${r.size.toLocaleString('en')} | ${system === 'lucene' ? 'Lucene' : 'FTS5'} | ${ratio(ours, b.index.wallMs)} | ${parseMs === null ? '—' : ratio(ours, b.index.wallMs + parseMs)} | ${ratio(ourSearch, cold)} | ${ratio(ourSearch, warm)} | ${ratio(r.indexBytes || null, b.bytes || null)} |`,
        );
      }
    }
    out.push('');
  }

  out.push('**Per query**: median ms of the runs (hits returned, limit 10). unres: cold process; Lucene and FTS5: cold process / warm in-process.', '');
  const header = bench.results.map((r) => `@${r.size.toLocaleString('en')} unres${options.baselines ? ' | Lucene cold / warm | FTS5 cold / warm' : ''}`).join(' | ');
  out.push(`| query | ${header} |`);
  out.push(`| --- | ${bench.results.map(() => (options.baselines ? '---: | ---: | ---:' : '---:')).join(' | ')} |`);
  for (const q of bench.queries) {
    const cells = bench.results.map((r) => {
      const s = walls(r.search.get(q.id) ?? []);
      const ours = s.length === 0 ? '—' : `${median(s).toFixed(0)} (${r.hits.get(q.id) ?? '?'})`;
      if (!options.baselines) return ours;
      const b = (system: System): string => {
        const x = r.baselines[system];
        if (!x?.index) return '—';
        const cold = walls(x.cold.get(q.id) ?? []);
        const warm = x.warm.get(q.id) ?? [];
        return `${cold.length ? median(cold).toFixed(0) : '—'} / ${warm.length ? median(warm).toFixed(1) : '—'} (${x.hits.get(q.id) ?? '?'})`;
      };
      return `${ours} | ${b('lucene')} | ${b('fts5')}`;
    });
    out.push(`| ${q.id} \`${queryLabel(q)}\` (${q.note}) | ${cells.join(' | ')} |`);
  }
  out.push('');
  if (bench.crash.length > 0) out.push('Interrupted ingest (a half-written index must never be left):', '', ...bench.crash.map((c) => `- ${c}`), '');
  const failures = bench.results.flatMap((r) => [
    ...r.failures.map((f) => `unres @${r.size}: ${f}`),
    ...Object.entries(r.baselines).flatMap(([s, b]) => (b?.failures ?? []).map((f) => `${s} @${r.size}: ${f}`)),
  ]);
  if (failures.length > 0 || bench.notes.length > 0) out.push('Not measured or failed:', '', ...[...bench.notes, ...failures].map((f) => `- ${f}`), '');
  return out.join('\n');
}

const WORK_MARKER = '.unres-bench-work';

/** Empty the work folder, but only one this harness made (it holds the marker) or an empty one. */
function clearWorkDir(work: string): void {
  if (existsSync(work) && readdirSync(work).length > 0 && !existsSync(join(work, WORK_MARKER))) {
    process.stderr.write(`bench: ${work} is not empty and was not made by the bench; give another --work folder\n`);
    process.exit(2);
  }
  for (const name of existsSync(work) ? readdirSync(work) : []) {
    if (name !== 'corpus') rmSync(join(work, name), { recursive: true, force: true });
  }
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, WORK_MARKER), '');
}

function removeWorkDir(work: string): void {
  if (existsSync(join(work, WORK_MARKER))) rmSync(work, { recursive: true, force: true });
}

function writeOut(path: string, section: string): void {
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const block = `${begin}\n${section}\n${end}`;
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = '# Benchmarks\n\n';
  }
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  text = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, text);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(PARSE_POOL)) {
    process.stderr.write(`bench: ${PARSE_POOL} is missing: run \`npm run build\` first\n`);
    process.exit(2);
  }
  clearWorkDir(options.work);
  const bench = new Bench(options);
  const stop = (): void => {
    killRunning();
    if (!options.keep) removeWorkDir(options.work);
    process.exit(130);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await bench.run();
  if (options.prepare) {
    bench.say(`corpus and clause files ready in ${options.corpus ?? options.work}`);
    return;
  }
  const text = report(bench);
  process.stdout.write(text + '\n');
  if (options.out) {
    writeOut(options.out, text);
    bench.say(`results written to ${options.out}`);
  }
  if (!options.keep) {
    // The corpus stays when it lives in its own --corpus folder.
    removeWorkDir(options.work);
  }
  bench.say(`total ${((Date.now() - bench.started) / 1000).toFixed(0)} s`);
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main().catch((err: unknown) => {
    killRunning();
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
