// Normalisation of one token before stop words and stemming. Spelling variants
// that writers and PDF extraction produce must never stop a match, so they all
// fold to one form:
//   - presentation forms and compatibility characters (NFKC, only when present);
//   - diacritics, tatweel and invisible controls removed;
//   - alef with hamza or madda, and wasla -> bare alef (ا);
//   - hamza on waw or yeh -> hamza (ء): مسؤول and مسئول meet;
//   - alef maksura (ى) -> yeh (ي); teh marbuta (ة) -> heh (ه);
//   - Persian and Urdu letters -> the Arabic letter they are read as: kaf,
//     yeh, heh, پ -> ب, ڤ -> ف, گ -> ك, چ -> ج, ژ -> ز (الإنترپول, ڤيينا);
//   - digits of every script -> ASCII, Arabic decimal point -> `.`, thousands
//     separators dropped; Latin letters lower-cased.
// A document symbol (normaliseSymbolToken) also reads a zero between two
// Latin letters as the letter O: series parts are letters only, and a zero
// typed for O (CT0C/COP/2010/6 for CTOC/COP/2010/6) must not hide the symbol.

import { isArabicMark, isInvisibleControl } from '../../text/arabic.js';
import {
  ALEF,
  ALEF_VARIANTS,
  HAMZA,
  HAMZA_CARRIERS,
  HEH,
  HEH_VARIANTS,
  KAF,
  KAF_VARIANTS,
  YEH,
  YEH_VARIANTS,
} from '../../text/letters.js';
const NEEDS_NFKC = /[\ufb50-\ufdff\ufe70-\ufeff\uff00-\uffef]/;

/** One replacement per code unit; unlisted characters are kept. */
const FOLD = new Map<number, string>();
function fold(chars: string, to: string): void {
  for (const ch of chars) FOLD.set(ch.charCodeAt(0), to);
}
// The letter tables are the program's one copy (src/text/letters.ts).
fold(ALEF_VARIANTS, ALEF); // أ إ آ ٱ ٲ ٳ -> ا
fold(HAMZA_CARRIERS, HAMZA); // ؤ ئ -> ء
fold(YEH_VARIANTS, YEH); // ى ی ے -> ي
fold(HEH_VARIANTS, HEH); // ة ۀ ہ ۃ ە -> ه
fold(KAF_VARIANTS, KAF); // ک ڪ -> ك
fold('\u06af', KAF); // گ -> ك
// Persian letters seen in Arabic UN texts fold to the nearest Arabic letter.
fold('\u067e', '\u0628'); // پ -> ب
fold('\u06a4', '\u0641'); // ڤ -> ف
fold('\u0686', '\u062c'); // چ -> ج
fold('\u0698', '\u0632'); // ژ -> ز
fold('\u066b', '.'); // Arabic decimal separator
fold('\u066c,', ''); // thousands separators: ١٬٠٠٠ and 1,000 -> 1000
for (let d = 0; d < 10; d++) {
  FOLD.set(0x0660 + d, String(d));
  FOLD.set(0x06f0 + d, String(d));
}

export function normaliseToken(token: string): string {
  const text = NEEDS_NFKC.test(token) ? token.normalize('NFKC') : token;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isArabicMark(code) || isInvisibleControl(code)) continue;
    const folded = FOLD.get(code);
    if (folded !== undefined) {
      out += folded;
    } else if (code >= 0x41 && code <= 0x5a) {
      out += String.fromCharCode(code + 32);
    } else if (code < 0x80 || code > 0xff) {
      out += text[i];
    } else {
      out += text[i]!.toLowerCase();
    }
  }
  return out;
}

const LATIN_LOWER_A = 0x61;
const LATIN_LOWER_Z = 0x7a;
const isLatinLower = (code: number): boolean => code >= LATIN_LOWER_A && code <= LATIN_LOWER_Z;

/** A symbol token, normalised, with each zero that stands between two Latin letters read as `o` (ct0c -> ctoc). Linear. */
export function normaliseSymbolToken(token: string): string {
  const s = normaliseToken(token);
  if (!s.includes('0')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    out += ch === '0' && i > 0 && i + 1 < s.length && isLatinLower(s.charCodeAt(i - 1)) && isLatinLower(s.charCodeAt(i + 1)) ? 'o' : ch;
  }
  return out;
}
