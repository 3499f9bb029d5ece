import { describe, expect, it } from 'vitest';
import { normaliseSymbolToken, normaliseToken } from '../../src/search/analysis/normalise.js';
import { analyseQueryTerm, analyseText } from '../../src/search/analysis/pipeline.js';

describe('normaliseToken', () => {
  it('folds hamza and alef forms to bare alef', () => {
    for (const w of ['أطفال', 'إطفال', 'آطفال', 'ٱطفال', 'اطفال']) expect(normaliseToken(w)).toBe('اطفال');
  });

  it('meets hamza on waw and on yeh', () => {
    expect(normaliseToken('مسؤول')).toBe(normaliseToken('مسئول'));
  });

  it('folds ى to ي and ة to ه', () => {
    expect(normaliseToken('مستوى')).toBe('مستوي');
    expect(normaliseToken('اتفاقية')).toBe(normaliseToken('اتفاقيه'));
  });

  it('removes diacritics, tatweel and invisible controls', () => {
    expect(normaliseToken('الأَطْفَالِ')).toBe('الاطفال');
    expect(normaliseToken('تـــعزيز')).toBe('تعزيز');
    expect(normaliseToken('مك\u200fتب\u00ad')).toBe('مكتب');
  });

  it('maps digits of every script to ASCII and lower-cases Latin', () => {
    expect(normaliseToken('٢٠١٧')).toBe('2017');
    expect(normaliseToken('۲۰۱۷')).toBe('2017');
    expect(normaliseToken('٢٫٥')).toBe('2.5');
    expect(normaliseToken('١٬٠٠٠')).toBe('1000');
    expect(normaliseToken('1,000')).toBe('1000');
    expect(normaliseToken('UNODC')).toBe('unodc');
  });

  it('maps presentation forms back to letters', () => {
    // ﻃﻔﻞ: teh-tah, feh, lam in presentation forms -> طفل
    expect(normaliseToken('\ufec3\ufed4\ufede')).toBe('طفل');
    expect(normaliseToken('\ufefb')).toBe('لا');
  });

  it('folds Persian letters', () => {
    expect(normaliseToken('کی')).toBe('كي');
  });
});

describe('normaliseSymbolToken', () => {
  it('reads a zero between two letters of a symbol as O', () => {
    expect(normaliseSymbolToken('CT0C/COP/2010/6')).toBe('ctoc/cop/2010/6');
    expect(normaliseSymbolToken('CTOC/COP/2010/6')).toBe('ctoc/cop/2010/6');
  });

  it('keeps zeros among digits or at the edges of a part', () => {
    expect(normaliseSymbolToken('A/HRC/51/L.40')).toBe('a/hrc/51/l.40');
    expect(normaliseSymbolToken('E/2010/30')).toBe('e/2010/30');
    expect(normaliseSymbolToken('A/C.3/70/L.10')).toBe('a/c.3/70/l.10');
  });

  it('lets a query for the symbol meet a text that typed a zero for O', () => {
    const indexed = analyseText('(3) CT0C/COP/2010/6.').map((t) => t.term);
    const [symbol] = analyseQueryTerm('CTOC/COP/2010/6');
    expect(symbol!.some((t) => indexed.includes(t))).toBe(true);
  });
});
