// Wildcard and fuzzy terms, expanded against the terms a segment holds.
// Everything here is linear in the dictionary and in the term lengths: no
// regexes built from user input.

import { UsageError } from '../errors.js';
import type { TermMatcher } from './query.js';
import type { FieldTerms } from '../index/format/terms.js';

/** More than this many terms for one wildcard or fuzzy word is almost surely a mistake, and slow. */
export const MAX_EXPANSIONS = 1000;

/** Do the literal parts occur in order, the first at the start and the last at the end? */
export function matchesPattern(term: string, parts: readonly string[]): boolean {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (!term.startsWith(first) || term.length < first.length + last.length) return false;
  if (!term.endsWith(last)) return false;
  let from = first.length;
  const end = term.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const at = term.indexOf(parts[i]!, from);
    if (at < 0 || at + parts[i]!.length > end) return false;
    from = at + parts[i]!.length;
  }
  return true;
}

/** Levenshtein distance if it is at most `max`, else max + 1; banded, O(len × max). */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    current.fill(max + 1);
    current[0] = i;
    let rowMin = from > 1 ? max + 1 : i;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, max + 1);
}

/** An exact matcher's terms: the words typed, then the verbal nouns derived from them and those of their equivalent wordings (src/un/equivalents.ts). */
export function exactTerms(matcher: Extract<TermMatcher, { kind: 'exact' }>): string[] {
  return matcher.alternates || matcher.derived ? [...matcher.terms, ...(matcher.derived ?? []), ...(matcher.alternates ?? [])] : matcher.terms;
}

/** Terms of one dictionary that a matcher selects (exact terms are returned whether present or not). */
export function expandInDictionary(matcher: TermMatcher, dictionary: Pick<FieldTerms, 'from' | 'all'>, into: Set<string>, source: string): void {
  const add = (term: string): void => {
    into.add(term);
    if (into.size > MAX_EXPANSIONS) {
      throw new UsageError(`bad query: '${source}' matches more than ${MAX_EXPANSIONS} terms; make it more specific`);
    }
  };
  switch (matcher.kind) {
    case 'exact':
      for (const t of exactTerms(matcher)) into.add(t);
      return;
    case 'prefix':
      for (const prefix of matcher.prefixes) {
        for (const { term } of dictionary.from(prefix)) {
          if (!term.startsWith(prefix)) break;
          add(term);
        }
      }
      return;
    case 'pattern':
      for (const { term } of dictionary.all()) if (matchesPattern(term, matcher.parts)) add(term);
      return;
    case 'fuzzy':
      for (const { term: t } of dictionary.all()) {
        for (const wanted of matcher.terms) {
          if (boundedEditDistance(wanted, t, matcher.distance) <= matcher.distance) {
            add(t);
            break;
          }
        }
      }
      return;
  }
}
