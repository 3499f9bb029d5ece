// Footnotes: markers in the running text (^(١), ⁽¹⁾, [^1], a superscript run, or a
// plain "(1)" glued to the word before it) and bodies, "(١) text" lines standing
// between paragraphs. A "(N) ..." line is a body only when the document marks
// footnote N somewhere, so numbered lists in brackets are left alone.

import { parseDigits } from '../text/digits.js';
import type { LineNode, LinesRoot } from './tree.js';

const D = '[0-9\u0660-\u0669\u06f0-\u06f9]';
const SUP = '[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]';

// Explicit markers: unambiguous wherever they stand.
const EXPLICIT_MARKER = new RegExp(
  `\\^\\(\\s*(${D}{1,3})\\s*\\)|\\^\\[?(${D}{1,3})\\]?|\\[\\^(${D}{1,3})\\]|\u207d\\s*(${D}{1,3}|${SUP}{1,3})\\s*\u207e|(?<=\\S)(${SUP}{1,3})`,
  'g',
);
// "(N)" glued to a letter or punctuation, with no space: a marker only if a body N exists.
const GLUED_MARKER = new RegExp(`(?<=[\\p{L}\\p{M}،؛.,:"»”])\\((${D}{1,3})\\)`, 'gu');
// Cheap tests that let most lines skip the marker patterns altogether.
const MAY_HOLD_EXPLICIT = /[\^\u207d\u2070\u00b9\u00b2\u00b3\u2074-\u2079]/;
const MAY_HOLD_GLUED = new RegExp(`\\S\\(${D}`);
// "(١) text", "⁽¹⁾ text", "¹ text", and markdown's own definition form "[^1]: text".
const BODY = new RegExp(
  `^(?:\\[\\^\\s*(${D}{1,3})\\s*\\]:?|\\^?[(\u207d\\[]\\s*(${D}{1,3}|${SUP}{1,3})\\s*[)\u207e\\]]|(${SUP}{1,3}))\\s*(.+)$`,
);

const MAY_START_BODY = /^[\^(\u207d[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]/;

const SPACE_BEFORE_PUNCTUATION = / +([،؛.,:;؟?!)\]])/g;
const SPACE_RUNS = / {2,}/g;

export function markerNumber(raw: string): number | null {
  return parseDigits(raw);
}

export function findFootnotes(tree: LinesRoot): void {
  const lines = tree.children.filter((line) => line.role === 'text');
  const marked = new Set<number>();
  for (const line of lines) {
    if (!MAY_HOLD_EXPLICIT.test(line.value)) continue;
    for (const match of line.value.matchAll(EXPLICIT_MARKER)) {
      const n = markerNumber(firstGroup(match));
      if (n !== null) marked.add(n);
    }
  }
  const glued = new Set<number>();
  for (const line of lines) {
    if (!MAY_HOLD_GLUED.test(line.value)) continue;
    for (const match of line.value.matchAll(GLUED_MARKER)) {
      const n = markerNumber(match[1]!);
      if (n !== null) glued.add(n);
    }
  }

  const bodies = new Set<number>();
  for (const line of lines) {
    if (!MAY_START_BODY.test(line.value)) continue;
    const body = BODY.exec(line.value);
    if (!body) continue;
    const n = markerNumber(body[1] ?? body[2] ?? body[3]!);
    if (n === null || bodies.has(n) || !(marked.has(n) || glued.has(n))) continue;
    bodies.add(n);
    line.role = 'footnote';
    line.footnote = n;
    line.value = body[4]!.trim();
  }

  for (const line of lines) {
    if (line.role === 'text') removeMarkers(line, bodies);
  }
}

function removeMarkers(line: LineNode, bodies: Set<number>): void {
  const explicit = MAY_HOLD_EXPLICIT.test(line.value);
  const glued = bodies.size > 0 && MAY_HOLD_GLUED.test(line.value);
  if (!explicit && !glued) return;
  const found: Array<{ at: number; n: number }> = [];
  let value = line.value.replace(EXPLICIT_MARKER, (...args) => {
    const n = markerNumber(firstGroup(args as unknown as RegExpMatchArray));
    if (n !== null) found.push({ at: args[args.length - 2] as number, n });
    return ' ';
  });
  value = value.replace(GLUED_MARKER, (whole, digits: string, at: number) => {
    const n = markerNumber(digits);
    if (n === null || !bodies.has(n)) return whole;
    found.push({ at, n });
    return ' ';
  });
  if (found.length === 0) return;
  found.sort((a, b) => a.at - b.at);
  line.markers = found.map((f) => f.n);
  line.value = value.replace(SPACE_RUNS, ' ').replace(SPACE_BEFORE_PUNCTUATION, '$1').trim();
  // Bold spans were measured before markers moved text: keep those wholly before the first marker.
  const firstMarker = found[0]!.at;
  line.strong = line.strong.filter(([, end]) => end <= firstMarker);
}

function firstGroup(match: RegExpMatchArray): string {
  for (let i = 1; i < match.length; i++) {
    const group = match[i];
    if (typeof group === 'string') return group;
  }
  return '';
}
