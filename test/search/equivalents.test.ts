// Equivalent wordings of UN Arabic texts (src/un/equivalents.ts), read at
// query time: each variant finds the others, at a lower weight, and words
// that only look like a variant find nothing more.

import { describe, expect, it } from 'vitest';
import { assembleHits } from '../../src/search/hits.js';
import { memorySource } from '../../src/index/segment-reader.js';
import { planQuery } from '../../src/search/query.js';
import { type SegmentSource, searchSegments } from '../../src/search/searcher.js';
import { SegmentBuilder } from '../../src/index/builder.js';
import { EQUIVALENTS } from '../../src/un/equivalents.js';
import { doc, ops } from './helpers/docs.js';

/** The alternates each group of a query's plan carries. */
function alternates(query: string): string[][] {
  return planQuery(query).groups.map((g) => (g.matcher.kind === 'exact' ? (g.matcher.alternates ?? []) : []));
}

const anyAlternate = (query: string) => alternates(query).some((a) => a.length > 0);

describe('equivalent wordings: must meet', () => {
  it.each([
    ['السلم', 'سلام'],
    ['السلام', 'سلم'],
    ['حفظ السلام', 'سلم'],
    ['والسلم', 'سلام'],
    ['للسلام', 'سلم'],
    ['العقوبات', 'جزاء'],
    ['الجزاءات', 'عقوب'],
    ['بالجزاءات', 'عقوب'],
    ['تؤكد من جديد', 'مجدد'],
    ['يؤكد مجددا', 'جديد'],
    ['التمييز ضد المرأة', 'نساء'],
    ['للمرأة', 'نساء'],
    ['النساء', 'مرا'],
    ['مرتكبو الجرائم', 'جاني'],
    ['مرتكبي', 'جاني'],
    ['الجناة', 'مرتكب'],
    ['امتيازات', 'ميز'],
    ['بالمزايا', 'امتياز'],
    ['الحصانات', 'اعفاء'],
    ['والإعفاءات', 'حصان'],
    ['إفتاء', 'فتوي'],
    ['الفتوى', 'افتاء'],
    ['الرأي الاستشاري', 'افتاء'],
    ['تنظيم التسلح', 'تسليح'],
    ['التسليح', 'تسلح'],
    // Fixed terms of several words: the word that differs finds the other's, with the article or a particle written on.
    ['الدول النامية', 'بلد'],
    ['للبلدان النامية', 'دول'],
    ['المسؤولية التاريخية للدول الصناعية', 'متقدم'],
    ['أقل البلدان نموا', 'دول'],
    ['دول العبور', 'بلد'],
    ['العمل الجبري', 'قسري'],
    ['السخرة', 'قسري'],
    ['العمل القسري', 'سخر'],
    ['التعدي الجنسي', 'اعتداء'],
    ['تسلط الأقران', 'تنمر'],
    ['العنف الجنساني', 'جنس'],
    ['إذكاء الوعي', 'توعي'],
    ['التوعية', 'وعي'],
    ['التعاون الفني', 'تقني'],
    ['تقنية المعلومات', 'تكنولوجي'],
    ['الصراع المسلح', 'نزاع'],
    ['منع نشوب الصراعات', 'نزاع'],
    ['التنمية المستديمة', 'مستدام'],
    ['استئصال الفقر', 'قضاء'],
    ['التغير المناخي', 'مناخ'],
    ['التمثيل الإقليمي العادل', 'توزيع'],
    ['التمثيل الإقليمي العادل', 'جغرافي'],
    ['الأجهزة الرئيسية', 'فرع'],
    ['الترتيبات الإقليمية', 'تنظيم'],
    ['الأعضاء المؤسسون', 'اصلي'],
    ['الدورات الاستثنائية', 'خاص'],
    ['الفيتو', 'نقض'],
  ])('%s also looks for %s', (query, term) => {
    expect(alternates(query).flat()).toContain(term);
  });

  it('every variant of the table finds every other', () => {
    for (const { variants } of EQUIVALENTS) {
      for (const v of variants) {
        const words = v.split(' ').map((w) => w.split('|'));
        // Each form of each word, the other words in their first form.
        words.forEach((forms, k) => {
          for (const form of forms) {
            const query = words.map((f, m) => (m === k ? form : f[0]!)).join(' ');
            expect(anyAlternate(query), query).toBe(true);
          }
        });
      }
    }
  });
});

