// Snippets: a window of the clause text around the words that matched, cut
// at spaces, with the matched words' ranges relative to the snippet for
// highlighting. The clause is re-analysed (the index keeps no positions); the
// window is the one covering the most distinct query words, found with two
// pointers over the matches, so the cost is linear in the clause.

import { analyseText } from './analysis/pipeline.js';

export const SNIPPET_CHARS = 220;
const ELLIPSIS = '…';

export interface Snippet {
  snippet: string;
  matches: Array<[number, number]>;
}

interface Match {
  start: number;
  end: number;
  group: number;
}

/** Printed words of the text whose analysed terms matched, one entry per word. */
export function findMatches(text: string, matchedTerms: ReadonlyMap<string, number>): Match[] {
  const matches: Match[] = [];
  let lastStart = -1;
  for (const t of analyseText(text)) {
    const group = matchedTerms.get(t.term);
    if (group === undefined || t.start === lastStart) continue;
    // A pair token spans numbers already matched on their own: keep the wider span.
    while (matches.length > 0 && matches[matches.length - 1]!.start >= t.start) matches.pop();
    matches.push({ start: t.start, end: t.end, group });
    lastStart = t.start;
  }
  return matches;
}

/** Start index (into matches) of the window of at most `width` chars covering the most distinct groups. */
function bestWindow(matches: Match[], width: number): number {
  const counts = new Map<number, number>();
  let distinct = 0;
  let bestStart = 0;
  let bestDistinct = 0;
  let left = 0;
  for (let right = 0; right < matches.length; right++) {
    const g = matches[right]!.group;
    counts.set(g, (counts.get(g) ?? 0) + 1);
    if (counts.get(g) === 1) distinct++;
    while (matches[right]!.end - matches[left]!.start > width) {
      const lg = matches[left]!.group;
      counts.set(lg, counts.get(lg)! - 1);
      if (counts.get(lg) === 0) distinct--;
      left++;
    }
    if (distinct > bestDistinct) {
      bestDistinct = distinct;
      bestStart = left;
    }
  }
  return bestStart;
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t';
}

export function makeSnippet(text: string, matchedTerms: ReadonlyMap<string, number>, width = SNIPPET_CHARS): Snippet {
  const matches = findMatches(text, matchedTerms);
  if (text.length <= width) {
    return { snippet: text, matches: matches.map((m) => [m.start, m.end]) };
  }
  let from = 0;
  if (matches.length > 0) {
    const first = matches[bestWindow(matches, width)]!;
    // Some context before the first match, a fifth of the window.
    from = Math.max(0, first.start - Math.floor(width / 5));
  }
  let to = Math.min(text.length, from + width);
  if (to === text.length) from = Math.max(0, to - width);
  // Cut at spaces, never inside a word (move inward, at most 20 characters).
  if (from > 0) {
    let i = from;
    while (i < from + 20 && i < to && !isSpace(text[i - 1])) i++;
    if (isSpace(text[i - 1])) from = i;
  }
  if (to < text.length) {
    let i = to;
    while (i > to - 20 && i > from && !isSpace(text[i])) i--;
    if (isSpace(text[i])) to = i;
  }
  const lead = from > 0 ? ELLIPSIS : '';
  const tail = to < text.length ? ELLIPSIS : '';
  const body = text.slice(from, to).trim();
  const shift = lead.length - from - (text.slice(from, to).length - text.slice(from, to).trimStart().length);
  const inside = matches
    .filter((m) => m.start >= from && m.end <= to)
    .map((m): [number, number] => [m.start + shift, m.end + shift]);
  return { snippet: lead + body + tail, matches: inside };
}
