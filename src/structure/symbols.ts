// Which printed number of a resolution pair is the session. Arabic texts print
// General Assembly pairs as number/session ("٢٩٣/٦٤") but many older texts and
// web copies print session/number ("41 / 86"): the position alone does not
// decide. The evidence, strongest first (docs/citations.md):
//   range           only one reading is a possible symbol: GA sessions number
//                   their resolutions from the 31st on, no session is later
//                   than the current one, no session adopts 400 resolutions;
//   date            the date printed with the citation falls in the years of
//                   only one reading's session;
//   own-session     the citing document's own session (no citation is later);
//   document-order  the order the document's other, decided pairs are printed in;
//   direction       what the surrounding script prints by default: Arabic GA
//                   texts number/session, Latin text and HRC session/number.

import {
  FIRST_NUMBERED_GA_SESSION,
  LATEST_GA_SESSION,
  LATEST_HRC_SESSION,
  MAX_RESOLUTIONS_PER_SESSION,
  gaSessionYears,
  gaSymbol,
  hrcSessionsAt,
  hrcSymbol,
} from '../un/symbols.js';
import type { CitationBasis } from '../types.js';

export type PairOrgan = 'ga' | 'hrc';
export type PairOrder = 'session-first' | 'number-first';

export interface PrintedPair {
  organ: PairOrgan;
  /** The numbers in printed (logical) order. */
  first: number;
  second: number;
  /** Latin part letter ("A"), or null. */
  part: string | null;
  /** The date printed right after the citation (YYYY-MM-DD), if any. */
  date: string | null;
  /** The citation stands in Latin-script text. */
  latin: boolean;
}

export interface PairContext {
  /** The citing document's own session (of the same organ), when known. */
  ownSession?: number | null;
  /** The order the document's other pairs were decided to be printed in. */
  documentOrder?: PairOrder | null;
}

export interface PairReading {
  symbol: string;
  session: number;
  number: number;
  order: PairOrder;
  basis: CitationBasis;
}

function possible(organ: PairOrgan, session: number, number: number): boolean {
  if (number < 1 || number > MAX_RESOLUTIONS_PER_SESSION) return false;
  if (organ === 'ga') return session >= FIRST_NUMBERED_GA_SESSION && session <= LATEST_GA_SESSION;
  return session >= 1 && session <= LATEST_HRC_SESSION;
}

function sessionFitsDate(organ: PairOrgan, session: number, date: string): boolean {
  const year = Number(date.slice(0, 4));
  if (organ === 'ga') {
    const [from, to] = gaSessionYears(session);
    return year >= from && year <= to;
  }
  const [from, to] = hrcSessionsAt(year, Number(date.slice(5, 7)));
  return session >= from && session <= to;
}

function reading(pair: PrintedPair, order: PairOrder, basis: CitationBasis): PairReading {
  const [session, number] = order === 'session-first' ? [pair.first, pair.second] : [pair.second, pair.first];
  const symbol = pair.organ === 'ga' ? gaSymbol(session, number, pair.part) : hrcSymbol(session, number, pair.part);
  return { symbol, session, number, order, basis };
}

/** The strongest evidence only (range, date); null when they leave it open. */
export function readPairByFacts(pair: PrintedPair): PairReading | null | 'impossible' {
  let orders: PairOrder[] = ['session-first', 'number-first'];
  orders = orders.filter((o) => (o === 'session-first' ? possible(pair.organ, pair.first, pair.second) : possible(pair.organ, pair.second, pair.first)));
  if (orders.length === 0) return 'impossible';
  if (orders.length === 1 || pair.first === pair.second) return reading(pair, orders[0]!, 'range');
  if (pair.date !== null) {
    const date = pair.date;
    const fitting = orders.filter((o) => sessionFitsDate(pair.organ, o === 'session-first' ? pair.first : pair.second, date));
    if (fitting.length === 1) return reading(pair, fitting[0]!, 'date');
  }
  return null;
}

/** The reading of a pair on all the evidence, or null when it cannot be a resolution of the organ. */
export function readPair(pair: PrintedPair, context: PairContext = {}): PairReading | null {
  const byFacts = readPairByFacts(pair);
  if (byFacts === 'impossible') return null;
  if (byFacts) return byFacts;
  const own = context.ownSession ?? null;
  if (own !== null) {
    const firstFits = pair.first <= own;
    const secondFits = pair.second <= own;
    if (firstFits !== secondFits) return reading(pair, firstFits ? 'session-first' : 'number-first', 'own-session');
  }
  if (context.documentOrder) return reading(pair, context.documentOrder, 'document-order');
  const sessionFirst = pair.latin || pair.organ === 'hrc';
  return reading(pair, sessionFirst ? 'session-first' : 'number-first', 'direction');
}

/** The order most of the decided readings were printed in, or null when none was decided or they tie. */
export function majorityOrder(readings: Array<Pick<PairReading, 'order' | 'basis' | 'session' | 'number'>>): PairOrder | null {
  let sessionFirst = 0;
  let numberFirst = 0;
  for (const r of readings) {
    if ((r.basis !== 'range' && r.basis !== 'date') || r.session === r.number) continue;
    if (r.order === 'session-first') sessionFirst++;
    else numberFirst++;
  }
  if (sessionFirst === numberFirst) return null;
  return sessionFirst > numberFirst ? 'session-first' : 'number-first';
}
