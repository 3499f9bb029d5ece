// UN organs as Arabic documents print them, with their English names, the
// prefixes of their resolution and decision symbols and the short key used as
// the actor of AKN work URIs. One table for structure, search and export.

import { fold } from '../structure/folded.js';
import { type Organ, type OrganKey, ORGANS } from './organ-table.js';

export { type Organ, type OrganKey, ORGANS } from './organ-table.js';

/** The organs whose resolutions this project cites, by key. */
export const MAIN_ORGANS = new Set<OrganKey>(['ga', 'ecosoc', 'sc', 'hrc']);

const BY_FOLDED_NAME = ORGANS.map((organ) => [fold(organ.arabic).replace(/\s+/g, ' '), organ] as const)
  // Longest first, so a name that begins with another's wins.
  .sort((a, b) => b[0].length - a[0].length);

/** The organ a printed name starts with ("الجمعية العامة للأمم المتحدة" -> GA), or null. */
export function organNamed(name: string | null): Organ | null {
  if (!name) return null;
  let organ = NAMED.get(name);
  if (organ === undefined) {
    const folded = fold(name).replace(/\s+/g, ' ').trim();
    organ = BY_FOLDED_NAME.find(([key]) => folded.startsWith(key))?.[1] ?? null;
    if (NAMED.size >= MAX_NAMED) NAMED.clear();
    if (name.length <= MAX_NAME) NAMED.set(name, organ);
  }
  return organ;
}

// The parser asks for the same few names (the enacting organ) once per clause.
const NAMED = new Map<string, Organ | null>();
const MAX_NAMED = 256;
const MAX_NAME = 300;

/** The organ exactly so named (compared folded), or null. */
export function organExactlyNamed(name: string): Organ | null {
  const folded = fold(name).replace(/\s+/g, ' ').trim();
  return BY_FOLDED_NAME.find(([key]) => folded === key)?.[1] ?? null;
}

export function organByKey(key: string): Organ | null {
  return ORGANS.find((organ) => organ.key === key) ?? null;
}

/** The organ whose resolution or decision series a symbol belongs to ("A/HRC/RES/40/7" -> HRC). */
export function organOfSymbol(symbol: string): Organ | null {
  const upper = symbol.trim().toUpperCase();
  let best: Organ | null = null;
  let bestLength = 0;
  for (const organ of ORGANS) {
    for (const prefix of [organ.resolutions, organ.decisions]) {
      if (prefix && upper.startsWith(`${prefix}/`) && prefix.length > bestLength) {
        best = organ;
        bestLength = prefix.length;
      }
    }
  }
  if (best) return best;
  // A document symbol of the organ's own series: "A/C.3/74/L.12" (GA), "A/HRC/51/L.40" (HRC), "E/2019/30", "S/2020/1".
  if (/^A\/HRC\//.test(upper)) return organByKey('hrc');
  const series = upper.split('/')[0];
  return series === 'A' ? organByKey('ga') : series === 'E' ? organByKey('ecosoc') : series === 'S' ? organByKey('sc') : null;
}
