// The tokenizer: one pass over the text, code point by code point, no regexes.
// Words are runs of Arabic letters (with their marks) or Latin letters; numbers
// are runs of digits of any script; everything else separates, Arabic
// punctuation (، ؛ ؟) included. A letter run and a digit run are always
// separate tokens (`كوفيد19` -> `كوفيد`, `19`). Two numbers joined by a slash
// (`٢٩٣/٦٤`) also yield a symbol-pair token (see symbols.ts), so a citation can
// be found in either order and in either digit script. A document symbol
// (`E/2017/30`, `CEDAW/C/EGY/7`, `E/CN.15/2006/10`: Latin letters first, parts
// joined by slashes) also yields one `symbol` token for the whole of it, so a
// query for the symbol can ask for it whole rather than for its bare numbers.
// A symbol printed for several documents (a range `SR.38-40`, a list
// `SR.918 و919`, `و Add.1`, a joint symbol; src/un/symbols.ts) also yields a
// `symbol` token for each member: over the symbol's span for a range, over
// the member's printed text for a list. Two short numbers joined by a hyphen
// (`٨-٧`, a target printed for `8.7`; src/text/digits.ts) also yield a
// `dotted` token `8.7`, which a decimal `8.7` or `٨٫٧` meets; not inside a
// symbol, not in a chain of three numbers (a date `28-1-2010`). A number
// followed by an item letter in brackets (`1 (أ)`, `1(a)`) also yields a
// `lettered` token `1(a)`: a paragraph's item, in the English letter.

import {
  digitOf,
  isArabicLetter,
  isDecimalPoint,
  isInWordMark,
  isLatinLetter,
  isSymbolSlash,
  isThousandsSeparator,
} from './chars.js';
import { listedSymbols, symbolMembers, symbolPairKey } from './symbols.js';
import { isNumberHyphen, joinedNumber } from '../../text/digits.js';
import { itemLetterLatin } from '../../un/numbering.js';

export type TokenType = 'word' | 'number' | 'pair' | 'symbol' | 'dotted' | 'lettered';

export interface RawToken {
  /** The text as printed (for `pair`, the canonical pair key; for a member of a printed range or list, its symbol; for `dotted`, the number with a dot; for `lettered`, the number and its item's English letter). */
  text: string;
  /** UTF-16 offsets into the input: [start, end). */
  start: number;
  end: number;
  type: TokenType;
}

const enum RunClass {
  None,
  Arabic,
  Latin,
  Digit,
}

function classOf(code: number): RunClass {
  if (isArabicLetter(code)) return RunClass.Arabic;
  if (digitOf(code) >= 0) return RunClass.Digit;
  if (isLatinLetter(code)) return RunClass.Latin;
  return RunClass.None;
}

/** Integer value of a digit run, ignoring in-word marks; null for decimals or runs longer than 15 digits. */
function integerValue(text: string): number | null {
  let value = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const d = digitOf(text.charCodeAt(i));
    if (d < 0) {
      if (isInWordMark(text.charCodeAt(i))) continue;
      return null;
    }
    value = value * 10 + d;
    if (++digits > 15) return null;
  }
  return digits > 0 ? value : null;
}

/** Length of a digit run (marks allowed inside) starting at `from`. */
function digitRunLength(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (digitOf(code) < 0 && !(i > from && isInWordMark(code))) break;
    i++;
  }
  return i - from;
}

/**
 * Where a number starting at `start` ends. A decimal point followed by digits
 * continues it (`2.5`, `٢٫٥`); a thousands separator continues it only when
 * exactly three digits follow (`1,000`), so lists like `2008,2009` stay apart.
 */
function numberEnd(text: string, start: number): number {
  let end = start + digitRunLength(text, start);
  while (end + 1 < text.length) {
    const sep = text.charCodeAt(end);
    const nextRun = digitOf(text.charCodeAt(end + 1)) >= 0 ? digitRunLength(text, end + 1) : 0;
    if (nextRun === 0) break;
    if (isDecimalPoint(sep) || (isThousandsSeparator(sep) && nextRun === 3)) {
      end = end + 1 + nextRun;
    } else {
      break;
    }
  }
  return end;
}

/** Characters a document symbol is made of: Latin letters, digits of any script, `.`, `-` and slashes. */
function isSymbolChar(code: number): boolean {
  return isLatinLetter(code) || digitOf(code) >= 0 || isSymbolSlash(code) || code === 0x2e || code === 0x2d;
}

/**
 * The document symbol starting at `start` (a Latin letter not preceded by a
 * symbol character), or null: at least two parts joined by slashes, each part
 * non-empty, trailing `.`/`-` dropped. Returns the end offset.
 */
function symbolEnd(text: string, start: number): number | null {
  let end = start;
  let slashes = 0;
  let lastWasSlash = false;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (!isSymbolChar(code) && !isInWordMark(code)) break;
    if (isSymbolSlash(code)) {
      if (lastWasSlash) return null;
      slashes++;
      lastWasSlash = true;
    } else {
      lastWasSlash = false;
    }
    end++;
  }
  while (end > start && !isLatinLetter(text.charCodeAt(end - 1)) && digitOf(text.charCodeAt(end - 1)) < 0) {
    if (isSymbolSlash(text.charCodeAt(end - 1))) slashes--;
    end--;
  }
  return slashes >= 1 ? end : null;
}

