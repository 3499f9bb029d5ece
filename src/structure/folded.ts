// Recognisers match on folded text (no diacritics or tatweel, one alef, ي for ى)
// but must cut the printed text: Folded keeps the map back to printed offsets.

import { toAsciiDigits } from '../text/digits.js';

const REMOVED = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]/;
const ALEF = /[أإآٱ]/;

export class Folded {
  readonly text: string;
  private readonly origin: number[];

  constructor(readonly printed: string) {
    let text = '';
    const origin: number[] = [];
    for (let i = 0; i < printed.length; i++) {
      const ch = printed[i]!;
      if (REMOVED.test(ch)) continue;
      text += ALEF.test(ch) ? 'ا' : ch === 'ى' ? 'ي' : ch;
      origin.push(i);
    }
    origin.push(printed.length);
    this.text = toAsciiDigits(text);
    this.origin = origin;
  }

  /** Printed offset of folded offset `n`. */
  printedOffset(n: number): number {
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

/** Fold without keeping the map (for keyword tests). */
export function fold(text: string): string {
  return new Folded(text).text;
}
