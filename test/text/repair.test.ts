// The repair stage: text is mended, never rewritten. What PDF extraction and word
// processors leave behind goes (presentation forms, invisible controls, odd
// spaces, three line-end conventions); letters, diacritics and digits stay.

import { describe, expect, it } from 'vitest';
import { foldForMatch } from '../../src/text/fold.js';
import { repairText, unshapePresentationForms } from '../../src/text/repair.js';

describe('presentation forms', () => {
  it('maps contextual forms (Presentation Forms-B) back to letters', () => {
    // "المنظمة" as a PDF prints it: isolated alef, initial lam, medial forms, final teh marbuta.
    expect(repairText('\ufe8d\ufedf\ufee4\ufee8\ufec8\ufee4\ufe94')).toBe('المنظمة');
  });

  it('splits the lam-alef ligatures into lam and the alef they carry', () => {
    expect(repairText('\ufefb')).toBe('لا');
    expect(repairText('\ufef7')).toBe('لأ');
    expect(repairText('\ufef9')).toBe('لإ');
    expect(repairText('\ufef5')).toBe('لآ');
    expect(repairText('ا\ufedf\ufe98\ufeee\ufe9f\ufef4\ufeea \ufefb')).toBe('التوجيه لا');
  });

  it('leaves text without presentation forms untouched, code unit for code unit', () => {
    const plain = 'وإذ تشير إلى قرارها ٢٩٣/٦٤ المؤرخ ٣٠ تموز/يوليه ٢٠١٠،';
    expect(unshapePresentationForms(plain)).toBe(plain);
  });
});

describe('invisible characters', () => {
  it('removes zero-width characters', () => {
    expect(repairText('الأمم\u200b المتحدة\u200d\u2060')).toBe('الأمم المتحدة');
    expect(repairText('\ufeffإن الجمعية العامة')).toBe('إن الجمعية العامة');
  });

  it('removes bidi embeddings, overrides, isolates and marks', () => {
    expect(repairText('\u202bالقرار\u202c \u2067A/RES/70/1\u2069 \u200fو\u200e\u061cكذلك')).toBe('القرار A/RES/70/1 وكذلك');
  });

  it('removes soft hyphens left by hyphenation', () => {
    expect(repairText('الاستراتي\u00adجية')).toBe('الاستراتيجية');
  });
});

describe('spaces and line ends', () => {
  it('turns no-break, thin, narrow and ideographic spaces and tabs into one plain space', () => {
    expect(repairText('المادة\u00a0٥ من\u2009الاتفاقية\u202fو\u3000البروتوكول\tالأول')).toBe('المادة ٥ من الاتفاقية و البروتوكول الأول');
  });

  it('collapses runs of spaces and trims each line', () => {
    expect(repairText('   تقرر   أن  تبقي المسألة   \n  قيد نظرها  ')).toBe('تقرر أن تبقي المسألة\nقيد نظرها');
  });

  it('reads CRLF, lone CR and the Unicode line and paragraph separators as one line end', () => {
    expect(repairText('أولاً\r\nثانياً\rثالثاً\u2028رابعاً\u2029خامساً\u0085سادساً')).toBe(
      'أولاً\nثانياً\nثالثاً\nرابعاً\nخامساً\nسادساً',
    );
  });

  it('keeps blank lines, which separate paragraphs', () => {
    expect(repairText('فقرة\r\n\r\nفقرة')).toBe('فقرة\n\nفقرة');
  });
});

describe('what repair keeps', () => {
  it('keeps harakat, shadda, tanween and tatweel as printed', () => {
    const printed = 'إذ يُعرب مجدَّداً عن تقديرهِ لـــلدول';
    expect(repairText(printed)).toBe(printed);
  });

  it('keeps digits in the script they were printed in', () => {
    expect(repairText('٢٠١٧ و 2017 و ۲۰۱۷')).toBe('٢٠١٧ و 2017 و ۲۰۱۷');
  });

  it('keeps hamza forms, alef maqsura and teh marbuta apart', () => {
    expect(repairText('أإآا ى ي ة ه ؤ ئ')).toBe('أإآا ى ي ة ه ؤ ئ');
  });

  it('is idempotent', () => {
    const messy = '\ufeff\u202bإن\u00a0الجمعية\ufefb\u200b  العامة\u202c\r\n\r\n١ -  تقرر';
    expect(repairText(repairText(messy))).toBe(repairText(messy));
  });
});

describe('folding for comparison (the gold matching rule)', () => {
  it('drops diacritics and tatweel, maps digits to ASCII, undoes ligatures and collapses spaces', () => {
    expect(foldForMatch('  يُعرب   مجدّداً ٢٠١٧ ۲۰۱۷ تـــطبيق \ufefb ')).toBe('يعرب مجددا 2017 2017 تطبيق لا');
  });

  it('keeps letters distinct that search folding merges (hamza forms, ة)', () => {
    expect(foldForMatch('أإآ ة')).toBe('أإآ ة');
  });
});

describe('spaces at line ends', () => {
  it.each([
    ['  أ  \n  ب  ', 'أ\nب'],
    [' \n \n', '\n\n'],
    ['أ \t\u00a0\nب', 'أ\nب'],
    ['\nأ\n', '\nأ\n'],
    [' ', ''],
  ])('%j -> %j', (input, expected) => expect(repairText(input)).toBe(expected));
});
