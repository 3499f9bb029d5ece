// What a line opens: a numbered paragraph, a lettered item, a preamble formula,
// an enacting formula, a heading, a recommendation or an article. Each
// recogniser reads the start of one line; all patterns are anchored and use
// bounded repetition, so they run in linear time.

import { ENACTING_SUBJECTS, INSIDE_OPENERS, LINE_OPENERS, PERFECT_OPENER, alternation } from '../un/formulas.js';
import { DIACRITICS } from '../text/arabic.js';
import { ANY_DIGIT, parseDigits } from '../text/digits.js';
import { designationOfWord } from '../un/clause-references.js';
import { DIVISION_WORDS, ENGLISH_DIVISION_WORDS } from '../un/divisions.js';
import type { ArticleDesignation, HeadingLevel } from '../types.js';
import {
  CHAPTER_ORDINALS_PATTERN,
  LETTER_NAMES_PATTERN,
  letterRank,
  ordinalPrefix,
  ordinalValue,
  romanValue,
} from '../un/numbering.js';
import { Folded } from './folded.js';

const D = ANY_DIGIT;
const LETTER = '[\u0621-\u064a]';
const DASH = '[-\u2013\u2014\u2012]';

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
// A letter label may carry vowel marks ("(بَ)"): a typist's or a word processor's.
const MARK = `${DIACRITICS.source}{0,2}`;
const ITEM_LABEL = new RegExp(
  `^\\(\\s*((?:${LETTER}${MARK}){1,2}\u0640?${MARK}(?:\\s${LETTER}${MARK})?|[a-z]{1,2}|[ivxlc]{1,6})\\s*\\)\\s*`,
);
// "أ-", "أ –", "ب)", "هـ -": one letter then a dash or a closing bracket, and text after it.
const BARE_ITEM_LABEL = new RegExp(`^(${LETTER}${MARK}\u0640?${MARK}|[a-z])\\s?(?:${DASH}|\\))\\s*(?=\\S)`);

export function itemLabel(line: string): (Opening & { label: string }) | null {
  const match = ITEM_LABEL.exec(line) ?? BARE_ITEM_LABEL.exec(line);
  if (!match) return null;
  // The label as its letters name it: the marks go (the tatweel of "هـ" stays, as printed).
  return { label: match[1]!.replace(DIACRITICS, ''), rest: line.slice(match[0].length) };
}

// Words that stay with a formula's verb in its lead: "وإذ تؤكد مجدداً", "تحيط علماً".
const LEAD_COMPLEMENTS =
  '(?:\\s+(?:ايضا|كذلك|مجددا|من جديد|مع التقدير|مع الارتياح|مع القلق|مع الاسف|علما|القلق|بالغ القلق|في اعتبارها|في اعتباره|في الاعتبار)){0,3}';
// A lead word stops at a space or punctuation: "تقرر." leads with "تقرر".
const LEAD_WORD = '[^\\s،,؛;:.]+';
// "وإذ تشير", "لما كان", "وحيث إن", "وقد نظرت", "واقتناعاً منها", "ورغبة منه",
// and the Charter's "أن ننقذ" / "وأن نؤكد" (a first-person plural verb after "أن").
const PREAMBLE_FORMULA = new RegExp(
  `^(?:${alternation([...LINE_OPENERS, PERFECT_OPENER])}\\s+${LEAD_WORD}${LEAD_COMPLEMENTS}` +
    `|و?${LETTER}{3,10}[اة]\\s+من(?:ها|ه|هم|نا)(?=[\\s،,]|$)` +
    `|و?ان\\s+ن${LETTER}{2,12}(?=[\\s،,]|$))`,
);

/** "وإذ تؤكد مجدداً ..." -> the lead as printed. */
export function preambleFormula(line: string): string | null {
  const folded = Folded.of(line);
  const match = PREAMBLE_FORMULA.exec(folded.text);
  return match ? folded.printedSlice(0, match[0].length) : null;
}

// A preamble formula standing inside a line, after the end of a sentence or a
// comma: where run-together preamble paragraphs part.
// Each starts with the punctuation itself (not a lookbehind tried at every
// position); the paragraph starts at the end of the match.
const FORMULA_INSIDE = new RegExp(`[.؛;،,]\\s*(?=${alternation(INSIDE_OPENERS)}\\s)`, 'g');
// After a full stop a bare "إذ" opens a paragraph too.
const FORMULA_AFTER_STOP = new RegExp(`[.؛;]\\s*(?=${alternation(['اذ', ...INSIDE_OPENERS])}\\s)`, 'g');

