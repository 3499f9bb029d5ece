import { describe, expect, it } from 'vitest';
import { digitOf, isArabicLetter, isInWordMark, isLatinLetter, isSymbolSlash } from '../../src/search/analysis/chars.js';

const code = (ch: string) => ch.charCodeAt(0);

describe('character classes', () => {
  it('knows Arabic letters, presentation forms included', () => {
    for (const ch of ['ا', 'ء', 'ي', 'ى', 'ة', 'ک', 'ی', '\ufec3', '\ufefb']) expect(isArabicLetter(code(ch)), ch).toBe(true);
    for (const ch of ['،', '؛', '؟', '٠', '\u064e', 'a']) expect(isArabicLetter(code(ch)), ch).toBe(false);
  });

  it('keeps marks and invisible controls inside words', () => {
    for (const ch of ['\u064e', '\u0651', '\u0670', '\u0640', '\u200c', '\u200f', '\u00ad', '\ufeff']) expect(isInWordMark(code(ch))).toBe(true);
    for (const ch of [' ', '\u200b', '-', '،']) expect(isInWordMark(code(ch))).toBe(false);
  });

  it('reads digits of every script', () => {
    expect(['7', '٧', '۷', '７'].map((ch) => digitOf(code(ch)))).toEqual([7, 7, 7, 7]);
    expect(digitOf(code('a'))).toBe(-1);
    expect(digitOf(code('⁷'))).toBe(-1); // superscripts are footnote markers, not numbers
  });

  it('knows Latin letters and symbol slashes', () => {
    expect(isLatinLetter(code('R'))).toBe(true);
    expect(isLatinLetter(code('é'))).toBe(true);
    expect(isLatinLetter(code('×'))).toBe(false);
    expect(['/', '∕', '／'].every((ch) => isSymbolSlash(code(ch)))).toBe(true);
  });
});
