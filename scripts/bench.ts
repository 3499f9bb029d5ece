// `npm run bench`: ingest and search timings of unres against two baselines on
// generated corpora of 100, 1,000 and 5,000 documents.
//
//   npm run bench -- [--sizes 100,1000,5000] [--runs 5] [--seed 1]
//                    [--out docs/benchmarks.md] [--budget 570] [--work DIR]
//                    [--no-baselines] [--no-crash-check] [--keep]
//
// Every figure is a whole process (node start, load, work, print), measured
// from spawn to exit, several runs, median and min-max. Peak RSS comes from
// GNU time (%M) or /proc VmHWM. Baselines, on the same corpora in the same run:
//   lunr: one lunr index with lunr-languages' Arabic over the same clauses
//         (scripts/bench/lunr-baseline.ts), rebuilt whole on each ingest,
//         loaded whole on each search;
//   grep: `grep -rF <word> <corpus>` for the one-word queries.
//
// The whole run keeps to a time budget (default 570 s, so `npm run bench`
// ends within 10 minutes), in this order: one run of every unres measure at
// every size (and the interrupted-ingest check at the largest), one run of
// every baseline measure at the smaller sizes; then more unres runs (up to
// --runs, cheapest first) while the estimated cost of the baselines at the
// largest size stays free; then those baselines; then anything else that fits.
// A process still running when the budget ends is killed and its figure
// reported as a lower bound ("> 120 s"). With --out the results replace the part of the file between
// `<!-- bench:begin -->` and `<!-- bench:end -->` (notes outside stay).

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusGenerator, loadSeedPools, placeName, type GeneratedDocument } from './bench/corpus.js';
import { killRunning, machineCpu, measuredCpuSeconds, median, rssMethod, runMeasured, spread, treeBytes, treeFiles, type Sample } from './bench/measure.js';
import { parseBytes } from '../src/structure/parse.js';

// ---------------------------------------------------------------- options

