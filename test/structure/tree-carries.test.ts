// The Document JSON carries what the parser found, so later stages read it
// instead of guessing again: every heading with its level, numbering, title and
// parent (`headings`), the heading each clause stands under (`heading`), and
// where each footnote marker stood in a clause's text (`footnoteRefs`).

import { describe, expect, it } from 'vitest';
import { documentToAkn } from '../../src/export/akn.js';
import { clause, parseCrafted, parseLines } from './support/crafted.js';

const layout = (name: string) => parseCrafted('layouts', name);

describe('headings are carried in the tree', () => {
  it('parts, chapters and unnumbered headings, with their level, numbering, title and parent', () => {
    const doc = layout('1-headings.txt');
    expect(doc.headings!.map((h) => [h.id, h.level, h.depth, h.label, h.number, h.title, h.parent])).toEqual([
      ['h1', 'part', 1, 'الجزء الأول', 1, 'أحكام عامة', null],
      ['h2', 'chapter', 2, 'الفصل الأول', 1, 'الإنشاء والمقر', 'h1'],
      ['h3', 'chapter', 2, 'الفصل الثاني', 2, 'الوظائف', 'h1'],
      ['h4', 'subsection', 3, null, null, 'المهام الرئيسية', 'h3'],
      ['h5', 'subsection', 3, null, null, 'التعاون مع الجهات الأخرى', 'h3'],
      ['h6', 'part', 1, 'الجزء الثاني', 2, 'الإدارة والتمويل', null],
    ]);
    expect(doc.clauses.map((c) => [c.id, c.heading])).toEqual([
      ['art1', 'h2'],
      ['art2', 'h2'],
      ['art3', 'h4'],
      ['art4', 'h5'],
      ['art5', 'h6'],
    ]);
    // `section` stays the text of that heading.
    for (const c of doc.clauses) expect(c.section).toBe(doc.headings!.find((h) => h.id === c.heading)!.text);
  });

  it('ordinal chapters and letter sections of a report nest by level', () => {
    const doc = layout('1-report-headings.txt');
    expect(doc.headings!.map((h) => [h.level, h.label, h.number, h.title, h.parent])).toEqual([
      ['chapter', 'أولاً', 1, 'مقدمة', null],
      ['chapter', 'ثانياً', 2, 'سير الأعمال', null],
      ['section', 'ألف', 1, 'المناقشة العامة', 'h2'],
      ['section', 'باء', 2, 'الاستنتاجات', 'h2'],
      ['subsection', null, null, 'ملاحظات ختامية', 'h4'],
    ]);
    expect(doc.clauses.map((c) => c.heading)).toEqual(['h1', 'h1', 'h3', 'h4', 'h5']);
  });

  it('a text without headings has an empty list and clauses under none', () => {
    const doc = parseLines('إن الجمعية العامة،', 'إذ تشير إلى قراراتها السابقة،', '1 - تقرر أن تبقي المسألة قيد نظرها.');
    expect(doc.headings).toEqual([]);
    expect(doc.clauses.every((c) => c.heading === null)).toBe(true);
  });

  it('AKN export writes the containers the parser found: part > chapter > article', () => {
    const xml = documentToAkn(layout('1-headings.txt'));
    const part = xml.indexOf('<part eId="part_1">');
    const chapter = xml.indexOf('<chapter eId="part_1__chp_1">');
    const article = xml.indexOf('<article eId="art_1">');
    expect(part).toBeGreaterThan(0);
    expect(chapter).toBeGreaterThan(part);
    expect(article).toBeGreaterThan(chapter);
    expect(xml).toContain('<num>الجزء الأول</num>');
    expect(xml).toContain('<heading>أحكام عامة</heading>');
  });
});

describe('footnote markers keep their place in the clause text', () => {
  it('each printed form of marker: the offset is the end of the word it followed', () => {
    const doc = layout('6-footnote-markers.txt');
    const marked = (id: string) => clause(doc, id).footnoteRefs!.map((r) => [r.number, clause(doc, id).text.slice(0, r.at).split(' ').at(-1)]);
    expect(marked('pp1')).toEqual([[1, 'الاستشارية']]);
    expect(marked('pp2')).toEqual([[2, 'بإقراره']]);
    expect(marked('pp3')).toEqual([[3, 'الإنسان.']]);
    expect(marked('pp4')).toEqual([[4, 'الإقليمية'], [5, 'المرحلي']]);
    expect(marked('pp5')).toEqual([[6, 'التوجيهية'], [7, 'العمل']]);
    for (const c of doc.clauses) expect(c.footnoteRefs!.map((r) => r.number)).toEqual(expect.arrayContaining(c.footnotes));
  });

  it('offsets count from the start of the whole clause, across joined lines and items', () => {
    const doc = parseLines(
      'إن الجمعية العامة،',
      'إذ تشير إلى الاتفاقية^(١)،',
      '١ - تطلب إلى الدول ما يلي:',
      '(أ) أن تنفذ البرنامج^(٢)؛',
      '(ب) أن تقدم تقريرا^(٣).',
      '(١) A/1.',
      '(٢) A/2.',
      '(٣) A/3.',
    );
    const op1 = clause(doc, 'op1');
    expect(op1.footnoteRefs!.map((r) => [r.number, op1.text.slice(r.at - 7, r.at)])).toEqual([
      [2, 'البرنامج'.slice(-7)],
      [3, ' تقريرا'],
    ]);
    expect(op1.text[op1.footnoteRefs![0]!.at]).toBe('؛');
  });

  it('a clause without markers has none', () => {
    const doc = parseLines('إن الجمعية العامة،', '1 - تقرر أن تبقي المسألة قيد نظرها.');
    expect(clause(doc, 'op1').footnoteRefs).toEqual([]);
  });
});
