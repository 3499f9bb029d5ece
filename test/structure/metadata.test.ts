// Metadata from the header lines: title (over several lines), organ, sponsors,
// agenda item, the document's own symbol, dates and the kind of document.

import { describe, expect, it } from 'vitest';
import { splitSponsors } from '../../src/structure/header.js';
import { parseCrafted, parseLines, parseString } from './support/crafted.js';

const metadata = (name: string) => {
  const { kind, symbol, id, title, body, adopted, distributed, agendaItem, sponsors } = parseCrafted('metadata', name);
  return { kind, symbol, id, title, body, adopted, distributed, agendaItem, sponsors };
};

describe('a draft resolution', () => {
  it('has a title over two lines, sponsors one per State, agenda item and distribution date', () => {
    expect(metadata('draft-resolution.txt')).toEqual({
      kind: 'draft-resolution',
      symbol: null,
      id: 'draft-resolution',
      title: 'تعزيز العدالة التصالحية في المسائل الجنائية من أجل حماية الضحايا والمجتمعات المحلية',
      body: 'لجنة منع الجريمة والعدالة الجنائية',
      adopted: null,
      distributed: '2021-04-22',
      agendaItem: '19 (ج)',
      sponsors: [
        'النمسا',
        'البوسنة والهرسك',
        'ترينيداد وتوباغو',
        'سانت كيتس ونيفس',
        'المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية',
        'كوستاريكا',
        'المغرب',
      ],
    });
  });

  it('takes its symbol from a printed symbol line', () => {
    const doc = parseLines('A/C.3/77/L.12', 'الجمعية العامة', 'البند ١٠٨ من جدول الأعمال', 'شيلي: مشروع قرار', 'منع الجريمة', 'إن الجمعية العامة،', 'إذ تشير،', '١ - تقرر.');
    expect([doc.kind, doc.symbol, doc.id, doc.sponsors, doc.agendaItem]).toEqual(['draft-resolution', 'A/C.3/77/L.12', 'A-C.3-77-L.12', ['شيلي'], '108']);
  });
});

describe('an adopted resolution', () => {
  it('takes its symbol from "N/YYYY - title", its title wrapped over two lines, and its adoption date', () => {
    expect(metadata('ecosoc-resolution.txt')).toEqual({
      kind: 'resolution',
      symbol: 'E/RES/2020/12',
      id: 'E-RES-2020-12',
      title: 'تعزيز التعاون الدولي على معالجة المشكلة العالمية للمخدرات',
      body: 'المجلس الاقتصادي والاجتماعي',
      adopted: '2020-07-22',
      distributed: null,
      agendaItem: '18 (ب)',
      sponsors: [],
    });
  });

  it('takes a GA symbol from "N/session - title"', () => {
    const doc = parseLines('الجمعية العامة', 'قرار اتخذته الجمعية العامة في ١٧ كانون الأول/ديسمبر ٢٠١٨', '١٥٤/٧٣ - حماية الأطفال من', 'التنمر', 'إن الجمعية العامة،', 'إذ تشير،', '١ - تقرر.');
    expect([doc.symbol, doc.title, doc.adopted]).toEqual(['A/RES/73/154', 'حماية الأطفال من التنمر', '2018-12-17']);
  });

  it('cuts the title after "N/M - " as printed, whatever it starts with', () => {
    const doc = parseLines('المجلس الاقتصادي والاجتماعي', '١٨/٢٠١٧ - ـــالتعاون الدولي', 'إن المجلس الاقتصادي والاجتماعي،', 'إذ يشير،', '١ - يقرر.');
    expect(doc.title).toBe('ـــالتعاون الدولي');
  });

  it('takes the adoption date from the closing when the header has none', () => {
    const doc = parseLines('إن الجمعية العامة،', 'إذ تشير،', '١ - تقرر.', 'الجلسة العامة ٦٥', '١٩ كانون الأول/ديسمبر ٢٠١٩');
    expect(doc.adopted).toBe('2019-12-19');
    expect(doc.clauses.map((c) => c.id)).toEqual(['pp1', 'op1']);
  });
});

describe('decisions', () => {
  it('an adopted decision is a decision with a DEC symbol', () => {
    expect(metadata('ecosoc-decision.txt')).toMatchObject({
      kind: 'decision',
      symbol: 'E/DEC/2019/250',
      title: 'تقرير لجنة المخدرات عن أعمال دورتها الثانية والستين',
      adopted: '2019-07-24',
      agendaItem: '19 (د)',
    });
  });

  it('a draft decision is a decision, and "مقدم من الرئيس" names no sponsor', () => {
    expect(metadata('draft-decision.txt')).toMatchObject({ kind: 'decision', title: 'المسائل التنظيمية', body: 'لجنة المخدرات', agendaItem: '3', sponsors: [], adopted: null });
  });
});

describe('kind', () => {
  it('is report for a text titled as a report', () => {
    expect(metadata('report-by-title.txt')).toMatchObject({ kind: 'report', body: null, title: 'تقرير الأمين العام عن أنشطة مكتب الأمم المتحدة المعني بالمخدرات والجريمة' });
  });

  it('is report for numbered paragraphs with no enacting formula', () => {
    expect(parseLines('أولاً - مقدمة', '1- عقد الفريق اجتماعه.', '2- وانتخب رئيسه.').kind).toBe('report');
  });

  it('is resolution for an enacting formula with preamble and operative clauses', () => {
    expect(parseLines('إن الجمعية العامة،', 'إذ تشير،', '١ - تقرر.').kind).toBe('resolution');
  });

  it('is unknown for a text with no structure and no report title', () => {
    expect(parseString('ملاحظات\nنص أول.\nنص ثان.').kind).toBe('unknown');
  });

  it('gives the id from the file name when no symbol is known', () => {
    expect(parseString('نص.', 'some/dir/notes.md').id).toBe('notes');
  });
});

describe('agenda items', () => {
  it.each([
    ['البند ٦ من جدول الأعمال', '6'],
    ['البند ١٩ (ج) من جدول الأعمال', '19 (ج)'],
    ['البند ١٩(ج) من جدول الأعمال', '19 (ج)'],
    ['البند 3 (هـ) من جدول الأعمال المؤقت', '3 (هـ)'],
    ['البنـد ١٠٧ من جدول الأعمال', '107'],
    ['البند ۲۴ من جدول الأعمال', '24'],
  ])('reads "%s" as "%s", digits ASCII', (line, item) => {
    expect(parseLines(line, 'إن الجمعية العامة،', 'إذ تشير،', '١ - تقرر.').agendaItem).toBe(item);
  });
});

describe('sponsors', () => {
  it('splits on "و" glued to a name and on commas', () => {
    expect(splitSponsors('أندورا ورومانيا، وسان مارينو، وفرنسا والفلبين')).toEqual(['أندورا', 'رومانيا', 'سان مارينو', 'فرنسا', 'الفلبين']);
  });

  it('keeps compound State names whole', () => {
    expect(splitSponsors('ترينيداد وتوباغو وأنتيغوا وبربودا وسان تومي وبرينسيبي وسانت فنسنت وجزر غرينادين')).toEqual([
      'ترينيداد وتوباغو',
      'أنتيغوا وبربودا',
      'سان تومي وبرينسيبي',
      'سانت فنسنت وجزر غرينادين',
    ]);
  });

  it('splits two States joined by one "و"', () => {
    expect(splitSponsors('اليابان وكندا')).toEqual(['اليابان', 'كندا']);
  });
});
