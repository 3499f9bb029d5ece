// `unres show`: a stored document in full (metadata, the preface, every clause
// with its items on their own lines, the conclusions, footnotes), or one clause
// with its footnotes.

import type { Clause, Footnote, UnresDocument } from '../types.js';
import { metadataLines } from './metadata.js';
import { type Line, span } from './styled.js';
import { oneLine } from './text.js';

const INDENT = '    ';

/**
 * The item's label as printed just before its text, if it is there: the
 * parser may give "أ" where the text prints "(أ)" or "أ)".
 */
function printedLabelAtEnd(before: string, label: string): string | null {
  const bare = label.replace(BRACKETS, '');
  for (const marker of [`(${bare})`, `${bare})`, `${bare}.`, `${bare} -`, label]) {
    if (!before.endsWith(marker)) continue;
    const preceding = before.slice(0, before.length - marker.length);
    // A bare letter only counts as a label when it stands alone, not as the end of a word.
    if (preceding === '' || preceding.endsWith(' ') || marker.length > bare.length) return marker;
  }
  return null;
}

const BRACKETS = /[()]/g;

/** How to print a label that was not found in the text. */
function displayLabel(label: string): string {
  return label.includes('(') || label.includes(')') ? label : `(${label})`;
}

/**
 * A clause's text split around its items: the part before the first item,
 * each item on a line of its own, and whatever follows the last one. Items are
 * located in the text in order; if one cannot be found the text is shown
 * whole, never twice.
 */
export function clauseBodyLines(clause: Clause): string[] {
  const text = oneLine(clause.text);
  if (clause.items.length === 0) return [text];
  const lines: string[] = [];
  let cursor = 0;
  for (const item of clause.items) {
    const itemText = oneLine(item.text);
    const at = itemText ? text.indexOf(itemText, cursor) : -1;
    if (at < 0) return [text];
    let before = text.slice(cursor, at).trim();
    const printed = printedLabelAtEnd(before, item.label);
    if (printed) before = before.slice(0, before.length - printed.length).trim();
    if (before) lines.push(before);
    lines.push(`${printed ?? displayLabel(item.label)} ${itemText}`);
    cursor = at + itemText.length;
  }
  const tail = text.slice(cursor).trim();
  if (tail) lines.push(tail);
  return lines;
}

function clauseHeading(clause: Clause): Line {
  const number = clause.number === null ? '' : ` ${clause.number}`;
  const line: Line = [span(clause.id, 'heading'), span(`  ${clause.kind}${number}`, 'dim')];
  if (clause.section) line.push(span(`  § ${oneLine(clause.section)}`, 'dim'));
  return line;
}

function clauseLines(clause: Clause): Line[] {
  return [clauseHeading(clause), ...clauseBodyLines(clause).map((text): Line => [span(INDENT + text)])];
}

function footnoteLines(footnotes: Footnote[]): Line[] {
  if (footnotes.length === 0) return [];
  return [[], [span('footnotes', 'heading')], ...footnotes.map((f): Line => [span(INDENT), span(`[${f.number}] `, 'label'), span(oneLine(f.text))])];
}

/** The text no clause holds (preface, conclusions) under its name; nothing when the document has none (or was indexed before it was kept). */
function matterLines(name: string, text: string | null | undefined): Line[] {
  if (!text) return [];
  return [[], [span(name, 'heading')], [span(INDENT + oneLine(text))]];
}

/** The formula printed before a clause (no clause holds it), as printed, on its own line above the clause. */
function formulaLines(clause: Clause): Line[] {
  return clause.formula ? [[], [span(oneLine(clause.formula), 'label')]] : [];
}

export function renderDocument(doc: UnresDocument): Line[] {
  const lines = metadataLines(doc);
  lines.push(...matterLines('preface', doc.preface));
  for (const clause of doc.clauses) lines.push(...formulaLines(clause), [], ...clauseLines(clause));
  lines.push(...matterLines('conclusions', doc.conclusions));
  lines.push(...footnoteLines(doc.footnotes));
  return lines;
}

export function renderClause(doc: UnresDocument, clause: Clause): Line[] {
  const title = doc.title ? `  ${oneLine(doc.title)}` : '';
  const lines: Line[] = [[span(doc.id, 'heading'), span(title, 'label')], ...formulaLines(clause), [], ...clauseLines(clause)];
  const wanted = new Set(clause.footnotes);
  lines.push(...footnoteLines(doc.footnotes.filter((f) => wanted.has(f.number))));
  return lines;
}
