// The standard queries of the benchmarks (scripts/bench.ts, scripts/compare-builds.ts):
// common and rare words, morphology, digits, several words and each filter.

import { placeName } from './corpus.js';

export type QueryClass = 'one-word' | 'multi-word' | 'filtered';

export interface Query {
  id: string;
  cls: QueryClass;
  words: string[];
  filters: string[];
  note: string;
}

export function queries(doc0Id: string): Query[] {
  const rare = placeName(25); // an invented place name: a few documents in a hundred
  return [
    { id: 'w1', cls: 'one-word', words: ['الأطفال'], filters: [], note: 'common word' },
    { id: 'w2', cls: 'one-word', words: ['طفل'], filters: [], note: 'morphology: finds الأطفال' },
    { id: 'w3', cls: 'one-word', words: ['تشفير'], filters: [], note: 'rare seed word' },
    { id: 'w4', cls: 'one-word', words: [rare], filters: [], note: 'invented place name' },
    { id: 'w5', cls: 'one-word', words: ['2017'], filters: [], note: 'digits (text prints ٢٠١٧ too)' },
    { id: 'm1', cls: 'multi-word', words: ['الاتجار', 'بالأشخاص'], filters: [], note: 'two common words' },
    { id: 'm2', cls: 'multi-word', words: ['صندوق', 'استئماني', 'للتبرعات'], filters: [], note: 'three words' },
    { id: 'm3', cls: 'multi-word', words: ['الجريمة', 'المنظمة', 'عبر', 'الوطنية'], filters: [], note: 'four very common words' },
    { id: 'f1', cls: 'filtered', words: ['الأطفال'], filters: ['--kind', 'operative'], note: '--kind operative' },
    { id: 'f2', cls: 'filtered', words: ['الاتجار'], filters: ['--cites', 'A/RES/64/293'], note: '--cites A/RES/64/293' },
    { id: 'f3', cls: 'filtered', words: ['الضحايا'], filters: ['--doc', doc0Id], note: `--doc ${doc0Id}` },
  ];
}

export function queryLabel(q: Query): string {
  return [...q.words, ...q.filters].join(' ');
}

