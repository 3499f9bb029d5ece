// Command line of the search baselines (documented in scripts/baselines/README.md).
//
//   node dist/scripts/baselines/cli.js <lucene|fts5|lunr> index <path...> --index DIR
//   node dist/scripts/baselines/cli.js <lucene|fts5|lunr> search --index DIR [--limit N] [--queries FILE] [query...]
//   node dist/scripts/baselines/cli.js clauses <path...>
//
// `index` reads documents (files or folders, .txt/.md, parsed by unres) and
// clause JSONL files (`.jsonl`), builds the baseline's index in DIR and prints
// `<system>: indexed N clauses in T ms`. `search` runs each query (the words
// given, or one per line of FILE, or the `query` fields of a JSON array) and
// prints one JSON object per query: {"query", "ms", "ids"} with the clause ids
// best first. `clauses` prints the clause records as JSONL.

import { readFileSync } from 'node:fs';
import { readClauseRecords } from './clauses.js';
import { BASELINES } from './registry.js';

function fail(message: string): never {
  process.stderr.write(`baselines: ${message}\n`);
  process.stderr.write(
    'usage: cli.js <lucene|fts5|lunr> index <path...> --index DIR | <lucene|fts5|lunr> search --index DIR [--limit N] [--queries FILE] [query...] | clauses <path...>\n',
  );
  process.exit(2);
}

function readQueries(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) {
    const parsed = JSON.parse(text) as unknown;
    if (!Array.isArray(parsed)) fail(`${file}: expected a JSON array`);
    return parsed.map((q) => (typeof q === 'string' ? q : String((q as { query?: unknown }).query ?? '')));
  }
  return text.split('\n').filter((l) => l.trim() !== '');
}

function main(argv: string[]): void {
  const [system, command, ...rest] = argv;
  if (system === 'clauses') {
    const paths = [command, ...rest].filter((p): p is string => p !== undefined);
    if (paths.length === 0) fail('clauses needs at least one path');
    for (const r of readClauseRecords(paths)) process.stdout.write(JSON.stringify(r) + '\n');
    return;
  }
  const baseline = BASELINES[system ?? ''];
  if (!baseline) fail(`unknown system '${system ?? ''}'`);
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg.startsWith('--')) {
      const value = rest[++i];
      if (value === undefined) fail(`${arg} needs a value`);
      options.set(arg.slice(2), value);
    } else {
      positional.push(arg);
    }
  }
  const dir = options.get('index');
  if (!dir) fail('--index DIR is required');
  if (command === 'index') {
    if (positional.length === 0) fail('index needs at least one path');
    const records = readClauseRecords(positional);
    const ms = baseline.build(records, dir);
    process.stdout.write(`${system}: indexed ${records.length} clauses in ${Math.round(ms)} ms\n`);
  } else if (command === 'search') {
    const limit = Number(options.get('limit') ?? 10);
    if (!Number.isInteger(limit) || limit < 1) fail('--limit needs a positive whole number');
    const file = options.get('queries');
    const queries = file ? readQueries(file) : [positional.join(' ')];
    if (queries.length === 0 || queries.every((q) => q.trim() === '')) fail('no query');
    baseline.search(dir, queries, limit).forEach((r, i) => {
      process.stdout.write(JSON.stringify({ query: queries[i], ms: Math.round(r.ms * 1000) / 1000, ids: r.ids }) + '\n');
    });
  } else {
    fail(`unknown command '${command ?? ''}'`);
  }
}

try {
  main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`baselines: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
