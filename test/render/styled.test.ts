import { describe, expect, it } from 'vitest';
import { colorWanted, paint } from '../../src/render/color.js';
import { lineText, markRanges } from '../../src/render/styled.js';

describe('markRanges', () => {
  it('marks the given ranges and keeps the text whole', () => {
    const spans = markRanges('حماية الأطفال من الاتجار', [[6, 13], [17, 24]], 'match');
    expect(lineText(spans)).toBe('حماية الأطفال من الاتجار');
    expect(spans.filter((s) => s.style === 'match').map((s) => s.text)).toEqual(['الأطفال', 'الاتجار']);
  });

  it('survives unsorted, overlapping and out-of-range ranges', () => {
    const spans = markRanges('abcdef', [[4, 99], [1, 3], [2, 5], [-3, 0]], 'match');
    expect(lineText(spans)).toBe('abcdef');
    expect(spans).toEqual([{ text: 'a' }, { text: 'bcdef', style: 'match' }]);
  });

  it('returns the plain text when there is nothing to mark', () => {
    expect(markRanges('abc', [], 'match')).toEqual([{ text: 'abc' }]);
    expect(markRanges('', [[0, 3]], 'match')).toEqual([]);
  });
});

describe('colour', () => {
  it('is wanted only on a terminal without NO_COLOR', () => {
    expect(colorWanted(true, {})).toBe(true);
    expect(colorWanted(false, {})).toBe(false);
    expect(colorWanted(undefined, {})).toBe(false);
    expect(colorWanted(true, { NO_COLOR: '1' })).toBe(false);
    // An empty NO_COLOR does not count (no-color.org).
    expect(colorWanted(true, { NO_COLOR: '' })).toBe(true);
  });

  it('paints styled spans only when asked', () => {
    const line = [{ text: 'a ' }, { text: 'b', style: 'match' as const }];
    expect(paint(line, false)).toBe('a b');
    expect(paint(line, true)).toBe('a \x1b[1;31mb\x1b[0m');
  });
});
