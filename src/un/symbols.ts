// UN symbol shapes, in English order, and the facts behind them:
//   General Assembly   A/RES/64/293 (session/number, from the 31st session on),
//                      A/RES/1514(XV) (number and roman session, sessions 1-30),
//                      lettered parts A/RES/37/120A, A/RES/2200(XXI)A
//   Security Council   S/RES/242 (1967)
//   Human Rights Council A/HRC/RES/40/7
//   ECOSOC             E/RES/2011/33, E/DEC/2016/241 (year/number), E/RES/1296(XLIV)
// and the keys under which the index files a cited symbol, so `--cites` finds
// a citation whichever of its printed forms the user types.

import { ANY_DIGIT, toAsciiDigits } from '../text/digits.js';
import { LETTER_NAMES, letterRank, toRoman } from './numbering.js';

// Roman numerals live with the other numbering in ./numbering.ts.
export { fromRoman, toRoman } from './numbering.js';

// ----------------------------------------------------------- lettered parts

// The parts of a resolution (A, B, C ...) are named in Arabic UN texts by the
// letters of the abjad order, the letter names that also number sections
// (./numbering.ts): ألف A, باء B, جيم C, دال D, هاء E, واو F ... (UN Arabic
// editorial practice; "٤١/٨٦ فاء" is 41/86 Q). The abjad has 28 letters; ظاء
// and غين follow Z and name no Latin letter.

/** The folded Arabic names of parts A..Z, in order (for building patterns). */
export const ARABIC_PART_NAMES: readonly string[] = LETTER_NAMES.slice(0, 26);

/** "سين" -> "O"; a Latin capital stays itself; else null. */
export function partLetter(name: string): string | null {
  const trimmed = name.trim();
  if (/^[A-Z]$/.test(trimmed)) return trimmed;
  const rank = letterRank(trimmed);
  return rank === null || rank > 26 ? null : String.fromCharCode(64 + rank);
}

// ------------------------------------------------------- sessions and years

/** From its 31st session (1976) the General Assembly numbers resolutions per session (31/1); before, continuously with the session in roman numerals. */
export const FIRST_NUMBERED_GA_SESSION = 31;
/** A session adopts a few hundred resolutions at most. */
export const MAX_RESOLUTIONS_PER_SESSION = 400;

/** The General Assembly session sitting at a date: the nth opens in September of 1945 + n. */
export function gaSessionAt(date: Date = new Date()): number {
  return date.getUTCFullYear() - (date.getUTCMonth() >= 8 ? 1945 : 1946);
}

/** The latest General Assembly session there can be now. */
export const LATEST_GA_SESSION = gaSessionAt();

/** Years in which session `s` adopts resolutions: it opens in September of 1945 + s and ends before the next. */
export function gaSessionYears(session: number): [number, number] {
  return [1945 + session, 1946 + session];
}

/**
 * Human Rights Council sessions that can sit at a date: three a year since 2007
 * (March, June, September: the 4th in March 2007), the 1st and 2nd in 2006;
 * one session either side for special sessions and resumed meetings.
 */
export function hrcSessionsAt(year: number, month: number | null = null): [number, number] {
  const first = 3 * (year - 2006) + 1;
  if (month === null) return [first - 1, first + 3];
  const sitting = first + (month <= 4 ? 0 : month <= 7 ? 1 : 2);
  return [sitting - 1, sitting + 1];
}

export const LATEST_HRC_SESSION = hrcSessionsAt(new Date().getUTCFullYear())[1];

export function isYear(n: number): boolean {
  return n >= 1946 && n <= 2100;
}

// ------------------------------------------------------------------ symbols

export function gaSymbol(session: number, number: number, part: string | null = null): string {
  return `A/RES/${session}/${number}${part ?? ''}`;
}

/** Resolutions before the 31st session: "1514 (د-15)" -> A/RES/1514(XV); a part follows the session: A/RES/2200(XXI)A. */
export function gaOldStyleSymbol(number: number, session: number, part: string | null = null): string {
  return `A/RES/${number}(${toRoman(session)})${part ?? ''}`;
}

