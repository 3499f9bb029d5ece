import { describe, expect, it } from 'vitest';
import { normaliseToken } from '../../src/search/analysis/normalise.js';

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
