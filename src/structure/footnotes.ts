// Footnotes: markers in the running text (^(١), ⁽¹⁾, [^1], ([1]), [1], a
// superscript run, a plain "(1)" glued to the word before it, digits glued to a
// word "بإقراره1" or to its full stop "الإنسان.1") and bodies: "(١) text" lines
// standing between paragraphs or at the end, and "([1]) text.)" printed inline.
// A "(N) ..." line is a body only when the document marks footnote N somewhere,
// so numbered lists in brackets are left alone.

import { ANY_DIGIT, parseDigits } from '../text/digits.js';
import type { LineNode, LinesRoot } from './tree.js';
import { wrapContinuations } from './wraps.js';

const D = ANY_DIGIT;
const SUP = '[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]';

// Explicit markers: unambiguous wherever they stand.
// Each pattern here starts with a character of the marker and looks behind
// only after it ("\[(?<=\S.)", not "(?<=\S)\["): the engine then skips to
// candidate characters instead of trying the look-behind at every position.
const EXPLICIT_MARKER = new RegExp(
  `\\^\\(\\s*(${D}{1,3})\\s*\\)|\\^\\[?(${D}{1,3})\\]?|\\[\\^(${D}{1,3})\\]|\\(\\[(${D}{1,3})\\]\\)|\\[(?<=\\S.)(${D}{1,3})\\]|\u207d\\s*(${D}{1,3}|${SUP}{1,3})\\s*\u207e|(${SUP}(?<=\\S.)${SUP}{0,2})`,
  'g',
);
// "(N)" glued to a letter or punctuation, with no space: a marker if a body N
// exists, or if such markers count 1, 2, 3 ... through the text (bodies lost).
// A year counts as a word here ("المعتمد في 1972(1)"); other digits do not ("المادة 4(1)").
const GLUED_MARKER = new RegExp(`\\((?<=(?:[\\p{L}\\p{M}،؛.,:"»”]|(?<![0-9])(?:1[89]|20)[0-9]{2})\\()(${D}{1,3})\\)`, 'gu');
// Digits glued to the end of a word or to the punctuation after it: "بإقراره1",
// "الإنسان.1". A marker only if a body N exists.
// A word of two letters at least: "و13" and "ب5" are a particle before a number.
const BARE_MARKER = new RegExp(`(${D}(?<=(?:[\u0621-\u064a]{2}[\u064b-\u0652]?|[\u0621-\u064a]{2}[.،,])${D})${D}{0,2})(?=[\\s،,.؛:)]|$)`, 'g');
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
  // Measured before bodies lose their markers: the lengths as printed.
  const continuations = wrapContinuations(lines);
  // Each line's markers of the three kinds, found once: removeMarkers reads
  // them again for the lines that stay text (whose values do not change).
  const found = new Map<LineNode, LineMarkers>();
  const marked = new Set<number>();
  for (const line of lines) {
    if (!MAY_HOLD_EXPLICIT.test(line.value)) continue;
    const explicit: Marker[] = [];
    for (const match of line.value.matchAll(EXPLICIT_MARKER)) {
      const n = markerNumber(firstGroup(match));
      explicit.push({ start: match.index, end: match.index + match[0].length, n });
      if (n !== null) marked.add(n);
    }
    found.set(line, { explicit, glued: null, bare: null });
  }
  const glued: number[] = [];
  const bare = new Set<number>();
  for (const line of lines) {
    let markers = found.get(line);
    if (MAY_HOLD_GLUED.test(line.value)) {
      if (markers === undefined) found.set(line, (markers = { explicit: null, glued: null, bare: null }));
      markers.glued = [];
      for (const match of line.value.matchAll(GLUED_MARKER)) {
        const n = markerNumber(match[1]!);
        markers.glued.push({ start: match.index, end: match.index + match[0].length, n });
        if (n !== null) glued.push(n);
      }
    }
    if (MAY_HOLD_BARE.test(line.value)) {
      if (markers === undefined) found.set(line, (markers = { explicit: null, glued: null, bare: null }));
      markers.bare = [];
      for (const match of line.value.matchAll(BARE_MARKER)) {
        const n = markerNumber(match[1]!);
        markers.bare.push({ start: match.index, end: match.index + match[0].length, n });
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
  joinWrappedBodies(lines, continuations);

  // Glued "(N)" markers stand when their body exists, or when they count up from
  // 1 through the text: footnotes whose bodies the excerpt lost.
  const counted = countingRun(glued);
  const accepted = new Set([...bodies, ...counted]);
  for (const line of lines) {
    if (line.role !== 'text') continue;
    const markers = found.get(line);
    if (markers !== undefined) removeMarkers(line, markers, accepted, bodies, bare);
  }
}

/** A body a hard wrap cut over several lines: the lines after its first join it. */
function joinWrappedBodies(lines: LineNode[], continuations: Set<LineNode>): void {
  let body: LineNode | null = null;
  for (const line of lines) {
    if (line.role === 'footnote' && line.footnote !== undefined) {
      body = line;
    } else if (body !== null && line.role === 'text' && continuations.has(line)) {
      body.value = `${body.value} ${line.value}`;
      // A footnote line without a number: its text is the body's now.
      line.role = 'footnote';
    } else {
      body = null;
    }
  }
}

interface Marker {
  start: number;
  end: number;
  n: number | null;
}

/** A line's explicit, glued and bare markers (null: the line cannot hold that kind). */
interface LineMarkers {
  explicit: Marker[] | null;
  glued: Marker[] | null;
  bare: Marker[] | null;
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

/**
 * "([1]) text.)" inside a line: the body moves to a footnote line after it; the marker stays.
 * An inline body belongs to the marker printed just before it, so its number is only a
 * label: a text that restarts the labels (every body "([1])", as pages flattened onto one
 * line print them) gets for each repeated label the next number above every label used,
 * its marker rewritten to match, so that each marker names its own body.
 */
function extractInlineBodies(tree: LinesRoot): void {
  if (!tree.children.some((line) => line.role === 'text' && line.value.includes('(['))) return;
  const out: LineNode[] = [];
  const lastText = tree.children.findLast((line) => line.role === 'text');
  const used = new Set<number>();
  let highest = 0;
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
      const printed = markerNumber(match[1]!);
      if (printed === null) continue;
      // Markers are read back with at most three digits.
      const n = used.has(printed) && highest < 999 ? highest + 1 : printed;
      used.add(n);
      highest = Math.max(highest, n);
      kept += value.slice(from, match.index) + (n === printed ? match[0] : `([${n}]) `);
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

/**
 * The line without its accepted markers, and where each stood. Markers of the
 * three kinds were found on the line as printed, in one pass each; the text is
 * then rebuilt in one pass: a marker leaves a space (collapsed with its
 * neighbours, dropped before punctuation), and its offset is the end of the
 * text before it.
 */
function removeMarkers(line: LineNode, lineMarkers: LineMarkers, accepted: Set<number>, bodies: Set<number>, bare: Set<number>): void {
  const value = line.value;
  const found: Marker[] = [];
  // Explicit markers are always removed, even one whose number cannot be read.
  if (lineMarkers.explicit !== null) for (const m of lineMarkers.explicit) found.push(m);
  if (lineMarkers.glued !== null && accepted.size > 0) {
    for (const m of lineMarkers.glued) if (m.n !== null && accepted.has(m.n)) found.push(m);
  }
  if (lineMarkers.bare !== null && bare.size > 0 && bodies.size > 0) {
    for (const m of lineMarkers.bare) if (m.n !== null && bodies.has(m.n) && bare.has(m.n)) found.push(m);
  }
  if (found.length === 0) return;
  // In text order; a marker overlapping one before it (found by another pattern) is not a second marker.
  found.sort((a, b) => a.start - b.start);
  const text = new MarkedText();
  let from = 0;
  const markers: number[] = [];
  const offsets: number[] = [];
  for (const marker of found) {
    if (marker.start < from) continue;
    text.append(value.slice(from, marker.start));
    const at = text.marker();
    if (marker.n !== null) {
      markers.push(marker.n);
      offsets.push(at);
    }
    from = marker.end;
  }
  text.append(value.slice(from));
  const done = text.finish(offsets);
  line.value = done;
  line.markers = markers;
  line.markerOffsets = offsets;
  // Bold spans were measured before markers moved text: keep those wholly before the first marker.
  const firstMarker = found[0]!.start;
  line.strong = line.strong.filter(([, end]) => end <= firstMarker);
}

const PUNCTUATION_AFTER_SPACE = new Set('،؛.,:;؟?!)]');

/** Text rebuilt from the pieces between markers: single spaces, none before punctuation, trimmed. */
class MarkedText {
  private text = '';
  /** A space is owed before the next piece (dropped if that piece opens with punctuation). */
  private space = false;

  append(piece: string): void {
    let p = piece.replace(SPACE_RUNS, ' ').replace(SPACE_BEFORE_PUNCTUATION, '$1');
    if (p.startsWith(' ')) {
      if (this.text !== '') this.space = true;
      p = p.slice(1);
    }
    if (p === '') return;
    const trailing = p.endsWith(' ');
    if (trailing) p = p.slice(0, -1);
    if (this.space && !PUNCTUATION_AFTER_SPACE.has(p[0]!)) this.text += ' ';
    this.text += p;
    this.space = trailing;
  }

  /** A marker stands here: its offset, and the space it leaves. */
  marker(): number {
    if (this.text !== '') this.space = true;
    return this.text.length;
  }

  /** The text, trimmed; `offsets` moved with the trim. */
  finish(offsets: number[]): string {
    const lead = this.text.length - this.text.trimStart().length;
    const done = this.text.trim();
    for (let i = 0; i < offsets.length; i++) offsets[i] = Math.min(Math.max(offsets[i]! - lead, 0), done.length);
    return done;
  }
}

function firstGroup(match: RegExpMatchArray): string {
  for (let i = 1; i < match.length; i++) {
    const group = match[i];
    if (typeof group === 'string') return group;
  }
  return '';
}