interface Options {
  sizes: number[];
  runs: number;
  seed: number;
  out: string | null;
  budgetS: number;
  work: string;
  baselines: boolean;
  crashCheck: boolean;
  keep: boolean;
}

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.stderr.write(
    'usage: npm run bench -- [--sizes 100,1000,5000] [--runs N] [--seed N] [--out FILE] [--budget SECONDS] [--work DIR] [--no-baselines] [--no-crash-check] [--keep]\n',
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
    sizes: [100, 1000, 5000],
    runs: 5,
    seed: 1,
    out: null,
    budgetS: 570,
    work: join(os.tmpdir(), `unres-bench-${process.pid}`), // per process: two runs never share a folder
    baselines: true,
    crashCheck: true,
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--sizes': {
        const v = value();
        options.sizes = (v ?? '').split(',').map((s) => positiveInt('--sizes', s.trim()));
        if (options.sizes.length === 0 || options.sizes.some((s) => s < 1)) usage('--sizes needs sizes like 100,1000');
        options.sizes.sort((a, b) => a - b);
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
      case '--budget':
        options.budgetS = Math.max(10, positiveInt('--budget', value()));
        break;
      case '--work':
        options.work = resolve(value() ?? usage('--work needs a folder'));
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
const ENGINE_MODULE = join(ROOT, 'dist', 'src', 'store', 'index.js');
const LUNR_SCRIPT = join(ROOT, 'dist', 'scripts', 'bench', 'lunr-baseline.js');
/** lunr builds its whole index in memory: give it room so the baseline finishes rather than dies. */
const LUNR_NODE_FLAGS = ['--max-old-space-size=16384'];

// ---------------------------------------------------------------- targets (the issue's, 2 cores)

interface Targets {
  ingestS: number;
  add1S: number;
  searchMs: number;
  searchRssMb: number;
}
const TARGETS: Record<number, Targets> = {
  1000: { ingestS: 20, add1S: 1.5, searchMs: 300, searchRssMb: 250 },
  5000: { ingestS: 100, add1S: 2, searchMs: 700, searchRssMb: 600 },
};
const INGEST_RSS_LIMIT_MB = 2048;
/** Runs of the largest full ingest before the baselines get their turn (more come after, if time is left). */
const LARGEST_INGEST_RUNS = 3;

// ---------------------------------------------------------------- queries

type QueryClass = 'one-word' | 'multi-word' | 'filtered';

interface Query {
  id: string;
  cls: QueryClass;
  words: string[];
  filters: string[];
  note: string;
}

function queries(doc0Id: string): Query[] {
  const rare = placeName(25); // an invented place name: a few documents in a hundred
  return [
    { id: 'w1', cls: 'one-word', words: ['الأطفال'], filters: [], note: 'common word' },
    { id: 'w2', cls: 'one-word', words: ['طفل'], filters: [], note: 'morphology: finds الأطفال' },
    { id: 'w3', cls: 'one-word', words: ['تشفير'], filters: [], note: 'rare seed word' },
    { id: 'w4', cls: 'one-word', words: [rare], filters: [], note: 'invented place name' },
    { id: 'w5', cls: 'one-word', words: ['2017'], filters: [], note: 'digits (text prints ٢٠١٧ too)' },
    { id: 'm1', cls: 'multi-word', words: ['الاتجار', 'بالأشخاص'], filters: [], note: 'two common words' },
    { id: 'm2', cls: 'multi-word', words: ['صندوق', 'استئماني', 'للتبرعات'], filters: [], note: 'three words' },
    { id: 'm3', cls: 'multi-word', words: ['الجريمة', 'المنظمة', 'عبر', 'الوطنية'], filters: [], note: 'four very common words' },
    { id: 'f1', cls: 'filtered', words: ['الأطفال'], filters: ['--kind', 'operative'], note: '--kind operative' },
    { id: 'f2', cls: 'filtered', words: ['الاتجار'], filters: ['--cites', 'A/RES/64/293'], note: '--cites A/RES/64/293' },
    { id: 'f3', cls: 'filtered', words: ['الضحايا'], filters: ['--doc', doc0Id], note: `--doc ${doc0Id}` },
  ];
}

function queryLabel(q: Query): string {
  return [...q.words, ...q.filters].join(' ');
}

// ---------------------------------------------------------------- tasks

type Engine = 'unres' | 'lunr' | 'grep';
type Measure = 'ingest' | 'add1' | 'search';

interface Task {
  size: number;
  engine: Engine;
  measure: Measure;
  query?: Query;
  samples: Sample[];
  /** Exit codes that count as success. */
  okCodes: number[];
  failures: string[];
  skipped: string | null;
  /** The last sample's hit count (searches), when stdout was a JSON array. */
  hits: number | null;
}

class Bench {
  readonly started = Date.now();
  readonly deadline: number;
  readonly hardDeadline: number;
  readonly tasks: Task[] = [];
  readonly log: string[] = [];
  readonly corpus = new Map<number, { dir: string; bytes: number; clauses: number; vocabulary: number; families: Record<string, number> }>();
  readonly indexBytes = new Map<string, number>();
  readonly notes: string[] = [];
  crash: string[] = [];
  engineAvailable = false;
  loadBefore = os.loadavg();
  loadAfter: number[] = [];
  readonly cpuBefore = machineCpu();
  cpuAfter: ReturnType<typeof machineCpu> = null;
  ownCpuS = 0;
  corpusSeconds = 0;
  private readonly addCounter = new Map<string, number>();
  queries: Query[] = [];

  constructor(readonly options: Options) {
    this.deadline = this.started + options.budgetS * 1000;
    this.hardDeadline = this.deadline + 20_000;
  }

  remainingMs(): number {
    return this.deadline - Date.now();
  }

  say(line: string): void {
    const t = ((Date.now() - this.started) / 1000).toFixed(0).padStart(4);
    process.stderr.write(`[${t}s] ${line}\n`);
  }

  task(size: number, engine: Engine, measure: Measure, query?: Query): Task {
    let task = this.tasks.find((t) => t.size === size && t.engine === engine && t.measure === measure && t.query === query);
    if (!task) {
      const okCodes = measure === 'search' ? [0, 1] : [0];
      task = { size, engine, measure, query, samples: [], okCodes, failures: [], skipped: null, hits: null };
      this.tasks.push(task);
    }
    return task;
  }

  // ------------------------------------------------------------ corpus

  prepareCorpus(): void {
    const t0 = Date.now();
    const { work, seed, sizes, runs } = this.options;
    clearWorkDir(work);
    const pool = join(work, 'pool');
    mkdirSync(pool, { recursive: true });
    const max = sizes[sizes.length - 1]!;
    const generator = new CorpusGenerator(loadSeedPools(), seed);
    const vocabulary = new Set<string>();
    let bytes = 0;
    let clauses = 0;
    const families: Record<string, number> = {};
    const names: string[] = [];
    for (let i = 0; i < max + runs + 2; i++) {
      const doc: GeneratedDocument = generator.document(i);
      writeFileSync(join(pool, doc.name), doc.text);
      names.push(doc.name);
      if (i >= max) continue;
      const e = doc.expected;
      bytes += Buffer.byteLength(doc.text);
      clauses += e.preamble + e.operative + e.paragraph + e.recommendation;
      families[doc.family] = (families[doc.family] ?? 0) + 1;
      for (const token of doc.text.split(/[\s،؛.,:()"[\]*^⁽⁾\-/]+/)) if (token !== '') vocabulary.add(token);
      if (sizes.includes(i + 1)) {
        const dir = join(work, `corpus-${i + 1}`);
        mkdirSync(dir, { recursive: true });
        for (const name of names.slice(0, i + 1)) linkSync(join(pool, name), join(dir, name));
        this.corpus.set(i + 1, { dir, bytes, clauses, vocabulary: vocabulary.size, families: { ...families } });
      }
    }
    const doc0 = parseBytes(readFileSync(join(pool, names[0]!)), names[0]!);
    this.queries = queries(doc0.id);
    this.newDocNames = names;
    this.corpusSeconds = (Date.now() - t0) / 1000;
    this.say(`corpus: ${max} documents (+${runs + 2} spare) in ${this.corpusSeconds.toFixed(1)} s, ${(bytes / 1048576).toFixed(1)} MB, seed ${seed}`);
  }

  private newDocNames: string[] = [];

  /** The k-th "new" document for an index of `size`: document size + k of the same corpus. */
  newDocPath(size: number, engine: Engine): string {
    const key = `${engine}:${size}`;
    const k = this.addCounter.get(key) ?? 0;
    this.addCounter.set(key, k + 1);
    const name = this.newDocNames[size + k] ?? this.newDocNames[this.newDocNames.length - 1]!;
    return join(this.options.work, 'pool', name);
  }

  indexDir(engine: Engine, size: number, scratch = false): string {
    return join(this.options.work, `index-${engine}-${size}${scratch ? '-scratch' : ''}`);
  }

  // ------------------------------------------------------------ one run of one task

  command(task: Task, opts: { scratch?: boolean } = {}): { cmd: string; args: string[] } {
    const corpus = this.corpus.get(task.size)!;
    const index = this.indexDir(task.engine, task.size, opts.scratch);
    const node = process.execPath;
    switch (task.engine) {
      case 'unres':
        if (task.measure === 'ingest') return { cmd: node, args: [UNRES_BIN, 'ingest', corpus.dir, '--index', index] };
        if (task.measure === 'add1') return { cmd: node, args: [UNRES_BIN, 'ingest', this.newDocPath(task.size, 'unres'), '--index', index] };
        return { cmd: node, args: [UNRES_BIN, 'search', ...task.query!.words, ...task.query!.filters, '--index', index, '--json'] };
      case 'lunr':
        if (task.measure === 'ingest') return { cmd: node, args: [...LUNR_NODE_FLAGS, LUNR_SCRIPT, 'ingest', corpus.dir, '--index', index] };
        if (task.measure === 'add1') return { cmd: node, args: [...LUNR_NODE_FLAGS, LUNR_SCRIPT, 'ingest', this.newDocPath(task.size, 'lunr'), '--index', index] };
        return { cmd: node, args: [...LUNR_NODE_FLAGS, LUNR_SCRIPT, 'search', ...task.query!.words, ...task.query!.filters, '--index', index, '--json'] };
      case 'grep':
        return { cmd: 'grep', args: ['-rF', '--', task.query!.words.join(' '), corpus.dir] };
    }
  }

  async runOnce(task: Task, opts: { scratch?: boolean; timeoutMs?: number } = {}): Promise<Sample | null> {
    if (opts.scratch) rmSync(this.indexDir(task.engine, task.size, true), { recursive: true, force: true });
    const { cmd, args } = this.command(task, opts);
    const timeoutMs = Math.max(1000, Math.min(opts.timeoutMs ?? Infinity, this.hardDeadline - Date.now()));
    const sample = await runMeasured(cmd, args, { timeoutMs, cwd: ROOT, env: { ...process.env, NO_COLOR: '1', UNRES_INDEX: '' } });
    if (opts.scratch && !this.options.keep) rmSync(this.indexDir(task.engine, task.size, true), { recursive: true, force: true });
    const label = `${task.engine} ${task.measure}${task.query ? ` ${task.query.id}` : ''} @${task.size}`;
    if (sample.timedOut) {
      task.failures.push(`killed after ${(sample.wallMs / 1000).toFixed(1)} s (time budget)`);
      task.samples.push(sample);
      this.say(`${label}: killed at ${(sample.wallMs / 1000).toFixed(1)} s (budget)`);
      return sample;
    }
    if (sample.code === null || !task.okCodes.includes(sample.code)) {
      const why = sample.stderrTail.trim().split('\n').slice(-1)[0] ?? '';
      task.failures.push(`exit ${sample.code ?? sample.signal}: ${why.slice(0, 200)}`);
      this.say(`${label}: FAILED exit ${sample.code ?? sample.signal}: ${why.slice(0, 200)}`);
      return null;
    }
    task.samples.push(sample);
    if (task.measure === 'search' && task.engine !== 'grep') {
      try {
        const hits = JSON.parse(sample.stdoutHead) as unknown[];
        task.hits = Array.isArray(hits) ? hits.length : null;
      } catch {
        task.hits = null;
      }
    }
    if (task.engine === 'grep') task.hits = sample.code === 0 ? 1 : 0;
    this.say(`${label}: ${fmtMs(sample.wallMs)}, ${fmtMb(sample.maxRssKb)}${task.hits !== null && task.engine !== 'grep' ? `, ${task.hits} hits` : ''}`);
    return sample;
  }

  median(task: Task): number {
    return median(task.samples.map((s) => s.wallMs));
  }

  /** Rough cost of one run of a task not yet run: the same measure one size down, scaled linearly. */
  estimateMs(size: number, engine: Engine, measure: Measure): number {
    const smaller = this.tasks
      .filter((t) => t.engine === engine && t.measure === measure && t.size < size && t.samples.length > 0)
      .sort((a, b) => b.size - a.size);
    if (smaller.length === 0) return engine === 'grep' ? 1000 : 5000;
    const at = smaller[0]!.size;
    const same = smaller.filter((t) => t.size === at);
    const ms = Math.max(...same.map((t) => this.median(t)));
    return ms * (size / at) * 1.15;
  }

  /** What the first (mandatory) runs of every size after `size` are expected to cost, baselines and crash check included. */
  reserveForLaterMs(size: number, unresOnly = false): number {
    let total = 0;
    const largest = this.options.sizes[this.options.sizes.length - 1]!;
    const classes = 3;
    const oneWord = this.queries.filter((q) => q.cls === 'one-word').length;
    for (const later of this.options.sizes.filter((s) => s > size)) {
      if (this.engineAvailable) {
        const ingest = this.estimateMs(later, 'unres', 'ingest');
        total += ingest + this.estimateMs(later, 'unres', 'add1');
        total += this.queries.length * this.estimateMs(later, 'unres', 'search');
        if (later === largest && this.options.crashCheck) total += ingest + 5000;
      }
      if (this.options.baselines && !unresOnly) {
        total += this.estimateMs(later, 'lunr', 'ingest') + this.estimateMs(later, 'lunr', 'add1');
        total += classes * this.estimateMs(later, 'lunr', 'search') + oneWord * this.estimateMs(later, 'grep', 'search');
      }
    }
    return total;
  }

  // ------------------------------------------------------------ the plan

  /** One run of each unres measure at `size` (and the crash check at the largest size). */
  async unresFirstRuns(size: number): Promise<void> {
    if (!this.engineAvailable) return;
    const isLargest = size === this.options.sizes[this.options.sizes.length - 1];
    rmSync(this.indexDir('unres', size), { recursive: true, force: true });
    const ingest = this.task(size, 'unres', 'ingest');
    const ok = await this.runOnce(ingest);
    this.indexBytes.set(`unres:${size}`, treeBytes(this.indexDir('unres', size)));
    if (ok && !ok.timedOut) {
      // One untimed warm-up search so the first measured one does not pay for cold disk pages of node itself.
      await runMeasured(process.execPath, [UNRES_BIN, 'search', 'الأطفال', '--index', this.indexDir('unres', size), '--json'], { timeoutMs: 30_000, cwd: ROOT });
      for (const q of this.queries) await this.runOnce(this.task(size, 'unres', 'search', q));
      await this.runOnce(this.task(size, 'unres', 'add1'));
    } else {
      for (const q of this.queries) this.task(size, 'unres', 'search', q).skipped = 'no index: the ingest did not finish';
      this.task(size, 'unres', 'add1').skipped = 'no index: the ingest did not finish';
    }
    if (isLargest && this.options.crashCheck) await this.crashCheck(size);
  }

  /** What the first runs of the baselines at `size` are expected to cost. */
  baselineCostMs(size: number): number {
    if (!this.options.baselines) return 0;
    const oneWord = this.queries.filter((q) => q.cls === 'one-word').length;
    return (
      this.estimateMs(size, 'lunr', 'ingest') +
      this.estimateMs(size, 'lunr', 'add1') +
      3 * this.estimateMs(size, 'lunr', 'search') +
      oneWord * this.estimateMs(size, 'grep', 'search')
    );
  }

  /**
   * One run of each baseline measure at `size`: every one-word grep, the lunr
   * ingest, one lunr query of each class, the lunr add-one. For the largest
   * size (`last`) everything left of the budget is theirs: a lunr process still
   * running at the end is killed and reported as a lower bound.
   */
  async baselineFirstRuns(size: number, last: boolean): Promise<void> {
    if (!this.options.baselines) return;
    for (const q of this.queries.filter((q) => q.cls === 'one-word')) await this.runOnce(this.task(size, 'grep', 'search', q));

    const lunrBudget = (): number => (last ? this.remainingMs() - 2000 : this.remainingMs() - this.reserveForLaterMs(size, true) - 5000);
    rmSync(this.indexDir('lunr', size), { recursive: true, force: true });
    const lunrIngest = this.task(size, 'lunr', 'ingest');
    const estIngest = this.estimateMs(size, 'lunr', 'ingest');
    if (lunrBudget() < Math.min(estIngest * 0.5, 10_000)) {
      lunrIngest.skipped = `time budget (estimated ${fmtS(estIngest)})`;
      this.say(`lunr ingest @${size}: skipped, ${lunrIngest.skipped}`);
    } else {
      await this.runOnce(lunrIngest, { timeoutMs: lunrBudget() });
    }
    this.indexBytes.set(`lunr:${size}`, treeBytes(this.indexDir('lunr', size)));
    const lunrReady = existsSync(join(this.indexDir('lunr', size), 'index.json'));
    const firstOfClass = ['one-word', 'multi-word', 'filtered'].map((cls) => this.queries.find((q) => q.cls === cls)!);
    for (const q of firstOfClass) {
      const task = this.task(size, 'lunr', 'search', q);
      if (!lunrReady) task.skipped = 'no lunr index';
      else if (lunrBudget() > this.estimateMs(size, 'lunr', 'search') * 0.5) await this.runOnce(task, { timeoutMs: lunrBudget() });
      else task.skipped = 'time budget';
    }
    const add1 = this.task(size, 'lunr', 'add1');
    const estAdd = this.estimateMs(size, 'lunr', 'add1');
    if (!lunrReady) add1.skipped = 'no lunr index';
    else if (lunrBudget() < Math.min(estAdd * 0.3, 10_000)) add1.skipped = `time budget (estimated ${fmtS(estAdd)})`;
    else await this.runOnce(add1, { timeoutMs: lunrBudget() });
  }

  /**
   * Kill an ingest of the largest corpus midway through its writing, then check
   * the index: it must open and answer with what it held before (an ingest
   * commits by replacing its manifest, so a kill leaves the previous state), and
   * the next ingest must recover (stale lock, leftovers). The ingest goes into a
   * copy of the next smaller index when there is one, so there is a previous
   * state to lose; else into a new folder.
   */
  async crashCheck(size: number): Promise<void> {
    const ingest = this.task(size, 'unres', 'ingest');
    if (ingest.samples.length === 0 || ingest.samples[0]!.timedOut) return;
    const fullMs = this.median(ingest);
    if (this.remainingMs() - this.reserveForLaterMs(size, true) < fullMs + 10_000) {
      this.crash.push(`not run: time budget (would cost about ${fmtS(fullMs)})`);
      return;
    }
    const dir = join(this.options.work, `index-unres-${size}-killed`);
    rmSync(dir, { recursive: true, force: true });
    const smaller = this.options.sizes.filter((s) => s < size && existsSync(this.indexDir('unres', s)));
    const base = smaller.length > 0 ? smaller[smaller.length - 1]! : null;
    const node = process.execPath;
    const run = (args: string[]): Promise<Sample> =>
      runMeasured(node, [UNRES_BIN, ...args, '--index', dir], { timeoutMs: 120_000, cwd: ROOT, keepStdout: 64 * 2 ** 20 });
    const count = (s: Sample): number | null => {
      try {
        const list = JSON.parse(s.stdoutHead) as unknown[];
        return Array.isArray(list) ? list.length : null;
      } catch {
        return null;
      }
    };
    const firstErr = (s: Sample): string => s.stderrTail.trim().split('\n')[0] ?? '';
    let before: number | null = 0;
    if (base !== null) {
      cpSync(this.indexDir('unres', base), dir, { recursive: true });
      before = count(await run(['list', '--json']));
    }
    const initialBytes = treeBytes(dir);
    const corpus = this.corpus.get(size)!;
    let writingAt = 0;
    let killAt = Infinity;
    let killedAt = 0;
    let bytesAtKill = 0;
    // Midway through the writing: once the folder starts to grow, kill halfway
    // between then and the expected end (or at 90% of the expected time if it never grows).
    const expectedMs = fullMs * (base !== null ? 1 - base / size : 1);
    const sample = await runMeasured(node, [UNRES_BIN, 'ingest', corpus.dir, '--index', dir], {
      timeoutMs: fullMs * 3 + 10_000,
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
    const into = base !== null ? `a copy of the ${base}-document index (${before ?? '?'} documents)` : 'a new index folder';
    this.crash.push(
      `\`unres ingest\` of the ${size}-document corpus into ${into} killed (SIGKILL) at ${fmtS(killedAt)} (the folder began to grow at ${writingAt > 0 ? fmtS(writingAt) : 'never'}; a full ingest takes ~${fmtS(expectedMs)}); folder then ${fmtBytes(bytesAtKill)} in ${treeFiles(dir)} files`,
    );
    const list = await run(['list', '--json']);
    const after = count(list);
    const search = await run(['search', 'الأطفال', '--json']);
    const next = await runMeasured(node, [UNRES_BIN, 'ingest', this.newDocPath(size, 'unres'), '--index', dir], { timeoutMs: 120_000, cwd: ROOT });
    const listAgain = await run(['list', '--json']);
    this.crash.push(`then \`unres list\`: exit ${list.code}${list.code === 0 ? `, ${after ?? '?'} documents` : `: ${firstErr(list)}`}`);
    this.crash.push(`then \`unres search الأطفال\`: exit ${search.code}${search.code === 0 ? ' (hits)' : search.code === 1 ? ' (no hits)' : `: ${firstErr(search)}`}`);
    this.crash.push(
      `then \`unres ingest\` of one new document: exit ${next.code} in ${fmtS(next.wallMs)}${next.code === 0 ? `, \`${next.stdoutHead.trim()}\`` : `: ${firstErr(next)}`}; \`unres list\`: ${count(listAgain) ?? '?'} documents`,
    );
    const noIndexYet = base === null && list.code === 3 && /no index/i.test(firstErr(list));
    const loads = (list.code === 0 && after !== null && (before === null || after >= before)) || noIndexYet;
    const answers = search.code === 0 || search.code === 1 || noIndexYet;
    const recovers = next.code === 0 && count(listAgain) !== null;
    const ok = loads && answers && recovers;
    this.crash.push(
      ok
        ? `verdict: no half-written index: the index ${noIndexYet ? 'was never committed (\`no index\`), nothing half-written' : `opens with ${after} documents (${before ?? '?'} before the ingest)`} and the next ingest recovers`
        : `verdict: FAILED (${[!loads && 'index did not load as before', !answers && 'search failed', !recovers && 'the next ingest did not recover'].filter(Boolean).join(', ')})`,
    );
    this.say(`crash check: ${this.crash.join('; ')}`);
    if (!this.options.keep) rmSync(dir, { recursive: true, force: true });
  }

  /**
   * Extra runs for the sizes up to `upTo`, cheapest first, while the budget
   * lasts after `reserveMs` is kept for the first runs still to come.
   */
  async extras(upTo: number, reserveMs: number, engines: Engine[] = ['unres', 'lunr', 'grep'], largestIngestRuns = Infinity): Promise<void> {
    const largest = this.options.sizes[this.options.sizes.length - 1]!;
    const cap = (t: Task): number =>
      t.engine === 'unres' && t.measure === 'ingest' && t.size === largest ? Math.min(this.options.runs, largestIngestRuns) : this.options.runs;
    const available = (): number => this.remainingMs() - reserveMs;
    const fits = (ms: number): boolean => ms * 1.2 + 2000 < available();
    const cheap = (t: Task): boolean =>
      t.measure === 'search' || (t.engine === 'unres' && t.measure === 'add1');
    const order: Record<string, number> = { 'unres:search': 0, 'unres:add1': 1, 'grep:search': 2, 'lunr:search': 3, 'unres:ingest': 4, 'lunr:add1': 5, 'lunr:ingest': 6 };
    // lunr's other queries are extras too (its load time dominates; one per class is mandatory).
    if (this.options.baselines && engines.includes('lunr')) {
      for (const size of this.options.sizes) {
        if (!existsSync(join(this.indexDir('lunr', size), 'index.json'))) continue;
        if (size > upTo) continue;
        for (const q of this.queries) this.task(size, 'lunr', 'search', q);
      }
    }
    const candidates = this.tasks
      .filter((t) => t.size <= upTo && engines.includes(t.engine) && t.skipped === null && t.failures.length === 0)
      .sort((a, b) => order[`${a.engine}:${a.measure}`]! - order[`${b.engine}:${b.measure}`]! || a.size - b.size);
    const estimate = (t: Task): number => {
      if (t.samples.length > 0) return this.median(t);
      const mate = this.tasks.find((o) => o !== t && o.size === t.size && o.engine === t.engine && o.measure === t.measure && o.samples.length > 0);
      return mate ? this.median(mate) : Infinity;
    };
    for (const pass of [cheap, (t: Task) => !cheap(t)]) {
      for (let round = 1; round <= this.options.runs; round++) {
        for (const task of candidates.filter(pass)) {
          if (task.samples.length >= round || round > cap(task) || task.failures.length > 0) continue;
          if (available() < 3000) return;
          if (!fits(estimate(task))) continue;
          await this.runOnce(task, { scratch: task.measure === 'ingest', timeoutMs: available() });
        }
      }
    }
  }

  async run(): Promise<void> {
    this.engineAvailable = existsSync(ENGINE_MODULE);
    if (!this.engineAvailable) {
      this.notes.push(`The unres engine is not built here (${ENGINE_MODULE.replace(ROOT + '/', '')} is missing): only the baselines ran.`);
      this.say('unres engine not found: measuring the baselines only');
    }
    this.prepareCorpus();
    const largest = this.options.sizes[this.options.sizes.length - 1]!;
    // 1. First runs: unres at every size; the baselines at every size but the largest.
    for (const size of this.options.sizes) {
      this.say(`--- ${size} documents`);
      await this.unresFirstRuns(size);
      if (size !== largest) await this.baselineFirstRuns(size, false);
    }
    // 2. More unres runs, keeping room for the baselines at the largest size
    //    (their full ingests are the most expensive processes of the run).
    const reserve = this.baselineCostMs(largest);
    this.say(`--- extra unres runs, ${fmtS(reserve)} kept for the baselines at ${largest} documents`);
    await this.extras(largest, reserve, ['unres'], LARGEST_INGEST_RUNS);
    // 3. The baselines at the largest size, with what is left.
    this.say(`--- baselines at ${largest} documents`);
    await this.baselineFirstRuns(largest, true);
    // 4. Anything else while the budget lasts.
    this.say('--- extra runs while the budget lasts');
    await this.extras(largest, 0);
    this.loadAfter = os.loadavg();
    this.cpuAfter = machineCpu();
    const own = process.cpuUsage();
    this.ownCpuS = (own.user + own.system) / 1e6 + measuredCpuSeconds();
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
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}

interface Figure {
  median: number;
  min: number;
  max: number;
  n: number;
  lowerBound: boolean;
}

function figureOf(samples: Sample[]): Figure | null {
  if (samples.length === 0) return null;
  const walls = samples.map((s) => s.wallMs);
  const { min, max } = spread(walls);
  return { median: median(walls), min, max, n: samples.length, lowerBound: samples.some((s) => s.timedOut) };
}

function peakRssKb(samples: Sample[]): number | null {
  const values = samples.map((s) => s.maxRssKb).filter((v): v is number => v !== null);
  return values.length === 0 ? null : Math.max(...values);
}

function cellTime(f: Figure | null, unit: 's' | 'ms', why?: string | null): string {
  if (!f) return why ? `— (${why})` : '—';
  const show = (ms: number): string => (unit === 's' ? (ms / 1000).toFixed(ms >= 10_000 ? 1 : 2) : ms.toFixed(0));
  const bound = f.lowerBound ? '> ' : '';
  const range = f.n > 1 ? ` (${show(f.min)}–${show(f.max)}, n=${f.n})` : ' (n=1)';
  return `${bound}${show(f.median)} ${unit}${range}`;
}

function ratio(ours: Figure | null, base: Figure | null): string {
  if (!ours || !base) return '—';
  const r = ours.median / base.median;
  const prefix = base.lowerBound && !ours.lowerBound ? '< ' : ours.lowerBound && !base.lowerBound ? '> ' : '';
  return `${prefix}${fmtRatio(r)}×`;
}

/** 123×, 1.23×, 0.12×, 0.0044×: two significant figures below 0.1. */
function fmtRatio(r: number): string {
  return r >= 10 ? r.toFixed(0) : r >= 0.1 ? r.toFixed(2) : r.toPrecision(2);
}

function numRatio(ours: number | null, base: number | null): string {
  if (ours === null || base === null || base === 0) return '—';
  return `${fmtRatio(ours / base)}×`;
}

function verdict(value: number | null, target: number, unit: string, lowerBound = false): string {
  if (value === null) return 'not measured';
  if (value <= target && !lowerBound) return `met (${value.toFixed(unit === 'ms' || unit === 'MB' ? 0 : 2)} ${unit} ≤ ${target} ${unit})`;
  const over = ((value / target - 1) * 100).toFixed(0);
  return `MISSED: ${lowerBound ? '> ' : ''}${value.toFixed(unit === 'ms' || unit === 'MB' ? 0 : 2)} ${unit} vs ${target} ${unit} (${over}% over)`;
}

/** How much of the machine other processes used while the bench ran: the quietness of the run. */
function otherCpu(bench: Bench): string {
  const a = bench.cpuBefore;
  const b = bench.cpuAfter;
  if (!a || !b) return '- CPU use by other processes during the run: unknown (no /proc/stat)';
  const busy = b.busyS - a.busyS;
  const total = b.totalS - a.totalS;
  const others = Math.max(0, busy - bench.ownCpuS);
  const pct = (x: number): string => `${((x / Math.max(total, 1e-9)) * 100).toFixed(0)}%`;
  return `- CPU during the run: ${busy.toFixed(0)} of ${total.toFixed(0)} core-seconds busy (${pct(busy)}); the bench and its processes ${bench.ownCpuS.toFixed(0)}, other processes ${others.toFixed(0)} (${pct(others)} of the machine)${hasGnuTimeNote()}`;
}

function hasGnuTimeNote(): string {
  return existsSync('/usr/bin/time') ? '' : ' (own processes\' CPU unknown without GNU time: "other" is an upper bound)';
}

function machineFacts(bench: Bench): string[] {
  const cpus = os.cpus();
  const model = cpus[0]?.model ?? 'unknown CPU';
  const load = (l: number[]): string => l.map((v) => v.toFixed(2)).join(', ');
  let time = 'absent';
  try {
    execFileSync('/usr/bin/time', ['-f', '%M', 'true'], { stdio: 'ignore' });
    time = 'present';
  } catch {
    // absent
  }
  return [
    `- date: ${new Date(bench.started).toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    `- machine: ${model}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory; ${os.type()} ${os.release()} ${os.arch()}; node ${process.version}`,
    `- load average (1, 5, 15 min): before ${load(bench.loadBefore)}; after ${load(bench.loadAfter)}`,
    otherCpu(bench),
    `- peak RSS: ${rssMethod()} (GNU time ${time}); wall time: spawn to exit, measured by the harness`,
  ];
}

export function report(bench: Bench): string {
  const { options } = bench;
  const out: string[] = [];
  const totalS = (Date.now() - bench.started) / 1000;
  out.push(`### Run of ${new Date(bench.started).toISOString().slice(0, 10)}`, '');
  out.push(...machineFacts(bench));
  out.push(
    `- command: \`npm run bench -- --sizes ${options.sizes.join(',')} --runs ${options.runs} --seed ${options.seed} --budget ${options.budgetS}\`; total ${totalS.toFixed(0)} s (corpus generation ${bench.corpusSeconds.toFixed(1)} s)`,
  );
  out.push('');
  out.push('Corpora (generated by `scripts/bench/corpus.ts`, document i depends only on the seed and i, so each corpus is a prefix of the next):', '');
  out.push('| documents | size | clauses | distinct tokens | resolutions (ECOSOC / GA / conference) / drafts / reports |');
  out.push('| ---: | ---: | ---: | ---: | --- |');
  for (const [size, c] of bench.corpus) {
    const f = c.families;
    out.push(`| ${size} | ${fmtBytes(c.bytes)} | ${c.clauses} | ${c.vocabulary} | ${f.ecosoc ?? 0} / ${f.ga ?? 0} / ${f.cop ?? 0} / ${f.draft ?? 0} / ${f.report ?? 0} |`);
  }
  out.push('');

  const searchSamples = (size: number, engine: Engine, cls?: QueryClass): Sample[] =>
    bench.tasks.filter((t) => t.size === size && t.engine === engine && t.measure === 'search' && (!cls || t.query!.cls === cls)).flatMap((t) => t.samples);
  const one = (size: number, engine: Engine, measure: Measure): Task | undefined =>
    bench.tasks.find((t) => t.size === size && t.engine === engine && t.measure === measure);

  out.push('Figures: median (min–max, n = runs); cold search = a new process per query (node start, load the index, query, print JSON), pooled over the queries below.', '');
  out.push('| docs | measure | unres | target | lunr baseline | unres / lunr | grep -rF | unres / grep |');
  out.push('| ---: | --- | --- | --- | --- | ---: | --- | ---: |');
  const verdicts: string[] = [];
  for (const size of options.sizes) {
    const t = TARGETS[size];
    const ui = one(size, 'unres', 'ingest');
    const li = one(size, 'lunr', 'ingest');
    const ua = one(size, 'unres', 'add1');
    const la = one(size, 'lunr', 'add1');
    const fi = (task?: Task): Figure | null => (task ? figureOf(task.samples) : null);
    const why = (task?: Task): string | null => task?.skipped ?? task?.failures[0] ?? (task ? null : 'not run');
    out.push(`| ${size} | full ingest | ${cellTime(fi(ui), 's', why(ui))} | ${t ? `≤ ${t.ingestS} s` : ''} | ${cellTime(fi(li), 's', why(li))} | ${ratio(fi(ui), fi(li))} | | |`);
    out.push(`| ${size} | add 1 document | ${cellTime(fi(ua), 's', why(ua))} | ${t ? `≤ ${t.add1S} s` : ''} | ${cellTime(fi(la), 's', why(la))} | ${ratio(fi(ua), fi(la))} | | |`);
    const us = figureOf(searchSamples(size, 'unres'));
    const ls = figureOf(searchSamples(size, 'lunr'));
    out.push(`| ${size} | cold search, all queries | ${cellTime(us, 'ms')} | ${t ? `≤ ${t.searchMs} ms` : ''} | ${cellTime(ls, 'ms')} | ${ratio(us, ls)} | | |`);
    for (const cls of ['one-word', 'multi-word', 'filtered'] as const) {
      const u = figureOf(searchSamples(size, 'unres', cls));
      const l = figureOf(searchSamples(size, 'lunr', cls));
      const g = cls === 'one-word' ? figureOf(searchSamples(size, 'grep', cls)) : null;
      out.push(`| ${size} | — ${cls} | ${cellTime(u, 'ms')} | | ${cellTime(l, 'ms')} | ${ratio(u, l)} | ${cls === 'one-word' ? cellTime(g, 'ms') : ''} | ${cls === 'one-word' ? ratio(u, g) : ''} |`);
    }
    const uRss = peakRssKb(searchSamples(size, 'unres'));
    const lRss = peakRssKb(searchSamples(size, 'lunr'));
    const gRss = peakRssKb(searchSamples(size, 'grep'));
    out.push(`| ${size} | peak RSS, searching | ${fmtMb(uRss)} | ${t ? `≤ ${t.searchRssMb} MB` : ''} | ${fmtMb(lRss)} | ${numRatio(uRss, lRss)} | ${fmtMb(gRss)} | ${numRatio(uRss, gRss)} |`);
    const uiRss = ui ? peakRssKb(ui.samples) : null;
    const liRss = li ? peakRssKb(li.samples) : null;
    out.push(`| ${size} | peak RSS, full ingest | ${fmtMb(uiRss)} | ${size >= 5000 ? '≤ 2048 MB' : ''} | ${fmtMb(liRss)} | ${numRatio(uiRss, liRss)} | | |`);
    const uaRss = ua ? peakRssKb(ua.samples) : null;
    const laRss = la ? peakRssKb(la.samples) : null;
    out.push(`| ${size} | peak RSS, add 1 document | ${fmtMb(uaRss)} | | ${fmtMb(laRss)} | ${numRatio(uaRss, laRss)} | | |`);
    const ub = bench.indexBytes.get(`unres:${size}`) ?? null;
    const lb = bench.indexBytes.get(`lunr:${size}`) ?? null;
    const cb = bench.corpus.get(size)?.bytes ?? null;
    out.push(`| ${size} | index size on disk | ${ub ? fmtBytes(ub) : '—'} | | ${lb ? fmtBytes(lb) : '—'} | ${numRatio(ub, lb)} | ${cb ? `${fmtBytes(cb)} (raw text)` : ''} | ${numRatio(ub, cb)} |`);

    if (t && bench.engineAvailable) {
      const ingestF = fi(ui);
      const addF = fi(ua);
      verdicts.push(`- ${size} docs, full ingest: ${verdict(ingestF ? ingestF.median / 1000 : null, t.ingestS, 's', ingestF?.lowerBound)}`);
      verdicts.push(`- ${size} docs, add 1 document: ${verdict(addF ? addF.median / 1000 : null, t.add1S, 's', addF?.lowerBound)}`);
      verdicts.push(`- ${size} docs, cold search median: ${verdict(us ? us.median : null, t.searchMs, 'ms')}`);
      const worst = bench.tasks
        .filter((x) => x.size === size && x.engine === 'unres' && x.measure === 'search' && x.samples.length > 0)
        .map((x) => ({ q: x.query!, ms: median(x.samples.map((s) => s.wallMs)) }))
        .sort((a, b) => b.ms - a.ms)[0];
      if (worst) verdicts.push(`  (slowest query: ${worst.q.id} \`${queryLabel(worst.q)}\`, median ${worst.ms.toFixed(0)} ms)`);
      verdicts.push(`- ${size} docs, peak RSS searching: ${verdict(uRss === null ? null : uRss / 1024, t.searchRssMb, 'MB')}`);
    }
    if (size >= 5000 && bench.engineAvailable) {
      verdicts.push(`- ${size} docs, peak RSS of the full ingest: ${verdict(uiRss === null ? null : uiRss / 1024, INGEST_RSS_LIMIT_MB, 'MB')}`);
    }
  }
  out.push('');
  if (verdicts.length > 0) out.push('Targets (2 cores):', '', ...verdicts, '');
  if (bench.crash.length > 0) out.push('Interrupted ingest (a half-written index must never be left):', '', ...bench.crash.map((c) => `- ${c}`), '');

  out.push('Per query: median ms (hits, limit 10; n = runs). grep: one-word queries only, any match exits 0.', '');
  out.push(`| query | ${options.sizes.map((s) => `unres @${s} | lunr @${s} | grep @${s}`).join(' | ')} |`);
  out.push(`| --- | ${options.sizes.map(() => '---: | ---: | ---:').join(' | ')} |`);
  for (const q of bench.queries) {
    const cells = options.sizes.flatMap((size) =>
      (['unres', 'lunr', 'grep'] as const).map((engine) => {
        const task = bench.tasks.find((t) => t.size === size && t.engine === engine && t.query === q);
        if (!task || task.samples.length === 0) return '';
        const m = median(task.samples.map((s) => s.wallMs)).toFixed(0);
        return engine === 'grep' ? `${m} (n=${task.samples.length})` : `${m} (${task.hits ?? '?'}; n=${task.samples.length})`;
      }),
    );
    out.push(`| ${q.id} \`${queryLabel(q)}\` (${q.note}) | ${cells.join(' | ')} |`);
  }
  out.push('');
  const failures = bench.tasks.filter((t) => t.failures.length > 0 || t.skipped);
  if (failures.length > 0 || bench.notes.length > 0) {
    out.push('Not measured or failed:', '');
    for (const note of bench.notes) out.push(`- ${note}`);
    for (const t of failures) {
      out.push(`- ${t.engine} ${t.measure}${t.query ? ` ${t.query.id}` : ''} @${t.size}: ${t.skipped ?? t.failures.join('; ')}`);
    }
    out.push('');
  }
  return out.join('\n');
}

const WORK_MARKER = '.unres-bench-work';

/** Empty the work folder, but only one this harness made (it holds the marker) or an empty one. */
function clearWorkDir(work: string): void {
  if (existsSync(work) && readdirSync(work).length > 0 && !existsSync(join(work, WORK_MARKER))) {
    process.stderr.write(`bench: ${work} is not empty and was not made by the bench; give another --work folder\n`);
    process.exit(2);
  }
  rmSync(work, { recursive: true, force: true });
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
  const bench = new Bench(options);
  const stop = (): void => {
    killRunning();
    if (!options.keep) removeWorkDir(options.work);
    process.exit(130);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (!existsSync(LUNR_SCRIPT) && options.baselines) {
    process.stderr.write(`bench: ${LUNR_SCRIPT} is missing: run \`npm run build\` first\n`);
    process.exit(2);
  }
  await bench.run();
  const text = report(bench);
  process.stdout.write(text + '\n');
  if (options.out) {
    writeOut(options.out, text);
    bench.say(`results written to ${options.out}`);
  }
  if (!options.keep) removeWorkDir(options.work);
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