export function ecosocOldStyleSymbol(number: number, session: number, part: string | null = null): string {
  return `E/RES/${number}(${toRoman(session)})${part ?? ''}`;
}

export function scSymbol(number: number, year: number): string {
  return `S/RES/${number} (${year})`;
}

export function hrcSymbol(session: number, number: number, part: string | null = null): string {
  return `A/HRC/RES/${session}/${number}${part ?? ''}`;
}

/** ECOSOC symbol when exactly one of the numbers is a year (either side), else null. */
export function ecosocSymbol(first: number, second: number, decision = false): string | null {
  const series = decision ? 'DEC' : 'RES';
  if (isYear(second) && !isYear(first)) return `E/${series}/${second}/${first}`;
  if (isYear(first) && !isYear(second)) return `E/${series}/${first}/${second}`;
  return null;
}

/** Resolution and decision symbols as printed in English inside Arabic text ("A/RES/64/293", "S/RES/2334 (2016)"). */
export const PRINTED_RESOLUTION_SYMBOL =
  /(?<![A-Za-z0-9/.])(?:A\/HRC\/(?:RES|DEC)\/\d{1,2}\/\d{1,3}|A\/RES\/(?:ES-\d{1,2}\/|S-\d{1,2}\/)?\d{1,3}\/\d{1,3}[A-Z]?|A\/RES\/\d{1,4}\s?\([IVXLC]{1,8}\)[A-Z]?|[AE]\/(?:RES|DEC)\/\d{4}\/\d{1,3}|S\/RES\/\d{1,4}\s?\(\d{4}\))(?![A-Za-z0-9/])/g;

// ------------------------------------------------------------- search keys

/** The canonical key of two numbers joined by a slash: smaller first. */
export function symbolPairKey(a: number, b: number): string {
  return a <= b ? `${a}/${b}` : `${b}/${a}`;
}

/** Is this indexed term a pair key (`64/293`)? Words and numbers never contain a slash. */
export function isSymbolPairKey(term: string): boolean {
  return term.includes('/');
}

/** A symbol as a filter key: upper case, ASCII digits, no spaces (`a/res/64/293` -> `A/RES/64/293`). Linear. */
export function normaliseSymbol(symbol: string): string {
  return toAsciiDigits(symbol).replace(/\s+/g, '').toUpperCase();
}

/** The pair key of a symbol's last two numeric parts (`A/RES/64/293` -> `64/293`), or null. */
export function pairKeyOfSymbol(symbol: string): string | null {
  const parts = normaliseSymbol(symbol).split('/');
  if (parts.length < 2) return null;
  const last = parts[parts.length - 1]!;
  const before = parts[parts.length - 2]!;
  if (!/^\d{1,15}$/.test(last) || !/^\d{1,15}$/.test(before)) return null;
  return symbolPairKey(Number(before), Number(last));
}

const LETTERED = /^(A\/(?:HRC\/)?RES\/(?:[A-Z]{1,2}-)?\d{1,4}\/\d{1,4})[A-Z]$/;
const OLD_STYLE = /^([AE]\/RES\/\d{1,4})(\([IVXLC]{1,8}\))([A-Z]?)$/;
const SECURITY_COUNCIL = /^(S\/RES\/\d{1,5})\(\d{4}\)$/;

/**
 * The resolution a symbol names without its part or year, normalised:
 * A/RES/37/120A -> A/RES/37/120, A/RES/2200(XXI)A -> A/RES/2200(XXI),
 * S/RES/242 (1967) -> S/RES/242. Anything else: the normalised symbol.
 */
/**
 * A document id from its symbol: every run of characters other than ASCII
 * letters, digits and dots becomes one `-`, with none at either end
 * (`S/RES/338 (1973)` is `S-RES-338-1973`). Ids before index version 15 kept
 * a trailing `-` from a closing parenthesis; finders accept both.
 */
