// Text that lost its layout: paragraphs run together on one line. A line is cut
// where a new paragraph visibly starts inside it:
//   - an enacting formula ("إن الجمعية العامة، إذ ...") after other text;
//   - a preamble formula after a full stop ("... بصفتها هذه. وإذ تؤكد ...");
//   - a preamble formula after a comma, when the line holds a whole flattened
//     preamble (several such formulas, or a line far longer than a paragraph);
//   - in such a flattened line, a numbered paragraph after the end of a clause
//     ("...؛ 2 - تطلب ...").
// Each piece becomes a line of its own, so the clause stage reads it as it
// would a line of a well-kept text. Runs before footnote markers are removed,
// so markers travel with their piece.

import { ENACTING_SUBJECTS, alternation } from '../un/formulas.js';
import { ANY_DIGIT } from '../text/digits.js';
import { Folded } from './folded.js';
import { commaFormulaCount, preambleRunIns } from './recognisers.js';
import type { LineNode, LinesRoot } from './tree.js';

/** A line this long is a flattened text, not one paragraph. */
const FLATTENED_LINE = 1_500;
/** Inline formula runs: this many comma-joined formulas make a flattened preamble. */
const FLATTENED_FORMULAS = 2;
const MIN_PIECE = 2;
/** Shorter lines hold no two paragraphs. */
const MIN_RUN_IN_LINE = 40;

const ORGAN = alternation(ENACTING_SUBJECTS);
// Starts with its literal words, so the engine finds candidates fast; the
// character before ("a word, then a space") is checked on the match.
const ENACTING_INSIDE = new RegExp(`ان\\s+${ORGAN}[^.؛:،,]{0,120}[،,]\\s+(?:و?اذ|${'[0-9]'}{1,3}\\s*-)\\s`, 'g');
const SPACE = /\s/;
// A flattened bulleted list keeps its bullets: "...؛ - 2 - تطلب ...".
const NUMBER_INSIDE = /(?<=[؛;.:،,]\s)(?=(?:[-•]\s)?[0-9]{1,3}\s*[-\u2013]\s+[\u0621-\u064a])/g;
const MAY_HOLD_NUMBER_INSIDE = /[؛;.:،,]\s(?:[-•]\s)?[0-9]/;
const BULLET_BEFORE_NUMBER = new RegExp(`^[-•]\\s(?=${ANY_DIGIT})`);

export function splitRunIns(tree: LinesRoot): void {
  let out: LineNode[] | null = null;
  for (const line of tree.children) {
    const cuts = line.role !== 'text' || line.value.length < MIN_RUN_IN_LINE ? [] : cutPoints(line.value);
    if (cuts.length === 0) {
      out?.push(line);
      continue;
    }
    // The first cut line: the lines before it are kept as they are.
    out ??= tree.children.slice(0, tree.children.indexOf(line));
    let from = 0;
    for (const at of [...cuts, line.value.length]) {
      const piece = pieceOf(line, from, at);
      if (piece) out.push(piece);
      from = at;
    }
  }
  if (out) tree.children = out;
}

function cutPoints(value: string): number[] {
  const folded = Folded.of(value);
  const enacting = enactingInside(folded.text).map((at) => folded.printedOffset(at));
  // A line that holds an enacting formula after other text, a run of formulas or
  // far more than a paragraph is a whole text that lost its line breaks.
  const flattened = enacting.length > 0 || value.length >= FLATTENED_LINE || commaFormulaCount(value) >= FLATTENED_FORMULAS;
  const runIns = preambleRunIns(value, flattened);
  const numbers = numberedRunIns(folded.text, flattened);
  // Most lines hold no cut at all: no set, no sort.
  if (numbers.length === 0 && runIns.length === 0 && enacting.length === 0) return [];
  const cuts = new Set<number>([...enacting, ...runIns]);
  for (const at of numbers) cuts.add(folded.printedOffset(at));
  return [...cuts].filter((at) => at >= MIN_PIECE && at <= value.length - MIN_PIECE).sort((a, b) => a - b);
}

/**
 * Offsets of numbered paragraphs run into the line after a clause's end: in a
 * flattened line all of them; in a shorter line only when they count on from
 * one another ("...؛ 3- يرحب ...؛ 4- يحيط ..."), paragraphs joined as a list.
 */
function numberedRunIns(text: string, flattened: boolean): number[] {
  if (!flattened && !MAY_HOLD_NUMBER_INSIDE.test(text)) return [];
  const found: Array<{ at: number; n: number }> = [];
  for (const match of text.matchAll(NUMBER_INSIDE)) {
    const digits = /[0-9]+/.exec(text.slice(match.index, match.index + 6));
    found.push({ at: match.index, n: Number(digits?.[0] ?? -1) });
  }
  if (flattened) return found.map((f) => f.at);
  const counting = found.some((f, i) => i > 0 && f.n === found[i - 1]!.n + 1);
  return counting ? found.map((f) => f.at) : [];
}

/** Offsets of enacting formulas after other text: "... ان الجمعية العامة، اذ ..." (folded). */
function enactingInside(text: string): number[] {
  const found: number[] = [];
  ENACTING_INSIDE.lastIndex = 0;
  for (let match = ENACTING_INSIDE.exec(text); match; match = ENACTING_INSIDE.exec(text)) {
    const at = match.index;
    if (at >= 2 && SPACE.test(text[at - 1]!) && !SPACE.test(text[at - 2]!)) found.push(at);
    // Every start is tried, as the zero-width pattern did: a match never hides one inside it.
    ENACTING_INSIDE.lastIndex = at + 1;
  }
  return found;
}

function pieceOf(line: LineNode, from: number, to: number): LineNode | null {
  const raw = line.value.slice(from, to);
  const trimmed = raw.trim();
  // A piece's bullet is layout, as lines.ts reads it at the start of a line.
  const bullet = from > 0 && BULLET_BEFORE_NUMBER.test(trimmed);
  const value = bullet ? trimmed.replace(BULLET_BEFORE_NUMBER, '') : trimmed;
  const lead = raw.length - raw.trimStart().length + (trimmed.length - value.length);
  if (value === '') return null;
  const start = from + lead;
  const strong = line.strong
    .filter(([s, e]) => s >= start && e <= start + value.length)
    .map(([s, e]): [number, number] => [s - start, e - start]);
  return { ...line, value, strong, bullet: bullet || (from === 0 && line.bullet), heading: from === 0 && line.heading, markers: [] };
}
