// Quoted phrases and proximity, from the word positions the index keeps
// (src/index/format/postings.ts). A position is the index of the printed token
// in its field's text (the tokenizer's order, stop words included), so the
// query's own tokens say how far apart a phrase's words must stand.
//
//   - A quoted phrase holds in a clause when, in one positional field (text or
//     footnotes), each word of the phrase stands at its offset from the
//     first: "الاتجار بالأطفال" needs بالأطفال right after الاتجار; a stop word
//     in the phrase keeps its place and any word may fill it (as Lucene's
//     phrase query does after its stop filter).
//   - Closeness: for each two query words next to each other in the query,
//     both present in the field, 1 / (distance between their nearest
//     occurrences), halved when they stand in the other order; the mean over
//     those pairs is in [0, 1] (1: the words stand together, in order), the
//     best field counting. The searcher multiplies BM25 by
//     1 + PROXIMITY_WEIGHT x closeness for its best RERANK_DEPTH candidates;
//     clauses holding more of the query's words still come first.

import type { Field } from './fields.js';
import type { QueryPlan } from './query.js';

/** How many of the best candidates (by words matched, then BM25) proximity re-ranks. */
export const RERANK_DEPTH = 50;
export const PROXIMITY_WEIGHT = 1;
/** The most closeness raises BM25 by (closeness is at most 1). */
export const MOST_RAISED = 1 + PROXIMITY_WEIGHT;

/** BM25 raised by closeness: the re-ranking's score (computed here alone, so every use gives the same double). */
export function raisedByCloseness(bm25: number, closeness: number): number {
  return bm25 * (1 + PROXIMITY_WEIGHT * closeness);
}

/** Sorted word positions of a plan's group in a field of the clause at hand (empty: not there). */
export type PositionSource = (group: number, field: Field) => ArrayLike<number>;

/** Does this plan rank by closeness (two or more words to look for)? */
export function needsProximity(plan: QueryPlan): boolean {
  let positive = 0;
  for (const g of plan.groups) if (g.presence !== 'prohibited') positive++;
  return positive >= 2;
}

/** Does every phrase of the plan hold in one of the fields? */
export function holdsPhrases(plan: QueryPlan, fields: readonly Field[], positionsOf: PositionSource): boolean {
  return plan.phrases.every((phrase) => fields.some((field) => phraseIn(phrase, field, positionsOf)));
}

function phraseIn(phrase: QueryPlan['phrases'][number], field: Field, positionsOf: PositionSource): boolean {
  const first = phrase[0]!;
  const others = phrase.slice(1).map((w) => ({ shift: w.offset - first.offset, at: new Set(Array.from(positionsOf(w.group, field))) }));
  if (others.some((o) => o.at.size === 0)) return false;
  return phraseStarts(positionsOf(first.group, field), others, 1) > 0;
}

/** A word of a phrase after its first: its distance from the first word, and the positions it stands at. */
export interface PhraseWordAt {
  shift: number;
  at: ReadonlySet<number>;
}

/**
 * How many positions of a phrase's first word (`starts`, each once) have every other word at its shift: the phrase's
 * occurrences, counted up to `most` (1 to ask only whether it holds). Shared by quoted phrases and full names
 * (name-phrases.ts).
 */
export function phraseStarts(starts: ArrayLike<number>, others: readonly PhraseWordAt[], most = Infinity): number {
  let count = 0;
  for (let i = 0; i < starts.length && count < most; i++) {
    const p = starts[i]!;
    if (others.every((o) => o.at.has(p + o.shift))) count++;
  }
  return count;
}

/**
 * Closeness of two words: 1 / d for the nearest occurrence of b at d
 * positions after one of a (the query's order), half that when b comes
 * before a. One walk over both sorted lists.
 */
function pairCloseness(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let best = 0;
  let i = 0;
  for (let k = 0; k < b.length; k++) {
    const q = b[k]!;
    while (i < a.length && a[i]! < q) i++;
    if (i > 0) best = Math.max(best, 1 / (q - a[i - 1]!));
    if (i < a.length) best = Math.max(best, a[i] === q ? 1 : 0.5 / (a[i]! - q));
  }
  return best;
}

/** Mean closeness of the query's neighbouring words present in a field, the best field counting; in [0, 1]. */
export function closenessOf(plan: QueryPlan, fields: readonly Field[], positionsOf: PositionSource): number {
  let best = 0;
  for (const field of fields) {
    const present: ArrayLike<number>[] = [];
    plan.groups.forEach((group, g) => {
      if (group.presence === 'prohibited') return;
      const positions = positionsOf(g, field);
      if (positions.length > 0) present.push(positions);
    });
    if (present.length < 2) continue;
    let sum = 0;
    for (let k = 1; k < present.length; k++) sum += pairCloseness(present[k - 1]!, present[k]!);
    best = Math.max(best, sum / (present.length - 1));
  }
  return best;
}
