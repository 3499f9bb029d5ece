import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize } from '../../src/search/analysis/tokenizer.js';
import { cpuTimed } from '../helpers/cpu-time.js';

const texts = (s: string) => tokenize(s).map((t) => `${t.type}:${t.text}`);

describe('tokenize', () => {
  it('splits on Arabic punctuation and spaces', () => {
    expect(texts('الأطفال، والنساء؛ لماذا؟ نعم')).toEqual([
      'word:الأطفال',
      'word:والنساء',
      'word:لماذا',
      'word:نعم',
    ]);
  });

  it('keeps diacritics, tatweel and invisible marks inside a word', () => {
    expect(texts('الأطْفَال تـــعزيز م\u200cن')).toEqual(['word:الأطْفَال', 'word:تـــعزيز', 'word:م\u200cن']);
  });

  it('separates letters from digits and splits hyphenated compounds', () => {
    expect(texts('كوفيد-19 كوفيد19 2010م')).toEqual([
      'word:كوفيد',
      'number:19',
      'word:كوفيد',
      'number:19',
      'number:2010',
      'word:م',
    ]);
  });

  it('separates Arabic from Latin letters', () => {
    expect(texts('UNODCومكتب')).toEqual(['word:UNODC', 'word:ومكتب']);
  });

  it('gives a slash-joined pair of numbers a pair token, in either order and script', () => {
    expect(texts('القرار ٢٩٣/٦٤')).toEqual(['word:القرار', 'number:٢٩٣', 'number:٦٤', 'pair:64/293']);
    expect(texts('64/293')).toContain('pair:64/293');
    expect(texts('A/RES/64/293')).toEqual(['symbol:A/RES/64/293', 'word:A', 'word:RES', 'number:64', 'number:293', 'pair:64/293']);
  });

  it('gives a document symbol one symbol token besides its parts', () => {
    expect(texts('انظر E/2017/30.')).toEqual(['word:انظر', 'symbol:E/2017/30', 'word:E', 'number:2017', 'number:30', 'pair:30/2017']);
    expect(texts('(CEDAW/C/EGY/7)')[0]).toBe('symbol:CEDAW/C/EGY/7');
    expect(texts('E/CN.15/2006/10')[0]).toBe('symbol:E/CN.15/2006/10');
    // No slash, a doubled slash or a leading digit: no symbol.
    expect(texts('THB Liberi (2018-2025)').some((t) => t.startsWith('symbol:'))).toBe(false);
    expect(texts('a//b').some((t) => t.startsWith('symbol:'))).toBe(false);
    expect(texts('2017/30').some((t) => t.startsWith('symbol:'))).toBe(false);
  });


  it('records offsets of the printed text, the pair spanning both numbers', () => {
    const tokens = tokenize('في ٢٩٣/٦٤،');
    const pair = tokens.find((t) => t.type === 'pair')!;
    expect([pair.start, pair.end]).toEqual([3, 9]);
    for (const t of tokens.filter((t) => t.type !== 'pair')) {
      expect('في ٢٩٣/٦٤،'.slice(t.start, t.end)).toBe(t.text);
    }
  });

  it('joins decimals and thousands, but not lists of years', () => {
    expect(texts('2.5 ٢٫٥ 1,000 2008,2009')).toEqual([
      'number:2.5',
      'number:٢٫٥',
      'number:1,000',
      'number:2008',
      'number:2009',
    ]);
  });

  it('finds nothing in punctuation only', () => {
    expect(tokenize('،؛؟!.()[]«» - / …')).toEqual([]);
  });

  it('is linear on hostile input', () => {
    const hostile = '1,'.repeat(100_000) + '١/'.repeat(100_000) + '\u064e'.repeat(100_000) + 'A/'.repeat(10_000) + 'a.b-'.repeat(10_000);
    expect(cpuTimed(() => tokenize(hostile)).cpuMs).toBeLessThan(2000);
  });

  it('token offsets always point at their text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'اأبتة ،؛٢٩3/-.,ىيـَ\u200cAz1') }), (s) => {
        for (const t of tokenize(s)) {
          expect(t.end).toBeGreaterThan(t.start);
          // Words and numbers are their printed text; a pair, a dotted number and a member of a symbol range or
          // list are keys read from it (a symbol's member holds slashes like the symbol).
          if (t.type === 'word' || t.type === 'number') expect(s.slice(t.start, t.end)).toBe(t.text);
          else if (t.type === 'symbol' && s.slice(t.start, t.end) !== t.text) expect(t.text).toContain('/');
        }
      }),
    );
  });
});
