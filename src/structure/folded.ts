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

let last: Folded | null = null;

export class Folded {
  readonly text: string;
  /** Printed offset of each folded offset, and one past the end; null while nothing was dropped (identity). */
  private readonly origin: Int32Array | null;

  /** The folding of `printed`, reused when the same line is folded again. */
  static of(printed: string): Folded {
    if (last === null || last.printed !== printed) last = new Folded(printed);
    return last;
  }

  constructor(readonly printed: string) {
    const length = printed.length;
    const codes = new Uint16Array(length);
    let origin: Int32Array | null = null;
    let n = 0;
    let changed = false;
    for (let i = 0; i < length; i++) {
      const code = printed.charCodeAt(i);
      const folded = code < TABLE_END ? TABLE[code]! : code;
      if (folded === DROP && code < TABLE_END) {
        if (origin === null) {
          origin = new Int32Array(length + 1);
          for (let k = 0; k < n; k++) origin[k] = k;
        }
        continue;
      }
      if (origin !== null) origin[n] = i;
      if (folded !== code) changed = true;
      codes[n++] = folded;
    }
    if (origin !== null) origin[n] = length;
    this.origin = origin === null ? null : origin.subarray(0, n + 1);
    // Most short lines of Latin text, numbers and punctuation fold to themselves.
    this.text = origin === null && !changed ? printed : fromCodes(codes, n);
  }

  /** Printed offset of folded offset `n`. */
  printedOffset(n: number): number {
    if (this.origin === null) return Math.min(n, this.printed.length);
    return this.origin[Math.min(n, this.origin.length - 1)]!;
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

// UTF-16 code units to a string in one native call (the machine's byte order).
const UTF16 = new TextDecoder(new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'utf-16le' : 'utf-16be', { ignoreBOM: true });

function fromCodes(codes: Uint16Array, length: number): string {
  return UTF16.decode(codes.subarray(0, length));
}

/** Fold without keeping the map (for keyword tests). */
export function fold(text: string): string {
  return Folded.of(text).text;
}