/** Printed offsets where a run-together preamble paragraph starts inside `line`.
 * After a full stop always; after a comma only when `commas` (a line holding a
 * whole flattened preamble, where the comma is what ends each paragraph). */
export function preambleRunIns(line: string, commas: boolean): number[] {
  const folded = Folded.of(line);
  const pattern = commas ? FORMULA_INSIDE : FORMULA_AFTER_STOP;
  const cuts: number[] = [];
  for (const match of folded.text.matchAll(pattern)) {
    const at = folded.printedOffset(match.index + match[0].length);
    if (at > 0 && at < line.length) cuts.push(at);
  }
  return cuts;
}

const COMMA_FORMULA = new RegExp(`[،,]\\s*${alternation(INSIDE_OPENERS)}\\s`, 'g');

/** How many preamble formulas stand inside `line` right after a comma. */
export function commaFormulaCount(line: string): number {
  let n = 0;
  for (const _ of Folded.of(line).text.matchAll(COMMA_FORMULA)) n++;
  return n;
}

const VERB_LEAD = new RegExp(`^${LEAD_WORD}${LEAD_COMPLEMENTS}`);

/** An operative clause's verb and its complements, as printed. */
export function verbLead(text: string): string | null {
  const folded = Folded.of(text);
  const match = VERB_LEAD.exec(folded.text);
  return match ? folded.printedSlice(0, match[0].length) : null;
}

// Present-tense verbs that open operative paragraphs when no number is printed
// (Security Council texts, "- يقرر ..."), in the third person of either gender.
const OPERATIVE_VERBS =
  'قرر|دعو|طلب|حث|هيب|رحب|ؤكد|دين|شجع|عرب|حيط|كرر|شدد|اذن|علن|وصي|ناشد|عيد|لاحظ|قر|ؤيد|عتمد|كلف|مدد|عترف|طالب|حذر|رفض|ذكر|شير|قبل|عتبر|لتمس|عتزم|وافق|ستنكر|شجب|بقي|سلم|دعم|ثني|شيد|حض';
const OPERATIVE_VERB = new RegExp(`^(?:و|ف)?[يت](?:${OPERATIVE_VERBS})(?=[\\s،,:.]|$)`);

/** The line opens with an operative verb ("يقرر", "وتطلب"). */
export function operativeVerb(line: string): boolean {
  return OPERATIVE_VERB.test(Folded.of(line).text);
}

const ORGAN_START = alternation(ENACTING_SUBJECTS);
const ENACTING = new RegExp(`^ان\\s+(${ORGAN_START}[^.؛:،,]{0,160}?)\\s*[،,]?$`);
// "إن الجمعية العامة، إذ تشير ...": the formula and the first clause on one line.
const ENACTING_RUN_ON = new RegExp(`^ان\\s+(${ORGAN_START}[^.؛:،,]{0,160}?)\\s*[،,]?\\s+(?=(?:و?اذ|لما كان|حيث ان|وقد|${D}{1,3}\\s*[-\u2013.])\\s)`);

/** "إن الجمعية العامة،" -> "الجمعية العامة" (printed). */
export function enactingFormula(line: string): string | null {
  const opening = enactingOpening(line);
  return opening && opening.rest === '' ? opening.body : null;
}

/** The enacting formula that opens `line`, and the printed text after it (the first clause, or ''). */
export function enactingOpening(line: string): { body: string; rest: string } | null {
  const folded = Folded.of(line);
  const whole = ENACTING.exec(folded.text);
  const match = whole ?? ENACTING_RUN_ON.exec(folded.text);
  if (!match) return null;
  const start = match[0].indexOf(match[1]!);
  const body = folded.printedSlice(start, start + match[1]!.length);
  return { body, rest: whole ? '' : folded.printedFrom(match[0].length) };
}

// "نحن شعوب الأمم المتحدة وقد آلينا على أنفسنا": who speaks an instrument.
const DECLARANTS = /^نحن\s+[^.؛:]{3,200}$/;

/** The "نحن ..." line that opens an instrument's preamble. */
export function declarantsFormula(line: string): boolean {
  return DECLARANTS.test(Folded.of(line).text);
}

