// The metadata block shared by `parse` and `show`: one labelled line per field.

import type { UnresDocument } from '../types.js';
import { type Line, span } from './styled.js';
import { oneLine } from './text.js';

const LABEL_WIDTH = 12;

export function field(label: string, value: string): Line {
  return [span(label.padEnd(LABEL_WIDTH), 'label'), span(value)];
}

function orDash(value: string | null): string {
  return value === null || value === '' ? '—' : oneLine(value);
}

function countBy<T>(items: T[], key: (item: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([name, n]) => `${n} ${name}`).join(', ');
}

export function metadataLines(doc: UnresDocument): Line[] {
  const clauseSummary = doc.clauses.length === 0 ? '0' : `${doc.clauses.length} (${countBy(doc.clauses, (c) => c.kind)})`;
  const lines: Line[] = [
    field('id', doc.id),
    field('kind', doc.kind),
    field('symbol', orDash(doc.symbol)),
    field('title', orDash(doc.title)),
    field('body', orDash(doc.body)),
    field('adopted', orDash(doc.adopted)),
    field('distributed', orDash(doc.distributed)),
    field('agenda item', orDash(doc.agendaItem)),
  ];
  if (doc.sponsors.length > 0) lines.push(field('sponsors', doc.sponsors.join('، ')));
  lines.push(
    field('source', `${doc.source.path} (${doc.source.encoding}, sha256 ${doc.source.sha256.slice(0, 12)})`),
    field('clauses', clauseSummary),
    field('footnotes', String(doc.footnotes.length)),
    field('citations', doc.citations.length === 0 ? '0' : [...new Set(doc.citations.map((c) => c.symbol))].join(', ')),
  );
  return lines;
}
