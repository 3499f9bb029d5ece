// SQLite FTS5 (`unicode61 remove_diacritics 2`, bm25 ranking), driven through
// python3's standard sqlite3 module (fts5.py). Chosen over the sqlite3 CLI:
// queries are bound as parameters (no SQL quoting of user text), one process
// answers every query and times each one itself, and the clauses are read as
// JSON without a CSV import dialect.

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Baseline, type ClauseRecord, type Ranked, baselineAsset } from './clauses.js';

export const fts5Baseline: Baseline = {
  name: 'SQLite FTS5 unicode61',
  build(records: readonly ClauseRecord[], dir: string): number {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const jsonl = join(dir, 'clauses.jsonl');
    writeFileSync(jsonl, records.map((r) => JSON.stringify(r) + '\n').join(''));
    const out = execFileSync('python3', [baselineAsset('fts5.py'), 'index', jsonl, join(dir, 'fts5.db')], { encoding: 'utf8' });
    rmSync(jsonl);
    const match = /indexed \d+ (\d+)/.exec(out);
    return match ? Number(match[1]) : NaN;
  },
  search(dir: string, queries: readonly string[], limit: number): Ranked[] {
    const out = execFileSync('python3', [baselineAsset('fts5.py'), 'search', join(dir, 'fts5.db'), String(limit)], {
      input: queries.map((q) => JSON.stringify(q) + '\n').join(''),
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    return out
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Ranked);
  },
};
