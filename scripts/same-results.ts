// `node dist/scripts/same-results.js --base DIR --index INDEX`: runs the same
// searches (`search --json --limit 20`, a new process each) with this build and
// with another build of unres on one index (or, with --base-index, the other
// build on its own index of the same documents: a change of the index format),
// and compares their output byte for
// byte. A change meant to make search faster must not change a ranking: this is
// the check (issue 13: results identical before and after).
//
//   node dist/scripts/same-results.js --base DIR --index INDEX [--base-index BASE_INDEX] [--doc ID]...
//
// DIR holds bin/unres.js and its built dist/ (a checkout of another commit,
// built). INDEX must be of a format both builds read, unless BASE_INDEX is
// given: the base build then searches BASE_INDEX, this build INDEX (the same
// corpus ingested by each build). The queries are the
// standard ones of the benchmarks (scripts/bench/queries.ts) and more: phrases,
// prefixes, exclusions, fields, every filter alone and together. --doc gives the
// document ids the --doc queries use (default: the first document listed).
// Exit 0 when every output is the same, 1 otherwise (the differing queries are
// printed).

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { queries } from './bench/queries.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function usage(message: string): never {
  process.stderr.write(`same-results: ${message}\nusage: node dist/scripts/same-results.js --base DIR --index INDEX [--base-index BASE_INDEX] [--doc ID]...\n`);
  process.exit(2);
}

function run(bin: string, args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function main(argv: string[]): number {
  let base = '';
  let index = '';
  let baseIndex = '';
  const docs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--base') base = resolve(argv[++i] ?? usage('--base needs a folder'));
    else if (arg === '--index') index = resolve(argv[++i] ?? usage('--index needs a folder'));
    else if (arg === '--base-index') baseIndex = resolve(argv[++i] ?? usage('--base-index needs a folder'));
    else if (arg === '--doc') docs.push(argv[++i] ?? usage('--doc needs an id'));
    else usage(`unknown option ${arg}`);
  }
  if (!base || !index) usage('--base and --index are required');
  if (!baseIndex) baseIndex = index;
  const baseBin = join(base, 'bin', 'unres.js');
  const thisBin = join(ROOT, 'bin', 'unres.js');
  if (!existsSync(baseBin)) usage(`${base} has no bin/unres.js`);
  if (docs.length === 0) {
    const listed = run(thisBin, ['list', '--json', '--index', index]);
    const all = JSON.parse(listed.out) as Array<{ id: string }>;
    if (all.length === 0) usage('the index is empty');
    docs.push(all[0]!.id, all[Math.floor(all.length / 2)]!.id);
  }
  const doc0 = docs[0]!;
  const searches: string[][] = [
    ...queries(doc0).map((q) => [...q.words, ...q.filters]),
    ['حماية', 'الأطفال'],
    ['"الاتجار بالأشخاص"'],
    ['"حماية الأطفال" الاتجار'],
    ['الأطفال', '-الاتجار'],
    ['+الاتجار', 'الأطفال', 'الجريمة'],
    ['title:الأطفال'],
    ['الاتج*'],
    ['الأطفال', '--kind', 'preamble'],
    ['الأطفال', '--kind', 'operative', '--kind', 'resolution'],
    ['الأطفال', '--kind', 'decision'],
    ['الضحايا', ...docs.flatMap((d) => ['--doc', d])],
    ['الضحايا', '--doc', doc0, '--kind', 'operative'],
    ['الاتجار', '--cites', '64/293', '--since', '2010'],
    ['الأطفال', '--since', '2015-01-01', '--until', '2018-12-31'],
    ['الأطفال', '--until', '2000'],
    ['2017', 'الجريمة'],
    ['الدول', 'الأعضاء'],
  ];
  let differing = 0;
  for (const words of searches) {
    const a = run(thisBin, ['search', '--json', '--limit', '20', '--index', index, ...words]);
    const b = run(baseBin, ['search', '--json', '--limit', '20', '--index', baseIndex, ...words]);
    const same = a.code === b.code && a.out === b.out && a.err === b.err;
    const hits = a.out.startsWith('[') ? (JSON.parse(a.out) as unknown[]).length : 0;
    process.stdout.write(`${same ? 'same' : 'DIFFERENT'}  exit ${a.code}  ${hits} hits  ${words.join(' ')}\n`);
    if (!same) {
      differing++;
      process.stdout.write(`  this: exit ${a.code} ${a.err.trim()}\n  base: exit ${b.code} ${b.err.trim()}\n`);
    }
  }
  process.stdout.write(`${searches.length - differing} of ${searches.length} searches give byte-identical output\n`);
  return differing === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
