// Citations of General Assembly, ECOSOC, Security Council and Human Rights
// Council resolutions (and ECOSOC decisions), in English-order symbols. The
// forms (docs/citations.md):
//   pairs            "قرار الجمعية العامة ٢٩٣/٦٤", "41 / 86 فاء", "٣٣/٢٠١١"
//   old style        "1514 (د-15)", "2200 ألف (د-21)"
//   Security Council "قرار مجلس الأمن رقم 242 (1967)", "القرار 338 (1973)"
//   printed symbols  "A/RES/64/293", "S/RES/2334 (2016)", "A/HRC/RES/40/7"
// A citation belongs to the organ named nearest before it: "قرار الجمعية العامة"
// (GA), "مجلس الأمن", "مجلس حقوق الإنسان", "المجلس الاقتصادي والاجتماعي" or a
// bare "المجلس" (the enacting council, else ECOSOC); "قرارها"/"القرار" with no
// organ named points back to the enacting organ. In an enumeration ("١٩٠/٦٧ ...
// و ١٩٢/٦٨") each citation inherits the one before. Commissions', conferences'
// and GA decisions ("مقررها ٤/٤") are not cited: they have no symbol of the forms
// above. Which number of a pair is the session is decided in symbols.ts.

import { ANY_DIGIT } from '../text/digits.js';
import { fromRoman } from '../un/numbering.js';
import { organNamed, type OrganKey } from '../un/organs.js';
import {
  ARABIC_PART_NAMES,
  PRINTED_RESOLUTION_SYMBOL,
  ecosocOldStyleSymbol,
  ecosocSymbol,
  gaOldStyleSymbol,
  isYear,
  partLetter,
  scSymbol,
} from '../un/symbols.js';
import type { CitationBasis } from '../types.js';
import { findArabicDates, findEnglishDate } from './dates.js';
import { Folded } from './folded.js';
import { readPair, readPairByFacts, type PairContext, type PairReading, type PrintedPair } from './symbols.js';

export interface FoundCitation {
  symbol: string;
  text: string;
  basis: CitationBasis;
  /** For a pair the facts decided: how it was read (the document's order is taken from these). */
  reading?: PairReading;
}

/** A pair whose session the document-wide evidence decides (see resolveCitations). */
export interface PendingCitation {
  pair: PrintedPair;
  text: string;
}

export type CitationCandidate = FoundCitation | PendingCitation;

// The patterns below start with a digit and look behind after it ("\d(?<![\d/]\d)",
// not "(?<![\d/])\d"): the engine then skips to digits instead of trying the
// look-behind at every position. Same matches.
const PART = `(?:\\s*(${ARABIC_PART_NAMES.join('|')})(?![\\u0621-\\u064a])|\\s?([A-Z])(?![A-Za-z/]))?`;
// Two numbers with a slash, not part of a longer symbol or a date (no letter,
// dot or slash glued before, no slash or digit after), and a lettered part.
const NUMBER_PAIR = new RegExp(`(\\d(?<![A-Za-z0-9./\\-]\\d)\\d{0,3})\\s*\\/\\s*(\\d{1,4})(?![\\d/])${PART}`, 'g');
// "1514 (د-15)", "2200 ألف (د-21)", "3419 D (XXX)".
const OLD_STYLE = new RegExp(
  `(\\d(?<![\\d/]\\d)\\d{0,3})${PART}\\s*\\(\\s*(?:د\\s*[-\\u2013\\u2014]?\\s*(\\d{1,2})|([IVXL]{1,7}))\\s*\\)`,
  'g',
);
// "242 (1967)".
const NUMBER_YEAR = /(\d(?<![\d/]\d)\d{0,3})\s*\(\s*(\d{4})\s*\)/g;

type OrganWord = OrganKey | 'council' | 'other';
type SeriesWord = 'resolution' | 'decision';

const ORGAN_WORDS: Array<[RegExp, OrganWord]> = [
  [/الجمعية العامة/g, 'ga'],
  [/المجلس الاقتصادي والاجتماعي/g, 'ecosoc'],
  [/مجلس الامن/g, 'sc'],
  [/مجلس حقوق الانسان/g, 'hrc'],
  [/المجلس(?! الاقتصادي| التنفيذي)/g, 'council'],
  [/مجلس الادارة|المجلس التنفيذي|لجنة|مؤتمر|المؤتمر/g, 'other'],
];
const SERIES_WORDS: Array<[RegExp, SeriesWord]> = [
  [/مقرر|المقرر/g, 'decision'],
  [/قرار|القرار/g, 'resolution'],
];
const LOOKBACK = 300;
/** A date this close after a citation is the citation's date ("41 / 86 فاء المؤرخ 4 كانون الأول/ديسمبر 1986"). */
const DATE_REACH = 70;
/** "N (YYYY)" with no organ named is a Security Council resolution only right after "القرار". */
const NUMBER_YEAR_REACH = 40;

interface Event {
  at: number;
  organ?: OrganWord;
  series?: SeriesWord;
}

interface Candidate {
  at: number;
  end: number;
  shape: 'pair' | 'old' | 'number-year' | 'printed';
  match: RegExpMatchArray;
}