/** Is there a digit at `at`, after a separator at `at - 1` or before one at `at + 1`? (A third number chained to two.) */
function digitAt(text: string, at: number): boolean {
  return at >= 0 && at < text.length && digitOf(text.charCodeAt(at)) >= 0;
}

/** The `dotted` token of two numbers joined by one hyphen (`٨-٧` -> `8.7`), or null: not part of a longer chain. */
function dottedToken(text: string, first: RawToken, second: RawToken): RawToken | null {
  if (first.end + 1 !== second.start || !isNumberHyphen(text.charCodeAt(first.end))) return null;
  if (digitAt(text, first.start - 2) && isChainSeparator(text.charCodeAt(first.start - 1))) return null;
  if (digitAt(text, second.end + 1) && isChainSeparator(text.charCodeAt(second.end))) return null;
  const joined = joinedNumber(first.text, second.text);
  return joined === null ? null : { text: joined, start: first.start, end: second.end, type: 'dotted' };
}

/** Most digits of a paragraph number an item letter may follow. */
const MAX_ITEM_NUMBER_DIGITS = 3;

/**
 * The `lettered` token of a number and the item letter in brackets after it (`1 (أ)`, `١(ب)`, `3 (هـ)`, `1(a)`:
 * at most one space between), or null. Reads at most a few characters after the number.
 */
function letteredToken(text: string, number: RawToken): RawToken | null {
  if (number.text.length > MAX_ITEM_NUMBER_DIGITS) return null;
  let at = number.end;
  if (text.charCodeAt(at) === 0x20 || text.charCodeAt(at) === 0xa0) at++;
  if (text.charCodeAt(at) !== 0x28) return null;
  const letterAt = at + 1;
  let close = letterAt + 1;
  while (close < text.length && close - letterAt < 4 && isInWordMark(text.charCodeAt(close))) close++;
  if (text.charCodeAt(close) !== 0x29) return null;
  const letter = itemLetterLatin(text.slice(letterAt, close));
  const value = integerValue(number.text);
  return letter === null || value === null ? null : { text: `${value}(${letter})`, start: number.start, end: close + 1, type: 'lettered' };
}

/** Separators that chain numbers into a date, a symbol's parts or a longer number. */
function isChainSeparator(code: number): boolean {
  return isNumberHyphen(code) || isSymbolSlash(code) || isDecimalPoint(code);
}

export function tokenize(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  // Offsets before this were read as part of a symbol already: no symbol starts inside another (linear).
  let symbolScanned = 0;
  // The last number token and where it ended, to pair it with a number after a slash.
  let previousNumber: RawToken | null = null;
  // Members of a list after a symbol, in order, each pushed when the walk reaches its printed text.
  let listed: RawToken[] = [];
  let nextListed = 0;
  let i = 0;
  while (i < text.length) {
    while (nextListed < listed.length && listed[nextListed]!.start <= i) tokens.push(listed[nextListed++]!);
    const cls = classOf(text.charCodeAt(i));
    if (cls === RunClass.None) {
      i++;
      continue;
    }
    const start = i;
    if (cls === RunClass.Digit) {
      const end = numberEnd(text, start);
      const token: RawToken = { text: text.slice(start, end), start, end, type: 'number' };
      tokens.push(token);
      if (previousNumber && previousNumber.end + 1 === start && isSymbolSlash(text.charCodeAt(start - 1))) {
        const a = integerValue(previousNumber.text);
        const b = integerValue(token.text);
        if (a !== null && b !== null) {
          tokens.push({ text: symbolPairKey(a, b), start: previousNumber.start, end, type: 'pair' });
        }
      }
      const dotted = previousNumber && start >= symbolScanned ? dottedToken(text, previousNumber, token) : null;
      if (dotted) tokens.push(dotted);
      const lettered = start >= symbolScanned ? letteredToken(text, token) : null;
      if (lettered) tokens.push(lettered);
      previousNumber = token;
      i = end;
      continue;
    }
    if (cls === RunClass.Latin && start >= symbolScanned && (start === 0 || !isSymbolChar(text.charCodeAt(start - 1)))) {
      const end = symbolEnd(text, start);
      if (end !== null) {
        const symbol = text.slice(start, end);
        tokens.push({ text: symbol, start, end, type: 'symbol' });
        for (const member of symbolMembers(symbol)) tokens.push({ text: member, start, end, type: 'symbol' });
        listed = listedSymbols(text, symbol, end).map((m) => ({ text: m.symbol, start: m.start, end: m.end, type: 'symbol' }));
        nextListed = 0;
        symbolScanned = end;
      } else {
        symbolScanned = start + 1;
      }
    }
    i++;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (classOf(code) !== cls && !isInWordMark(code)) break;
      i++;
    }
    tokens.push({ text: text.slice(start, i), start, end: i, type: 'word' });
  }
  while (nextListed < listed.length) tokens.push(listed[nextListed++]!);
  return tokens;
}
