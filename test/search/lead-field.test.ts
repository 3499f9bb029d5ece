// A word typed without a field is also looked for in a clause's opening formula (`lead`): the clause that
// opens with a formula answers a search for it better than a clause that merely holds the verb inside.
import { describe, expect, it } from 'vitest';
import { memorySource } from '../../src/index/segment-reader.js';
import { planQuery } from '../../src/search/query.js';
import { searchSegments } from '../../src/search/searcher.js';
import { SegmentBuilder } from '../../src/index/builder.js';
import { clause, doc } from './helpers/docs.js';

describe('the opening formula is searched by default', () => {
  it('ranks a clause opening with the formula above one holding the verb further in', () => {
    const builder = new SegmentBuilder();
    builder.add(
      doc('A', [
        // Both hold يقرر once, in texts of one length; only op2 opens with it.
        clause('operative', 1, 'لمجلس الأمن أن يقرر ما يجب اتخاذه من تدابير'),
        clause('operative', 2, 'يقرر أن يبقي المسألة قيد نظره الفعلي دائما', { lead: 'يقرر' }),
        clause('operative', 3, 'يحث الدول على حماية الأطفال', { lead: 'يحث' }),
      ]),
    );
    const source = memorySource(builder.finish(), 's0');
    const plan = planQuery('يقرر');
    expect(plan.groups[0]!.fields).toContain('lead');
    const { ranked } = searchSegments([source], plan, {}, 10);
    expect(ranked.map((r) => r.ordinal)).toEqual([1, 0]);
  });
});
