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

  const found: FoundCitation[] = [];
  for (const match of folded.text.matchAll(NUMBER_PAIR)) {
    const organ = organBefore(match.index, events, organOf(enactingOrgan));
    // The pair itself is an event: the next number in an enumeration inherits it.
    events.push({ at: match.index, organ: organ ?? 'other' });
    events.sort((a, b) => a.at - b.at);
    if (organ === null || organ === 'decision') continue;
    const first = Number(match[1]);
    const second = Number(match[2]);
    // Only ECOSOC numbers resolutions by year, so a year pair is ECOSOC's whatever
    // organ was named last (decisions aside); other pairs need a GA context.
    const symbol = ecosocSymbol(first, second) ?? (organ === 'ga' ? generalAssemblySymbol(first, second) : null);
    if (symbol) found.push({ symbol, text: folded.printedSlice(match.index, match.index + match[0].length) });
  }
  return found;
}

function organBefore(at: number, events: Event[], enacting: Organ): Organ | 'decision' | null {
  let refersBack = false;
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.at >= at) continue;
    if (at - event.at > LOOKBACK) break;
    if (event.organ === 'refers-back') {
      refersBack = true;
      continue;
    }
    return event.organ;
  }
  return refersBack ? enacting : null;
}
