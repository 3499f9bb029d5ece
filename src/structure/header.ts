// Metadata from the lines before the first clause: the kind of document, its
// title (joined when it runs over lines), organ, sponsors, agenda item, its own
// symbol and dates. Each header line is classified by what it says; the title
// is the line a "N/M - " or "القرار رقم (N/M):" prefix introduces, else the last
// run of lines nothing else claimed. Site furniture (breadcrumbs, share and
// download buttons, Latin-only and number-only lines, questions) and headings
// that follow the title ("الديباجة") are never title.

import { toAsciiDigits } from '../text/digits.js';
import { organNamed, type OrganKey } from '../un/organs.js';
import {
  FIRST_NUMBERED_GA_SESSION,
  MAX_RESOLUTIONS_PER_SESSION,
  PRINTED_RESOLUTION_SYMBOL,
  gaOldStyleSymbol,
  gaSessionAt,
  scSymbol,
} from '../un/symbols.js';
import { findArabicDate, findNumericDate, isDateOnly } from './dates.js';
import { fold, Folded } from './folded.js';
import type { LineNode } from './tree.js';

/** A resolution number printed in the header for the document itself ("52 / 31", "القرار رقم (37/120)"). */
export interface OwnPair {
  first: number;
  second: number;
  text: string;
}

export interface HeaderFacts {
  title: string | null;
  organ: string | null;
  agendaItem: string | null;
  sponsors: string[];
  draft: boolean;
  decision: boolean;
  /** From an adoption line ("اتخذته ... في", "اعتمد ... المؤرخ في") or a line giving the resolution's number and date. */
  adopted: string | null;
  /** A date standing alone on a header line ("16/12/1982"). */
  dateLine: string | null;
  /** Own symbol read whole from the header (Security Council "رقم 338 في ... 1973"). */
  symbol: string | null;
  /** Own number pair; compile decides which number is the session. */
  ownPair: OwnPair | null;
}

const ORGAN_LINE =
  /^(?:الجمعية العامة|المجلس الاقتصادي والاجتماعي|مجلس الامن|مجلس حقوق الانسان|لجنة|اللجنة|مؤتمر|المؤتمر|الفريق العامل|هيئة|الهيئة)(?:\s+[^\s\d]+){0,14}$/;
const SESSION_LINE = /^(?:ال)?دورة\s/;
const AGENDA_ITEM = /^البند\s+(\d{1,4}(?:\s*\(\s*[\u0621-\u064a]{1,2}\u0640?\s*\))?)\s+من\s+جدول\s+الاعمال/;
// "اتخذته الجمعية العامة في ...", "قرار اتخذه المجلس", "القرار 61/53 اتخذ في الجلسة", "اعتمد ونشر على الملأ بموجب ...".
const ADOPTION =
  /^(?:(?:ال)?(قرار|مقرر)(?:\s+رقم)?(?:\s+\(?\d{1,4}\s*\/\s*\d{1,4}\)?)?\s+)?(?:اتخذ|اتخذه|اتخذته|اتخذت|اعتمد|اعتمده|اعتمدته|اعتمدت)(?:\s|$)/;
const BRACKETED = /^[[(].{0,20}[\])]$/;
// "154/73 - title", "52 / 31   title", "القرار رقم (37/120): title".
const SYMBOL_TITLE =
  /^(?:(?:ال)?قرار\s+(?:رقم\s*)?)?\(?(\d{1,4})\s*\/\s*(\d{1,4})\)?(?:\s*[-\u2013\u2014:]\s*|\s+)(?=[\u0621-\u064a])(.+)$/;
