// "Several words: clauses holding all of them rank above clauses holding
// some", checked on random corpora: along the hits, the number of query
// words a clause holds never goes up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseQueryTerm, analyseText } from '../../src/search/analysis/pipeline.js';
import { memorySource } from '../../src/index/segment-reader.js';
import { planQuery } from '../../src/search/query.js';
import { searchSegments } from '../../src/search/searcher.js';
import { SegmentBuilder } from '../../src/index/builder.js';
import { doc, ops } from './helpers/docs.js';

const VOCABULARY = ['الأطفال', 'الاتجار', 'بالأشخاص', 'الدول', 'تعزيز', 'التعاون', 'الدولي', 'الجريمة', 'المنظمة', 'الضحايا'];
const word = fc.constantFrom(...VOCABULARY);
const clauseText = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
const corpus = fc.array(fc.array(clauseText, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
const query = fc.uniqueArray(word, { minLength: 2, maxLength: 4 });

function wordsHeld(text: string, queryWords: string[]): number {
  const terms = new Set(analyseText(text).map((t) => t.term));
  return queryWords.filter((w) => analyseQueryTerm(w).every((group) => group.some((t) => terms.has(t)))).length;
}

describe('ranking', () => {
  it('puts clauses holding more of the query words first', () => {
    fc.assert(
      fc.property(corpus, query, fc.integer({ min: 1, max: 3 }), (docs, words, segments) => {
        // Spread the documents over 1-3 segments: the order must not depend on it.
        const builders = Array.from({ length: segments }, () => new SegmentBuilder());
        docs.forEach((texts, i) => builders[i % segments]!.add(doc(`D${i}`, ops(texts))));
        const sources = builders.filter((b) => b.docCount > 0).map((b, i) => memorySource(b.finish(), `s${i}`));
        const { ranked } = searchSegments(sources, planQuery(words.join(' ')), {}, 1000);
        const held = ranked.map((r) => {
          const source = sources[r.segment]!;
          const entry = source.doc(r.docOrdinal);
          const stored = JSON.parse(source.docLine(r.docOrdinal)) as { clauses: Array<{ text: string }> };
          return wordsHeld(stored.clauses[r.ordinal - entry.clauseStart]!.text, words);
        });
        for (let i = 1; i < held.length; i++) expect(held[i]!).toBeLessThanOrEqual(held[i - 1]!);
        for (let i = 0; i < ranked.length; i++) expect(ranked[i]!.matched).toBe(held[i]);
      }),
      { numRuns: 200 },
    );
  });
});
