// How a reader names a resolution or a decision in Arabic: the word, the organ
// if said, "رقم" if said, then the number: "قرار مجلس الأمن 338", "القرار 1514",
// "قرار الجمعية العامة رقم 64/293", "المقرر 4/4". Search reads such a run as one
// name of one document (src/search/query.ts), not as loose words.
// Compared folded (diacritics, letter variants): search must not load the
// parser's folding (test/store/imports.test.ts), so the organ table is read
// from src/un/organ-table.ts.

import { foldForMatch } from '../text/fold.js';
import { foldLetters } from '../text/letters.js';
import { type Organ, ORGANS } from './organ-table.js';

const folded = (text: string): string => foldLetters(foldForMatch(text));

/** The words for a resolution and a decision (with and without the article). */
const DESIGNATION_WORDS: ReadonlySet<string> = new Set(['قرار', 'القرار', 'مقرر', 'المقرر'].map(folded));
const NUMBER_WORD = folded('رقم');
/** Longest organ name in words, so the look-ahead stays short. */
export const MAX_ORGAN_WORDS = Math.max(...ORGANS.map((organ) => organ.arabic.split(' ').length));
const BY_NAME = new Map(ORGANS.map((organ) => [folded(organ.arabic), organ] as const));

export function isDesignationWord(word: string): boolean {
  return DESIGNATION_WORDS.has(folded(word));
}

/**
 * Given the words after a designation word, up to the number: the organ they
 * name, null when there are none (or only "رقم"), undefined when they are
 * something else (then the run is no designation).
 */
export function designatedOrgan(words: readonly string[]): Organ | null | undefined {
  const named = words.length > 0 && folded(words[words.length - 1]!) === NUMBER_WORD ? words.slice(0, -1) : words;
  if (named.length === 0) return null;
  if (named.length > MAX_ORGAN_WORDS) return undefined;
  return BY_NAME.get(folded(named.join(' '))) ?? undefined;
}
