// Numbering words and numerals have one home (src/un/numbering.ts): headings,
// citations and export read the same tables.

import { describe, expect, it } from 'vitest';
import { fromRoman, letterRank, ordinalValue, romanValue, toRoman } from '../../src/un/numbering.js';
import { ARABIC_PART_NAMES, partLetter } from '../../src/un/symbols.js';

describe('roman numerals', () => {
  it('round-trips 1..3999', () => {
    for (let n = 1; n < 4000; n++) expect(fromRoman(toRoman(n))).toBe(n);
  });
  it.each(['IIII', 'VV', 'IC', 'XM', '', 'ABC'])('"%s" is no roman numeral', (text) => expect(fromRoman(text)).toBeNull());
  it('reads heading numerals in capitals I V X L C only', () => {
    expect(romanValue('XIV')).toBe(14);
    expect(romanValue('xiv')).toBeNull();
    expect(romanValue('D')).toBeNull();
    expect(romanValue('IIII')).toBeNull();
  });
});

describe('letter names: section numbering and resolution parts are one table', () => {
  it('names parts A..Z with the first 26 section letters', () => {
    expect(ARABIC_PART_NAMES).toHaveLength(26);
    ARABIC_PART_NAMES.forEach((name, i) => {
      expect(letterRank(name)).toBe(i + 1);
      expect(partLetter(name)).toBe(String.fromCharCode(65 + i));
    });
  });
  it('folds hamza forms: "ألف" and "الف" are part A', () => {
    expect(partLetter('ألف')).toBe('A');
    expect(partLetter('الف')).toBe('A');
    expect(partLetter('سين')).toBe('O');
    expect(partLetter('ظاء')).toBeNull();
    expect(partLetter('B')).toBe('B');
  });
});

describe('ordinal words', () => {
  it('read a tens ordinal whether its و is joined or printed apart', () => {
    expect(ordinalValue('الثاني والعشرون')).toBe(22);
    expect(ordinalValue('الثاني و العشرون')).toBe(22);
    expect(ordinalValue('الخامسة و الثلاثون')).toBe(35);
    expect(ordinalValue('الحادي عشر')).toBe(11);
    // A lone و with nothing after it is no ordinal.
    expect(ordinalValue('الثاني و')).toBeNull();
  });
});