describe('equivalent wordings: must not meet', () => {
  it.each([
    'سلامة', // safety, not peace
    'السلامة',
    'يسلم', // recognises
    'السلمية', // peaceful
    'جديد', // new: only "من جديد" is "again"
    'عضو جديد',
    'تجديد', // renewal
    'العقوبة', // a (criminal) penalty, singular
    'الجزاء',
    'الأمر', // matter, order: not امرأة
    'ارتكاب', // committing, not the perpetrator
    'المرتكبة', // committed (crimes), not perpetrators
    'الجنايات', // felonies
    'الاستشاري', // advisory, alone: اللجنة الاستشارية is no opinion
    'الاستشارية',
    'الرأي', // opinion, alone
    'الميزة', // an advantage
    'تمييز',
    'السلاح', // weapons
    'الأسلحة',
    'المحافظة',
    // A word of a fixed term typed alone: الدول is not البلدان in general.
    'الدول',
    'البلدان',
    'النامية',
    'الصناعية',
    'العمل', // work
    'الجنسي',
    'المعلومات',
    'الإعلام',
    'القضاء', // the judiciary, or "elimination" of anything
    'الفروع',
    'الدورات',
    'حق',
    'البيانات المفصلة', // detailed data, mostly
    'الدول الأعضاء',
  ])('%s carries no alternates', (query) => {
    expect(anyAlternate(query)).toBe(false);
  });

  it('a place in a quoted phrase accepts the same equivalents as the word unquoted', () => {
    expect(alternates('"حفظ السلام"')).toEqual(alternates('حفظ السلام'));
    expect(alternates('"من جديد"')).toEqual(alternates('من جديد'));
  });

  it('the words an equivalent adds are its stem as typed, never words derived from it', () => {
    expect(alternates('الجناة').flat()).not.toContain('ارتكاب');
  });

  it('a wildcard or fuzzy word is not expanded', () => {
    expect(anyAlternate('السلام~1')).toBe(false);
    expect(anyAlternate('السلا*')).toBe(false);
  });
});

describe('equivalent wordings end to end', () => {
  const b = new SegmentBuilder();
  b.add(
    doc('A/RES/9', ops([
      'تؤكد مجددا أهمية التعاون الدولي',
      'تؤكد من جديد أهمية التعاون الدولي',
      'ترحب بالعضو الجديد في اللجنة',
      'تشيد بعمليات حفظ السلام',
      'تشير إلى حفظ السلم والأمن الدوليين',
      'تعنى بسلامة الموظفين',
    ])),
  );
  const sources: SegmentSource[] = [memorySource(b.finish())];
  const search = (query: string) => assembleHits(sources, searchSegments(sources, planQuery(query), {}, 10)).map((h) => h.clause);

  it('finds both renderings of "reaffirms", the wording typed first', () => {
    expect(search('تؤكد من جديد').slice(0, 2).sort()).toEqual(['op1', 'op2']);
    expect(search('من جديد').indexOf('op2')).toBeLessThan(search('من جديد').indexOf('op1'));
    expect(search('تؤكد مجددا').slice(0, 2)).toEqual(['op1', 'op2']);
  });

  it('finds both words for peace, the word typed first', () => {
    const hits = search('حفظ السلام');
    expect(hits.slice(0, 2)).toEqual(['op4', 'op5']);
    const charter = search('حفظ السلم');
    expect(charter.slice(0, 2)).toEqual(['op5', 'op4']);
  });

  it('"again" ranks the clauses saying "new" after both renderings', () => {
    const hits = search('تؤكد مجددا');
    expect(hits.indexOf('op3')).toBeGreaterThan(1);
  });

  it("finds the Charter's older terms from the later ones", () => {
    const charter = new SegmentBuilder();
    charter.add(
      doc('Charter', ops([
        'يتمتع المندوبون وموظفو الهيئة بالمزايا والإعفاءات التي يتطلبها استقلالهم',
        'لأي فرع أن يطلب من المحكمة إفتاءها في المسائل القانونية',
        'يضع مجلس الأمن خططا لتنظيم التسليح',
        'تنظيم الاجتماعات',
      ])),
    );
    const own: SegmentSource[] = [memorySource(charter.finish())];
    const find = (query: string) => assembleHits(own, searchSegments(own, planQuery(query), {}, 10)).map((h) => h.clause);
    expect(find('امتيازات وحصانات')).toEqual(['op1']);
    expect(find('الرأي الاستشاري للمحكمة')[0]).toBe('op2');
    expect(find('تنظيم التسلح')[0]).toBe('op3');
  });

  it('"safety" does not find the Charter\'s word for peace', () => {
    expect(search('سلامة')).not.toContain('op5');
  });
});
