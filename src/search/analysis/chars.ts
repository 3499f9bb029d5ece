// Character classes for the tokenizer, as code-point tests: the tokenizer walks
// the text once and never backtracks, whatever the input.

import { isArabicMark, isInvisibleControl, ZERO_WIDTH_SPACE } from '../../text/arabic.js';

/** Letters of the Arabic blocks (base, supplement, extended-A) and presentation forms. */
export function isArabicLetter(code: number): boolean {
  return (
    (code >= 0x0620 && code <= 0x064a) ||
    code === 0x066e ||
    code === 0x066f ||
    (code >= 0x0671 && code <= 0x06d3) ||
    code === 0x06d5 ||
    code === 0x06ee ||
    code === 0x06ef ||
    (code >= 0x06fa && code <= 0x06fc) ||
    code === 0x06ff ||
    (code >= 0x0750 && code <= 0x077f) ||
    (code >= 0x08a0 && code <= 0x08c9) ||
    (code >= 0xfb50 && code <= 0xfdfb) ||
    (code >= 0xfe70 && code <= 0xfefc)
  );
}

/**
 * Marks that live inside a word and carry no letter value: harakat, Quranic
 * marks, tatweel, and the invisible controls PDF extraction leaves behind
 * (ZWNJ/ZWJ, bidi marks, soft hyphen, BOM). They never split a word; the
 * normaliser removes them.
 */
export function isInWordMark(code: number): boolean {
  // A zero-width space is a word break, not a mark: the tokenizer splits there.
  return isArabicMark(code) || (isInvisibleControl(code) && code !== ZERO_WIDTH_SPACE);
}

/** Value of a digit of any script a UN text may print (ASCII, Arabic-Indic, Extended, full-width), or -1. */
export function digitOf(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x0660 && code <= 0x0669) return code - 0x0660;
  if (code >= 0x06f0 && code <= 0x06f9) return code - 0x06f0;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

/** Latin letters (ASCII, Latin-1 and Latin Extended-A/B, full-width), for symbols like A/RES and names. */
export function isLatinLetter(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  );
}

/** Slashes that join the two numbers of a resolution symbol: `/`, division slash, full-width solidus. */
export function isSymbolSlash(code: number): boolean {
  return code === 0x2f || code === 0x2215 || code === 0xff0f;
}

/** Decimal points: ASCII full stop and the Arabic decimal separator. */
export function isDecimalPoint(code: number): boolean {
  return code === 0x2e || code === 0x066b;
}

/** Thousands separators: ASCII comma and the Arabic thousands separator. */
export function isThousandsSeparator(code: number): boolean {
  return code === 0x2c || code === 0x066c;
}