// "يعلن ما يلي:", "قد اتفقت على ما يلي:", "تعلن رسمياً ما يلي": what comes next are provisions.
const PROCLAIMS = /^(?:[^\s.؛:]+\s+){0,6}(?:على\s+)?ما\s+يلي\s*:?$/;
// "وفي سبيل هذه الغايات اعتزمنا", "قد قررنا أن نوحد جهودنا ...", "ولهذا فإن حكوماتنا ...":
// the formulas of an instrument between its preamble paragraphs and its provisions.
const FIRST_PERSON_FORMULA = /^(?:[^\s.؛:،,]+\s+){0,6}[^\s.؛:،,]{2,}نا(?:\s+على\s+انفسنا)?$/;
const RESOLVING_FORMULA = /^(?:قد\s|(?:و?لهذا|و?لذلك|وعليه)\s+ف?ان\s|فان\s)/;

/** A formula line of an instrument's preamble that is no clause. */
export function instrumentFormula(line: string): 'proclaims' | 'resolves' | 'introduces' | null {
  if (line.length > 600) return null;
  const text = Folded.of(line).text;
  if (PROCLAIMS.test(text)) return 'proclaims';
  if (RESOLVING_FORMULA.test(text)) return 'resolves';
  if (line.length <= 120 && FIRST_PERSON_FORMULA.test(text)) return 'introduces';
  return null;
}

const RECOMMENDS_DRAFT = /^(?:يوصي|توصي)\s.{0,200}?(?:باعتماد|ان يعتمد|ان تعتمد|اعتماد)\s.{0,120}?(?:التالي|الاتي)\s*[:.]?$/;

/** "يوصي الجمعية العامة باعتماد القرار التالي:" - introduces a draft, is no clause. */
export function recommendsDraft(line: string): boolean {
  return RECOMMENDS_DRAFT.test(Folded.of(line).text);
}

/** Levels of headings, outermost first (the contract's type). */
export type { HeadingLevel };

export const HEADING_DEPTH: Record<HeadingLevel, number> = { annex: 0, part: 1, chapter: 2, section: 3, subsection: 4 };

const MAX_HEADING = 400;
const SEPARATOR = `\\s*(?:[:.]|${DASH})\\s*`;
// "المرفق", "المرفق الأول", "مرفق القرار", "الملحق الثاني"; not "الملحق بها،".
const ANNEX = /^(?:ال)?(?:مرفق|مرفقات)(?:\s+[^\s،,.؛]+){0,3}$|^(?:ال)?(?:ملحق|ملاحق)(?:\s+(?:ال)?(?:اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|[0-9]{1,3}|[IVX]{1,5}))?$/;
// "الفصل الأول: مقاصد الهيئة", "الجزء الثالث", "الباب 2 - ...", "القسم الرابع".
const NAMED = new RegExp(`^(?:ال)?(${Object.keys(DIVISION_WORDS).join('|')})\\s+`);
// "Chapter XVI", "PART II": the English division words, capitalised or in capitals.
const ENGLISH_WORDS = Object.keys(ENGLISH_DIVISION_WORDS).flatMap((w) => [w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]);
const ENGLISH = new RegExp(`^(${ENGLISH_WORDS.join('|')})\\s+([IVXLC]{1,7}|\\d{1,3}|[A-Z])\\b\\s*(?:[:.\\-\u2013\u2014]\\s*)?[^.;]{0,200}$`);
const SENTENCE_PUNCTUATION = /[.؛;،,!?؟]\s*$/;
const PREPOSITION = /^(?:من|في|الى|على|عن|و|او|ان)\s/;
const MAX_TITLE_WORDS = 14;

/** A numbered heading as the recogniser read it: its level, the numbering as
 * printed ("أولاً", "الفصل الأول", "ألف"), its value, and the title after it. */
export interface HeadingFound {
  level: HeadingLevel;
  /** The numbering as printed, without the separator after it; the whole line for an annex. */
  label: string;
  /** The numbering's value (أولاً → 1, باء → 2, الفصل الثالث → 3, IV → 4), when it has one. */
  number: number | null;
  /** The words after the numbering, as printed; null when none. */
  title: string | null;
}

export function headingLevel(line: string): HeadingLevel | null {
  return readHeading(line)?.level ?? null;
}

const CHAPTER_AT = new RegExp(`^(${CHAPTER_ORDINALS_PATTERN}|[IVX]{1,5})\\s*[-\u2013\u2014.]\\s*(?=\\S)`);
const SECTION_AT = new RegExp(`^(${LETTER_NAMES_PATTERN})\\s*${DASH}\\s*(?=\\S)`);

