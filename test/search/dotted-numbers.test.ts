// A number printed with a hyphen for a dot (`٨-٧` for target 8.7) meets its
// dotted and decimal forms, at index and query time alike; dates, years,
// symbols and chains of numbers are not joined (src/text/digits.ts,
// tokenizer.ts).
import { describe, expect, it } from 'vitest';
import { analyseQueryTerm, analyseText } from '../../src/search/analysis/pipeline.js';
import { tokenize } from '../../src/search/analysis/tokenizer.js';
import { joinedNumber } from '../../src/text/digits.js';
import { planQuery } from '../../src/search/query.js';

const indexed = (text: string) => analyseText(text).map((t) => t.term);

describe('hyphen-joined numbers', () => {
  it.each([
    ['الغاية ٨-٧', '8.7'],
    ['الغايات 5-2 و16-2', '16.2'],
    ['الغاية ٨‑٧', '8.7'], // non-breaking hyphen
  ])('%s is indexed under %s too', (text, dotted) => {
    expect(indexed(text)).toContain(dotted);
  });

  it.each(['8.7', '٨٫٧', '٨.٧', '8-7', '٨-٧'])('%s is asked for as 8.7', (typed) => {
    expect(analyseQueryTerm(typed)).toEqual([['8.7']]);
  });

  it.each([
    '28-1-2010', // a date
    '2017-2018', // years
    '17-12889', // a job number
    'E/C.12/2005/SR.38-40', // inside a symbol
    '1.2-3', // a chain
    '38–40', // an en dash is a range
    'كوفيد-19', // a word and a number
    '٣٠٩٠ (د-٢٨)', // a session
  ])('%s is not joined', (text) => {
    expect(tokenize(text).filter((t) => t.type === 'dotted')).toEqual([]);
  });

  it('keeps the numbers of a joined pair as numbers at index time', () => {
    expect(indexed('الغاية ٨-٧')).toEqual(expect.arrayContaining(['8', '7', '8.7']));
  });

  it('joins only runs of one or two digits', () => {
    expect(joinedNumber('16', '2')).toBe('16.2');
    expect(joinedNumber('١٦', '٢')).toBe('16.2');
    expect(joinedNumber('123', '2')).toBeNull();
    expect(joinedNumber('1', 'x')).toBeNull();
  });
});

describe('a number and its item letter', () => {
  const lettered = (text: string) => tokenize(text).filter((t) => t.type === 'lettered').map((t) => t.text);

  it.each([
    ['الفقرة 1 (أ) من المادة 2', ['1(a)']],
    ['الفقرة ١(ب)', ['1(b)']],
    ['3 (هـ)', ['3(e)']],
    ['1(a) and 2 (b)', ['1(a)', '2(b)']],
  ])('%s yields %j', (text, keys) => {
    expect(lettered(text)).toEqual(keys);
  });

  it.each(['2010 (أ)', 'S/RES/242 (1967)', '1  (أ)', '1 (أب)', '1 (ﻻ)'])('%s yields none', (text) => {
    expect(lettered(text)).toEqual([]);
  });

  it('is one more reading of the number typed, in one word or two', () => {
    expect(analyseQueryTerm('1(a)')).toEqual([['1', '1(a)']]);
    expect(analyseQueryTerm('١ (أ)')).toEqual([['1', '1(a)']]);
    const groups = planQuery('الفقرة 1 (أ)').groups.map((g) => (g.matcher as { terms: string[] }).terms);
    expect(groups).toHaveLength(2);
    expect(groups[1]).toContain('1(a)');
  });
});
