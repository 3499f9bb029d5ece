// lunr 2 with lunr-languages' Arabic (trimmer, stop words, stemmer), BM25-like
// scoring as lunr ships it; fields text and notes. The index is serialised as
// JSON in the folder and loaded for searching. lunr has no phrases: quotes are
// dropped; a query lunr's parser refuses is retried with its syntax characters
// removed (a search box would do the same).

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Baseline, ClauseRecord, Ranked } from './clauses.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Lunr = any;
const lunr: Lunr = require('lunr');
require('lunr-languages/lunr.stemmer.support.js')(lunr);
require('lunr-languages/lunr.ar.js')(lunr);

function runQuery(index: Lunr, query: string): Array<{ ref: string }> {
  const plain = query.replace(/"/g, ' ');
  try {
    return index.search(plain);
  } catch {
    try {
      return index.search(plain.replace(/[+\-:~^*]/g, ' '));
    } catch {
      return [];
    }
  }
}

export const lunrBaseline: Baseline = {
  name: 'lunr + lunr-languages ar',
  build(records: readonly ClauseRecord[], dir: string): number {
    const start = performance.now();
    const index = lunr(function (this: Lunr) {
      this.use(lunr.ar);
      this.ref('id');
      this.field('text');
      this.field('notes');
      for (const r of records) this.add(r);
    });
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'lunr.json'), JSON.stringify(index));
    return performance.now() - start;
  },
  search(dir: string, queries: readonly string[], limit: number): Ranked[] {
    const index = lunr.Index.load(JSON.parse(readFileSync(join(dir, 'lunr.json'), 'utf8')));
    return queries.map((q) => {
      const start = performance.now();
      const ids = runQuery(index, q)
        .slice(0, limit)
        .map((r) => r.ref);
      return { ids, ms: performance.now() - start };
    });
  },
};
