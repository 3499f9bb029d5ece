// A term's lookup compares UTF-8 bytes inside its dictionary block instead of
// decoding the block's terms (src/index/format/terms.ts): it must find every
// term the dictionary holds, with its place in the postings file, whether its
// block was decoded before or not, and find nothing for any other string.
import { describe, expect, it } from 'vitest';
import { memorySource } from '../../src/index/segment-reader.js';
import { ALL_FIELDS } from '../../src/search/fields.js';
import { doc, ops } from './helpers/docs.js';
import { buildSegment } from './helpers/segments.js';

const STEMS = ['حماي', 'حمايت', 'طفل', 'اطفال', 'تعاون', 'تعاوني', 'دول', 'دولي', 'دوليه', 'جريم', 'منظم', 'x', 'xy', 'xyz', '2017', '٢٠١٧'];

/** Many terms sharing prefixes (the dictionary codes each against the one before), in blocks of 64. */
function texts(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const a = STEMS[i % STEMS.length]!;
    const b = STEMS[(i * 7 + 3) % STEMS.length]!;
    return `${a}${i % 97} ${b}${a} كلمة${i} ${a}`;
  });
}

const source = memorySource(buildSegment([doc('D1', ops(texts(400))), doc('D2', ops(texts(250).reverse()))]));

describe('looking up a term', () => {
  it('finds every term of every field, as the walk over the dictionary lists it', () => {
    let checked = 0;
    for (const field of ALL_FIELDS) {
      const listed = [...memorySource(buildSegment([doc('D1', ops(texts(400))), doc('D2', ops(texts(250).reverse()))])).terms(field).all()];
      // First on a fresh reader (no block decoded: bytes compared), then on one that walked the dictionary.
      for (const entry of listed) expect(source.terms(field).lookup(entry.term), `${field} ${entry.term}`).toEqual(entry);
      const walked = source.terms(field);
      void [...walked.all()];
      for (const entry of listed) expect(walked.lookup(entry.term)).toEqual(entry);
      checked += listed.length;
    }
    expect(checked).toBeGreaterThan(3 * 64);
  });

  it('finds nothing for strings the dictionary does not hold', () => {
    const terms = source.terms('text');
    const held = new Set([...terms.all()].map((t) => t.term));
    const fresh = memorySource(buildSegment([doc('D1', ops(texts(400))), doc('D2', ops(texts(250).reverse()))])).terms('text');
    const probes = ['', ' ', 'ا', 'ي', '\uffff', '0', 'zzz', ...[...held].flatMap((t) => [t + 'ة', t.slice(0, -1), t + '\u0000', 'ا' + t])];
    for (const probe of probes.filter((p) => !held.has(p))) {
      expect(fresh.lookup(probe), probe).toBeNull();
      expect(terms.lookup(probe), probe).toBeNull();
    }
  });
});
