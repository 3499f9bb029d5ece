// Turns styled lines into the text written for a human: colour, wrapping and
// --shape are decided here, once, from the stream, the options and the
// environment. On a terminal of known width every line is wrapped at word
// boundaries, its continuation lines hanging under the start of its text
// (after the indentation and the left-hand gutter: a field label, a clause
// id); a line marked with cutLine() is cut to the width instead, ending in
// "…". With --shape, Arabic is shaped and reordered line by line after
// wrapping, and right-to-left lines (cut ones too) are aligned to the right
// margin; a cut line's ellipsis stands at the visual end of the text it
// follows (on the left of Arabic).
// Every span's text is neutralised first: no control character from a
// document reaches the terminal.

import { type ColorMode, colorWanted, paint } from './color.js';
import { neutralise } from './safe.js';
import { shapeStyledParagraph } from './shape.js';
import type { Line, Span } from './styled.js';
import { lineText } from './styled.js';
import { displayWidth, charWidth } from './width.js';
import { wrapRanges } from './wrap.js';

export interface HumanStream {
  isTTY?: boolean;
  columns?: number;
}

export interface HumanStyle {
  color: boolean;
  /** Shape and reorder Arabic for terminals that cannot. */
  shape: boolean;
  /** Cells per line: lines are wrapped (or cut) to it. Unset for a pipe. */
  width?: number;
}

export interface HumanChoices {
  shape?: boolean;
  color?: ColorMode;
}

/** UNRES_SHAPE=1 (or any value but empty/0/false) turns --shape on by default. */
export function shapeFromEnv(env: NodeJS.ProcessEnv): boolean {
  const value = (env.UNRES_SHAPE ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false' && value !== 'no';
}

/** Shaping and wrapping are for the eyes only: a pipe always gets logical order, one line per line. */
export function humanStyleFor(stream: HumanStream, env: NodeJS.ProcessEnv, choices: boolean | HumanChoices = {}): HumanStyle {
  const { shape: shapeFlag = false, color = 'auto' } = typeof choices === 'boolean' ? { shape: choices } : choices;
  const shape = (shapeFlag || shapeFromEnv(env)) && stream.isTTY === true;
  const style: HumanStyle = { color: colorWanted(stream.isTTY, env, color), shape };
  if (stream.isTTY === true && stream.columns && stream.columns > 0) style.width = stream.columns;
  return style;
}

const CUT_LINES = new WeakSet<Line>();
const KEPT_LINES = new WeakSet<Line>();

/** Marks a line to be cut to the terminal's width rather than wrapped (a heading, a listing row). */
export function cutLine(line: Line): Line {
  CUT_LINES.add(line);
  return line;
}

/** Marks a line to be written as one line, never wrapped nor cut (`search --no-heading`: one line per hit). */
export function keepLine(line: Line): Line {
  KEPT_LINES.add(line);
  return line;
}

const LEADING_SPACES = /^ +/;
const RIGHT_TO_LEFT_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const ELLIPSIS = '…';

/** Splits off the indentation, which stays on the left even when the rest is right-to-left. */
function splitIndent(line: Line): [indent: string, rest: Line] {
  const first = line[0];
  if (!first || first.style !== undefined) return ['', line];
  const indent = LEADING_SPACES.exec(first.text)?.[0] ?? '';
  if (!indent) return ['', line];
  const restOfFirst = first.text.slice(indent.length);
  return [indent, restOfFirst ? [{ text: restOfFirst }, ...line.slice(1)] : line.slice(1)];
}

/**
 * Splits off the left-hand gutter: the leading styled spans without any
 * right-to-left letter (a field label, a clause id). It stays a column of its
 * own, and the text after it is laid out as a paragraph of its own.
 */
function splitGutter(line: Line): [gutter: Line, rest: Line] {
  let n = 0;
  while (n < line.length && line[n]?.style !== undefined && !RIGHT_TO_LEFT_LETTER.test(line[n]?.text ?? '')) n++;
  return [line.slice(0, n), line.slice(n)];
}

/** The spans covering text[start, end) of the line's joined text. */
export function sliceLine(line: Line, start: number, end: number): Line {
  const out: Span[] = [];
  let at = 0;
  for (const s of line) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + s.text.length);
    if (from < to) out.push(s.style === undefined ? { text: s.text.slice(from - at, to - at) } : { text: s.text.slice(from - at, to - at), style: s.style });
    at += s.text.length;
  }
  return out;
}

/** The line cut to `width` cells, with an ellipsis when something was cut. */
export function cutToWidth(line: Line, width: number): Line {
  const text = lineText(line);
  if (displayWidth(text) <= width) return line;
  let cells = 0;
  let end = 0;
  while (end < text.length) {
    const w = charWidth(text, end);
    if (cells + w > width - 1) break;
    cells += w;
    end++;
  }
  while (end < text.length && charWidth(text, end) === 0) end++;
  // At a word boundary when there is one in the last third.
  const space = text.lastIndexOf(' ', end);
  if (space > (end * 2) / 3) end = space;
  const cut = sliceLine(line, 0, end);
  const last = cut[cut.length - 1];
  if (last) last.text = last.text.trimEnd();
  cut.push({ text: ELLIPSIS });
  return cut;
}

function neutraliseLine(line: Line): Line {
  return line.map((s) => (s.style === undefined ? { text: neutralise(s.text) } : { text: neutralise(s.text), style: s.style }));
}

/** The visual lines of a logical paragraph, and whether it reads right to left. */
function layOut(rest: Line, room: number | undefined, shape: boolean, cut = false): { lines: Line[]; rtl: boolean } {
  if (shape) return shapeStyledParagraph(rest, room, { cut });
  if (room === undefined) return { lines: [rest], rtl: false };
  return { lines: wrapRanges(lineText(rest), room).map(([start, end]) => sliceLine(rest, start, end)), rtl: false };
}

export function renderLine(raw: Line, style: HumanStyle): string {
  const safe = neutraliseLine(raw);
  const cut = CUT_LINES.has(raw);
  if (!style.shape && (style.width === undefined || KEPT_LINES.has(raw))) return paint(safe, style.color);
  const [indent, afterIndent] = splitIndent(safe);
  const [gutter, content] = cut ? [[], afterIndent] : splitGutter(afterIndent);
  const gutterWidth = displayWidth(lineText(gutter));
  if (content.length === 0) return indent + paint(gutter, style.color);
  const room = style.width === undefined || KEPT_LINES.has(raw) ? undefined : Math.max(10, style.width - displayWidth(indent) - gutterWidth);
  const rightAlign = (visual: Line, rtl: boolean): string => (rtl && room !== undefined ? ' '.repeat(Math.max(0, room - displayWidth(lineText(visual)))) : '');
  if (cut && room !== undefined) {
    const shortened = cutToWidth(content, room);
    // The ellipsis stands at the visual end of the text it follows (shape.ts, continueLastRun).
    const { lines, rtl } = layOut(shortened, undefined, style.shape, shortened !== content);
    const visual = lines[0] ?? [];
    return indent + rightAlign(visual, rtl) + paint(visual, style.color);
  }
  const { lines, rtl } = layOut(content, room, style.shape);
  return lines
    .map((visual, i) => {
      const pad = rightAlign(visual, rtl);
      const left = i === 0 ? paint(gutter, style.color) : ' '.repeat(gutterWidth);
      return indent + left + pad + paint(visual, style.color);
    })
    .join('\n');
}

/** The lines as one string, each ending in a newline. */
export function renderLines(lines: Line[], style: HumanStyle): string {
  return lines.map((line) => renderLine(line, style) + '\n').join('');
}
