// UN symbols in English order from numbers as Arabic texts print them.
// General Assembly: "٢٩٣/٦٤" (number/session) and the reverse "٦٤/٢٩٣" are both
// A/RES/64/293; a session is never above ~100, so a number above that is the
// resolution number whichever side it stands on. ECOSOC numbers resolutions
// within a year: "٣٣/٢٠١١" is E/RES/2011/33.

import { fold } from './folded.js';

const MAX_SESSION = 100;

export function isYear(n: number): boolean {
  return n >= 1946 && n <= 2100;
}

/** GA symbol from two printed numbers, in printed (logical) order. */
export function generalAssemblySymbol(first: number, second: number): string {
  const reversed = first <= MAX_SESSION && second > MAX_SESSION;
  const [number, session] = reversed ? [second, first] : [first, second];
  return `A/RES/${session}/${number}`;
}

/** ECOSOC symbol when one of the numbers is a year, else null. */
export function ecosocSymbol(first: number, second: number, decision = false): string | null {
  const series = decision ? 'DEC' : 'RES';
  if (isYear(second) && !isYear(first)) return `E/${series}/${second}/${first}`;
  if (isYear(first) && !isYear(second)) return `E/${series}/${first}/${second}`;
  return null;
}

export type Organ = 'ga' | 'ecosoc' | 'other';

export function organOf(name: string | null): Organ {
  if (!name) return 'other';
  const folded = fold(name);
  if (folded.startsWith('الجمعية العامة')) return 'ga';
  if (folded.startsWith('المجلس الاقتصادي والاجتماعي')) return 'ecosoc';
  return 'other';
}

/** The symbol of the document itself from its "N/YYYY - title" line. */
export function enactingSymbol(first: number, second: number, organ: string | null, decision: boolean): string | null {
  const year = ecosocSymbol(first, second, decision);
  if (year) return year;
  return organOf(organ) === 'ga' && !decision ? generalAssemblySymbol(first, second) : null;
}
