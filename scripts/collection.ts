// The judged collection as the scripts that measure search read it (shared by
// eval-search and rank-features): where the project's queries are, and the key
// a judgment is stored under (queries/judgments.json): the document's source
// file name and the clause's first ten normalised words, so a judgment
// survives changes in clause numbering.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseToken } from '../src/search/analysis/normalise.js';
import { tokenize } from '../src/search/analysis/tokenizer.js';

/** The clause's first ten words, normalised (spelling variants and digits folded). */
export function fingerprint(text: string): string {
  const words: string[] = [];
  for (const t of tokenize(text)) {
    if (t.type === 'pair' || t.type === 'symbol') continue;
    words.push(normaliseToken(t.text));
    if (words.length === 10) break;
  }
  return words.join(' ');
}


/** The project's root: the first folder up from this script holding queries/collection.json (else the working folder). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'queries', 'collection.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