// "51/... title": a number still to be given.
const PLACEHOLDER_TITLE = /^\d{1,4}\s*\/\s*(?:\.{2,}|\u2026)\s*[-\u2013\u2014]?\s*(?=[\u0621-\u064a])(.+)$/;
// "... أوروبا.) 61/53 - title" inside a line that a flattened text ran together.
const INNER_SYMBOL_TITLE = /[.)]\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*[-\u2013\u2014]\s+(?=[\u0621-\u064a])([^.]{3,300})$/;
// "قرار مجلس الأمن الدولي رقم 338 في 22 ...", "الرقم 1514، في 14 ديسمبر 1960": the resolution's number and date.
const NUMBER_LINE = /^(?:ال)?(?:قرار|رقم)\s*([\u0621-\u064a ]{0,60}?)\s*(?:رقم\s*)?\(?(\d{1,5})\)?(?=[\s،,|]|$)/;
const DRAFT = /مشروع\s+(قرار|مقرر)/;
const SPONSORS_BEFORE_DRAFT = /^(.{2,600}?)\s*:\s*مشروع\s+(?:قرار|مقرر)/;
const PLACE_AND_DATE = /^[^\s،]{2,20}(?:\s[^\s،]{2,20})?،\s.{0,40}\d{4}$/;
const ONLY_DATE = /^[\d\s/.\-]{8,12}$/;
// Site furniture a web copy prints above the title.
const BREADCRUMB = /\s[/>»|]\s|^(?:الرئيسية|الرئيسيه|home)(?:\s|$)/i;
const BUTTONS = /^(?:تحميل|طباعة|مشاركة|شارك|تنزيل|اقرأ المزيد|facebook|twitter|share|print|download)(?:\s|$)/i;
// Headings that follow a title and are not part of it.
const FOLLOWING_HEADING = /^(?:الديباجة|ديباجة|المرفق|مرفق|مقدمة|المحتويات|الفصل|الجزء|الباب|المادة|المبدا)(?:\s|$|\s*[:\d])/;
const ENACTING = /^(?:ان|نحن)\s/;
const ARABIC_LETTER = /[\u0621-\u064a]/;
// A clause that goes on from another ("وأن ...", "وإذ ..."), not a title.
const CONTINUES = /^(?:و(?:ان|اذ|قد|لما|في)|قد)\s/;
// A title line is a heading, never a paragraph.
const MAX_TITLE_LINE = 300;
// A table-of-contents line: paragraph range and page ("... 1 - 25 8").
const TABLE_OF_CONTENTS = /\s\d{1,4}(?:\s*-\s*\d{1,4})?\s+\d{1,4}$/;
// "تاريخ بدء النفاذ: 15 كانون الثاني/يناير 1999": a labelled fact, not a title.
const LABELLED = /^[^:]{2,40}:\s?.{0,60}\d{4}\s*$/;

// 'other' is metadata that is no title; 'text' is neither metadata nor title
// (site furniture, a sentence, a heading): in a text with no structure it stays body text.
type HeaderLineKind = 'organ' | 'other' | 'text' | 'title' | 'agenda' | 'symbol-title';

export function readHeader(lines: LineNode[], enactingBodies: string[]): HeaderFacts {
  const facts: HeaderFacts = {
    title: null,
    organ: null,
    agendaItem: null,
    sponsors: [],
    draft: false,
    decision: false,
    adopted: null,
    dateLine: null,
    symbol: null,
    ownPair: null,
  };
  const runs: string[][] = [];
  let run: string[] = [];
  const endRun = (): void => {
    if (run.length > 0) runs.push(run);
    run = [];
  };

  // A title printed after "N/M - " wraps onto the lines that follow it.
  let titleWraps = false;
  for (const line of lines) {
    const hadTitle = facts.title !== null;
    const kind = classify(line.value, facts, enactingBodies);
    if (kind === 'title' && titleWraps) {
      facts.title += ` ${line.value}`;
    } else if (kind === 'title') {
      // A web copy repeats its title (page heading, then document heading): once is enough.
      if (run[run.length - 1] !== line.value) run.push(line.value);
    } else {
      endRun();
      if (kind === 'organ') facts.organ = line.value.replace(/[،,]$/, '');
    }
    titleWraps = (kind === 'symbol-title' && !hadTitle) || (kind === 'title' && titleWraps);
  }
  endRun();
  if (facts.title === null && runs.length > 0) facts.title = runs[runs.length - 1]!.join(' ');
  return facts;
}

/** How many leading lines are metadata: up to the last line classified as such. */
export function metadataLineCount(lines: LineNode[], enactingBodies: string[]): number {
  const scratch = readHeader([], enactingBodies);
  let count = 0;
  lines.forEach((line, i) => {
    const kind = classify(line.value, scratch, enactingBodies);
    if (kind !== 'title' && kind !== 'text') count = i + 1;
  });
  return count;
}

