// Search hits: for people and for scripts. People get the hits grouped by
// document as `rg --heading` does (the document's heading once: symbol, date,
// title, then its clauses, each with its highlighted snippet), or one line per
// hit with --no-heading; -c counts clauses per document, -l names the
// documents, -C N adds neighbouring clauses. Scripts get exactly the
// contract's keys, nothing engine-internal, in JSON.

import type { Clause, UnresDocument } from '../types.js';
import type { EngineHit } from './hits-json.js';
import { type Line, markRanges, span } from './styled.js';
import { cutLine, keepLine } from './terminal.js';
import { clip, flattenSameLength, oneLine } from './text.js';

export type { EngineHit } from './hits-json.js';

/** What grouping needs of a hit's document; the stored document fits. */
export type HitDocument = Pick<UnresDocument, 'id' | 'symbol' | 'adopted' | 'title'> & { clauses?: Clause[] };

export interface HitGroup {
  doc: HitDocument;
  /** In document order. */
  hits: EngineHit[];
}

/** Hits grouped by document; documents in the order of their best hit, clauses in document order. */
export function groupHits(hits: EngineHit[], docs: ReadonlyMap<string, HitDocument>): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  for (const hit of hits) {
    let group = groups.get(hit.doc);
    if (!group) {
      group = { doc: docs.get(hit.doc) ?? { id: hit.doc, symbol: null, adopted: null, title: hit.title }, hits: [] };
      groups.set(hit.doc, group);
    }
    group.hits.push(hit);
  }
  for (const group of groups.values()) {
    const order = new Map((group.doc.clauses ?? []).map((c, i) => [c.id, i]));
    group.hits.sort((a, b) => (order.get(a.clause) ?? a.index) - (order.get(b.clause) ?? b.index));
  }
  return [...groups.values()];
}

export interface HitLayout {
  /** Neighbouring clauses to show before and after each hit (-C N). */
  context: number;
}

const CONTEXT_LENGTH = 240;

/** The document's heading: symbol (or id), adoption date, title; cut to the terminal's width. */
export function documentHeading(doc: HitDocument): Line {
  const line: Line = [span(doc.symbol ?? doc.id, 'heading')];
  if (doc.symbol && doc.symbol.replace(/\//g, '-') !== doc.id) line.push(span(` (${doc.id})`, 'dim'));
  if (doc.adopted) line.push(span(` · ${doc.adopted}`, 'dim'));
  if (doc.title) line.push(span(' · ', 'dim'), span(oneLine(doc.title)));
  return cutLine(line);
}

function snippetSpans(hit: EngineHit): Line {
  // Offsets into the snippet must survive, so line breaks become spaces one for one.
  return markRanges(flattenSameLength(hit.snippet), hit.matches ?? [], 'match');
}

interface Row {
  clause: string;
  hit?: EngineHit;
  text?: string;
}

/** The hits of one document with their context clauses, in document order; null marks a gap. */
function rowsOf(group: HitGroup, context: number): Array<Row | null> {
  const clauses = group.doc.clauses ?? [];
  const position = new Map(clauses.map((c, i) => [c.id, i]));
  if (context === 0 || clauses.length === 0) return group.hits.map((hit) => ({ clause: hit.clause, hit }));
  const hitAt = new Map<number, EngineHit>();
  for (const hit of group.hits) {
    const at = position.get(hit.clause);
    if (at !== undefined) hitAt.set(at, hit);
  }
  const shown = new Set<number>();
  for (const at of hitAt.keys()) for (let i = Math.max(0, at - context); i <= Math.min(clauses.length - 1, at + context); i++) shown.add(i);
  const rows: Array<Row | null> = [];
  let previous = -1;
  for (const i of [...shown].sort((a, b) => a - b)) {
    if (previous >= 0 && i > previous + 1) rows.push(null);
    const clause = clauses[i]!;
    const hit = hitAt.get(i);
    rows.push(hit ? { clause: clause.id, hit } : { clause: clause.id, text: clip(clause.text, CONTEXT_LENGTH) });
    previous = i;
  }
  return rows;
}

/** rg's marks when context is shown: ':' after a hit, '-' after a neighbour. */
function mark(row: Row, context: number): string {
  if (context === 0) return '';
  return row.hit ? ':' : '-';
}

/** Grouped: each document's heading once, then its clauses; a blank line between documents. */
export function renderGroupedHits(groups: HitGroup[], layout: HitLayout): Line[] {
  const lines: Line[] = [];
  groups.forEach((group, g) => {
    if (g > 0) lines.push([]);
    lines.push(documentHeading(group.doc));
    const rows = rowsOf(group, layout.context);
    const width = Math.max(...rows.map((r) => (r ? r.clause.length + mark(r, layout.context).length : 0)));
    for (const row of rows) {
      if (row === null) {
        lines.push([span('--', 'dim')]);
        continue;
      }
      const gutter = (row.clause + mark(row, layout.context)).padEnd(width + 2);
      if (row.hit) lines.push([span(gutter, 'label'), ...snippetSpans(row.hit)]);
      else lines.push([span(gutter, 'dim'), span(row.text ?? '', 'dim')]);
    }
  });
  return lines;
}

/** One line per hit, `doc#clause` first (`--no-heading`); context clauses marked with '-', gaps with '--'. */
export function renderFlatHits(groups: HitGroup[], layout: HitLayout): Line[] {
  const lines: Line[] = [];
  for (const group of groups) {
    const rows = rowsOf(group, layout.context);
    if (layout.context > 0 && lines.length > 0) lines.push(keepLine([span('--', 'dim')]));
    for (const row of rows) {
      if (row === null) lines.push(keepLine([span('--', 'dim')]));
      else if (row.hit) lines.push(keepLine([span(`${group.doc.id}#${row.clause}${mark(row, layout.context)}`, 'label'), span('  '), ...snippetSpans(row.hit)]));
      else lines.push(keepLine([span(`${group.doc.id}#${row.clause}-`, 'dim'), span('  '), span(row.text ?? '', 'dim')]));
    }
  }
  return lines;
}

/** `-c`: matching clauses per document, `id:count`, documents in the order of their best hit. */
export function renderCounts(groups: HitGroup[]): Line[] {
  return groups.map((g) => keepLine([span(g.doc.id, 'label'), span(`:${g.hits.length}`)]));
}

/** `-l`: the matching documents' ids, one per line. */
export function renderDocumentIds(groups: HitGroup[]): Line[] {
  return groups.map((g) => keepLine([span(g.doc.id, 'label')]));
}

/** The stderr line after human results: `12 clauses in 4 documents (0.21 s)`. */
export function resultSummary(clauses: number, documents: number, seconds: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(clauses, 'clause')} in ${plural(documents, 'document')} (${seconds.toFixed(2)} s)`;
}
