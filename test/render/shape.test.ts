import { describe, expect, it } from 'vitest';
import { shapeLetters, shapeStyledLine, toVisual } from '../../src/render/shape.js';

const BASE_ARABIC_LETTER = /[\u0621-\u064a]/u;
const PRESENTATION_FORM = /[\ufb50-\ufdff\ufe70-\ufefc]/u;

describe('toVisual', () => {
  const logical = 'اعتمد القرار 64/293 عام 2017 (A/RES/64/293) سلام';
  const visual = toVisual(logical);

  it('turns every Arabic letter into a presentation form', () => {
    expect(visual).not.toMatch(BASE_ARABIC_LETTER);
    expect(visual).toMatch(PRESENTATION_FORM);
  });

  it('keeps digit and Latin runs in their own order', () => {
    expect(visual).toContain('2017');
    expect(visual).toContain('64/293');
    expect(visual).toContain('(A/RES/64/293)');
  });

  it('reverses Arabic words and puts the first word on the right', () => {
    const firstWord = shapeLetters('اعتمد').text;
    const lastWord = shapeLetters('سلام').text;
    const reversed = (s: string) => [...s].reverse().join('');
    expect(visual.endsWith(reversed(firstWord))).toBe(true);
    expect(visual.startsWith(reversed(lastWord))).toBe(true);
    // Runs appear right to left: the year, written after the symbol logically, sits to its left.
    expect(visual.indexOf('2017')).toBeLessThan(visual.indexOf('64/293 '));
  });

  it('keeps a left-to-right line left to right, reversing only the Arabic inside', () => {
    const line = toVisual('op7  تحث الدول');
    expect(line.startsWith('op7  ')).toBe(true);
    expect(line.endsWith([...shapeLetters('تحث').text].reverse().join(''))).toBe(true);
  });

  it('leaves text without Arabic alone', () => {
    expect(toVisual('A/RES/64/293 (2010)')).toBe('A/RES/64/293 (2010)');
  });

  it('keeps Arabic-Indic digits in reading order', () => {
    expect(toVisual('في عام ٢٠١٧ تقرر')).toContain('٢٠١٧');
  });

  it('mirrors brackets inside right-to-left text', () => {
    // Reversal alone would draw ")أ(": mirroring swaps the brackets back.
    const visual = toVisual('البند (أ) هنا');
    const item = visual.slice(visual.indexOf('('), visual.indexOf(')') + 1);
    expect(item).toBe('(' + shapeLetters('أ').text + ')');
  });
});

describe('shapeLetters', () => {
  it('joins lam and alef into one ligature and maps back to the source', () => {
    const shaped = shapeLetters('لا');
    expect(shaped.text).toBe('\ufefb');
    expect(shaped.source).toEqual([0]);
  });

  it('keeps a mark written between lam and alef instead of losing it', () => {
    const shaped = shapeLetters('مثلًا');
    expect(shaped.text).toContain('\ufefc');
    expect(shaped.text).toContain('\u064b');
    expect(shaped.text).not.toMatch(BASE_ARABIC_LETTER);
  });

  it('maps each shaped character to the character it came from', () => {
    const shaped = shapeLetters('a بلا b');
    expect(shaped.text.length).toBe(6);
    expect(shaped.source).toEqual([0, 1, 2, 3, 5, 6]);
  });
});

describe('shapeStyledLine', () => {
  it('keeps styles on the characters they marked', () => {
    const [line] = shapeStyledLine([{ text: 'تحث ' }, { text: 'الدول', style: 'match' }, { text: ' على' }]);
    const match = line?.find((s) => s.style === 'match');
    expect(match?.text).toBe([...shapeLetters('الدول').text].reverse().join(''));
  });

  it('wraps before reordering, so each visual line holds whole logical words', () => {
    const lines = shapeStyledLine([{ text: 'واحد اثنان ثلاثة أربعة' }], 11);
    expect(lines.length).toBe(2);
    const text = lines.map((l) => l.map((s) => s.text).join(''));
    // The first visual line holds the first two logical words, the first one rightmost.
    expect(text[0]).toBe(toVisual('واحد اثنان'));
    expect(text[1]).toBe(toVisual('ثلاثة أربعة'));
  });

  it('keeps a combining mark after its base inside a reversed run', () => {
    const [line] = shapeStyledLine([{ text: 'أيضاً' }]);
    const text = line?.map((s) => s.text).join('') ?? '';
    const mark = text.indexOf('\u064b');
    expect(mark).toBeGreaterThan(0);
    expect(text[mark - 1]).toMatch(PRESENTATION_FORM);
  });
});
