// Dates as UN texts print them: "٢٣ تموز/يوليه ٢٠١٩" (Levantine/Egyptian month
// pairs, either alone, any digits, any hamza spelling) and "17 May 2018".

import { toAsciiDigits } from '../text/digits.js';
import { foldLetters } from '../text/letters.js';

// Month names in both Arabic naming systems (a fact of Arabic usage), folded
// as src/text/letters.ts folds: bare alef, ي for ى, no diacritics.
const ARABIC_MONTHS: Record<string, number> = {
  'كانون الثاني': 1, يناير: 1,
  شباط: 2, فبراير: 2,
  اذار: 3, مارس: 3,
  نيسان: 4, ابريل: 4,
  ايار: 5, مايو: 5,
  حزيران: 6, يونيه: 6, يونيو: 6,
  تموز: 7, يوليه: 7, يوليو: 7,
  اب: 8, اغسطس: 8,
  ايلول: 9, سبتمبر: 9,
  'تشرين الاول': 10, اكتوبر: 10,
  'تشرين الثاني': 11, نوفمبر: 11,
  'كانون الاول': 12, ديسمبر: 12,
};

const ENGLISH_MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

function foldMonthName(name: string): string {
  return foldLetters(name).replace(/\s+/g, ' ').trim();
}

// Letters, tatweel and diacritics ("أيّار" with a shadda), digits, spaces.
const MONTH_WORDS = '[\\u0621-\\u065f\\u0660-\\u0669\\u0670 ]{2,20}?';
// day, month name(s) with an optional "/" or "( )" pair, year. Bounded repetitions: linear.
// It starts with the day's first digit and looks behind after it (the engine skips to digits).
const ARABIC_DATE = new RegExp(
  `(\\d(?<!\\d\\d)\\d?)\\s+(${MONTH_WORDS})(?:\\s*/\\s*(${MONTH_WORDS})|\\s*\\(\\s*(${MONTH_WORDS})\\s*\\))?\\s+(\\d{4})(?!\\d)`,
  'gu',
);
const ENGLISH_DATE = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/;
// "16/12/1982" (day first, as Arabic texts print it) and "1982/12/16".
const NUMERIC_DATE = /(?<![\d/])(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2}))(?![\d/])/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** YYYY-MM-DD, or null for a date that does not exist ("30 February", "31 June"). */
function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || year < 1945 || year > 2100) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface FoundDate {
  iso: string;
  /** Offset of the date in the text it was found in. */
  at: number;
}

/** Every Arabic-style date in `text`, in order: "٢٣ تموز/يوليه ٢٠١٩", "22 تشرين الأول (أكتوبر) 1973", "14 ديسمبر 1960". */
export function findArabicDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const match of toAsciiDigits(text).matchAll(ARABIC_DATE)) {
    const second = match[3] ?? match[4] ?? '';
    const month = ARABIC_MONTHS[foldMonthName(match[2]!)] ?? ARABIC_MONTHS[foldMonthName(second)];
    if (month === undefined) continue;
    const date = iso(Number(match[5]), month, Number(match[1]));
    if (date) found.push({ iso: date, at: match.index });
  }
  return found;
}

/** The first Arabic-style date in `text`, as YYYY-MM-DD. */
export function findArabicDate(text: string): string | null {
  return findArabicDates(text)[0]?.iso ?? null;
}

/** "16/12/1982", "١٦/١٢/١٩٨٢" (day first) or "1982-12-16" as YYYY-MM-DD. */
export function findNumericDate(text: string): string | null {
  const match = NUMERIC_DATE.exec(toAsciiDigits(text));
  if (!match) return null;
  if (match[1] !== undefined) return iso(Number(match[3]), Number(match[2]), Number(match[1]));
  return iso(Number(match[4]), Number(match[5]), Number(match[6]));
}

/** The first date in any printed form: Arabic month names, English, or all digits. */
export function findAnyDate(text: string): string | null {
  return findArabicDate(text) ?? findEnglishDate(text) ?? findNumericDate(text);
}

const MONTH_NAMES = new RegExp(
  Object.keys(ARABIC_MONTHS)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);

/**
 * A line that is only a date or a span of dates ("18 كانون الثاني/يناير - 5
 * شباط/فبراير 2010", "7-25 تشرين الثاني/نوفمبر 2005"): once month names, digits,
 * "من"/"إلى" and punctuation are gone, nothing is left. Folds as the month table does.
 */
export function isDateOnly(text: string): boolean {
  if (!/\d{4}/.test(toAsciiDigits(text))) return false;
  const rest = foldMonthName(toAsciiDigits(text))
    .replace(MONTH_NAMES, ' ')
    .replace(/(?:^|\s)(?:من|الي|حتي|و)(?=\s|$)/g, ' ')
    .replace(/[\d\s/().,،\-\u2013\u2014]+/g, '');
  return rest === '';
}

/** "17 May 2018" (and "17 May, 2018") as YYYY-MM-DD. */
export function findEnglishDate(text: string): string | null {
  const match = ENGLISH_DATE.exec(text);
  if (!match) return null;
  const name = match[2]!.toLowerCase();
  const month = ENGLISH_MONTHS.findIndex((m) => m === name || (name.length >= 3 && m.startsWith(name)));
  if (month < 0) return null;
  return iso(Number(match[3]), month + 1, Number(match[1]));
}
