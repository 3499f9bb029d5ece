import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyseQueryTerm, analyseText } from '../../src/search/analysis/pipeline.js';

const indexTerms = (text: string) => new Set(analyseText(text).map((t) => t.term));
/** Does the query word find the printed text? (any variant of any group) */
const finds = (query: string, text: string) => {
  const terms = indexTerms(text);
  return analyseQueryTerm(query).every((group) => group.some((term) => terms.has(term)));
};

describe('analysis chain', () => {
  it('finds Arabic morphology both ways', () => {
    for (const text of ['الأطفال', 'للأطفال', 'بالأطفال']) {
      expect(finds('طفل', text), text).toBe(true);
      expect(finds(text, 'طفل'), text).toBe(true);
    }
    for (const text of ['والاتجار', 'للاتجار']) {
      expect(finds('الاتجار', text), text).toBe(true);
      expect(finds(text, 'الاتجار'), text).toBe(true);
    }
  });

  it('never lets hamza, ى/ي, ة/ه, diacritics or tatweel stop a match', () => {
    const pairs = [
      ['الأطفال', 'الاطفال'],
      ['إنشاء', 'انشاء'],
      ['مستوى', 'مستوي'],
      ['الجريمة', 'الجريمه'],
      ['الأَطْفَالِ', 'الأطفال'],
      ['تـــعزيز', 'تعزيز'],
      ['مسؤولية', 'مسئولية'],
    ];
    for (const [a, b] of pairs) {
      expect(finds(a!, b!), `${a} -> ${b}`).toBe(true);
      expect(finds(b!, a!), `${b} -> ${a}`).toBe(true);
    }
  });

  it('finds digits of either script both ways', () => {
    expect(finds('2017', 'في عام ٢٠١٧')).toBe(true);
    expect(finds('٢٠١٧', 'في عام 2017')).toBe(true);
  });

  it('finds a resolution symbol in either order and script', () => {
    expect(finds('64/293', 'قرارها ٢٩٣/٦٤ المؤرخ')).toBe(true);
    expect(finds('٢٩٣/٦٤', 'A/RES/64/293')).toBe(true);
    expect(finds('293/64', 'القرار 64/293')).toBe(true);
    expect(finds('64/293', 'القرار 64/294')).toBe(false);
  });

  it('finds hyphenated كوفيد-19 however it is printed', () => {
    for (const text of ['جائحة كوفيد-19', 'جائحة كوفيد 19', 'جائحة (كوفيد-١٩)']) {
      // the query syntax splits on the hyphen: each part is its own term
      expect(finds('كوفيد', text) && finds('19', text), text).toBe(true);
    }
    expect(finds('كوفيد19', 'جائحة كوفيد-19')).toBe(true);
  });

  it("indexes negation and أيضاً, which carry a query's need, as one term each", () => {
    expect(analyseQueryTerm('ليست')).toEqual([['ليس']]);
    expect(analyseQueryTerm('وليس')).toEqual([['ليس']]);
    expect(analyseQueryTerm('ولا')).toEqual([['لا']]);
    expect(analyseQueryTerm('أيضاً')).toEqual(analyseQueryTerm('وأيضا'));
    expect(analyseText('دولة ليست عضواً').map((t) => t.term)).toContain('ليس');
  });

  it('drops stop words and punctuation, giving no term', () => {
    expect(analyseQueryTerm('في')).toEqual([]);
    expect(analyseQueryTerm('،؛؟')).toEqual([]);
    expect(analyseText('في من على، إلى')).toEqual([]);
  });

  it('analyses a text the same way through the query path as through the index path', () => {
    const unit = fc.constantFrom(...'اأإبتثجحدرزسشصطعفقكلمنهويىةءؤئ ،؛٢٩3/.َّـ'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        const viaIndex = [...indexTerms(text)].sort();
        // the query syntax splits on spaces and hyphens only; each piece goes through the chain
        const viaQuery = [...new Set(text.split(/[\s-]+/).flatMap((piece) => analyseQueryTerm(piece).flat()))].sort();
        expect(viaQuery).toEqual(viaIndex);
      }),
    );
  });
});
