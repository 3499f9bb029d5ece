import { describe, expect, it } from 'vitest';
import { planNotes } from '../../src/export/akn-notes.js';
import { awkwardResolution } from './sample-document.js';

describe('planNotes', () => {
  const plan = planNotes(awkwardResolution.clauses, awkwardResolution.footnotes);

  it('places each body at its first referencing clause and refers back to it later', () => {
    expect(plan.byClause.get('pp1')).toEqual({ bodies: awkwardResolution.footnotes.slice(0, 2), references: [] });
    expect(plan.byClause.get('op1')).toEqual({ bodies: [], references: [1] });
    expect(plan.byClause.get('op2')).toEqual({ bodies: [], references: [2] });
  });

  it('skips a marker without a body and keeps the footnotes nobody references', () => {
    expect(plan.byClause.get('op1')?.references).not.toContain(9);
    expect(plan.unreferenced.map((f) => f.number)).toEqual([3]);
  });

  it('counts a number referenced twice by one clause once', () => {
    const twice = planNotes([{ ...awkwardResolution.clauses[0]!, footnotes: [1, 1] }], awkwardResolution.footnotes.slice(0, 1));
    expect(twice.byClause.get('pp1')).toEqual({ bodies: [awkwardResolution.footnotes[0]], references: [] });
  });
});
