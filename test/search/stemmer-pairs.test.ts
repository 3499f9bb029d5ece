// Over- and under-conflation of the analysis chain, measured on word pairs
// drawn from the vocabulary of seeds/ and fixtures/real/ (stemmer-pairs.json):
// pairs that must meet (inflections, particles, attested broken plurals,
// verb person prefixes, ة before a pronoun, Persian letters) and pairs that
// must not (different words the old broken-plural patterns joined, relative
// adjectives and their nouns, words that merely share letters).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseToken } from '../../src/search/analysis/normalise.js';
import { stemVariants } from '../../src/search/analysis/stemmer.js';
import { isStopWord } from '../../src/search/analysis/stopwords.js';

const pairs = JSON.parse(readFileSync(new URL('./stemmer-pairs.json', import.meta.url), 'utf8')) as {
  meet: Array<[string, string]>;
  notMeet: Array<[string, string]>;
};

const stems = (w: string) => stemVariants(normaliseToken(w));
const meet = (a: string, b: string) => stems(a).some((s) => stems(b).includes(s));
// In search a stop word never reaches the stemmer (pipeline.ts), so it meets no word: كانت, which the past-tense
// rule reads as كان, as it reads كانون.
const meetInSearch = (a: string, b: string) => !isStopWord(normaliseToken(a)) && !isStopWord(normaliseToken(b)) && meet(a, b);

describe('stemmer pairs', () => {
  it('holds at least 200 pairs of each kind', () => {
    expect(pairs.meet.length).toBeGreaterThanOrEqual(200);
    expect(pairs.notMeet.length).toBeGreaterThanOrEqual(200);
  });

  it('joins every must-meet pair', () => {
    const missed = pairs.meet.filter(([a, b]) => !meet(a, b)).map((p) => p.join(' / '));
    expect(missed).toEqual([]);
  });

  it('keeps every must-not-meet pair apart', () => {
    const joined = pairs.notMeet.filter(([a, b]) => meetInSearch(a, b)).map(([a, b]) => `${a} / ${b}: ${stems(a).join(',')} | ${stems(b).join(',')}`);
    expect(joined).toEqual([]);
  });
});
