// The words that name a division of an instrument or report, shared by the
// structure parser (which reads "الفصل السابع: ..." as a chapter heading) and
// search (which answers "الفصل السابع" with the clauses standing under it).
// Arabic words are bare (no article) and folded as src/text/letters.ts folds.

import type { HeadingLevel } from '../types.js';

/** Arabic division words and the heading level each names: الفصل a chapter, الجزء and الباب a part, القسم and الفرع a section. */
export const DIVISION_WORDS: Readonly<Record<string, HeadingLevel>> = {
  فصل: 'chapter',
  جزء: 'part',
  باب: 'part',
  قسم: 'section',
  فرع: 'section',
};

/** English division words a translated text keeps ("Chapter XVI"), lower case. */
export const ENGLISH_DIVISION_WORDS: Readonly<Record<string, HeadingLevel>> = {
  chapter: 'chapter',
  part: 'part',
  section: 'section',
  annex: 'annex',
};

/** The level a division word names (`فصل`, `chapter`, `Chapter`), or undefined. */
export function divisionOfWord(word: string): HeadingLevel | undefined {
  return DIVISION_WORDS[word] ?? ENGLISH_DIVISION_WORDS[word.toLowerCase()];
}
