// Arabic letter variants, one table for the whole program. Structure
// recognisers, search analysis and export all fold the same letters:
//   - alef with hamza above or below, with madda, wasla, and the wavy-hamza
//     forms (أ إ آ ٱ ٲ ٳ) -> bare alef (ا);
//   - alef maksura and the Persian and Urdu yeh (ى ی ے) -> yeh (ي).
// Search folds further (hamza carriers, teh marbuta, kaf variants); those
// tables live here too so that nobody keeps a second copy.

import { isArabicMark } from './arabic.js';

export const ALEF = '\u0627';
/** أ إ آ ٱ ٲ ٳ */
export const ALEF_VARIANTS = '\u0623\u0625\u0622\u0671\u0672\u0673';
export const YEH = '\u064a';
/** ى ی ے */
export const YEH_VARIANTS = '\u0649\u06cc\u06d2';
export const HAMZA = '\u0621';
/** ؤ ئ */
export const HAMZA_CARRIERS = '\u0624\u0626';
export const HEH = '\u0647';
/** ة ۀ ہ ۃ ە */
export const HEH_VARIANTS = '\u0629\u06c0\u06c1\u06c3\u06d5';
/**
 * Heh doachashmee's presentation forms (ﮪ ﮫ ﮬ ﮭ), a letter of Urdu. Fonts of
 * Arabic word processors give the initial and medial forms of heh (ـهـ) these
 * code points, and NFKC would then make "هذا" into "ھذا": in the Arabic
 * documents unres reads, such glyphs are heh (src/decode/pdf-glyphs.ts).
 */
export const HEH_DOACHASHMEE_FORMS = '\ufbaa\ufbab\ufbac\ufbad';
export const KAF = '\u0643';
/** ک ڪ */
export const KAF_VARIANTS = '\u06a9\u06aa';
// Letters the stemmer's affix and pattern rules name.
export const TEH = '\u062a';
export const SEEN = '\u0633';
export const MEEM = '\u0645';
export const NOON = '\u0646';
export const WAW = '\u0648';
export const FEH = '\u0641';

// Folded code of each code unit in the Arabic block U+0600-U+06FF (read in hot loops).
const ARABIC_BLOCK = 0x600;
const BLOCK_FOLD = new Uint16Array(0x100).map((_, i) => ARABIC_BLOCK + i);
for (const ch of ALEF_VARIANTS) BLOCK_FOLD[ch.charCodeAt(0) - ARABIC_BLOCK] = ALEF.charCodeAt(0);
for (const ch of YEH_VARIANTS) BLOCK_FOLD[ch.charCodeAt(0) - ARABIC_BLOCK] = YEH.charCodeAt(0);

/** The letter a code unit folds to for comparison: alef and yeh variants to the bare letter, else itself. */
export function foldLetterCode(code: number): number {
  return code >= ARABIC_BLOCK && code < ARABIC_BLOCK + 0x100 ? BLOCK_FOLD[code - ARABIC_BLOCK]! : code;
}

/** Alef and yeh variants folded, diacritics and tatweel dropped: the form recognisers and keyword tests compare. */
export function foldLetters(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isArabicMark(code)) continue;
    out += String.fromCharCode(foldLetterCode(code));
  }
  return out;
}

/**
 * Is the word made of base Arabic letters alone (hamza to yeh, U+0621-U+064A), as the analysis chain
 * writes a normalised word? Digits, Latin letters, marks and presentation forms are not.
 */
export function isBaseArabicWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0x0621 || code > 0x064a) return false;
  }
  return word.length > 0;
}

/** The article with the conjunction and preposition written onto it (وبالـ, للـ), or a bare preposition. */
const ARTICLE_AND_PARTICLES = /^[وف]?(?:[بك]?ال|لل|[بلك])?/;

/** A folded word without its article and the particles attached before it: `وبالمادة` -> `مادة`, `للسلم` -> `سلم`. */
export function withoutArticle(word: string): string {
  return word.replace(ARTICLE_AND_PARTICLES, '');
}