export function symbolId(symbol: string): string {
  const id = symbol.replace(/[^A-Za-z0-9.]+/g, '-');
  return trimHyphens(id);
}

/** The string without `-` at either end (a scan, not a regex: no backtracking on long runs). */
export function trimHyphens(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) === 0x2d) start++;
  while (end > start && value.charCodeAt(end - 1) === 0x2d) end--;
  return value.slice(start, end);
}

export function baseSymbol(symbol: string): string {
  const s = normaliseSymbol(symbol);
  const lettered = LETTERED.exec(s);
  if (lettered) return lettered[1]!;
  const old = OLD_STYLE.exec(s);
  if (old) return old[1]! + old[2]!;
  return s;
}

/**
 * The index terms of a cited symbol (lower case): the symbol itself, the
 * resolution without its part, an SC or old-style resolution without its year
 * or session (S/RES/242, A/RES/1514), and the order-free pair key.
 */
export function citeKeys(symbol: string): string[] {
  const s = normaliseSymbol(symbol);
  const keys = new Set<string>([s.toLowerCase()]);
  const base = baseSymbol(s);
  keys.add(base.toLowerCase());
  const sc = SECURITY_COUNCIL.exec(s);
  if (sc) keys.add(sc[1]!.toLowerCase());
  const old = OLD_STYLE.exec(s);
  if (old) keys.add(old[1]!.toLowerCase());
  const pair = pairKeyOfSymbol(base);
  if (pair) keys.add(pair);
  return [...keys];
}

/** The index term a `--cites` value asks for: a symbol in any spacing and digits, or a bare pair. Null when it is neither. */
export function citeQueryKey(value: string): string | null {
  const trimmed = value.trim();
  if (!/[a-z]/i.test(trimmed)) return pairKeyOfSymbol(trimmed);
  const symbol = normaliseSymbol(trimmed);
  // A UN symbol: series letters, then slash-separated parts, one of them with a digit ("S/RES/242(1967)", "A/RES/1514(XV)").
  return /^[A-Z]{1,6}(?:\/[A-Z0-9.()-]{1,16}){1,7}$/.test(symbol) && /\d/.test(symbol) ? symbol.toLowerCase() : null;
}

/** Does a document symbol name a resolution or a decision (a `RES` or `DEC` part: A/RES/64/293, E/DEC/2017/5)? */
export function isDecisionOrResolutionSymbol(symbol: string): boolean {
  return normaliseSymbol(symbol)
    .split('/')
    .some((part) => part === 'RES' || part === 'DEC');
}

// ----------------------------------------------- ranges and lists of symbols
//
// UN texts print several documents of one series as one symbol and its
// continuation: a range in the last part (E/C.12/2005/SR.38-40, A/C.3/70/L.5-L.7),
// a list after it (CEDAW/C/SR.918 و919, S/2001/1015 و Add.1, A/60/1/Add.1 و Add.2),
// or a joint symbol of two organs (A/55/305-S/2000/809). Each member is a
// document of its own, to be found by its own symbol.

/** The longest run of numbers a printed range stands for, and the furthest a listed number may be from the one before it. */
export const MAX_SYMBOL_RUN = 30;
/** The most members one list after a symbol is read to hold. */
const MAX_LISTED = 20;
/** Parts that number a document's addenda, corrigenda, revisions and amendments: appended to the symbol they follow. */
const APPENDED_PARTS = new Set(['ADD', 'CORR', 'REV', 'AMEND']);

const RANGE_PART = /^([A-Za-z]{1,6}\.)?(\d{1,5})-([A-Za-z]{1,6}\.)?(\d{1,5})$/;
const ENDS_IN_NUMBER = /^(.*?)(\d{1,5})$/s;