/** A numbered heading line (chapter, section, part, annex), split into numbering and title. */
export function readHeading(line: string): HeadingFound | null {
  if (line.length > MAX_HEADING) return null;
  const folded = Folded.of(line);
  const text = folded.text;
  const chapter = CHAPTER_AT.exec(text);
  if (chapter) {
    const num = chapter[1]!;
    return { level: 'chapter', label: folded.printedSlice(0, num.length), number: ordinalValue(num) ?? romanValue(num), title: folded.printedFrom(chapter[0].length) || null };
  }
  const section = SECTION_AT.exec(text);
  if (section) {
    return { level: 'section', label: folded.printedSlice(0, section[1]!.length), number: letterRank(section[1]!), title: folded.printedFrom(section[0].length) || null };
  }
  if (ANNEX.test(text)) return { level: 'annex', label: line, number: null, title: null };
  const named = NAMED.exec(text);
  if (named) {
    const numbering = readNumbering(text, named[0].length);
    if (numbering && titleFollows(numbering.after)) {
      const end = text.length - numbering.after.length;
      const separator = LEADING_SEPARATOR.exec(numbering.after);
      const titleFrom = end + (separator ? separator[0].length : 0);
      return { level: DIVISION_WORDS[named[1]!]!, label: folded.printedSlice(0, end), number: numbering.value, title: folded.printedFrom(titleFrom) || null };
    }
  }
  const english = ENGLISH.exec(line);
  if (english) {
    const num = english[2]!;
    const labelEnd = english.index + english[0].indexOf(num, english[1]!.length) + num.length;
    const title = line.slice(labelEnd).replace(/^\s*[:.\-\u2013\u2014]?\s*/, '').trim();
    const number = /^\d+$/.test(num) ? Number(num) : (romanValue(num) ?? (num.length === 1 ? num.charCodeAt(0) - 64 : null));
    return { level: ENGLISH_DIVISION_WORDS[english[1]!.toLowerCase()]!, label: line.slice(0, labelEnd).trim(), number, title: title || null };
  }
  return null;
}

const NUMERAL_AT = new RegExp(`^\\(?\\s*(${D}{1,4})\\s*\\)?(?=[\\s:.\\-\u2013\u2014]|$)|^([IVXLC]{1,7})(?=[\\s:.\\-\u2013\u2014]|$)`);
const WORD = /\S+/g;
const TRAILING_SEPARATOR = /[:.\-\u2013\u2014]+$/;
const LEADING_SEPARATOR = new RegExp(`^${SEPARATOR}`);

/** A number, roman numeral or ordinal words at `from` in folded text: its value
 * and what follows it ("" when nothing; starting with ":" or "-" when separated). */
function readNumbering(folded: string, from: number): { value: number; after: string } | null {
  const rest = folded.slice(from);
  const numeral = NUMERAL_AT.exec(rest);
  if (numeral) {
    const value = numeral[1] !== undefined ? parseDigits(numeral[1]) : romanValue(numeral[2]!);
    if (value === null) return null;
    return { value, after: rest.slice(numeral[0].length) };
  }
  const words: string[] = [];
  const ends: number[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(rest); match && words.length < 3; match = WORD.exec(rest)) {
    words.push(match[0].replace(TRAILING_SEPARATOR, ''));
    ends.push(match.index + match[0].replace(TRAILING_SEPARATOR, '').length);
    if (TRAILING_SEPARATOR.test(match[0])) break;
  }
  const ordinal = ordinalPrefix(words);
  if (!ordinal) return null;
  return { value: ordinal.value, after: rest.slice(ends[ordinal.words - 1]) };
}

/** What follows a heading's numbering: nothing, a separator, or a short title that is no sentence. */
function titleFollows(after: string): boolean {
  const trimmed = after.trim();
  if (trimmed === '' || LEADING_SEPARATOR.test(after)) return true;
  return !SENTENCE_PUNCTUATION.test(trimmed) && !PREPOSITION.test(trimmed) && trimmed.split(/\s+/).length <= MAX_TITLE_WORDS;
}

// Headings UN texts print without numbering.
const KNOWN_HEADINGS = /^(?:ال)?(?:مقدمة|ديباجة|تمهيد|خاتمة|تعاريف|احكام عامة|احكام ختامية)$/;

