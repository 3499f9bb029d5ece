// Which clause holds each footnote. (Where in the clause: at its marker, from
// the clause's footnoteRefs, else at the end of the clause; see akn.ts.) Its
// body appears once, at the first clause
// (in document order) that references it; later clauses get a `noteRef` to
// that body. Footnotes no clause references are gathered at the end of the
// main body, so no footnote text is ever lost.

import type { Clause, Footnote } from '../types.js';

export interface ClauseNotes {
  /** Footnote bodies placed in this clause, in the clause's order. */
  bodies: Footnote[];
  /** Footnote numbers whose bodies stand earlier: rendered as noteRef. */
  references: number[];
}

export interface NotePlan {
  byClause: Map<string, ClauseNotes>;
  unreferenced: Footnote[];
}

export function noteEId(number: number): string {
  return `note_${number}`;
}

export function planNotes(clauses: readonly Clause[], footnotes: readonly Footnote[]): NotePlan {
  const bodies = new Map<number, Footnote>();
  for (const footnote of footnotes) if (!bodies.has(footnote.number)) bodies.set(footnote.number, footnote);

  const placed = new Set<number>();
  const byClause = new Map<string, ClauseNotes>();
  for (const clause of clauses) {
    const notes: ClauseNotes = { bodies: [], references: [] };
    for (const number of new Set(clause.footnotes)) {
      const body = bodies.get(number);
      if (!body) continue; // a marker without a body: nothing to point at
      if (placed.has(number)) notes.references.push(number);
      else {
        placed.add(number);
        notes.bodies.push(body);
      }
    }
    byClause.set(clause.id, notes);
  }
  const unreferenced = [...bodies.values()].filter((footnote) => !placed.has(footnote.number));
  return { byClause, unreferenced };
}
