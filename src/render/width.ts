// Terminal cell widths. string-width (with get-east-asian-width) knows what a
// hand-made table would get wrong: East Asian wide characters, emoji, zero-width
// joiners and format characters. Letters of the scripts unres prints most
// (ASCII, Latin, Arabic) take the fast path: one cell, and combining marks
// (Arabic harakat, shadda) none, so a long document is measured without calling
// the library once per character.

import stringWidth from 'string-width';

const ZERO_WIDTH = /[\p{M}\p{Cf}]/u;
const ARABIC_LETTERS = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/u;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Cells taken by the character starting at `index` (0 for marks and for the second half of a surrogate pair). */
export function charWidth(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (isLowSurrogate(code)) return 0;
  if (code >= 0x20 && code < 0x7f) return 1;
  const ch = String.fromCodePoint(text.codePointAt(index) ?? code);
  if (ZERO_WIDTH.test(ch)) return 0;
  if ((code < 0x300 && code >= 0xa0) || ARABIC_LETTERS.test(ch)) return 1;
  return stringWidth(ch);
}

export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) width += charWidth(text, i);
  return width;
}

/** True for characters that belong to the character before them (marks, low surrogates). */
export function attachesToPrevious(text: string, index: number): boolean {
  return index > 0 && charWidth(text, index) === 0;
}
