// Header metadata in the forms real copies print (crafted from the issue's
// descriptions, not copied from real documents): titles without site furniture,
// adoption lines or following headings; the own symbol printed before the title;
// dates in every form; the organ as printed; instruments.

import { describe, expect, it } from 'vitest';
import { findAnyDate, findArabicDate, findNumericDate } from '../../src/structure/dates.js';
import { parseLines } from './support/crafted.js';

const meta = (...lines: string[]) => {
  const { kind, symbol, title, body, adopted, citations } = parseLines(...lines);
  return { kind, symbol, title, body, adopted, cites: citations.map((c) => c.symbol) };
};

describe('titles', () => {
  it('drop breadcrumbs, buttons, counters and the adoption line', () => {
    expect(
      meta(
        'الرئيسية / Law / إعلان بشأن التعاون الدولي',
        'Facebook Share',
        '- تحميل',
        '- 450',
        'إعلان بشأن التعاون الدولي',
        'اعتمد ونشر على الملأ بموجب قرار الجمعية العامة رقم 60/147، المؤرخ في 16 كانون الأول/ديسمبر 2005',
        'إن الجمعية العامة،',
        'إذ تشير إلى الميثاق،',
        'تعلن ما يلي:',
      ),
    ).toMatchObject({ title: 'إعلان بشأن التعاون الدولي', body: 'الجمعية العامة', adopted: '2005-12-16', cites: ['A/RES/60/147'] });
  });

  it('never keep a following heading ("الديباجة") or a question the site asks', () => {
    expect(meta('ما هي اتفاقية التعاون؟!', 'اتفاقية التعاون', 'الديباجة', 'إن الدول الأطراف في هذه الاتفاقية،', 'إذ تدرك،').title).toBe(
      'اتفاقية التعاون',
    );
  });

  it('never keep a labelled fact ("تاريخ بدء النفاذ: ...")', () => {
    expect(meta('اتفاقية التعاون', 'تاريخ بدء النفاذ: 15 كانون الثاني/يناير 1999', 'إن الدول الأطراف في هذه الاتفاقية،', 'إذ تدرك،').title).toBe(
      'اتفاقية التعاون',
    );
  });

  it('drop the own number printed in front, with or without a dash, and take it as the symbol', () => {
    expect(meta('50 / 72 التعاون الدولي في المسائل', 'إن الجمعية العامة،', 'إذ تشير إلى قرارها 49 / 80 المؤرخ 15 كانون الأول/ديسمبر 1994،', '1 - تقرر.')).toMatchObject({
      symbol: 'A/RES/50/72',
      title: 'التعاون الدولي في المسائل',
      cites: ['A/RES/49/80'],
    });
  });

  it('drop a number still to be given ("51/...")', () => {
    expect(meta('51/... الحق في المياه', 'إن مجلس حقوق الإنسان،', 'إذ يشير،', '1 - يقرر.').title).toBe('الحق في المياه');
  });

  it('join a title that runs over two lines after "القرار رقم (N/M):", and read a date standing alone', () => {
    expect(
      meta('القرار رقم (38/150): وكالة الأمم المتحدة للإغاثة', 'في الشرق الأدنى', '19/12/1983', '(ألف)', 'إن الجمعية العامة،', 'إذ تشير،', '1 - تقرر.'),
    ).toMatchObject({ symbol: 'A/RES/38/150', title: 'وكالة الأمم المتحدة للإغاثة في الشرق الأدنى', adopted: '1983-12-19' });
  });

  it('read a header that a flattened copy ran onto one line with the adoption line', () => {
    expect(
      meta(
        'القرار 59/88 اتخذ في الجلسة العامة 65، المعقودة في 3 كانون الأول/ديسمبر 2004، دون تصويت (A/59/400، الفقرة 7).) 59/88 - منع الإرهاب - التعاون الإقليمي',
        'إن الجمعية العامة،',
        'إذ تشير،',
        '1 - تقرر.',
      ),
    ).toMatchObject({ symbol: 'A/RES/59/88', title: 'منع الإرهاب - التعاون الإقليمي', adopted: '2004-12-03', cites: [] });
  });

  it('skip Latin-only and number-only lines a viewer prints', () => {
    expect(meta('Arabic', 'stringlengths', '301', 'تعزيز التعاون', 'إن الجمعية العامة،', 'إذ تشير،', '1 - تقرر.').title).toBe('تعزيز التعاون');
  });
});

