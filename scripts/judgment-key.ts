// The key a judgment is stored under (queries/judgments.json): the document's
// source file name and the clause's first ten normalised words, so a judgment
// survives changes in clause numbering. Shared by eval-search and rank-features.

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