const COUNCILS = new Set<OrganKey>(['ecosoc', 'sc', 'hrc']);

/**
 * The citations of one text. Pairs whose session the facts (range, date)
 * leave open are read with `context` (the document's own session and order);
 * compile passes the document's, a single text reads on its own.
 */
export function findCitations(text: string, enactingOrgan: string | null, context: PairContext = {}): FoundCitation[] {
  return findCitationCandidates(text, enactingOrgan).flatMap((c) => {
    if (!('pair' in c)) return [c];
    const read = readPair(c.pair, context);
    return read ? [{ symbol: read.symbol, text: c.text, basis: read.basis }] : [];
  }).map(({ symbol, text, basis }) => ({ symbol, text, basis }));
}

const HAS_DIGIT = new RegExp(ANY_DIGIT);
// What every candidate shape needs in the printed text: a number pair's slash
// between digits, a printed symbol's "RES/" or "DEC/", or the bracket of
// "(د-15)", "(XV)", "(1967)" (marks, which folding drops, may stand in the
// gaps). Folding changes none of these, so the test is exact; month pairs
// ("آذار/مارس") and item labels ("(أ)") do not pass it.
const GAP = '[\\s\\u0610-\\u061a\\u0640\\u064b-\\u065f\\u0670\\u06d6-\\u06ed\\u08ca-\\u08ff]*';
const MAY_HOLD_CANDIDATE = new RegExp(`${ANY_DIGIT}${GAP}\\/${GAP}${ANY_DIGIT}|RES\\/|DEC\\/|\\(${GAP}[\\u062fIVXL0-9\\u0660-\\u0669\\u06f0-\\u06f9]`);

export function findCitationCandidates(text: string, enactingOrgan: string | null): CitationCandidate[] {
  // Most texts hold no candidate at all, and are not folded.
  if (!HAS_DIGIT.test(text) || !MAY_HOLD_CANDIDATE.test(text)) return [];
  const folded = Folded.of(text);
  const candidates = collectCandidates(folded.text);
  if (candidates.length === 0) return [];
  const events: Event[] = [];
  for (const [pattern, organ] of ORGAN_WORDS) for (const m of folded.text.matchAll(pattern)) events.push({ at: m.index, organ });
  for (const [pattern, series] of SERIES_WORDS) for (const m of folded.text.matchAll(pattern)) events.push({ at: m.index, series });
  events.sort((a, b) => a.at - b.at);

  const enacting = organNamed(enactingOrgan)?.key ?? null;

  // Words and candidates are walked together in text order, so the nearest
  // word before a candidate is known without scanning back (linear).
  let next = 0;
  let organ: { at: number; organ: OrganWord | null } | null = null;
  let series: { at: number; series: SeriesWord } | null = null;
  const found: CitationCandidate[] = [];
  for (const candidate of candidates) {
    for (; next < events.length && events[next]!.at < candidate.at; next++) {
      const event = events[next]!;
      if (event.organ) organ = { at: event.at, organ: event.organ };
      if (event.series) series = { at: event.at, series: event.series };
    }
    const near = (e: { at: number } | null): boolean => e !== null && candidate.at - e.at <= LOOKBACK;
    const seriesWord: SeriesWord | null = near(series) ? series!.series : null;
    let who: OrganWord | null;
    let named: boolean;
    if (near(organ)) {
      who = organ!.organ;
      named = true;
    } else if (seriesWord !== null) {
      // An unknown enacting organ still lets "القرار 338 (1973)" be read (only the Security Council prints that form).
      who = enacting ?? 'other';
      named = false;
    } else {
      who = null;
      named = false;
    }
    if (who === 'council') who = enacting !== null && COUNCILS.has(enacting) ? enacting : 'ecosoc';
    // The candidate itself is the nearest "organ" for the next one: an enumeration inherits it.
    const printed = folded.printedSlice(candidate.at, candidate.end);
    const seriesDistance = seriesWord === null ? Infinity : candidate.at - series!.at;
    const citation: CitationCandidate | null =
      candidate.shape === 'printed'
        ? readPrinted(candidate.match[0], printed)
        : who === null
          ? null
          : read(candidate, who, named, seriesWord ?? 'resolution', seriesDistance, folded, printed);
    organ = { at: candidate.end, organ: citation === null ? (candidate.shape === 'printed' ? (organ?.organ ?? null) : 'other') : who };
    if (seriesWord !== null) series = { at: candidate.end, series: seriesWord };
    if (citation) found.push(citation);
  }
  // Printed English symbols need no organ word.
  return found;
}

