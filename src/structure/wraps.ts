// Hard line wraps: a text saved from a PDF or a mail client breaks every
// paragraph at one width, wherever a word no longer fits, so a line may end
// on a comma or a full stop in mid-paragraph. A line is read as the
// continuation of the one above when the text is wrapped at one width and
// its first word would not have fitted on the line above: a paragraph that
// really ended there would have left room for it.

import type { LineNode } from './tree.js';

/** Lines shorter than this are headings, numbers and furniture: they do not tell the width. */
const MEASURED = 20;
/** Wider than this, lines are whole paragraphs: the text is not wrapped. */
const WIDEST_WRAP = 130;
/** Narrower than this, lines of one length are short lines of their own (titles, formulas), not a wrap. */
const NARROWEST_WRAP = 40;
/** A wrapped text fills most lines to within this many characters of its width. */
const RAGGED = 12;

const lineNumber = (line: LineNode) => line.position?.start.line ?? 0;
/** The whole printed line's length: a piece the run-in stage cut from it ends where the line ended. */
const printedLength = (line: LineNode) => Math.max(line.value.length, (line.position?.end.column ?? 1) - 1);

function firstWordLength(text: string): number {
  const space = text.indexOf(' ');
  return space < 0 ? text.length : space;
}

/** Punctuation a paragraph ends with: most wrapped lines end without it. */
const ENDS_PUNCTUATED = /[.،,؛;:!?؟"»”)\]]$/;

/** The width a text is wrapped at, or null when it is not wrapped at one width. */
export function wrapWidth(lines: LineNode[]): number | null {
  const measured = lines.map((line) => line.value).filter((value) => value.length >= MEASURED);
  if (measured.length < 8) return null;
  const lengths = measured.map((value) => value.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)]!;
  if (width > WIDEST_WRAP || width < NARROWEST_WRAP) return null;
  const full = measured.filter((value) => value.length >= width - RAGGED && value.length <= width);
  if (full.length < measured.length * 0.4) return null;
  // Lines of whole sentences all of a length (a list of short articles) are not wrapped: their ends are punctuated.
  const cut = full.filter((value) => !ENDS_PUNCTUATED.test(value)).length;
  return cut >= full.length * 0.5 ? width : null;
}

/** The lines that continue the line printed just above them, cut there by a hard wrap. */
export function wrapContinuations(lines: LineNode[]): Set<LineNode> {
  const continuations = new Set<LineNode>();
  const width = wrapWidth(lines);
  if (width === null) return continuations;
  for (let i = 1; i < lines.length; i++) {
    const above = lines[i - 1]!;
    const line = lines[i]!;
    if (lineNumber(line) !== lineNumber(above) + 1) continue;
    if (printedLength(above) + 1 + firstWordLength(line.value) > width) continuations.add(line);
  }
  return continuations;
}
