// Turns styled lines into the text written for a human: colour and --shape
// are decided here, once, from the stream and the environment.

import { colorWanted, paint } from './color.js';
import { shapeStyledLine } from './shape.js';
import type { Line } from './styled.js';
import { displayWidth } from './width.js';

export interface HumanStream {
  isTTY?: boolean;
  columns?: number;
}

export interface HumanStyle {
  color: boolean;
  /** Shape and reorder Arabic for terminals that cannot. */
  shape: boolean;
  /** Cells per line when shaping; shaped text must be wrapped before reordering. */
  width?: number;
}

/** UNRES_SHAPE=1 (or any value but empty/0/false) turns --shape on by default. */
export function shapeFromEnv(env: NodeJS.ProcessEnv): boolean {
  const value = (env.UNRES_SHAPE ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false' && value !== 'no';
}

/** Shaping is for the eyes only: a pipe always gets logical order. */
export function humanStyleFor(stream: HumanStream, env: NodeJS.ProcessEnv, shapeFlag: boolean): HumanStyle {
  const shape = (shapeFlag || shapeFromEnv(env)) && stream.isTTY === true;
  const style: HumanStyle = { color: colorWanted(stream.isTTY, env), shape };
  if (shape && stream.columns && stream.columns > 0) style.width = stream.columns;
  return style;
}

const LEADING_SPACES = /^ +/;
const RIGHT_TO_LEFT_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;

/** Splits off the indentation, which stays on the left even when the rest is right-to-left. */
function splitIndent(line: Line): [indent: string, rest: Line] {
  const first = line[0];
  if (!first || first.style !== undefined) return ['', line];
  const indent = LEADING_SPACES.exec(first.text)?.[0] ?? '';
  if (!indent) return ['', line];
  return [indent, [{ text: first.text.slice(indent.length) }, ...line.slice(1)]];
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

export function renderLine(line: Line, style: HumanStyle): string {
  if (!style.shape) return paint(line, style.color);
  const [indent, afterIndent] = splitIndent(line);
  const [gutter, rest] = splitGutter(afterIndent);
  const gutterWidth = displayWidth(gutter.map((s) => s.text).join(''));
  if (rest.length === 0) return indent + paint(gutter, style.color);
  const room = style.width === undefined ? undefined : Math.max(10, style.width - displayWidth(indent) - gutterWidth);
  return shapeStyledLine(rest, room)
    .map((visual, i) => indent + (i === 0 ? paint(gutter, style.color) : ' '.repeat(gutterWidth)) + paint(visual, style.color))
    .join('\n');
}

/** The lines as one string, each ending in a newline. */
export function renderLines(lines: Line[], style: HumanStyle): string {
  return lines.map((line) => renderLine(line, style) + '\n').join('');
}
