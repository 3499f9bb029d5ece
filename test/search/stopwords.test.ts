import { describe, expect, it } from 'vitest';
import { isStopWord, keptFunctionWordTerm, stopWordList } from '../../src/search/analysis/stopwords.js';
import { normaliseToken } from '../../src/search/analysis/normalise.js';

describe('isStopWord', () => {
  it('drops function words in normalised spelling', () => {
    for (const w of ['في', 'من', 'على', 'إلى', 'التي', 'أن', 'هذه']) expect(isStopWord(normaliseToken(w))).toBe(true);
  });

  it('looks through a leading conjunction', () => {
    for (const w of ['وفي', 'ومن', 'فإن', 'والتي']) expect(isStopWord(normaliseToken(w))).toBe(true);
  });

  it('keeps content words, even frequent ones', () => {
    for (const w of ['يوم', 'عام', 'دول', 'قرار', 'غير', 'ولد', 'وطن']) expect(isStopWord(normaliseToken(w))).toBe(false);
  });

  it('keeps negation and the formula adverb أيضاً, each as one fixed term', () => {
    for (const w of ['ليس', 'ليست', 'لا', 'لم', 'لن', 'دون', 'أيضاً', 'وأيضا', 'ولا', 'فلا', 'وليست']) {
      expect(isStopWord(normaliseToken(w)), w).toBe(false);
    }
    const term = (w: string) => keptFunctionWordTerm(normaliseToken(w));
    expect(['ليس', 'ليست', 'ليسوا', 'وليس', 'فليست'].map(term)).toEqual(['ليس', 'ليس', 'ليس', 'ليس', 'ليس']);
    expect(['لا', 'ولا', 'لم', 'ولم', 'لن', 'ودون'].map(term)).toEqual(['لا', 'لا', 'لم', 'لم', 'لن', 'دون']);
    expect(term('وأيضاً')).toBe(normaliseToken('أيضا'));
    // Words that merely begin like them stay content words, stemmed as usual.
    for (const w of ['لنا', 'ليبيا', 'دونه', 'لاجئ', 'الا']) expect(term(w), w).toBeUndefined();
  });

  it('lists only normalised words', () => {
    for (const w of stopWordList()) expect(normaliseToken(w)).toBe(w);
  });
});
