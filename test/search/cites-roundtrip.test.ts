// Property: a citation's symbol round-trips through `--cites`. Whatever form a
// resolution is printed in (either order of the pair with the date that
// decides it, any digits, any spacing, a lettered part, old style, Security
// Council and Human Rights Council forms), the parser's symbol, typed back as
// `--cites` in any of its forms (English symbol in any case and spacing, the
// symbol without its part or year, the bare pair), finds the citing clause.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleHits } from '../../src/search/hits.js';
import { memorySource } from '../../src/index/segment-reader.js';
import { planQuery } from '../../src/search/query.js';
import { searchSegments } from '../../src/search/searcher.js';
import { SegmentBuilder } from '../../src/index/builder.js';
import { toArabicIndicDigits } from '../../src/text/digits.js';
import { ARABIC_PART_NAMES, toRoman } from '../../src/un/symbols.js';
import { parseLines } from '../structure/support/crafted.js';

const MONTHS = ['كانون الثاني/يناير', 'شباط/فبراير', 'آذار/مارس', 'نيسان/أبريل', 'أيار/مايو', 'حزيران/يونيه', 'تموز/يوليه', 'آب/أغسطس', 'أيلول/سبتمبر', 'تشرين الأول/أكتوبر', 'تشرين الثاني/نوفمبر', 'كانون الأول/ديسمبر'];

interface Printed {
  /** The citation as the text prints it, organ words included. */
  text: string;
  symbol: string;
  /** What a user may type to `--cites`. */
  queries: string[];
}

const digits = fc.boolean();
const slash = fc.constantFrom('/', ' / ');

const gaPair = fc
  .record({
    session: fc.integer({ min: 31, max: 80 }),
    number: fc.integer({ min: 1, max: 350 }),
    sessionFirst: fc.boolean(),
    part: fc.option(fc.integer({ min: 0, max: 25 }), { nil: null }),
    indic: digits,
    slash,
  })
  // Where neither range nor date can tell the numbers apart, Arabic texts print number/session.
  .map((r) => ({ ...r, sessionFirst: r.sessionFirst && !(r.number >= 30 && r.number <= 82 && Math.abs(r.number - r.session) <= 1) }))
  .map((r): Printed => {
    const pair = r.sessionFirst ? `${r.session}${r.slash}${r.number}` : `${r.number}${r.slash}${r.session}`;
    const part = r.part === null ? '' : ` ${ARABIC_PART_NAMES[r.part]!.replace(/^ال/, 'أل')}`;
    const date = `المؤرخ 10 ${MONTHS[11]} ${1945 + r.session}`;
    const text = `قرار الجمعية العامة ${pair}${part} ${date}`;
    const letter = r.part === null ? '' : String.fromCharCode(65 + r.part);
    const symbol = `A/RES/${r.session}/${r.number}${letter}`;
    const queries = [symbol, symbol.toLowerCase(), `A/RES/${r.session}/${r.number}`, `${r.number}/${r.session}`, `${r.session}/${r.number}`];
    return { text: r.indic ? toArabicIndicDigits(text) : text, symbol, queries };
  });

const gaOldStyle = fc.record({ number: fc.integer({ min: 1, max: 3400 }), session: fc.integer({ min: 1, max: 30 }), indic: digits }).map((r): Printed => {
  const text = `قرار الجمعية العامة ${r.number} (د-${r.session})`;
  const symbol = `A/RES/${r.number}(${toRoman(r.session)})`;
  return { text: r.indic ? toArabicIndicDigits(text) : text, symbol, queries: [symbol, `A/RES/${r.number} (${toRoman(r.session)})`, `A/RES/${r.number}`] };
});

const securityCouncil = fc
  .record({ number: fc.integer({ min: 1, max: 2800 }), year: fc.integer({ min: 1946, max: 2025 }), indic: digits, named: fc.boolean() })
  .map((r): Printed => {
    const text = `${r.named ? 'قرار مجلس الأمن رقم' : 'القرار'} ${r.number} (${r.year})`;
    const symbol = `S/RES/${r.number} (${r.year})`;
    return { text: r.indic ? toArabicIndicDigits(text) : text, symbol, queries: [symbol, `S/RES/${r.number}(${r.year})`, `S/RES/${r.number}`, `s/res/${r.number}`] };
  });

const humanRightsCouncil = fc
  .record({ session: fc.integer({ min: 1, max: 55 }), number: fc.integer({ min: 1, max: 40 }), indic: digits, slash })
  .map((r): Printed => {
    const text = `قرار مجلس حقوق الإنسان ${r.session}${r.slash}${r.number}`;
    const symbol = `A/HRC/RES/${r.session}/${r.number}`;
    return { text: r.indic ? toArabicIndicDigits(text) : text, symbol, queries: [symbol, symbol.toLowerCase(), `${r.session}/${r.number}`] };
  });

const ecosoc = fc
  .record({ year: fc.integer({ min: 1978, max: 2025 }), number: fc.integer({ min: 1, max: 60 }), yearFirst: fc.boolean(), indic: digits })
  .map((r): Printed => {
    const pair = r.yearFirst ? `${r.year}/${r.number}` : `${r.number}/${r.year}`;
    const text = `قرار المجلس الاقتصادي والاجتماعي ${pair}`;
    const symbol = `E/RES/${r.year}/${r.number}`;
    return { text: r.indic ? toArabicIndicDigits(text) : text, symbol, queries: [symbol, `${r.number}/${r.year}`] };
  });

describe('a cited symbol round-trips through --cites', () => {
  it('every printed form of a citation is found by every form of its symbol', () => {
    fc.assert(
      fc.property(fc.oneof(gaPair, gaOldStyle, securityCouncil, humanRightsCouncil, ecosoc), (printed) => {
        const doc = parseLines('إن الجمعية العامة،', `إذ تشير إلى ${printed.text}،`, '1 - تقرر مواصلة النظر في المسألة.');
        expect(doc.citations.map((c) => [c.symbol, c.clause])).toEqual([[printed.symbol, 'pp1']]);
        const builder = new SegmentBuilder();
        builder.add(doc);
        const sources = [memorySource(builder.finish())];
        for (const cites of printed.queries) {
          const hits = assembleHits(sources, searchSegments(sources, planQuery('تشير'), { cites }, 10));
          expect(hits.map((h) => h.clause), `--cites ${cites}`).toEqual(['pp1']);
        }
      }),
      { numRuns: 150 },
    );
  });
});
