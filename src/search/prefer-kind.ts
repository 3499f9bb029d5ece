// A query that opens with a preambular formula ("وإذ ترحب", src/un/formulas.ts) asks for the formula's
// preambular use: among clauses holding as many of its words, preambular paragraphs rank first, though an
// operative paragraph or a report's paragraph with the same verb (ترحب اللجنة) is still found. Measured
// on the 16 judged queries that open with وإذ or إذ (docs/search-quality.md). Like proximity
// (proximity.ts), it re-ranks the best candidates by raising BM25, never across a count of matched words,
// so the reported score still orders exactly as the ranking.

import type { ClauseKind } from '../types.js';
import { foldLetters } from '../text/letters.js';
import { opensWithPreambleOpener } from '../un/formulas.js';
import { clauseKindCode } from './fields.js';
import { RERANK_DEPTH } from './proximity.js';
import type { SearchOutcome, SegmentSource } from './searcher.js';

/** BM25 of a clause of the preferred kind is multiplied by this (2 and above measured alike: the kind decides ties of matched words). */
export const PREFERRED_KIND_WEIGHT = 2;

/** The clause kind a query's wording asks for, or undefined. */
export function preferredKind(query: string): ClauseKind | undefined {
  return opensWithPreambleOpener(foldLetters(query)) ? 'preamble' : undefined;
}

/**
 * How many candidates to ask the searcher for, to return `limit` after the re-ranking: as proximity does
 * (RERANK_DEPTH, 50, or more for a larger limit), so the first hits do not depend on --limit: `--limit 5`
 * prints the first five of `--limit 20`. 2 × limit measured alike on the collection, and keeps a one-word
 * query's pruning (about 0.26 s of CPU against 0.31 s for `وإذ ترحب` at 100,000 documents), but a clause of
 * the preferred kind ranked 15th would then lead at --limit 10 and be missing at --limit 5.
 */
export function preferenceDepth(limit: number): number {
  return Math.max(limit, RERANK_DEPTH);
}

/** The outcome re-ranked with clauses of `kind` raised, cut to `limit`. */
export function preferKind(sources: readonly SegmentSource[], outcome: SearchOutcome, kind: ClauseKind, limit: number): SearchOutcome {
  const code = clauseKindCode(kind);
  const ranked = outcome.ranked
    .map((r) => {
      if (sources[r.segment]!.norms().kinds().get(r.ordinal) !== code) return r;
      const bm25 = r.bm25 * PREFERRED_KIND_WEIGHT;
      return { ...r, bm25, score: r.matched + bm25 / (bm25 + 1) };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  return { ...outcome, ranked };
}
