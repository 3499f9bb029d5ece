// Footnotes: markers in the running text (^(١), ⁽¹⁾, [^1], ([1]), [1], a
// superscript run, a plain "(1)" glued to the word before it, digits glued to a
// word "بإقراره1" or to its full stop "الإنسان.1") and bodies: "(١) text" lines
// standing between paragraphs or at the end, and "([1]) text.)" printed inline.
// A "(N) ..." line is a body only when the document marks footnote N somewhere,
// so numbered lists in brackets are left alone.

import { parseDigits } from '../text/digits.js';
import type { LineNode, LinesRoot } from './tree.js';

const D = '[0-9\u0660-\u0669\u06f0-\u06f9]';
const SUP = '[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]';

// Explicit markers: unambiguous wherever they stand.
const EXPLICIT_MARKER = new RegExp(
  `\\^\\(\\s*(${D}{1,3})\\s*\\)|\\^\\[?(${D}{1,3})\\]?|\\[\\^(${D}{1,3})\\]|\\(\\[(${D}{1,3})\\]\\)|(?<=\\S)\\[(${D}{1,3})\\]|\u207d\\s*(${D}{1,3}|${SUP}{1,3})\\s*\u207e|(?<=\\S)(${SUP}{1,3})`,
  'g',
);
// "(N)" glued to a letter or punctuation, with no space: a marker if a body N
// exists, or if such markers count 1, 2, 3 ... through the text (bodies lost).
// A year counts as a word here ("المعتمد في 1972(1)"); other digits do not ("المادة 4(1)").
const GLUED_MARKER = new RegExp(`(?<=[\\p{L}\\p{M}،؛.,:"»”]|(?<![0-9])(?:1[89]|20)[0-9]{2})\\((${D}{1,3})\\)`, 'gu');
// Digits glued to the end of a word or to the punctuation after it: "بإقراره1",
// "الإنسان.1". A marker only if a body N exists.
// A word of two letters at least: "و13" and "ب5" are a particle before a number.
const BARE_MARKER = new RegExp(`(?<=[\u0621-\u064a]{2}[\u064b-\u0652]?|[\u0621-\u064a]{2}[.،,])(${D}{1,3})(?=[\\s،,.؛:)]|$)`, 'g');
// Cheap tests that let most lines skip the marker patterns altogether.
const MAY_HOLD_EXPLICIT = /[\^\u207d\u2070\u00b9\u00b2\u00b3\u2074-\u2079[]/;
const MAY_HOLD_GLUED = new RegExp(`\\S\\(${D}`);
const MAY_HOLD_BARE = new RegExp(`[\u0621-\u064a\u064b-\u0652.،,]${D}`);
// "(١) text", "⁽¹⁾ text", "¹ text", and markdown's own definition form "[^1]: text".
const BODY = new RegExp(
  `^(?:\\[\\^\\s*(${D}{1,3})\\s*\\]:?|\\^?\\(?[(\u207d\\[]\\s*(${D}{1,3}|${SUP}{1,3})\\s*[)\u207e\\]]\\)?|(${SUP}{1,3}))\\s*(.+)$`,
);
const MAY_START_BODY = /^[\^(\u207d[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]/;
// "1 text": the body of a marker printed as bare digits ("1 - text" and "1. text" are numbered paragraphs).
const BARE_BODY = new RegExp(`^(${D}{1,3})\\s+(?![-\u2013\u2014])(\\S.*)$`);
// "([1]) text.)": a body printed inline right after its marker (texts exported from word processors).
const INLINE_BODY = new RegExp(`\\(\\[(${D}{1,3})\\]\\)\\s+`, 'g');
const INLINE_BODY_END = '.)';
const MAX_INLINE_BODY = 2_000;

const SPACE_BEFORE_PUNCTUATION = / +([،؛.,:;؟?!)\]])/g;
const SPACE_RUNS = / {2,}/g;

export function markerNumber(raw: string): number | null {
  return parseDigits(raw);
}

export function findFootnotes(tree: LinesRoot): void {
  extractInlineBodies(tree);
  const lines = tree.children.filter((line) => line.role === 'text');
  const marked = new Set<number>();
  for (const line of lines) {
    if (!MAY_HOLD_EXPLICIT.test(line.value)) continue;
    for (const match of line.value.matchAll(EXPLICIT_MARKER)) {
      const n = markerNumber(firstGroup(match));
      if (n !== null) marked.add(n);
    }
  }
  const glued: number[] = [];
  const bare = new Set<number>();
  for (const line of lines) {
    if (MAY_HOLD_GLUED.test(line.value)) {
      for (const match of line.value.matchAll(GLUED_MARKER)) {
        const n = markerNumber(match[1]!);
        if (n !== null) glued.push(n);
      }
    }
    if (MAY_HOLD_BARE.test(line.value)) {
      for (const match of line.value.matchAll(BARE_MARKER)) {
        const n = markerNumber(match[1]!);
        if (n !== null) bare.add(n);
      }
    }
  }
  const gluedSet = new Set(glued);

  const bodies = new Set<number>();
  for (const line of lines) {
    let n: number | null = null;
    let text = '';
    const body = MAY_START_BODY.test(line.value) ? BODY.exec(line.value) : null;
    if (body) {
      n = markerNumber(body[1] ?? body[2] ?? body[3]!);
      if (n !== null && !(marked.has(n) || gluedSet.has(n) || bare.has(n))) n = null;
      text = body[4]!;
    } else if (bare.size > 0) {
      const bareBody = BARE_BODY.exec(line.value);
      if (bareBody) {
        n = markerNumber(bareBody[1]!);
        if (n !== null && !bare.has(n)) n = null;
        text = bareBody[2]!;
      }
    }
    if (n === null || bodies.has(n)) continue;
    bodies.add(n);
    line.role = 'footnote';
    line.footnote = n;
    line.value = text.trim();
  }

  // Glued "(N)" markers stand when their body exists, or when they count up from
  // 1 through the text: footnotes whose bodies the excerpt lost.
  const counted = countingRun(glued);
  const accepted = new Set([...bodies, ...counted]);
  for (const line of lines) {
    if (line.role === 'text') removeMarkers(line, accepted, bodies, bare);
  }
}

/** The numbers of `sequence` while it runs 1, 2, 3 ... (repeats allowed). */
function countingRun(sequence: number[]): Set<number> {
  const run = new Set<number>();
  let max = 0;
  for (const n of sequence) {
    if (n > max + 1 || n < 1) break;
    run.add(n);
    max = Math.max(max, n);
  }
  return run;
}

/** "([1]) text.)" inside a line: the body moves to a footnote line after it; the marker stays. */
function extractInlineBodies(tree: LinesRoot): void {
  if (!tree.children.some((line) => line.role === 'text' && line.value.includes('(['))) return;
  const out: LineNode[] = [];
  const lastText = tree.children.findLast((line) => line.role === 'text');
  for (const line of tree.children) {
    out.push(line);
    if (line.role !== 'text' || !line.value.includes('([')) continue;
    const value = line.value;
    let kept = '';
    let from = 0;
    for (const match of value.matchAll(INLINE_BODY)) {
      if (match.index < from) continue;
      const bodyStart = match.index + match[0].length;
      const nextInWindow = value.slice(bodyStart, bodyStart + MAX_INLINE_BODY + 2).indexOf('([');
      const next = nextInWindow < 0 ? -1 : bodyStart + nextInWindow;
      // Looked for within the longest body only, so many markers never rescan a long line.
      const window = value.slice(bodyStart, bodyStart + MAX_INLINE_BODY + INLINE_BODY_END.length);
      const inWindow = window.indexOf(INLINE_BODY_END);
      let end = inWindow < 0 ? -1 : bodyStart + inWindow;
      // A text cut short inside its last inline body (on its last line): the body runs to the end.
      const cutShort = end < 0 && next < 0 && line === lastText && value.length - bodyStart <= MAX_INLINE_BODY;
      if (end < 0 && !cutShort) continue;
      if (cutShort) end = value.length;
      else if (end < 0 || end - bodyStart > MAX_INLINE_BODY || (next >= 0 && next < end)) continue;
      const n = markerNumber(match[1]!);
      if (n === null) continue;
      kept += value.slice(from, bodyStart);
      from = cutShort ? end : end + INLINE_BODY_END.length;
      out.push({ ...line, value: value.slice(bodyStart, cutShort ? end : end + 1).trim(), role: 'footnote', footnote: n, strong: [], markers: [] });
    }
    if (from > 0) {
      line.value = (kept + value.slice(from)).replace(SPACE_RUNS, ' ').trim();
      line.strong = [];
    }
  }
  tree.children = out;
}

function removeMarkers(line: LineNode, accepted: Set<number>, bodies: Set<number>, bare: Set<number>): void {
  const explicit = MAY_HOLD_EXPLICIT.test(line.value);
  const glued = accepted.size > 0 && MAY_HOLD_GLUED.test(line.value);
  const bareDigits = bare.size > 0 && bodies.size > 0 && MAY_HOLD_BARE.test(line.value);
  if (!explicit && !glued && !bareDigits) return;
  const found: Array<{ at: number; n: number }> = [];
  let value = line.value;
  if (explicit) {
    value = value.replace(EXPLICIT_MARKER, (...args) => {
      const n = markerNumber(firstGroup(args as unknown as RegExpMatchArray));
      if (n !== null) found.push({ at: args[args.length - 2] as number, n });
      return ' ';
    });
  }
  if (glued) {
    value = value.replace(GLUED_MARKER, (whole, digits: string, at: number) => {
      const n = markerNumber(digits);
      if (n === null || !accepted.has(n)) return whole;
      found.push({ at, n });
      return ' ';
    });
  }
  if (bareDigits) {
    value = value.replace(BARE_MARKER, (whole, digits: string, at: number) => {
      const n = markerNumber(digits);
      if (n === null || !bodies.has(n) || !bare.has(n)) return whole;
      found.push({ at, n });
      return ' ';
    });
  }
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