/** A line that is a heading by its words alone ("مقدمة", "الديباجة"). */
export function knownHeading(line: string): boolean {
  return line.length <= 40 && KNOWN_HEADINGS.test(Folded.of(line).text.trim());
}

const MAX_LONE_HEADING = 90;
const MAX_LONE_WORDS = 12;
const ENDS_AS_TEXT = /[.؛;:،,!?؟"»”)\]]$/;

/** A short line that could be an unnumbered heading: no sentence punctuation at its end. */
export function headingShaped(line: string): boolean {
  if (line.length > MAX_LONE_HEADING || ENDS_AS_TEXT.test(line)) return false;
  if (STARTS_WITH_DIGIT.test(line) || line.startsWith('(')) return false;
  return line.split(' ').length <= MAX_LONE_WORDS;
}

const RECOMMENDATION = /^(?:ال)?توصية\s+(\d{1,4})\s*(?:[:.\-\u2013\u2014]\s*(.*))?$/;

export function recommendationHeading(line: string): (Opening & { number: number }) | null {
  const folded = Folded.of(line);
  const match = RECOMMENDATION.exec(folded.text);
  if (!match) return null;
  const rest = match[2] === undefined ? '' : folded.printedFrom(folded.text.length - match[2].length);
  return { number: Number(match[1]), rest };
}

// "المادة 1", "المادة (1)", "المادة الأولى", "المادة الحادية عشرة", "المبدأ 1", "القاعدة 1".
const ARTICLE = /^(?:ال)?(مادة|مبدا|قاعدة)\s+/;
const MAX_ARTICLE_TITLE = 200;

export function articleHeading(line: string): (Opening & { number: number; designation?: ArticleDesignation }) | null {
  const folded = Folded.of(line);
  const match = ARTICLE.exec(folded.text);
  if (!match) return null;
  const designation = designationOfWord(match[1]!);
  const numbering = readNumbering(folded.text, match[0].length);
  if (!numbering) return null;
  const after = numbering.after;
  const separator = LEADING_SEPARATOR.exec(after);
  let restFrom: number;
  if (after.trim() === '') restFrom = folded.text.length;
  else if (separator) restFrom = folded.text.length - after.length + separator[0].length;
  else {
    // "المادة 12 من العهد ..." is a sentence that cites an article; a short title is not.
    const title = after.trim();
    if (title.length > MAX_ARTICLE_TITLE || SENTENCE_PUNCTUATION.test(title) || PREPOSITION.test(title)) return null;
    restFrom = folded.text.length - after.length;
  }
  const rest = folded.printedFrom(restFrom);
  return designation ? { number: numbering.value, rest, designation } : { number: numbering.value, rest };
}

const PLENARY_MEETING = /^(?:ال)?جلسة\s+(?:العامة|العلنية)\s+\d{1,4}\s*$/;

/** "الجلسة العامة ٣٦": the line that closes an adopted resolution. */
export function plenaryMeeting(line: string): boolean {
  return PLENARY_MEETING.test(Folded.of(line).text);
}

// "حررت في ...", "صدر بمدينة ...", "وإثباتاً لذلك ...", "ومصادقاً لما تقدم ...",
// "اتخذه مجلس الأمن في جلسته ...": closing lines, signatures and dates follow.
const CLOSING_LINE =
  /^(?:حرر(?:ت)?\s+(?:في|ب)|صدر(?:ت)?\s+(?:في|ب)|و?(?:اثباتا|مصادقا|تصديقا|شهادة)\s+(?:لذلك|لما تقدم|على ذلك)|(?:اتخذ|اعتمد)(?:ه|ته)?\s+(?:مجلس الامن\s+)?(?:بالاجماع\s+)?في\s+جلست)/;

// "اعتمد بأغلبية 120 صوتاً مقابل 2"، "(14 صوتا مقابل لا شيء)": a vote tally; "الجلسة 1747": a meeting line.
const VOTE_TALLY = /[0-9]{1,3}\s+صوتا?\s+مقابل\s/;
const MEETING_LINE = /^(?:ال)?جلسة\s+(?:رقم\s+)?[0-9]{1,5}\s*$/;
const MAX_CLOSING_LINE = 300;

/** A line that closes an instrument or a resolution (after its clauses): what follows is no clause. */
export function closingLine(line: string): boolean {
  const text = Folded.of(line).text;
  if (CLOSING_LINE.test(text)) return true;
  return line.length <= MAX_CLOSING_LINE && (VOTE_TALLY.test(text) || MEETING_LINE.test(text));
}