function collectCandidates(text: string): Candidate[] {
  const all: Candidate[] = [];
  // Each shape's pass runs only when its mark is in the text (a slash symbol, a bracket).
  if (text.includes('RES/') || text.includes('DEC/')) {
    for (const m of text.matchAll(PRINTED_RESOLUTION_SYMBOL)) all.push({ at: m.index!, end: m.index! + m[0].length, shape: 'printed', match: m });
  }
  if (text.includes('(')) {
    for (const m of text.matchAll(OLD_STYLE)) all.push({ at: m.index!, end: m.index! + m[0].length, shape: 'old', match: m });
    for (const m of text.matchAll(NUMBER_YEAR)) all.push({ at: m.index!, end: m.index! + m[0].length, shape: 'number-year', match: m });
  }
  for (const m of text.matchAll(NUMBER_PAIR)) all.push({ at: m.index!, end: m.index! + m[0].length, shape: 'pair', match: m });
  // Earliest first; of overlapping candidates the first found (the more specific shape) wins.
  const order = { printed: 0, old: 1, 'number-year': 2, pair: 3 };
  all.sort((a, b) => a.at - b.at || order[a.shape] - order[b.shape]);
  const kept: Candidate[] = [];
  let end = -1;
  for (const c of all) {
    if (c.at < end) continue;
    kept.push(c);
    end = c.end;
  }
  return kept;
}

function read(
  candidate: Candidate,
  organ: OrganWord,
  named: boolean,
  series: SeriesWord,
  seriesDistance: number,
  folded: Folded,
  printed: string,
): CitationCandidate | null {
  const m = candidate.match;
  switch (candidate.shape) {
    case 'printed':
      return readPrinted(m[0], printed);
    case 'old': {
      const number = Number(m[1]);
      const part = partOf(m[2], m[3]);
      const session = m[4] !== undefined ? Number(m[4]) : fromRoman(m[5]!);
      if (series !== 'resolution' || session === null || session < 1) return null;
      if (organ === 'ga' && session <= 30) return { symbol: gaOldStyleSymbol(number, session, part), text: printed, basis: 'old-style' };
      if (organ === 'ecosoc' && session <= 63) return { symbol: ecosocOldStyleSymbol(number, session, part), text: printed, basis: 'old-style' };
      return null;
    }
    case 'number-year': {
      const year = Number(m[2]);
      if (series !== 'resolution' || !isYear(year)) return null;
      // Only the Security Council prints "N (YYYY)": a bare "القرار 338 (1973)" is its too.
      if (organ === 'sc' || (!named && seriesDistance <= NUMBER_YEAR_REACH)) return { symbol: scSymbol(Number(m[1]), year), text: printed, basis: 'year' };
      return null;
    }
    case 'pair': {
      const first = Number(m[1]);
      const second = Number(m[2]);
      const part = partOf(m[3], m[4]);
      const yearPair = isYear(first) !== isYear(second);
      if (series === 'decision') {
        const symbol = organ === 'ecosoc' && yearPair ? ecosocSymbol(first, second, true) : null;
        return symbol ? { symbol, text: printed, basis: 'year' } : null;
      }
      if (yearPair && organ === 'sc') {
        const [number, year] = isYear(first) ? [second, first] : [first, second];
        return { symbol: scSymbol(number, year), text: printed, basis: 'year' };
      }
      // Only ECOSOC numbers resolutions by year, so a year pair is ECOSOC's whatever organ was named last.
      if (yearPair) return { symbol: ecosocSymbol(first, second)! + (part ?? ''), text: printed, basis: 'year' };
      if (organ !== 'ga' && organ !== 'hrc') return null;
      const pair: PrintedPair = {
        organ,
        first,
        second,
        part,
        date: null,
        latin: /[A-Za-z]/.test(folded.text.slice(Math.max(0, candidate.at - 20), candidate.at)),
      };
      let byFacts = readPairByFacts(pair);
      if (byFacts === 'impossible') return null;
      // The date is looked for only when the range leaves the reading open (most pairs it decides).
      if (byFacts === null) {
        pair.date = dateAfter(folded, candidate.end);
        if (pair.date !== null) byFacts = readPairByFacts(pair);
      }
      if (byFacts === 'impossible') return null;
      return byFacts ? { symbol: byFacts.symbol, text: printed, basis: byFacts.basis, reading: byFacts } : { pair, text: printed };
    }
  }
}

function partOf(arabic: string | undefined, latin: string | undefined): string | null {
  if (arabic !== undefined) return partLetter(arabic);
  return latin ?? null;
}

/** An English symbol as printed, spaced as the UN writes it: "S/RES/2334 (2016)", "A/RES/1514(XV)". */
function readPrinted(symbol: string, printed: string): FoundCitation {
  let s = symbol.replace(/\s+/g, ' ');
  if (s.startsWith('S/')) s = s.replace(/(\d)\s?\(/, '$1 (');
  else s = s.replace(/(\d) \(/, '$1(');
  return { symbol: s, text: printed, basis: 'printed' };
}

/** The date printed right after a citation (before any other number pair). */
function dateAfter(folded: Folded, end: number): string | null {
  const window = folded.printed.slice(folded.printedOffset(end), folded.printedOffset(end + DATE_REACH));
  // Stop at the next citation: its date is not this one's.
  const stop = window.search(/\d\s*\/\s*\d|[\u0660-\u0669]\s*\/\s*[\u0660-\u0669]/);
  const own = stop < 0 ? window : window.slice(0, stop);
  return findArabicDates(own)[0]?.iso ?? findEnglishDate(own);
}
