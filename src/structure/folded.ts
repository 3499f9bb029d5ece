// Recognisers match on folded text (no diacritics or tatweel, one alef, ي for ى)
// but must cut the printed text: Folded keeps the map back to printed offsets.
//
// Folding runs on every line once per recogniser, so it is one pass over char
// codes into typed arrays, and the last line folded is remembered: string
// concatenation per character and a number[] map took ~2 s per fold of a 10 MB
// line, ~20 s for the recognisers of that one line. The codes become a string
// in one TextDecoder call (String.fromCharCode over chunks took half the parse).

import { isArabicMark } from '../text/arabic.js';
import { foldLetterCode } from '../text/letters.js';

/** Alef and yeh variants folded (src/text/letters.ts); Arabic-Indic and Extended Arabic-Indic digits to ASCII. */
function foldedCode(code: number): number {
  if (code >= 0x660 && code <= 0x669) return code - 0x660 + 0x30;
  if (code >= 0x6f0 && code <= 0x6f9) return code - 0x6f0 + 0x30;
  return foldLetterCode(code);
}

// The folded code of every code unit below U+0900 (Latin, Arabic, Arabic
// Supplement and Extended-A), DROP (U+FFFF, above the table) for the marks folding removes; code units
// above fold to themselves (test/structure/folded.test.ts checks every code
// unit). One table read per character in the hot loop.
const TABLE_END = 0x900;
const DROP = 0xffff;
const TABLE = new Uint16Array(TABLE_END).map((_, code) => (isArabicMark(code) ? DROP : foldedCode(code)));

// Foldings of this document's lines, by printed text: the stages read the same
// lines again (furniture, run-ins, clauses, citations), and a one-line memory
// missed four times in five (a 20 KB resolution was folded twice over). Lines
// longer than MAX_CACHED_LINE are not kept (V8 hashes such a string by its
// length alone, so many of them would collide); the memory is emptied when it
// holds MAX_CACHED_CHARS, and at the start of each parse (forgetFoldings).
const MAX_CACHED_LINE = 16_000;
const MAX_CACHED_CHARS = 4_000_000;
const cache = new Map<string, Folded>();
let cachedChars = 0;
let last: Folded | null = null;

/** Drops the remembered foldings (a new document starts). */
export function forgetFoldings(): void {
  cache.clear();
  cachedChars = 0;
  last = null;
}

export class Folded {
  readonly text: string;
  /**
   * For each mark folding dropped, in order, how many folded characters came
   * before it; null when nothing was dropped (offsets are the same). A map of
   * every offset cost an array per line and a write per character.
   */
  private readonly drops: Int32Array | null;

  /** The folding of `printed`, reused when the same text is folded again. */
  static of(printed: string): Folded {
    if (last !== null && last.printed === printed) return last;
    if (printed.length > MAX_CACHED_LINE) return (last = new Folded(printed));
    let folded = cache.get(printed);
    if (folded === undefined) {
      folded = new Folded(printed);
      if (cachedChars + printed.length > MAX_CACHED_CHARS) forgetFoldings();
      cache.set(printed, folded);
      cachedChars += printed.length;
    }
    return (last = folded);
  }

  constructor(readonly printed: string) {
    const length = printed.length;
    const codes = scratchFor(length);
    let drops: number[] | null = null;
    let n = 0;
    let changed = false;
    for (let i = 0; i < length; i++) {
      const code = printed.charCodeAt(i);
      const folded = code < TABLE_END ? TABLE[code]! : code;
      if (folded === DROP && code < TABLE_END) {
        (drops ??= []).push(n);
        continue;
      }
      if (folded !== code) changed = true;
      codes[n++] = folded;
    }
    this.drops = drops === null ? null : Int32Array.from(drops);
    // Most short lines of Latin text, numbers and punctuation fold to themselves.
    this.text = drops === null && !changed ? printed : fromCodes(codes, n);
  }

  /** Printed offset of folded offset `n`. */
  printedOffset(n: number): number {
    const at = Math.min(n, this.text.length);
    const drops = this.drops;
    if (drops === null) return at;
    // The folded character at `at` stands after every mark dropped before it: count them.
    let low = 0;
    let high = drops.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (drops[mid]! <= at) low = mid + 1;
      else high = mid;
    }
    return at + low;
  }

  /** The printed text from folded offset `n` on. */
  printedFrom(n: number): string {
    return this.printed.slice(this.printedOffset(n)).trim();
  }

  /** The printed text of folded range [start, end). */
  printedSlice(start: number, end: number): string {
    return this.printed.slice(this.printedOffset(start), this.printedOffset(end)).trim();
  }
}

// The folded code units are written to one reused array (a line's own array
// cost an allocation per fold), kept up to MAX_SCRATCH units.
const MAX_SCRATCH = 1 << 20;
let scratch = new Uint16Array(4096);

function scratchFor(length: number): Uint16Array {
  if (length <= scratch.length) return scratch;
  const codes = new Uint16Array(length);
  if (length <= MAX_SCRATCH) scratch = codes;
  return codes;
}

// UTF-16 code units to a string in one native call. On a little-endian machine
// Buffer's UTF-16LE slice copies the units straight into a string (TextDecoder
// went through a converter and cost twice as much); else TextDecoder in the
// machine's byte order.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const UTF16 = new TextDecoder(LITTLE_ENDIAN ? 'utf-16le' : 'utf-16be', { ignoreBOM: true });

function fromCodes(codes: Uint16Array, length: number): string {
  if (LITTLE_ENDIAN) return Buffer.from(codes.buffer, codes.byteOffset, length * 2).toString('utf16le');
  return UTF16.decode(codes.subarray(0, length));
}

/** Fold without keeping the map (for keyword tests). */
export function fold(text: string): string {
  return Folded.of(text).text;
}
