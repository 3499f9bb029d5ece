// Folding for comparison: the gold matching rule (NFKC, digits to ASCII, no
// diacritics or tatweel, single spaces). Search analysis folds further (see
// src/search/analysis).

import { stripDiacritics } from './arabic.js';
import { toAsciiDigits } from './digits.js';

const WHITESPACE_RUNS = /\s+/g;

export function foldForMatch(text: string): string {
  return stripDiacritics(toAsciiDigits(text.normalize('NFKC')))
    .replace(WHITESPACE_RUNS, ' ')
    .trim();
}
