// Dates as UN texts print them: Arabic month names of both naming systems (alone
// or paired with "/"), any hamza spelling, any digits; and English date lines.
// A date that does not exist is null, never a made-up ISO string.

import { describe, expect, it } from 'vitest';
import { findArabicDate, findEnglishDate, isDateOnly } from '../../src/structure/dates.js';

describe('Arabic dates', () => {
  it.each([
    ['٢ كانون الثاني/يناير ٢٠٢٠', '2020-01-02'],
    ['١٤ شباط/فبراير ٢٠١٩', '2019-02-14'],
    ['٣ آذار/مارس ٢٠٢١', '2021-03-03'],
    ['٩ نيسان/أبريل ٢٠١٥', '2015-04-09'],
    ['٢٠ أيار/مايو ٢٠١٣', '2013-05-20'],
    ['١ حزيران/يونيه ٢٠١٨', '2018-06-01'],
    ['٦ تموز/يوليه ٢٠١٧', '2017-07-06'],
    ['١٥ آب/أغسطس ٢٠١٦', '2016-08-15'],
    ['٢٧ أيلول/سبتمبر ٢٠١٧', '2017-09-27'],
    ['١ تشرين الأول/أكتوبر ٢٠٠٨', '2008-10-01'],
    ['٢٠ تشرين الثاني/نوفمبر ٢٠١٨', '2018-11-20'],
    ['١٩ كانون الأول/ديسمبر ٢٠١٦', '2016-12-19'],
  ])('reads the paired month of "%s"', (text, iso) => expect(findArabicDate(text)).toBe(iso));

  it.each([
    ['٦ تموز ٢٠١٧', '2017-07-06'],
    ['٦ يوليه ٢٠١٧', '2017-07-06'],
    ['٦ يوليو ٢٠١٧', '2017-07-06'],
    ['١٠ كانون الأول ٢٠٢٠', '2020-12-10'],
    ['٥ يونيو ٢٠٢٠', '2020-06-05'],
  ])('reads either naming system alone: "%s"', (text, iso) => expect(findArabicDate(text)).toBe(iso));

  it.each([
    ['٣ أذار ٢٠٢١', '2021-03-03'],
    ['٣ اذار/مارس ٢٠٢١', '2021-03-03'],
    ['٣ إبريل ٢٠٢١', '2021-04-03'],
    ['١٥ اب/اغسطس ٢٠١٥', '2015-08-15'],
    ['١٠ كانون الاول/ديسمبر ٢٠٢٠', '2020-12-10'],
    ['١ تشرين الاول ٢٠٠٨', '2008-10-01'],
  ])('reads any hamza spelling: "%s"', (text, iso) => expect(findArabicDate(text)).toBe(iso));

  it.each([
    ['٢٣ تموز/يوليه ٢٠١٩', '2019-07-23'],
    ['23 تموز/يوليه 2019', '2019-07-23'],
    ['۲۳ تموز/يوليه ۲۰۱۹', '2019-07-23'],
    ['23 تموز/يوليه ٢٠١٩', '2019-07-23'],
  ])('reads any digits: "%s"', (text, iso) => expect(findArabicDate(text)).toBe(iso));

  it('reads month names with tatweel or diacritics', () => {
    expect(findArabicDate('٢٣ تـموز/يـوليه ٢٠١٩')).toBe('2019-07-23');
    expect(findArabicDate('٢٣ أيّار/مايو ٢٠١٩')).toBe('2019-05-23');
    expect(findArabicDate('٢٣ تَمُّوز ٢٠١٩')).toBe('2019-07-23');
  });

  it('finds the date inside a sentence', () => {
    expect(findArabicDate('قرار اتخذه المجلس الاقتصادي والاجتماعي في ٢٣ تموز/يوليه ٢٠١٩')).toBe('2019-07-23');
    expect(findArabicDate('المعقود في فيينا يومي 12 و13 تشرين الأول/أكتوبر 2021')).toBe('2021-10-13');
  });

  it.each(['٣٠ شباط/فبراير ٢٠٢٠', '٢٩ شباط/فبراير ٢٠١٩', '٣١ نيسان/أبريل ٢٠٢١', '٣١ أيلول/سبتمبر ٢٠٢١', '٣٢ أيار/مايو ٢٠٢١', '٠ أيار/مايو ٢٠٢١'])(
    'gives null for a day the month does not have: "%s"',
    (text) => expect(findArabicDate(text)).toBeNull(),
  );

  it('knows leap years', () => {
    expect(findArabicDate('٢٩ شباط/فبراير ٢٠٢٠')).toBe('2020-02-29');
    expect(findArabicDate('٢٩ شباط/فبراير ٢٠٠٠')).toBe('2000-02-29');
    expect(findArabicDate('٢٩ شباط/فبراير ٢١٠٠')).toBeNull();
  });

  it.each(['٥ يونيه ١٩٠٠', '٥ يونيه ٢٢٠٠', '٥ برمهات ٢٠٢٠', 'الدورة الثالثة والسبعون', 'أيار/مايو ٢٠١٨', '٢٣ تموز/يوليه'])(
    'gives null where no UN date is printed: "%s"',
    (text) => expect(findArabicDate(text)).toBeNull(),
  );
});

describe('English dates', () => {
  it.each([
    ['17 May 2018', '2018-05-17'],
    ['3 Sept. 2019', '2019-09-03'],
    ['3 September, 2019', '2019-09-03'],
    ['1 Jan 2020', '2020-01-01'],
    ['28 OCTOBER 2021', '2021-10-28'],
    ['29 February 2020', '2020-02-29'],
  ])('reads "%s"', (text, iso) => expect(findEnglishDate(text)).toBe(iso));

  it.each(['31 June 2019', '29 February 2019', '30 Foo 2019', '17 May 1900', '0 May 2018', 'May 2018'])('gives null for "%s"', (text) =>
    expect(findEnglishDate(text)).toBeNull(),
  );
});

describe('date-only lines fold as src/text/letters.ts does', () => {
  it.each([
    ['18 كانون الثاني/يناير - 5 شباط/فبراير 2010', true],
    ['من 18 آذار/مارس إلى 5 نيسان/أبريل 2010', true],
    ['من ١٨ اذار/مارس الى ٥ نيسان/ابريل ٢٠١٠', true],
    ['١٨ أيّار/مايو حتى ٢٠ أيّار/مايو ٢٠١٠', true],
    ['18 آذار/مارس 2010 اجتماع', false],
  ])('"%s" is date-only: %s', (text, expected) => expect(isDateOnly(text)).toBe(expected));
});
