// Numbering words of UN Arabic texts, shared by structure and export: ordinal
// words (الأول، الحادية عشرة، الخامس والعشرون), adverbial ordinals that number
// chapters (أولاً، ثانياً، حادي عشر), letter names that number sections (ألف،
// باء، جيم ...) and the letters that label items ((أ)، (ب) ...).
//
// Every function reads text folded by src/text/letters.ts (bare alef, ي for ى,
// no diacritics or tatweel); `foldLetters` does that for callers holding
// printed text.

import { foldLetters } from '../text/letters.js';

/** Units 1-9 as masculine and feminine ordinals, and 10. Index = value. */
const UNIT_ORDINALS: ReadonlyArray<readonly string[]> = [
  [],
  ['اول', 'اولي', 'حادي', 'حادية', 'واحد', 'واحدة'],
  ['ثاني', 'ثانية'],
  ['ثالث', 'ثالثة'],
  ['رابع', 'رابعة'],
  ['خامس', 'خامسة'],
  ['سادس', 'سادسة'],
  ['سابع', 'سابعة'],
  ['ثامن', 'ثامنة'],
  ['تاسع', 'تاسعة'],
  ['عاشر', 'عاشرة'],
];

const TENS: Record<string, number> = {
  عشرون: 20, عشرين: 20, ثلاثون: 30, ثلاثين: 30, اربعون: 40, اربعين: 40, خمسون: 50, خمسين: 50,
  ستون: 60, ستين: 60, سبعون: 70, سبعين: 70, ثمانون: 80, ثمانين: 80, تسعون: 90, تسعين: 90,
};

const UNIT_VALUE = new Map<string, number>();
UNIT_ORDINALS.forEach((forms, value) => {
  for (const form of forms) UNIT_VALUE.set(form, value);
});

function bare(word: string): string {
  // The article and the adverbial ending: الثانية -> ثانية, ثانيا -> ثاني, اولا -> اول.
  let w = word.startsWith('ال') && word.length > 3 ? word.slice(2) : word;
  if (w.startsWith('و') && !UNIT_VALUE.has(w) && !(w in TENS)) w = w.slice(1);
  if (w.startsWith('ال') && w.length > 3) w = w.slice(2);
  if (w.endsWith('ا') && w.length > 3 && !UNIT_VALUE.has(w) && !(w in TENS)) w = w.slice(0, -1);
  return w;
}

/** The value of an ordinal read from up to three folded words, and how many words it took. */
export function ordinalPrefix(words: readonly string[]): { value: number; words: number } | null {
  const first = words[0];
  if (first === undefined) return null;
  const w0 = bare(first);
  if (w0 === 'مائة' || w0 === 'ماية' || w0 === 'مئة') return { value: 100, words: 1 };
  const tens0 = TENS[w0];
  if (tens0 !== undefined) return { value: tens0, words: 1 };
  const unit = UNIT_VALUE.get(w0);
  if (unit === undefined) return null;
  const second = words[1];
  if (second !== undefined) {
    const w1 = bare(second);
    if ((w1 === 'عشر' || w1 === 'عشرة') && unit < 10) return { value: unit + 10, words: 2 };
    const tens = TENS[w1];
    if (tens !== undefined && unit < 10) return { value: unit + tens, words: 2 };
    // "الثاني و العشرون": the و printed apart from its tens.
    const third = words[2];
    if (second === 'و' && third !== undefined && unit < 10) {
      const tensApart = TENS[bare(third)];
      if (tensApart !== undefined) return { value: unit + tensApart, words: 3 };
    }
  }
  // "حادي" alone is no ordinal.
  if (w0 === 'حادي' || w0 === 'حادية' || w0 === 'واحد' || w0 === 'واحدة') return null;
  return { value: unit, words: 1 };
}

/** أولاً → 1, الحادي عشر → 11, الخامسة والعشرون → 25; null for anything else. */
export function ordinalValue(text: string): number | null {
  const words = foldLetters(text).trim().split(/\s+/);
  const found = ordinalPrefix(words);
  return found && found.words === words.length ? found.value : null;
}

/** Adverbial ordinals that number chapters: "أولاً"..."عاشراً", "حادي عشر", "عشرون" (folded). */
export const CHAPTER_ORDINALS_PATTERN =
  'اولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا|(?:حادي|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع) عشر|عشرون|(?:حادي|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع) و ?عشرون';

/** Letter names in the order UN Arabic documents letter their sections (A, B, C ...), folded. */
export const LETTER_NAMES: readonly string[] = [
  'الف', 'باء', 'جيم', 'دال', 'هاء', 'واو', 'زاي', 'حاء', 'طاء', 'ياء', 'كاف', 'لام', 'ميم', 'نون',
  'سين', 'عين', 'فاء', 'صاد', 'قاف', 'راء', 'شين', 'تاء', 'ثاء', 'خاء', 'ذال', 'ضاد', 'ظاء', 'غين',
];

/** The letter names as a regex alternation (folded). */
export const LETTER_NAMES_PATTERN = LETTER_NAMES.join('|');

/** ألف → 1, باء → 2 ...; null for anything else. */
export function letterRank(name: string): number | null {
  const index = LETTER_NAMES.indexOf(foldLetters(name).trim());
  return index < 0 ? null : index + 1;
}

/** The letters UN Arabic documents label items with, in the order of the English (a), (b), (c) ... (folded). */
export const ITEM_LETTERS: readonly string[] = [
  'ا', 'ب', 'ج', 'د', 'ه', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق', 'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض', 'ظ', 'غ',
];

/**
 * The Latin letter an item letter stands for in the English text ((أ) → a, (ب) → b, (هـ) → e), a Latin
 * lower-case letter as itself; null for anything else (ظ and غ come after z).
 */
export function itemLetterLatin(letter: string): string | null {
  if (/^[a-z]$/.test(letter)) return letter;
  const index = itemLetterIndex(letter.replace(/\u0640/g, ''));
  return index >= 0 && index < 26 ? String.fromCharCode(0x61 + index) : null;
}

/** (أ) → 0, (ب) → 1 ...: the position of an item letter, or -1. */
export function itemLetterIndex(label: string): number {
  return ITEM_LETTERS.indexOf(foldLetters(label).replace(/\s/g, ''));
}

const ROMAN: Array<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];
const ROMAN_VALUES: Record<string, number> = { M: 1000, D: 500, C: 100, L: 50, X: 10, V: 5, I: 1 };

/** 15 -> "XV". Positive integers below 4000. */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n >= 4000) throw new RangeError(`no roman numeral for ${n}`);
  let out = '';
  let rest = n;
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** "XXI" -> 21 (any case, spaces around), or null when it is not a well-formed roman numeral. */
export function fromRoman(text: string): number | null {
  const upper = text.trim().toUpperCase();
  if (!/^[MDCLXVI]{1,15}$/.test(upper)) return null;
  let total = 0;
  for (let i = 0; i < upper.length; i++) {
    const value = ROMAN_VALUES[upper[i]!]!;
    const next = ROMAN_VALUES[upper[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 && toRoman(total) === upper ? total : null;
}

const HEADING_ROMAN = /^[IVXLC]+$/;

/** IV → 4: a roman numeral as headings number chapters (capitals I V X L C, well formed); else null. */
export function romanValue(text: string): number | null {
  return HEADING_ROMAN.test(text) ? fromRoman(text) : null;
}
