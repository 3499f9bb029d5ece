// How a reader names a resolution or a decision in Arabic: the word, the organ
// if said, "رقم" if said, then the number: "قرار مجلس الأمن 338", "القرار 1514",
// "قرار الجمعية العامة رقم 64/293", "المقرر 4/4". Search reads such a run as one
// name of one document (src/search/query.ts), not as loose words.

import { fold } from '../structure/folded.js';
import { type Organ, organExactlyNamed } from './organs.js';

/** The words for a resolution and a decision, normalised (with and without the article). */
const DESIGNATION_WORDS: ReadonlySet<string> = new Set(['قرار', 'القرار', 'مقرر', 'المقرر'].map(fold));
const NUMBER_WORD = fold('رقم');
/** Longest organ name in words ("لجنة منع الجريمة والعدالة الجنائية"), so the look-ahead stays short. */
export const MAX_ORGAN_WORDS = 12;

export function isDesignationWord(word: string): boolean {
  return DESIGNATION_WORDS.has(fold(word));
}

/**
 * Given the words after a designation word, up to the number: the organ they
 * name, null when there are none (or only "رقم"), undefined when they are
 * something else (then the run is no designation).
 */
export function designatedOrgan(words: readonly string[]): Organ | null | undefined {
  const named = words.length > 0 && fold(words[words.length - 1]!) === NUMBER_WORD ? words.slice(0, -1) : words;
  if (named.length === 0) return null;
  if (named.length > MAX_ORGAN_WORDS) return undefined;
  return organExactlyNamed(named.join(' ')) ?? undefined;
}
