// What a line opens: a numbered paragraph, a lettered item, a preamble formula,
// an enacting formula, a heading, a recommendation or an article. Each
// recogniser reads the start of one line; all patterns are anchored and use
// bounded repetition, so they run in linear time.

import { parseDigits } from '../text/digits.js';
import { Folded } from './folded.js';

const D = '[0-9\u0660-\u0669\u06f0-\u06f9]';

export interface Opening {
  /** The printed text after the recognised opening. */
  rest: string;
}

// "١-", "١ -", "1.", "1)", "1 –": a number then a dash, dot or bracket, not a range like "٥-٢".
const NUMBER_LABEL = new RegExp(`^(${D}{1,4})\\s*[-\u2013\u2014.)](?!${D})\\s*`);
const STARTS_WITH_DIGIT = new RegExp(`^${D}`);

export function numberLabel(line: string): (Opening & { number: number }) | null {
  const match = NUMBER_LABEL.exec(line);
  if (!match) return null;
  const rest = line.slice(match[0].length);
  if (rest === '') return null;
  const number = parseDigits(match[1]!)!;
  // "٢٠٢٢ - ٢٠٢٣ ..." is a range of years, not paragraph 2022.
  if (number >= 1900 && number <= 2100 && STARTS_WITH_DIGIT.test(rest)) return null;
  return { number, rest };
}

// (أ) ... (هـ) ... (ي أ); (a), (iv) in texts that mix scripts.
const ITEM_LABEL = /^\(\s*([\u0621-\u064a]{1,2}\u0640?(?:\s[\u0621-\u064a])?|[a-z]{1,2}|[ivxlc]{1,6})\s*\)\s*/;

export function itemLabel(line: string): (Opening & { label: string }) | null {
  const match = ITEM_LABEL.exec(line);
  if (!match) return null;
  return { label: match[1]!, rest: line.slice(match[0].length) };
}

// Words that stay with a formula's verb in its lead: "وإذ تؤكد مجدداً", "تحيط علماً".
const LEAD_COMPLEMENTS =
  '(?:\\s+(?:ايضا|كذلك|مجددا|من جديد|مع التقدير|مع الارتياح|مع القلق|مع الاسف|علما|القلق|بالغ القلق|في اعتبارها|في اعتباره|في الاعتبار)){0,3}';
// A lead word stops at a space or punctuation: "تقرر." leads with "تقرر".
const LEAD_WORD = '[^\\s،,؛;:.]+';
const PREAMBLE_FORMULA = new RegExp(`^(?:و?اذ|و?لما كان|و?حيث ان|و?اذا)\\s+${LEAD_WORD}${LEAD_COMPLEMENTS}`);

/** "وإذ تؤكد مجدداً ..." -> the lead as printed. */
export function preambleFormula(line: string): string | null {
  const folded = Folded.of(line);
  const match = PREAMBLE_FORMULA.exec(folded.text);
  return match ? folded.printedSlice(0, match[0].length) : null;
}

const VERB_LEAD = new RegExp(`^${LEAD_WORD}${LEAD_COMPLEMENTS}`);

/** An operative clause's verb and its complements, as printed. */
export function verbLead(text: string): string | null {
  const folded = Folded.of(text);
  const match = VERB_LEAD.exec(folded.text);
  return match ? folded.printedSlice(0, match[0].length) : null;
}

const ORGAN_START =
  '(?:الجمعية|جمعية|المجلس|مجلس|لجنة|اللجنة|مؤتمر|المؤتمر|الفريق|فريق|الهيئة|هيئة|المنتدى|الدول الاطراف|اجتماع)';
const ENACTING = new RegExp(`^ان\\s+(${ORGAN_START}[^.؛:]{0,160}?)\\s*[،,]?$`);

