// Folded (the recognisers' folding, with its map back to printed offsets) folds
// as src/text/letters.ts and src/text/digits.ts do, for every code unit.

import { describe, expect, it } from 'vitest';
import { Folded } from '../../src/structure/folded.js';
import { toAsciiDigits } from '../../src/text/digits.js';
import { foldLetters } from '../../src/text/letters.js';

describe('Folded', () => {
  it('folds every BMP code unit as foldLetters and toAsciiDigits do', () => {
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      const expected = toAsciiDigits(foldLetters(ch));
      if (new Folded(ch).text !== expected) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('maps folded offsets back to the printed text, marks dropped', () => {
    const folded = new Folded('أَعْلَنَ ٢٠١٩ إعلانًا');
    expect(folded.text).toBe('اعلن 2019 اعلانا');
    expect(folded.printedFrom(5)).toBe('٢٠١٩ إعلانًا');
    expect(folded.printedSlice(0, 4)).toBe('أَعْلَنَ');
  });

  it('keeps a leading byte order mark and lone surrogates as one code unit each', () => {
    expect(new Folded('\ufeffأ').text).toBe('\ufeffا');
    expect(new Folded('\ud800أ').text.length).toBe(2);
  });
});
