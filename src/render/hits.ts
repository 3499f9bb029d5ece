// Search hits: for people (doc#clause, kind, title, highlighted snippet) and
// for scripts (exactly the contract's keys, nothing engine-internal).

import type { SearchHit } from '../types.js';
import { type Line, markRanges, span } from './styled.js';
import { flattenSameLength, oneLine } from './text.js';

/** A hit as the engine returns it: `matches` are [start, end) ranges into `snippet`. */
export type EngineHit = SearchHit & { matches?: ReadonlyArray<readonly [number, number]> };

const HIT_KEYS = ['doc', 'source', 'title', 'clause', 'kind', 'number', 'index', 'score', 'text', 'snippet'] as const;

/** The contract's search hit: its keys, in its order, and nothing else. */
export function hitToJson(hit: EngineHit): SearchHit {
  const out: Record<string, unknown> = {};
  for (const key of HIT_KEYS) out[key] = hit[key] ?? null;
  return out as unknown as SearchHit;
}

export function hitsToJsonArray(hits: EngineHit[]): string {
  return JSON.stringify(hits.map(hitToJson)) + '\n';
}

/** One hit per line; nothing at all when there are none. */
export function hitsToNdjson(hits: EngineHit[]): string {
  return hits.map((hit) => JSON.stringify(hitToJson(hit)) + '\n').join('');
}

function describeClause(hit: SearchHit): string {
  return hit.number === null ? `${hit.kind}` : `${hit.kind} ${hit.number}`;
}

export function hitLines(hit: EngineHit): Line[] {
  const lines: Line[] = [
    [span(`${hit.doc}#${hit.clause}`, 'heading'), span(`  ${describeClause(hit)}`, 'dim')],
  ];
  if (hit.title) lines.push([span('  '), span(oneLine(hit.title), 'label')]);
  // Offsets into the snippet must survive, so line breaks become spaces one for one.
  const snippet = flattenSameLength(hit.snippet);
  lines.push([span('  '), ...markRanges(snippet, hit.matches ?? [], 'match')]);
  return lines;
}

/** All hits, a blank line between two. */
export function renderHits(hits: EngineHit[]): Line[] {
  const lines: Line[] = [];
  hits.forEach((hit, i) => {
    if (i > 0) lines.push([]);
    lines.push(...hitLines(hit));
  });
  return lines;
}
