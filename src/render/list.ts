// `unres list`: one line per indexed document, id first so it can be pasted
// into `unres show`.

import { type Line, span } from './styled.js';
import { cutLine } from './terminal.js';
import { oneLine } from './text.js';

/** What a listing needs of a stored document; the engine may return more. */
export interface DocumentListing {
  id: string;
  kind?: string;
  symbol?: string | null;
  title?: string | null;
  source?: string | { path: string };
  clauses?: number | unknown[];
}

function sourceName(source: DocumentListing['source']): string {
  if (source === undefined) return '';
  const path = typeof source === 'string' ? source : source.path;
  return path.slice(path.lastIndexOf('/') + 1);
}

function clauseCount(clauses: DocumentListing['clauses']): string {
  if (clauses === undefined) return '';
  const n = typeof clauses === 'number' ? clauses : clauses.length;
  return `${n} clause${n === 1 ? '' : 's'}`;
}

export function renderList(docs: DocumentListing[]): Line[] {
  const idWidth = Math.max(0, ...docs.map((d) => d.id.length));
  return docs.map((doc) => {
    const facts = [doc.kind ?? '', doc.symbol ?? '', clauseCount(doc.clauses), sourceName(doc.source)].filter(Boolean);
    const line: Line = [span(doc.id.padEnd(idWidth), 'heading'), span(`  ${facts.join(' · ')}`, 'dim')];
    if (doc.title) line.push(span(`  ${oneLine(doc.title)}`));
    // One row per document: on a terminal the title is cut to the width, not wrapped under the facts.
    return cutLine(line);
  });
}
