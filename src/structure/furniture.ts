// Page furniture: what a UN page prints around the text (distribution block,
// job numbers, "please recycle", symbols repeated in headers, page numbers).
// It is never clause text; what it says feeds the metadata.

import { stripDiacritics } from '../text/arabic.js';
import { toAsciiDigits } from '../text/digits.js';
import { findEnglishDate } from './dates.js';
import type { LinesRoot } from './tree.js';

export interface FurnitureFacts {
  /** Dates printed as English date lines, in order (the first is the distribution date). */
  englishDates: string[];
  distribution: string | null;
  originalLanguage: string | null;
  /** UN document symbols printed alone on a line ("E/CN.15/2018/L.4"). */
  symbols: string[];
}

const DISTRIBUTION = /^Distr\.?\s*:?\s*([A-Za-z]+)/i;
const ENGLISH_DATE_LINE = /^\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}$/;
const LANGUAGE_LINE = /^(?:Arabic|English|French|Spanish|Russian|Chinese)$/i;
const ORIGINAL = /^Original\s*:\s*([A-Za-z]+)/i;
const JOB_NUMBER = /^(?:[A-Z]{1,3}\.)?\d{2}-\d{4,6}(?:\s*\([A-Z]\))?(?:\s+\S.{0,40})?$/;
// "*1712889*": inline markdown reads the stars as emphasis, so the line arrives as bare digits.
const BARCODE = /^\*?\d{6,}\*?$/;
const SYMBOL_LINE = /^[A-Z]{1,6}(?:\/[A-Za-z0-9.\-]{1,12}){1,7}$/;
const PAGE_NUMBER = /^(?:\d{1,3}\s*\/\s*\d{1,3}|-\s*\d{1,3}\s*-|\d{1,3})$/;
// "- 3 -" arrives as "3 -": the line stage took its leading "- " for a list bullet.
const BULLETED_PAGE_NUMBER = /^\d{1,3}\s*-$/;
const RECYCLE_GLYPH = /^[\u2672\u267b\u267c\u267d]+$/;
const PLEASE_RECYCLE = 'الرجاء إعادة الاستعمال';

export function emptyFurniture(): FurnitureFacts {
  return { englishDates: [], distribution: null, originalLanguage: null, symbols: [] };
}

export function findFurniture(tree: LinesRoot): FurnitureFacts {
  const facts = emptyFurniture();
  for (const line of tree.children) {
    if (line.role !== 'text') continue;
    // The English block is matched whatever digits it was re-typed with.
    const value = toAsciiDigits(line.value);
    const distribution = DISTRIBUTION.exec(value);
    const original = ORIGINAL.exec(value);
    if (distribution) {
      facts.distribution ??= distribution[1]!;
    } else if (original) {
      facts.originalLanguage ??= original[1]!;
    } else if (ENGLISH_DATE_LINE.test(value)) {
      const date = findEnglishDate(value);
      if (date) facts.englishDates.push(date);
    } else if (SYMBOL_LINE.test(value)) {
      facts.symbols.push(value);
    } else if (
      !LANGUAGE_LINE.test(value) &&
      !JOB_NUMBER.test(value) &&
      !BARCODE.test(value) &&
      !PAGE_NUMBER.test(value) &&
      !(line.bullet && BULLETED_PAGE_NUMBER.test(value)) &&
      !RECYCLE_GLYPH.test(value) &&
      !stripDiacritics(value).startsWith(PLEASE_RECYCLE)
    ) {
      continue;
    }
    line.role = 'furniture';
  }
  return facts;
}
