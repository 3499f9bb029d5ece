import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { assembleHits } from '../../src/search/hits.js';
import { memorySource } from '../../src/index/segment-reader.js';
import { planQuery } from '../../src/search/query.js';
import { type SearchFilters, type SegmentSource, searchSegments } from '../../src/search/searcher.js';
import { SegmentBuilder } from '../../src/index/builder.js';
import type { UnresDocument } from '../../src/types.js';
import { clause, doc, ops } from './helpers/docs.js';

function build(docs: UnresDocument[]): SegmentSource {
  const b = new SegmentBuilder();
  for (const d of docs) b.add(d);
  return memorySource(b.finish());
}

function search(sources: SegmentSource[], query: string, filters: SearchFilters = {}, limit = 10) {
  return assembleHits(sources, searchSegments(sources, planQuery(query), filters, limit));
}

const corpus = [
  doc('A/RES/1', ops([
    'يحث الدول على حماية الأطفال من الاتجار بالأشخاص',
    'يرحب بقرار الجمعية العامة ٢٩٣/٦٤ المؤرخ ٣٠ تموز/يوليه ٢٠١٠',
    'يقرر أن يبقي المسألة قيد نظره',
  ]), { title: 'الاتجار بالأشخاص', kind: 'resolution' }),
  doc('A/RES/2', [
    clause('preamble', 1, 'وإذ يشير إلى جائحة كوفيد-19 وآثارها في عام 2020'),
    clause('operative', 1, 'يدعو مقدمي خدمات الإنترنت إلى التعاون مع سلطات إنفاذ القانون'),
    clause('operative', 2, 'يطلب إلى الأمين العام تقديم تقرير عن الأطفال'),
  ], { title: 'الجريمة السيبرانية', kind: 'decision', symbol: 'E/RES/2020/7' }),
];