describe('the organ and the adoption date', () => {
  it('the organ as printed, not the words after it', () => {
    expect(meta('قرار', 'الجمعية العامة للأمم المتحدة', 'الرقم 1654، في 27 نوفمبر 1961', 'بشأن المسألة', 'إن الجمعية العامة للأمم المتحدة،', 'إذ تذكر،', '1 - تقرر.')).toMatchObject({
      body: 'الجمعية العامة',
      adopted: '1961-11-27',
      // Session 16 opened in September 1961: its resolutions were numbered on from the 15th's, the session in roman numerals.
      symbol: 'A/RES/1654(XVI)',
    });
  });

  it('a Security Council resolution: symbol and date from its number line', () => {
    expect(
      meta('قرار مجلس الأمن الدولي رقم 425 في 19 آذار (مارس) 1978. اعتمده المجلس في جلسته 2074', 'إن مجلس الأمن،', '- يدعو إلى الاحترام الدقيق للسلامة الإقليمية.'),
    ).toMatchObject({ symbol: 'S/RES/425 (1978)', body: 'مجلس الأمن', adopted: '1978-03-19' });
  });
});

describe('own symbols of the other organs', () => {
  it('a printed Security Council symbol line, with its space', () => {
    expect(meta('S/RES/425 (1978)', 'إن مجلس الأمن،', '- يقرر أن يبقي المسألة قيد نظره.')).toMatchObject({ symbol: 'S/RES/425 (1978)', body: 'مجلس الأمن' });
  });

  it('"القرار 425 (1978)" heading a Security Council text', () => {
    expect(meta('القرار 425 (1978)', 'إن مجلس الأمن،', '- يقرر أن يبقي المسألة قيد نظره.').symbol).toBe('S/RES/425 (1978)');
  });

  it('a Human Rights Council resolution: its number before the title, read with its adoption date', () => {
    expect(
      meta('قرار اتخذه مجلس حقوق الإنسان في 6 تشرين الأول/أكتوبر 2022', '51/7 - حقوق الإنسان والمياه', 'إن مجلس حقوق الإنسان،', 'إذ يشير إلى قراره 48/12،', '1 - يقرر.'),
    ).toMatchObject({ symbol: 'A/HRC/RES/51/7', title: 'حقوق الإنسان والمياه', adopted: '2022-10-06', cites: ['A/HRC/RES/48/12'] });
  });
});

describe('dates in every printed form', () => {
  it.each([
    ['بتاريخ 22 تشرين الثاني (نوفمبر) 1967', '1967-11-22'],
    ['في جلستها العامة 99 المعقودة في 10 كانون الأول/ديسمبر 1985', '1985-12-10'],
    ['اعتمد بموجب القرار المؤرخ في 13 أيلول/سبتمبر 2007', '2007-09-13'],
    ['المؤرخ في ٩ كانون الأول/ ديسمبر ١٩٩٤', '1994-12-09'],
    ['في 14 ديسمبر 1960', '1960-12-14'],
  ])('%s', (text, iso) => expect(findArabicDate(text)).toBe(iso));

  it.each([
    ['16/12/1982', '1982-12-16'],
    ['١٦/١٢/١٩٨٢', '1982-12-16'],
    ['1982-12-16', '1982-12-16'],
  ])('all digits: %s', (text, iso) => expect(findNumericDate(text)).toBe(iso));

  it('English header dates too', () => expect(findAnyDate('3 October 2022')).toBe('2022-10-03'));
  it('not a month that does not exist', () => expect(findNumericDate('31/13/1990')).toBeNull());
});

describe('kinds', () => {
  it('a convention the States parties agree is an instrument', () => {
    expect(meta('اتفاقية بشأن المسألة', 'إن الدول الأطراف في هذه الاتفاقية،', 'إذ تدرك،', 'قد اتفقت على ما يلي:', 'المادة 1', 'نص.').kind).toBe('instrument');
  });

  it('a declaration a conference proclaims on its own is an instrument', () => {
    expect(meta('إعلان المؤتمر 1990', 'إن مؤتمر الأمم المتحدة المعني بالمسألة،', 'إذ يؤكد،', 'يعلن ما يلي:', 'المبدأ 1', 'نص.').kind).toBe('instrument');
  });

  it('a declaration the General Assembly adopts is that resolution', () => {
    expect(meta('إعلان بشأن المسألة', 'إن الجمعية العامة،', 'إذ تشير،', 'تعلن رسميا ما يلي:', 'المادة 1', 'نص.').kind).toBe('resolution');
  });
});
