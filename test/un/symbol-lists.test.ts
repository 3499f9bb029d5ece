// A symbol printed for several documents: a range in its last part, a list
// after it, a joint symbol (src/un/symbols.ts symbolMembers, listedSymbols),
// and the tokens the tokenizer adds for them.
import { describe, expect, it } from 'vitest';
import { listedSymbols, MAX_SYMBOL_RUN, symbolMembers } from '../../src/un/symbols.js';
import { tokenize } from '../../src/search/analysis/tokenizer.js';

/** The members listed after the first symbol of `text` (the symbol is the text up to the first space or comma). */
const listed = (text: string): string[] => {
  const symbol = /^[^ \u060c]+/.exec(text)![0];
  return listedSymbols(text, symbol, symbol.length).map((m) => m.symbol);
};

describe('symbolMembers', () => {
  it.each([
    ['X/C.9/2001/SR.5-7', ['X/C.9/2001/SR.5', 'X/C.9/2001/SR.6', 'X/C.9/2001/SR.7']],
    ['A/C.3/70/L.5-L.7', ['A/C.3/70/L.5', 'A/C.3/70/L.6', 'A/C.3/70/L.7']],
    ['X/Y/٢٠٠١/SR.٥-٦', ['X/Y/2001/SR.5', 'X/Y/2001/SR.6']],
    ['A/55/305-S/2000/809', ['A/55/305', 'S/2000/809']],
  ])('%s stands for %j', (symbol, members) => {
    expect(symbolMembers(symbol)).toEqual(members);
  });

  it.each([
    'E/2017/30', // no range
    'A/RES/ES-10/1', // a hyphen inside a part that is no range
    'X/Y/SR.7-5', // a range must rise
    `X/Y/SR.1-${MAX_SYMBOL_RUN + 1}`, // too long a run is no range
    'A/C.3/70/L.5-Rev.7', // two different parts
    'CTOC/working-group-on-trafficking-2021',
  ])('%s stands for nothing more', (symbol) => {
    expect(symbolMembers(symbol)).toEqual([]);
  });
});

describe('listedSymbols', () => {
  it.each([
    ['X/C/SR.918 و919', ['X/C/SR.919']],
    ['X/C/SR.918 و 919 و٩٢٠', ['X/C/SR.919', 'X/C/SR.920']],
    ['X/C/SR.918، 919', ['X/C/SR.919']],
    ['S/2001/1015 و Add.1 و Add.2', ['S/2001/1015/Add.1', 'S/2001/1015/Add.2']],
    ['A/60/1/Add.1 و Add.2', ['A/60/1/Add.2']],
    ['A/C.3/70/L.5 و L.6', ['A/C.3/70/L.6']],
    ['A/C.3/70/L.5 وCorr.1', ['A/C.3/70/L.5/Corr.1']],
  ])('%s lists %j', (text, members) => {
    expect(listed(text)).toEqual(members);
  });

  it.each([
    'A/64/100 و 2009', // a year after the symbol
    'X/C/SR.918 و 917', // a list rises
    'X/C/SR.918 و 919/2', // a pair, not a member
    'X/C/SR.918 و 2.5', // a decimal
    'X/C/SR.918 ووفقا', // a word starting with و
    'X/C/SR.918 و Para.2', // a part that neither continues the last nor is appended
    'X/C/SR.918 (2010)', // no list word
  ])('%s lists nothing', (text) => {
    expect(listed(text)).toEqual([]);
  });

  it('reads a long run of list words in one pass, and at most twenty members', () => {
    const text = 'X/C/SR.1' + Array.from({ length: 50_000 }, (_, i) => ` و${i + 2}`).join('');
    expect(listed(text)).toHaveLength(20);
  });
});

describe('tokens of a printed range or list', () => {
  const symbols = (text: string) => tokenize(text).filter((t) => t.type === 'symbol').map((t) => [t.text, text.slice(t.start, t.end)]);

  it('gives each listed member a symbol token over its printed text, in text order', () => {
    expect(symbols('(انظر X/C/SR.918 و919). وترد')).toEqual([
      ['X/C/SR.918', 'X/C/SR.918'],
      ['X/C/SR.919', '919'],
    ]);
    const kinds = tokenize('X/C/SR.918 و919 نص').map((t) => t.type);
    expect(kinds).toEqual(['symbol', 'word', 'word', 'word', 'number', 'word', 'symbol', 'number', 'word']);
  });

  it('gives a range its members over the whole symbol', () => {
    expect(symbols('انظر X/Y/SR.5-6،').map(([s]) => s)).toEqual(['X/Y/SR.5-6', 'X/Y/SR.5', 'X/Y/SR.6']);
  });
});
