// Search hits for scripts: exactly the contract's keys, nothing engine-internal.
// Apart from the human rendering (hits.ts), so that `search --json` loads no
// terminal code (string width tables, wrapping, shaping).

import type { SearchHit } from '../types.js';
import { jsonSafe } from './safe.js';

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
  return jsonSafe(hits.map(hitToJson)) + '\n';
}

/** One hit per line; nothing at all when there are none. */
export function hitsToNdjson(hits: EngineHit[]): string {
  return hits.map((hit) => jsonSafe(hitToJson(hit)) + '\n').join('');
}

