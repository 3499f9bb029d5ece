// Digits of every script a UN text may print, mapped to ASCII. Tables from the
// Unicode character database: Arabic-Indic (U+0660), Extended Arabic-Indic
// (U+06F0), and superscript digits used as footnote markers.

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Map one digit character of any supported script to its value, or -1. */
export function digitValue(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x660 && code <= 0x669) return code - 0x660;
  if (code >= 0x6f0 && code <= 0x6f9) return code - 0x6f0;
  const sup = SUPERSCRIPT_DIGITS.indexOf(ch);
  return sup;
}

const NON_ASCII_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/g;
const HAS_NON_ASCII_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/;

/** Arabic-Indic and Extended Arabic-Indic digits to ASCII; everything else unchanged. */
export function toAsciiDigits(text: string): string {
  if (!HAS_NON_ASCII_DIGIT.test(text)) return text;
  return text.replace(NON_ASCII_DIGIT, (d) => String(digitValue(d)));
}

/** Parse a run of digits in any script to an integer, or null. */
export function parseDigits(run: string): number | null {
  if (run.length === 0 || run.length > 9) return null;
  let value = 0;
  for (const ch of run) {
    const d = digitValue(ch);
    if (d < 0) return null;
    value = value * 10 + d;
  }
  return value;
}

/** Character class source matching one digit of any script (for building regexes). */
export const ANY_DIGIT = '[0-9\u0660-\u0669\u06f0-\u06f9]';

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/** ASCII digits to Arabic-Indic (used to make test variants of documents). */
export function toArabicIndicDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]!);
}

/**
 * Hyphens that join the two parts of a number printed with a hyphen for a dot (U+002D, U+2010, U+2011). Arabic
 * UN texts print a target or a subsection `٨-٧` where the English prints `8.7`; an en dash (U+2013) marks a
 * range and is not among them.
 */
export function isNumberHyphen(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011;
}

/** The most digits either part of a hyphen-joined number may have: goals, targets and sections are numbered below 100. */
export const MAX_JOINED_PART_DIGITS = 2;

/**
 * The dotted number two digit runs joined by a hyphen stand for (`٨`, `٧` -> `8.7`: a decimal `8.7` and `٨٫٧`
 * normalise to the same), or null when either run is longer than MAX_JOINED_PART_DIGITS (years, symbols'
 * numbers, job numbers) or not digits.
 */
export function joinedNumber(first: string, second: string): string | null {
  if (first.length > MAX_JOINED_PART_DIGITS || second.length > MAX_JOINED_PART_DIGITS) return null;
  const a = parseDigits(first);
  const b = parseDigits(second);
  return a === null || b === null ? null : `${a}.${b}`;
}
