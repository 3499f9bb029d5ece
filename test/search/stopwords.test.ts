import { describe, expect, it } from 'vitest';
import { isStopWord, stopWordList } from '../../src/search/analysis/stopwords.js';
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

  it('lists only normalised words', () => {
    for (const w of stopWordList()) expect(normaliseToken(w)).toBe(w);
  });
});
