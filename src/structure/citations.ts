// Citations of General Assembly and ECOSOC resolutions. A number pair "N/M" is
// a resolution of the organ named nearest before it: "قرار الجمعية العامة ١٩٠/٦٧"
// (GA), "قرار المجلس الاقتصادي والاجتماعي ٣٣/٢٠١١" (ECOSOC), "قرار لجنة ... ٣/٢٠"
// or "مقرره ٤/٤" (a commission, a decision: not cited). "قرارها"/"قراره", or a
// bare "القرار", point back to the organ named before them, else to the
// enacting organ (in a GA text "القرار ٢٩٣/٦٤" is the GA's own). In an
// enumeration ("١٩٠/٦٧ ... و ١٩٢/٦٨") each number inherits the one before.

import { Folded } from './folded.js';
import { ecosocSymbol, generalAssemblySymbol, organOf, type Organ } from './symbols.js';

export interface FoundCitation {
  symbol: string;
  text: string;
}

// Two numbers with a slash, not part of a longer symbol or a date (no letter,
// dot or slash glued before, no slash or digit after).
const NUMBER_PAIR = /(?<![A-Za-z0-9./\-])(\d{1,4})\s*\/\s*(\d{1,4})(?![\d/])/g;

const ORGAN_WORDS: Array<[RegExp, Organ | 'refers-back' | 'decision']> = [
  [/الجمعية العامة/g, 'ga'],
  [/المجلس الاقتصادي والاجتماعي|المجلس(?! التنفيذي)/g, 'ecosoc'],
  [/مجلس الامن|مجلس حقوق الانسان|مجلس الادارة|لجنة|اللجنة|مؤتمر|المؤتمر/g, 'other'],
  [/مقرر|المقرر/g, 'decision'],
  [/قرارها|قراراتها|قراره|قراراته|القرارات|القرار|قرارات|قرار/g, 'refers-back'],
];
const LOOKBACK = 300;

interface Event {
  at: number;
  organ: Organ | 'refers-back' | 'decision';
}

export function findCitations(text: string, enactingOrgan: string | null): FoundCitation[] {
  const folded = new Folded(text);
  const events: Event[] = [];
  for (const [pattern, organ] of ORGAN_WORDS) {
    for (const match of folded.text.matchAll(pattern)) events.push({ at: match.index, organ });
  }
  events.sort((a, b) => a.at - b.at);

  // Organ words and pairs are walked together in text order, so the nearest one
  // before a pair is known without scanning back (a scan back and a re-sort per
  // pair made a clause citing many resolutions quadratic).
  const enacting = organOf(enactingOrgan);
  let next = 0;
  let nearest: { at: number; organ: Organ | 'decision' } | null = null;
  let refersBackAt = -Infinity;
  const found: FoundCitation[] = [];
  for (const match of folded.text.matchAll(NUMBER_PAIR)) {
    const at = match.index;
    for (; next < events.length && events[next]!.at < at; next++) {
      const event = events[next]!;
      if (event.organ === 'refers-back') refersBackAt = event.at;
      else nearest = { at: event.at, organ: event.organ };
    }
    const organ = organBefore(at, nearest, refersBackAt, enacting);
    // The pair itself is an event: the next number in an enumeration inherits it.
    nearest = { at, organ: organ ?? 'other' };
    if (organ === null || organ === 'decision') continue;
    const first = Number(match[1]);
    const second = Number(match[2]);
    // Only ECOSOC numbers resolutions by year, so a year pair is ECOSOC's whatever
    // organ was named last (decisions aside); other pairs need a GA context.
    const symbol = ecosocSymbol(first, second) ?? (organ === 'ga' ? generalAssemblySymbol(first, second) : null);
    if (symbol) found.push({ symbol, text: folded.printedSlice(at, at + match[0].length) });
  }
  return found;
}

/** The organ named nearest before a pair, within LOOKBACK; failing that, a
 * "قرارها"-like word within LOOKBACK points back to the enacting organ. */
function organBefore(
  at: number,
  nearest: { at: number; organ: Organ | 'decision' } | null,
  refersBackAt: number,
  enacting: Organ,
): Organ | 'decision' | null {
  if (nearest !== null && at - nearest.at <= LOOKBACK) return nearest.organ;
  return at - refersBackAt <= LOOKBACK ? enacting : null;
}
