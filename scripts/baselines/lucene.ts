// Lucene's ArabicAnalyzer + BM25 (see LuceneBaseline.java), driven from Node.
// Needs a JDK and Debian's liblucene8-java; when they are missing it installs
// them with apt-get (as root), once. The Java source is compiled with javac
// into a cache folder keyed by the source's hash, so later runs skip it.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Baseline, type ClauseRecord, type Ranked, baselineAsset } from './clauses.js';

const JAR_DIR = '/usr/share/java';
const NEEDED_JARS = ['lucene-core', 'lucene-analyzers-common', 'lucene-queryparser'];

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function luceneJars(): string[] {
  if (!existsSync(JAR_DIR)) return [];
  const names = readdirSync(JAR_DIR);
  const jars: string[] = [];
  for (const prefix of NEEDED_JARS) {
    // Versioned names (lucene-core-8.7.0.jar) sort after the unversioned link; take any match.
    const match = names.filter((n) => n.startsWith(prefix + '-') && /^[a-z-]+-\d[\d.]*\.jar$/.test(n)).sort().pop()
      ?? names.find((n) => n === prefix + '.jar');
    if (!match) return [];
    jars.push(join(JAR_DIR, match));
  }
  return jars;
}

/** Installs the JDK and Lucene from Debian when missing. */
export function ensureLucene(log: (line: string) => void = () => {}): string[] {
  let jars = luceneJars();
  if (jars.length > 0 && has('javac') && has('java')) return jars;
  log('lucene baseline: installing default-jdk-headless liblucene8-java with apt-get');
  const apt = (args: string[]) => execFileSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    apt(['install', '-y', '-q', '--no-install-recommends', 'default-jdk-headless', 'liblucene8-java']);
  } catch {
    apt(['update', '-q']);
    apt(['install', '-y', '-q', '--no-install-recommends', 'default-jdk-headless', 'liblucene8-java']);
  }
  jars = luceneJars();
  if (jars.length === 0 || !has('javac')) throw new Error('lucene baseline: Lucene jars or javac still missing after apt-get');
  return jars;
}

/** Compiles LuceneBaseline.java once per source version; returns the classpath to run it. */
function compiled(jars: string[]): string {
  const source = baselineAsset('LuceneBaseline.java');
  const hash = createHash('sha256').update(readFileSync(source)).update(jars.join(':')).digest('hex').slice(0, 16);
  const out = join(tmpdir(), `unres-lucene-baseline-${hash}`);
  if (!existsSync(join(out, 'LuceneBaseline.class'))) {
    mkdirSync(out, { recursive: true });
    execFileSync('javac', ['-nowarn', '-cp', jars.join(':'), '-d', out, source], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return [out, ...jars].join(':');
}

/** The classpath that runs LuceneBaseline (installing and compiling on first use): for measuring it as whole processes. */
export function luceneClasspath(log: (line: string) => void = () => {}): string {
  return compiled(ensureLucene(log));
}

const flat = (text: string) => text.replace(/[\t\r\n]+/g, ' ');

/**
 * A query as a user would type it into a `query_string` box: quoted phrases
 * stay phrases (an unbalanced quote is dropped); every other character the
 * classic parser treats as syntax (`/` in symbols, `:` and the rest) is escaped.
 */
export function luceneQuery(query: string): string {
  const quotes = (query.match(/"/g) ?? []).length;
  const text = quotes % 2 === 0 ? query : query.replace(/"/g, ' ');
  return flat(text).replace(/[+\-&|!(){}[\]^~*?:\\/]/g, (c) => '\\' + c);
}

export const luceneBaseline: Baseline = {
  name: 'Lucene ArabicAnalyzer+BM25',
  build(records: readonly ClauseRecord[], dir: string): number {
    const classpath = compiled(ensureLucene((l) => process.stderr.write(l + '\n')));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const tsv = join(dir, 'clauses.tsv');
    writeFileSync(tsv, records.map((r) => `${flat(r.id)}\t${flat(r.text)}\t${flat(r.notes)}\n`).join(''));
    const out = execFileSync('java', ['-cp', classpath, 'LuceneBaseline', 'index', tsv, join(dir, 'lucene')], { encoding: 'utf8', maxBuffer: 1 << 26 });
    rmSync(tsv);
    const match = /indexed \d+ (\d+)/.exec(out);
    return match ? Number(match[1]) : NaN;
  },
  search(dir: string, queries: readonly string[], limit: number): Ranked[] {
    const classpath = compiled(ensureLucene());
    const out = execFileSync('java', ['-cp', classpath, 'LuceneBaseline', 'search', join(dir, 'lucene'), String(limit)], {
      input: queries.map((q) => luceneQuery(q) + '\n').join(''),
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const lines = out.split('\n').filter((l) => l !== '');
    return lines.map((line) => {
      const [ms, ...ids] = line.split('\t');
      return { ms: Number(ms), ids };
    });
  },
};