/** The symbols a printed symbol stands for besides itself: the members of a range in its last part, the parts of a joint symbol. */
export function symbolMembers(printed: string): string[] {
  const symbol = toAsciiDigits(printed);
  const out: string[] = [];
  const slash = symbol.lastIndexOf('/');
  const range = slash > 0 ? RANGE_PART.exec(symbol.slice(slash + 1)) : null;
  if (range && (range[3] === undefined || range[3] === range[1])) {
    const [from, to] = [Number(range[2]), Number(range[4])];
    if (to > from && to - from < MAX_SYMBOL_RUN) {
      for (let n = from; n <= to; n++) out.push(`${symbol.slice(0, slash + 1)}${range[1] ?? ''}${n}`);
    }
  }
  // A joint symbol: a hyphen before another series' letters and slash (A/55/305-S/2000/809).
  const pieces = symbol.split(/-(?=[A-Z]{1,6}\/)/);
  if (pieces.length > 1) for (const piece of pieces) if (piece.includes('/')) out.push(piece);
  return out;
}

/** One member of a list after a symbol: where it is printed and the symbol it stands for. */
export interface ListedSymbol {
  symbol: string;
  start: number;
  end: number;
}

const DIGIT = ANY_DIGIT;
// Between members: spaces, then `و`, or a comma and maybe `و`, then spaces (the `و` may be joined to the member: و919).
const LIST_JOIN = /[ \t\u00a0]*(?:\u0648|[\u060c,][ \t\u00a0]*(?:\u0648)?)[ \t\u00a0]*/y;
// A member: a number, or a lettered part and its number (Add.1, L.6), ending there (not a date, a pair or a decimal).
const LIST_MEMBER = new RegExp(`(?:([A-Za-z]{1,6})\\.)?(${DIGIT}{1,5})(?!${DIGIT}|[/\\u2215\\uff0f]|[.-]${DIGIT}|[A-Za-z])`, 'y');

/**
 * The members of a list printed after a symbol that ends at `from` in `text`:
 * `CEDAW/C/SR.918 و919` lists CEDAW/C/SR.919; `S/2001/1015 و Add.1` lists
 * S/2001/1015/Add.1; `A/C.3/70/L.5 و L.6` lists A/C.3/70/L.6. A bare number
 * follows the last one within MAX_SYMBOL_RUN (so a year or a count after `و`
 * is no member); a lettered part replaces the same part or, for Add, Corr,
 * Rev, Amend, is appended. Sticky regexes from `from` on: linear in what they read.
 */
export function listedSymbols(text: string, symbol: string, from: number): ListedSymbol[] {
  const out: ListedSymbol[] = [];
  let current = toAsciiDigits(symbol);
  let at = from;
  while (out.length < MAX_LISTED) {
    LIST_JOIN.lastIndex = at;
    if (!LIST_JOIN.test(text)) break;
    LIST_MEMBER.lastIndex = LIST_JOIN.lastIndex;
    const m = LIST_MEMBER.exec(text);
    if (!m) break;
    const next = listedMember(current, m[1], Number(toAsciiDigits(m[2]!)));
    if (next === null) break;
    out.push({ symbol: next, start: m.index, end: LIST_MEMBER.lastIndex });
    current = next;
    at = LIST_MEMBER.lastIndex;
  }
  return out;
}

/** The symbol a listed member stands for after `current`, or null when the member cannot continue it. */
function listedMember(current: string, letters: string | undefined, n: number): string | null {
  const slash = current.lastIndexOf('/');
  const last = current.slice(slash + 1);
  if (letters !== undefined) {
    const dot = last.indexOf('.');
    if (dot > 0 && last.slice(0, dot).toUpperCase() === letters.toUpperCase()) return `${current.slice(0, slash + 1)}${letters}.${n}`;
    return APPENDED_PARTS.has(letters.toUpperCase()) ? `${current}/${letters}.${n}` : null;
  }
  const numbered = ENDS_IN_NUMBER.exec(last);
  if (!numbered) return null;
  const before = Number(numbered[2]);
  return n > before && n - before <= MAX_SYMBOL_RUN ? `${current.slice(0, slash + 1)}${numbered[1]}${n}` : null;
}
