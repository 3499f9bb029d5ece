// Metadata from the lines before the first clause: the kind of document, its
// title (joined when it runs over lines), organ, sponsors, agenda item, symbol
// and dates. Each header line is classified by what it says; the title is the
// last run of lines nothing else claimed.

import { toAsciiDigits } from '../text/digits.js';
import { findArabicDate } from './dates.js';
import { fold, Folded } from './folded.js';
import { enactingSymbol } from './symbols.js';
import type { LineNode } from './tree.js';

export interface HeaderFacts {
  title: string | null;
  organ: string | null;
  agendaItem: string | null;
  sponsors: string[];
  draft: boolean;
  decision: boolean;
  adopted: string | null;
  symbol: string | null;
}

const ORGAN_LINE =
  /^(?:الجمعية العامة|المجلس الاقتصادي والاجتماعي|مجلس الامن|مجلس حقوق الانسان|لجنة|اللجنة|مؤتمر|المؤتمر|الفريق العامل|هيئة|الهيئة)(?:\s+[^\s\d]+){0,14}$/;
const SESSION_LINE = /^(?:ال)?دورة\s/;
const AGENDA_ITEM = /^البند\s+(\d{1,4}(?:\s*\(\s*[\u0621-\u064a]{1,2}\u0640?\s*\))?)\s+من\s+جدول\s+الاعمال/;
const ADOPTION = /^(?:(قرار|مقرر)\s+)?(?:اتخذه|اتخذته|اعتمده|اعتمدته)\s/;
const BRACKETED = /^\[.*\]$/;
const SYMBOL_TITLE = /^(\d{1,4})\s*\/\s*(\d{1,4})\s*[-\u2013\u2014]\s*(.+)$/;
const DRAFT = /مشروع\s+(قرار|مقرر)/;
const SPONSORS_BEFORE_DRAFT = /^(.{2,600}?)\s*:\s*مشروع\s+(?:قرار|مقرر)/;
const PLACE_AND_DATE = /^[^\s،]{2,20}(?:\s[^\s،]{2,20})?،\s.{0,40}\d{4}$/;

type HeaderLineKind = 'organ' | 'other' | 'title' | 'agenda' | 'symbol-title';

export function readHeader(lines: LineNode[], enactingBodies: string[]): HeaderFacts {
  const facts: HeaderFacts = {
    title: null,
    organ: null,
    agendaItem: null,
    sponsors: [],
    draft: false,
    decision: false,
    adopted: null,
    symbol: null,
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
      run.push(line.value);
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
    if (classify(line.value, scratch, enactingBodies) !== 'title') count = i + 1;
  });
  return count;
}

function classify(value: string, facts: HeaderFacts, enactingBodies: string[]): HeaderLineKind {
  const folded = fold(value);
  const agenda = AGENDA_ITEM.exec(folded);
  if (agenda) {
    facts.agendaItem ??= agendaItemAsPrinted(value, agenda);
    return 'agenda';
  }
  const adoption = ADOPTION.exec(folded);
  if (adoption) {
    facts.adopted ??= findArabicDate(value);
    if (adoption[1] === 'مقرر') facts.decision = true;
    return 'other';
  }
  if (DRAFT.test(folded)) {
    facts.draft = true;
    if (folded.includes('مشروع مقرر')) facts.decision = true;
    const sponsors = SPONSORS_BEFORE_DRAFT.exec(value);
    if (sponsors) facts.sponsors = splitSponsors(sponsors[1]!);
    return 'other';
  }
  const symbolTitle = SYMBOL_TITLE.exec(toAsciiDigits(value));
  if (symbolTitle) {
    facts.symbol ??= enactingSymbol(Number(symbolTitle[1]), Number(symbolTitle[2]), enactingBodies[0] ?? facts.organ, facts.decision);
    // toAsciiDigits keeps offsets, so the title is cut from the printed line directly
    // (a printed offset read as a folded one lost a title that starts with a tatweel).
    facts.title ??= value.slice(value.length - symbolTitle[3]!.length).trim();
    return 'symbol-title';
  }
  if (ORGAN_LINE.test(folded)) return 'organ';
  if (SESSION_LINE.test(folded) || BRACKETED.test(value) || PLACE_AND_DATE.test(toAsciiDigits(value))) return 'other';
  return 'title';
}

/** "البند ١٩ (ج) من جدول الأعمال" -> "19 (ج)": digits ASCII, letter as printed. Cut
 * from the printed line through the folded match, so that a tatweel or haraka in
 * "البنـد" (which the folded pattern allows) does not lose the item. */
function agendaItemAsPrinted(value: string, folded: RegExpExecArray): string {
  const start = folded[0].indexOf(folded[1]!);
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