/** "إن الجمعية العامة،" -> "الجمعية العامة" (printed). */
export function enactingFormula(line: string): string | null {
  const folded = Folded.of(line);
  const match = ENACTING.exec(folded.text);
  if (!match) return null;
  const start = match[0].indexOf(match[1]!);
  return folded.printedSlice(start, start + match[1]!.length);
}

const RECOMMENDS_DRAFT = /^(?:يوصي|توصي)\s.{0,200}?(?:باعتماد|ان يعتمد|ان تعتمد|اعتماد)\s.{0,120}?(?:التالي|الاتي)\s*[:.]?$/;

/** "يوصي الجمعية العامة باعتماد القرار التالي:" - introduces a draft, is no clause. */
export function recommendsDraft(line: string): boolean {
  return RECOMMENDS_DRAFT.test(Folded.of(line).text);
}

const CHAPTER_ORDINALS =
  'اولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا|حادي عشر|ثاني عشر|ثالث عشر|رابع عشر|خامس عشر|سادس عشر|سابع عشر|ثامن عشر|تاسع عشر|عشرون';
const CHAPTER = new RegExp(`^(?:${CHAPTER_ORDINALS}|[IVX]{1,5})\\s*[-\u2013\u2014.]\\s*\\S`);
const SECTION_LETTERS =
  'الف|باء|جيم|دال|هاء|واو|زاي|حاء|طاء|ياء|كاف|لام|ميم|نون|سين|عين|فاء|صاد|قاف|راء|شين|تاء|ثاء|خاء|ذال|ضاد|ظاء|غين';
const SECTION = new RegExp(`^(?:${SECTION_LETTERS})\\s*[-\u2013\u2014]\\s*\\S`);
const ANNEX = /^(?:ال)?مرفق(?:\s+\S+){0,3}$/;
const MAX_HEADING = 400;

export type HeadingLevel = 'chapter' | 'section' | 'annex';

export function headingLevel(line: string): HeadingLevel | null {
  if (line.length > MAX_HEADING) return null;
  const folded = Folded.of(line).text;
  if (CHAPTER.test(folded)) return 'chapter';
  if (SECTION.test(folded)) return 'section';
  if (ANNEX.test(folded)) return 'annex';
  return null;
}

const RECOMMENDATION = /^(?:ال)?توصية\s+(\d{1,4})\s*(?:[:.\-\u2013\u2014]\s*(.*))?$/;

export function recommendationHeading(line: string): (Opening & { number: number }) | null {
  const folded = Folded.of(line);
  const match = RECOMMENDATION.exec(folded.text);
  if (!match) return null;
  const rest = match[2] === undefined ? '' : folded.printedFrom(folded.text.length - match[2].length);
  return { number: Number(match[1]), rest };
}

const ARTICLE_ORDINALS: Record<string, number> = {
  الاولي: 1, الثانية: 2, الثالثة: 3, الرابعة: 4, الخامسة: 5,
  السادسة: 6, السابعة: 7, الثامنة: 8, التاسعة: 9, العاشرة: 10,
};
const ARTICLE = /^(?:ال)?مادة\s+(\d{1,4}|ال[\u0621-\u064a]{3,8})\s*(?:[:.\-\u2013\u2014]\s*(.{0,200}))?$/;

export function articleHeading(line: string): (Opening & { number: number }) | null {
  const folded = Folded.of(line);
  const match = ARTICLE.exec(folded.text);
  if (!match) return null;
  const number = /^\d/.test(match[1]!) ? Number(match[1]) : ARTICLE_ORDINALS[match[1]!];
  if (number === undefined) return null;
  const rest = match[2] === undefined ? '' : folded.printedFrom(folded.text.length - match[2].length);
  return { number, rest };
}

const PLENARY_MEETING = /^(?:ال)?جلسة\s+(?:العامة|العلنية)\s+\d{1,4}\s*$/;

/** "الجلسة العامة ٣٦": the line that closes an adopted resolution. */
export function plenaryMeeting(line: string): boolean {
  return PLENARY_MEETING.test(Folded.of(line).text);
}
