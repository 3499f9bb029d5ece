// A query opening with a preambular formula (وإذ ترحب) raises preambular clauses among those holding as many of
// its words; without the formula the ranking is BM25's. Matched words still come first.
import { describe, expect, it } from 'vitest';
import { memorySource } from '../../src/index/segment-reader.js';
import { SegmentBuilder } from '../../src/index/builder.js';
import { planQuery } from '../../src/search/query.js';
import { preferKind, preferenceDepth, preferredKind } from '../../src/search/prefer-kind.js';
import { searchSegments } from '../../src/search/searcher.js';
import { opensWithPreambleOpener } from '../../src/un/formulas.js';
import { clause, doc } from './helpers/docs.js';

describe('preferred clause kind', () => {
  it('is the preamble for a query opening with a preambular formula and more words', () => {
    for (const q of ['وإذ ترحب', 'إذ تسترشد', 'وإذ تحيط علما', 'ولما كان', 'وحيث إن الدول', ' وإذ يؤكد أهمية']) {
      expect(preferredKind(q), q).toBe(q.trim() === 'ولما كان' ? undefined : 'preamble');
    }
    for (const q of ['ترحب', 'وإذ', 'وإذا تعذر', 'إذا رأى مجلس الأمن', 'الإذن', 'ترحب وإذ']) expect(preferredKind(q), q).toBeUndefined();
    expect(opensWithPreambleOpener('لما كان الاعتراف')).toBe(true);
    expect(planQuery('وإذ ترحب').preferKind).toBe('preamble');
    expect(planQuery('ترحب').preferKind).toBeUndefined();
  });

  it('ranks preambular clauses first among clauses holding as many words, not above clauses holding more', () => {
    const builder = new SegmentBuilder();
    builder.add(
      doc('D1', [
        clause('preamble', 1, 'وإذ ترحب بالجهود التي تبذلها الدول الأعضاء'),
        clause('operative', 1, 'ترحب بالجهود'),
        clause('operative', 2, 'ترحب بالمبادرة'),
        clause('operative', 3, 'ترحب بالتقرير'),
      ]),
    );
    const sources = [memorySource(builder.finish(), 's0')];
    const ids = (q: string) => {
      const plan = planQuery(q);
      const outcome = searchSegments(sources, plan, {}, plan.preferKind ? preferenceDepth(2) : 2);
      const ranked = plan.preferKind ? preferKind(sources, outcome, plan.preferKind, 2).ranked : outcome.ranked;
      return ranked.map((r) => r.ordinal);
    };
    // Without the formula the long preambular clause is below the short operative ones.
    expect(ids('ترحب')).not.toContain(0);
    expect(ids('وإذ ترحب')[0]).toBe(0);
    // A clause holding more of the words still ranks above the preamble.
    expect(ids('وإذ ترحب بالمبادرة')[0]).toBe(2);
    expect(ids('وإذ ترحب بالمبادرة')[1]).toBe(0);
  });

  it('gives the same first hits whatever the limit', () => {
    const builder = new SegmentBuilder();
    const clauses = [];
    // Thirty short operative clauses with the verb, then one long preambular one: BM25 puts it last.
    for (let i = 1; i <= 30; i++) clauses.push(clause('operative', i, `ترحب بالجهود ${i}`));
    clauses.push(clause('preamble', 1, 'وإذ ترحب بالجهود التي تبذلها الدول الأعضاء والمنظمات الإقليمية ودون الإقليمية'));
    builder.add(doc('D1', clauses));
    const sources = [memorySource(builder.finish(), 's0')];
    const first = (limit: number) => {
      const plan = planQuery('وإذ ترحب');
      const outcome = searchSegments(sources, plan, {}, preferenceDepth(limit));
      return preferKind(sources, outcome, plan.preferKind!, limit).ranked.map((r) => r.ordinal);
    };
    const twenty = first(20);
    expect(twenty[0]).toBe(30);
    for (const limit of [1, 3, 5, 10]) expect(first(limit), `--limit ${limit}`).toEqual(twenty.slice(0, limit));
  });
});
