// Recognisers match on folded text (no diacritics or tatweel, one alef, ي for ى)
// but must cut the printed text: Folded keeps the map back to printed offsets.

import { toAsciiDigits } from '../text/digits.js';

/** Diacritics, Quranic marks and tatweel: dropped by folding (ranges of DIACRITICS in arabic.ts). */
function isRemoved(code: number): boolean {
  return (
    (code >= 0x610 && code <= 0x61a) ||
    (code >= 0x64b && code <= 0x65f) ||
    code === 0x670 ||
    code === 0x640 ||
    (code >= 0x6d6 && code <= 0x6dc) ||
    (code >= 0x6df && code <= 0x6e8) ||
    (code >= 0x6ea && code <= 0x6ed)
  );
}

/** أ إ آ ٱ fold to ا; ى to ي. */
function foldedLetter(code: number): string | null {
  if (code === 0x623 || code === 0x625 || code === 0x622 || code === 0x671) return 'ا';
  if (code === 0x649) return 'ي';
  return null;
}

export class Folded {
  readonly text: string;
  private readonly origin: number[];

  constructor(readonly printed: string) {
    let text = '';
    const origin: number[] = [];
    for (let i = 0; i < printed.length; i++) {
      const code = printed.charCodeAt(i);
      if (isRemoved(code)) continue;
      text += foldedLetter(code) ?? printed[i]!;
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
