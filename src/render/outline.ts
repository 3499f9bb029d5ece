// `unres parse` without --json: the metadata, then one line per clause (id,
// printed number, lead, the opening words) and a detail line for its items and
// footnotes. Section headings of reports are shown where they change.

import type { Clause, UnresDocument } from '../types.js';
import { metadataLines } from './metadata.js';
import { type Line, span } from './styled.js';
import { clip, oneLine } from './text.js';

const OPENING_LENGTH = 80;

function clauseLines(clause: Clause, idWidth: number): Line[] {
  const number = clause.number === null ? '' : `(${clause.number}) `;
  const head: Line = [span(clause.id.padEnd(idWidth), 'heading'), span(`  ${number}`, 'dim')];
  const opening = clip(clause.text, OPENING_LENGTH);
  const lead = clause.lead ? oneLine(clause.lead) : '';
  // The lead usually opens the text: mark it there rather than print it twice.
  if (lead && opening.startsWith(lead)) head.push(span(lead, 'label'), span(opening.slice(lead.length)));
  else if (lead) head.push(span(lead, 'label'), span(' │ ', 'dim'), span(opening));
  else head.push(span(opening));
  const details: string[] = [];
  if (clause.items.length > 0) details.push(`${clause.items.length} item${clause.items.length === 1 ? '' : 's'}`);
  if (clause.footnotes.length > 0) details.push(`footnotes ${clause.footnotes.join(', ')}`);
  const lines = [head];
  if (details.length > 0) lines.push([span(' '.repeat(idWidth + 2)), span(details.join(' · '), 'dim')]);
  return lines;
}

export function renderOutline(doc: UnresDocument): Line[] {
  const lines = metadataLines(doc);
  const idWidth = Math.max(0, ...doc.clauses.map((c) => c.id.length));
  let section: string | null = null;
  for (const clause of doc.clauses) {
    if (clause.section !== null && clause.section !== section) {
      lines.push([], [span(`§ ${oneLine(clause.section)}`, 'heading')]);
    } else if (clause === doc.clauses[0]) {
      lines.push([]);
    }
    section = clause.section;
    lines.push(...clauseLines(clause, idWidth));
  }
  return lines;
}
