// Benchmark: `unres parse` on a 5 MB document, as whole processes.
// The document is a long report built from the seeds' report paragraphs,
// renumbered so every paragraph is a real clause (the worst case for the clause
// stage), with headings, recommendations, items and footnotes kept.
//   npm run bench:parse [-- --mb 5 --runs 5]

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBytes } from '../src/structure/parse.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const megabytes = Number(args.get('mb') ?? 5);
const runs = Number(args.get('runs') ?? 5);
const root = join(import.meta.dirname, '..', '..');

/** A long report: the report seed's numbered paragraphs, renumbered, repeated. */
function buildReport(targetBytes: number): string {
  const seed = readFileSync(join(root, 'seeds', '004_8c5876052fc161d3.txt'));
  const doc = parseBytes(seed, 'report.txt');
  const paragraphs = doc.clauses.filter((c) => c.kind === 'paragraph');
  const parts = ['Distr.: General', '1 January 2024', doc.body ?? '', doc.title ?? '', 'أولاً - مقدمة'];
  let size = 0;
  let n = 0;
  while (size < targetBytes) {
    const p = paragraphs[n % paragraphs.length]!;
    n++;
    if (n % 40 === 0) parts.push(`ألف - فرع ${n}`);
    const items = p.items.map((item) => `(${item.label}) ${item.text}`);
    const text = `${n}- ${p.items.length > 0 ? p.text.slice(0, p.text.indexOf('(')) : p.text}`;
    parts.push(text, ...items);
    size += Buffer.byteLength(text) + items.reduce((a, s) => a + Buffer.byteLength(s), 0);
  }
  return parts.join('\n\n') + '\n';
}

const dir = mkdtempSync(join(tmpdir(), 'unres-bench-parse-'));
const file = join(dir, 'report-5mb.txt');
writeFileSync(file, buildReport(megabytes * 1_000_000));
const bytes = readFileSync(file).length;
const bin = join(root, 'bin', 'unres.js');

const times: number[] = [];
let clauses = 0;
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, 'parse', file, '--json'], { maxBuffer: 1 << 30 });
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  if (result.status !== 0) throw new Error(`unres parse failed: ${result.stderr}`);
  clauses = (JSON.parse(result.stdout.toString()) as { clauses: unknown[] }).clauses.length;
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
const load = execFileSync('cat', ['/proc/loadavg']).toString().trim();
console.log(`unres parse --json on ${(bytes / 1e6).toFixed(1)} MB (${clauses} clauses), ${runs} runs`);
console.log(`median ${median.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms (target: well under 2000 ms)`);
console.log(`load average: ${load}`);

// Parse time per MB for each format unres reads, in process (decoding included),
// on the report seed rendered by scripts/make-format-fixtures.ts.
{
  const { parseDocumentBytes } = await import('../src/structure/parse.js');
  const formatRuns = Number(args.get('format-runs') ?? 3);
  const sources: Array<[string, string]> = [
    ['text', join(root, 'seeds', '004_8c5876052fc161d3.txt')],
    ['html', join(root, 'fixtures', 'formats', 'seed-004.html')],
    ['docx', join(root, 'fixtures', 'formats', 'seed-004.docx')],
    ['doc', join(root, 'fixtures', 'formats', 'seed-004.doc')],
    ['pdf', join(root, 'fixtures', 'formats', 'seed-004.pdf')],
  ];
  console.log(`per format (seed-004 rendered, in process, median of ${formatRuns}):`);
  for (const [format, path] of sources) {
    const data = readFileSync(path);
    const times: number[] = [];
    for (let i = 0; i < formatRuns; i++) {
      const start = process.hrtime.bigint();
      await parseDocumentBytes(data, path);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    const ms = times[Math.floor(times.length / 2)]!;
    console.log(`  ${format.padEnd(5)} ${(data.length / 1e3).toFixed(0).padStart(5)} KB  ${ms.toFixed(0).padStart(6)} ms  ${(ms / (data.length / 1e6)).toFixed(0).padStart(7)} ms/MB`);
  }
}