const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

function classify(value: string, facts: HeaderFacts, enactingBodies: string[]): HeaderLineKind {
  // Punctuation alone says nothing (and hostile inputs are made of it).
  if (!LETTER_OR_DIGIT.test(value)) return 'text';
  // Folding maps every digit script to ASCII.
  const folded = fold(value).trim();
  const ascii = toAsciiDigits(value).trim();
  const agenda = AGENDA_ITEM.exec(folded);
  if (agenda) {
    facts.agendaItem ??= agendaItemAsPrinted(value, agenda);
    return 'agenda';
  }
  const adoption = ADOPTION.exec(folded);
  if (adoption) {
    facts.adopted ??= findArabicDate(value);
    if (adoption[1] === 'مقرر') facts.decision = true;
    const inner = INNER_SYMBOL_TITLE.exec(ascii);
    if (inner) return symbolTitle(inner, value, facts);
    const own = /^(?:ال)?قرار(?:\s+رقم)?\s+\(?(\d{1,4})\s*\/\s*(\d{1,4})/.exec(folded);
    if (own) facts.ownPair ??= { first: Number(own[1]), second: Number(own[2]), text: `${own[1]}/${own[2]}` };
    return 'other';
  }
  if (DRAFT.test(folded)) {
    facts.draft = true;
    if (folded.includes('مشروع مقرر')) facts.decision = true;
    const sponsors = SPONSORS_BEFORE_DRAFT.exec(value);
    if (sponsors) facts.sponsors = splitSponsors(sponsors[1]!);
    return 'other';
  }
  // "S/RES/338 (1973)" alone on a line (a symbol line the furniture stage leaves, having a space).
  const printedSymbol = ascii.match(PRINTED_RESOLUTION_SYMBOL);
  if (printedSymbol && printedSymbol[0].length === ascii.length) {
    facts.symbol ??= printedSymbol[0].replace(/(\d)\s?\(/, ascii.startsWith('S/') ? '$1 (' : '$1(');
    return 'other';
  }
  const placeholder = PLACEHOLDER_TITLE.exec(ascii);
  if (placeholder) {
    facts.title ??= value.trimEnd().slice(value.trimEnd().length - placeholder[1]!.length).trim();
    return 'symbol-title';
  }
  const symbolLine = SYMBOL_TITLE.exec(folded);
  if (symbolLine) return symbolTitle(symbolLine, value, facts, folded);
  if (ORGAN_LINE.test(folded)) return 'organ';
  if (ONLY_DATE.test(ascii)) {
    facts.dateLine ??= findNumericDate(ascii);
    return 'other';
  }
  const numbered = NUMBER_LINE.exec(folded);
  if (numbered && !/^\d{1,5}$/.test(folded)) {
    numberLine(value, numbered, facts, enactingBodies);
    return 'other';
  }
  if (SESSION_LINE.test(folded) || BRACKETED.test(value.trim()) || PLACE_AND_DATE.test(ascii) || LABELLED.test(ascii) || isDateOnly(value)) {
    return 'other';
  }
  if (
    !ARABIC_LETTER.test(folded) ||
    BREADCRUMB.test(value) ||
    BUTTONS.test(folded) ||
    /[?\u061f!]\s*$/.test(value) ||
    FOLLOWING_HEADING.test(folded) ||
    ENACTING.test(folded) ||
    CONTINUES.test(folded) ||
    /[،,;؛.]$/.test(folded) ||
    folded.length > MAX_TITLE_LINE ||
    TABLE_OF_CONTENTS.test(ascii)
  ) {
    return 'text';
  }
  return 'title';
}

/** "N/M - title" (or an inner one): the own number and the title after it, cut from the printed line. */
function symbolTitle(match: RegExpExecArray, value: string, facts: HeaderFacts, folded?: string): HeaderLineKind {
  facts.ownPair ??= { first: Number(match[1]), second: Number(match[2]), text: `${match[1]}/${match[2]}` };
  const titleFolded = match[3]!;
  if (folded !== undefined) {
    // Offsets of the folded line map back to the printed one (a tatweel or haraka is dropped by folding).
    const printed = Folded.of(value);
    const end = printed.text.trimEnd().length;
    // From just after the character before the title, so marks folding dropped at its start stay.
    const start = end - titleFolded.length;
    const from = start > 0 ? printed.printedOffset(start - 1) + 1 : 0;
    facts.title ??= value.slice(from, printed.printedOffset(end)).trim();
  } else {
    const printed = value.trimEnd();
    facts.title ??= printed.slice(printed.length - titleFolded.length).trim();
  }
  return 'symbol-title';
}

/** "قرار مجلس الأمن الدولي رقم 338 في 22 تشرين الأول (أكتوبر) 1973": the adoption date, and a Security Council symbol. */
function numberLine(value: string, match: RegExpExecArray, facts: HeaderFacts, enactingBodies: string[]): void {
  const date = findArabicDate(value);
  if (date) facts.adopted ??= date;
  const organ: OrganKey | null = organNamed(match[1]!.trim())?.key ?? organNamed(enactingBodies[0] ?? null)?.key ?? null;
  // The year of "القرار 242 (1967)", else of the date on the line.
  const ascii = toAsciiDigits(value);
  const bracketed = /^\s*\(\s*(\d{4})\s*\)/.exec(ascii.slice(ascii.indexOf(match[2]!) + match[2]!.length));
  const year = bracketed ? Number(bracketed[1]) : date ? Number(date.slice(0, 4)) : null;
  if (organ === 'sc' && year !== null) facts.symbol ??= scSymbol(Number(match[2]), year);
  // A General Assembly resolution before the 31st session, by its number and date: "الرقم 1514، في 14 ديسمبر 1960".
  const number = Number(match[2]);
  if (organ === 'ga' && date !== null && !bracketed && number > MAX_RESOLUTIONS_PER_SESSION) {
    const session = gaSessionAt(new Date(date));
    if (session >= 1 && session < FIRST_NUMBERED_GA_SESSION) facts.symbol ??= gaOldStyleSymbol(number, session);
  }
}

/** "البند ١٩ (ج) من جدول الأعمال" -> "19 (ج)": digits ASCII, letter as printed. Cut
 * from the printed line through the folded match, so that a tatweel or haraka in
 * "البنـد" (which the folded pattern allows) does not lose the item. */
function agendaItemAsPrinted(value: string, folded: RegExpExecArray): string {
  // The match ran on the trimmed folding: add back what trimming cut at the start.
  const full = Folded.of(value).text;
  const start = full.length - full.trimStart().length + folded.index + folded[0].indexOf(folded[1]!);
  const printed = Folded.of(value).printedSlice(start, start + folded[1]!.length);
  return toAsciiDigits(printed).replace(/\s*\(\s*/, ' (').replace(/\s*\)$/, ')').trim();
}

// Member States whose Arabic names hold "و" between words (UN terminology).
const COMPOUND_STATE_NAMES = [
  'ترينيداد وتوباغو',
  'سان تومي وبرينسيبي',
  'البوسنة والهرسك',
  'أنتيغوا وبربودا',
  'سانت كيتس ونيفس',
  'سانت فنسنت وجزر غرينادين',
  'المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية',
  'جزر تركس وكايكوس',
];
const JOINER = '\u0000';
// Drafts proposed by an officer, not by States ("الرئيس: مشروع مقرر"), folded.
const NOT_STATES = /^(?:ال)?(?:رئيس|رئيسة|نائب الرئيس|نائبة الرئيس|مقرر|مقررة|امانة|امين العام|مكتب)(?:\s|$)/;

/** "أندورا ورومانيا وسان مارينو وفرنسا والفلبين" -> one State per entry. */
export function splitSponsors(list: string): string[] {
  let protectedList = list;
  for (const name of COMPOUND_STATE_NAMES) protectedList = protectedList.split(name).join(name.replace(/ و/g, JOINER));
  return protectedList
    .split(/\s*[،,]\s*|\s+(?=و\S{2,})/)
    .map((part) => part.replace(/^و(?=\S{2,})/, '').replaceAll(JOINER, ' و').trim())
    .filter((part) => part !== '' && !NOT_STATES.test(fold(part)));
}
