// A number printed with a hyphen for a dot (`٨-٧` for target 8.7) meets its
// dotted and decimal forms, at index and query time alike; dates, years,
// symbols and chains of numbers are not joined (src/text/digits.ts,
// tokenizer.ts).
import { describe, expect, it } from 'vitest';
import { analyseQueryTerm, analyseText } from '../../src/search/analysis/pipeline.js';
import { tokenize } from '../../src/search/analysis/tokenizer.js';
import { joinedNumber } from '../../src/text/digits.js';

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