describe('searching segments', () => {
  const sources = [build(corpus)];

  it('finds Arabic morphology and returns contract hits', () => {
    const hits = search(sources, 'طفل');
    expect(hits.map((h) => `${h.doc}#${h.clause}`).sort()).toEqual(['A/RES/1#op1', 'A/RES/2#op2']);
    const hit = hits.find((h) => h.doc === 'A/RES/1')!;
    expect(hit).toMatchObject({ source: 'A_RES_1.txt', kind: 'operative', number: 1, index: 1, title: 'الاتجار بالأشخاص' });
    expect(hit.text).toContain('الأطفال');
    const [start, end] = hit.matches[0]!;
    expect(hit.snippet.slice(start, end)).toBe('الأطفال');
  });

  it('ranks clauses holding all the words above clauses holding some', () => {
    const hits = search(sources, 'تقرير الأطفال');
    expect(hits[0]!.clause).toBe('op2');
    expect(hits[0]!.doc).toBe('A/RES/2');
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('finds a symbol in either order and digits in either script', () => {
    expect(search(sources, '64/293').map((h) => h.clause)).toEqual(['op2']);
    expect(search(sources, '2010').map((h) => h.clause)).toEqual(['op2']);
    // A year finds the clause printing it, and the document of that year (E/RES/2020/7): all its clauses.
    expect(search(sources, '٢٠٢٠').map((h) => h.clause)).toEqual(['pp1', 'op1', 'op2']);
    expect(search(sources, 'كوفيد-19')[0]!.clause).toBe('pp1');
  });

  it('supports lunr syntax: required, prohibited, fields, wildcards, fuzzy', () => {
    expect(search(sources, '+الأطفال +الاتجار').map((h) => h.doc)).toEqual(['A/RES/1']);
    expect(search(sources, 'الأطفال -الاتجار').map((h) => h.doc)).toEqual(['A/RES/2']);
    expect(search(sources, 'title:السيبرانية').every((h) => h.doc === 'A/RES/2')).toBe(true);
    expect(search(sources, 'title:السيبرانية')).toHaveLength(3);
    expect(search(sources, 'خدم*').map((h) => h.clause)).toEqual(['op1']);
    expect(search(sources, 'الإنترنيت~1').map((h) => h.clause)).toEqual(['op1']);
  });

  it('filters by clause kind, document kind, document and citation', () => {
    expect(search(sources, 'الأطفال', { kind: 'operative', doc: 'A/RES/2' }).map((h) => h.clause)).toEqual(['op2']);
    expect(search(sources, 'الأطفال', { kind: 'decision' }).map((h) => h.doc)).toEqual(['A/RES/2']);
    expect(search(sources, 'كوفيد', { kind: 'operative' })).toEqual([]);
    expect(search(sources, 'الأطفال', { doc: 'A_RES_2.txt' }).map((h) => h.doc)).toEqual(['A/RES/2']);
    expect(search(sources, 'الأطفال', { doc: 'e/res/٢٠٢٠/٧' }).map((h) => h.doc)).toEqual(['A/RES/2']);
    expect(search(sources, 'الأطفال', { doc: 'nothing' })).toEqual([]);
    expect(() => search(sources, 'الأطفال', { kind: 'nonsense' })).toThrow(UsageError);
  });

  it('gives a one-line UsageError for bad syntax', () => {
    for (const q of ['-', 'nofield:x', 'foo~x', 'foo^x', '*', 'ط*', 'a~3']) {
      let error: unknown;
      try {
        planQuery(q);
      } catch (err) {
        error = err;
      }
      expect(error, q).toBeInstanceOf(UsageError);
      expect((error as Error).message, q).not.toContain('\n');
    }
  });
});

describe('principles and rules by number', () => {
  // A charter whose Article 2 speaks of a principle, and a declaration whose Principle 2 cites principles.
  const sources = [
    build([
      doc('CHARTER', [clause('article', 2, 'تقوم الهيئة على مبدأ المساواة في السيادة بين جميع أعضائها')], { kind: 'instrument' }),
      doc('DECL', [clause('article', 2, 'تملك الدول وفقا لمبادئ القانون الدولي الحق السيادي في استغلال مواردها', { designation: 'principle' })], {
        kind: 'instrument',
      }),
    ]),
  ];

  it('names Principle 2 with المبدأ 2, Article 2 with المادة 2, and either with art2', () => {
    expect(search(sources, 'المبدأ 2').map((h) => h.doc)[0]).toBe('DECL');
    expect(search(sources, 'المادة 2').map((h) => h.doc)).toEqual(['CHARTER']);
    expect(search(sources, 'art2').map((h) => h.doc).sort()).toEqual(['CHARTER', 'DECL']);
  });
});

describe('citations', () => {
  it('finds a clause citing a symbol in a footnote, and filters by cites', () => {
    const d = doc('E/RES/2011/1', [
      clause('preamble', 1, 'وإذ يشير إلى خطة العمل العالمية', { footnotes: [1] }),
      clause('operative', 1, 'يقرر مواصلة النظر في المسألة'),
    ], {
      citations: [{ symbol: 'A/RES/64/293', text: '٢٩٣/٦٤', clause: 'fn1' }],
      footnotes: [{ number: 1, text: 'القرار ٢٩٣/٦٤' }],
    });
    const sources = [build([d])];
    expect(search(sources, '64/293').map((h) => h.clause)).toEqual(['pp1']);
    expect(search(sources, 'خطة', { cites: 'A/RES/64/293' }).map((h) => h.clause)).toEqual(['pp1']);
    expect(search(sources, 'خطة', { cites: '293/64' }).map((h) => h.clause)).toEqual(['pp1']);
    expect(search(sources, 'خطة', { cites: 'A/RES/64/294' })).toEqual([]);
  });

  it('--doc and --cites together: the clauses of that document that cite, in any segment', () => {
    const citing = (symbol: string) =>
      doc(symbol, [
        clause('preamble', 1, 'وإذ يشير إلى خطة العمل العالمية', { footnotes: [1] }),
        clause('operative', 1, 'يقرر مواصلة خطة النظر في المسألة'),
        clause('operative', 2, 'يطلب تنفيذ خطة العمل', { footnotes: [1] }),
      ], {
        citations: [{ symbol: 'A/RES/64/293', text: '٢٩٣/٦٤', clause: 'fn1' }],
        footnotes: [{ number: 1, text: 'القرار ٢٩٣/٦٤' }],
      });
    const sources = [build([citing('E/RES/2011/1'), citing('E/RES/2011/2')]), build([citing('E/RES/2012/1'), citing('E/RES/2012/2')])];
    for (const wanted of ['E/RES/2011/2', 'E/RES/2012/1']) {
      const hits = search(sources, 'خطة', { cites: 'A/RES/64/293', doc: wanted });
      expect(hits.map((h) => `${h.doc} ${h.clause}`).sort()).toEqual([`${wanted} op2`, `${wanted} pp1`]);
    }
    expect(search(sources, 'خطة', { doc: 'E/RES/2012/2' }).map((h) => h.clause).sort()).toEqual(['op1', 'op2', 'pp1']);
    expect(search(sources, 'خطة', { doc: 'E/RES/2012/2', cites: 'A/RES/64/294' })).toEqual([]);
  });

  it('finds the document a symbol names, by its own symbol, with the clauses citing it; --cites stays citations only', () => {
    const own = doc('E/C.12/UZB/CO/1', [
      clause('paragraph', 1, 'نظرت اللجنة في التقرير الأولي المقدم من أوزبكستان'),
      clause('paragraph', 2, 'ترحب اللجنة بتقديم الدولة الطرف التقرير'),
    ], { symbol: 'E/C.12/UZB/CO/1', title: 'الملاحظات الختامية' });
    const citing = doc('E/RES/2011/2', [
      clause('preamble', 1, 'وإذ يشير إلى الملاحظات الختامية E/C.12/UZB/CO/1'),
      clause('operative', 1, 'يقرر مواصلة النظر في المسألة'),
    ]);
    const sources = [build([own, citing])];
    const found = search(sources, 'E/C.12/UZB/CO/1').map((h) => `${h.doc}#${h.clause}`).sort();
    expect(found).toEqual(['E/C.12/UZB/CO/1#para1', 'E/C.12/UZB/CO/1#para2', 'E/RES/2011/2#pp1'].sort());
    // Its own symbol is not one of its citations.
    expect(search(sources, 'اللجنة', { cites: 'E/C.12/UZB/CO/1' })).toEqual([]);
  });
});
