// Document families the seeds do not show, crafted in their published layout.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/structure/parse.js';
import { projectRoot } from '../helpers/gold.js';

const family = (name: string) => {
  const path = join(projectRoot, 'fixtures', 'crafted', 'families', name);
  return parseBytes(readFileSync(path), name);
};

describe('a General Assembly resolution', () => {
  const doc = family('ga-resolution.txt');

  it('takes its symbol from the printed English symbol and its dates from header and closing', () => {
    expect(doc.symbol).toBe('A/RES/72/195');
    expect(doc.id).toBe('A-RES-72-195');
    expect(doc.kind).toBe('resolution');
    expect(doc.body).toBe('الجمعية العامة');
    expect(doc.adopted).toBe('2017-12-19');
    expect(doc.distributed).toBe('2018-01-23');
    expect(doc.agendaItem).toBe('107');
    expect(doc.title).toBe('تحسين تنسيق الجهود المبذولة لمكافحة الاتجار بالأشخاص');
  });

  it('splits preamble and operative clauses and leaves the closing out', () => {
    expect(doc.clauses.map((c) => c.id)).toEqual(['pp1', 'pp2', 'op1', 'op2']);
    expect(doc.clauses.at(-1)!.text).toBe('تقرر أن تبقي المسألة قيد نظرها.');
  });

  it('cites its own earlier resolutions, also from a footnote that names no organ', () => {
    expect(doc.citations.map((c) => [c.symbol, c.clause])).toEqual([
      ['A/RES/70/179', 'pp1'],
      ['A/RES/64/293', 'pp2'],
    ]);
  });
});

describe('an ECOSOC decision', () => {
  const doc = family('ecosoc-decision.txt');

  it('is a decision with a DEC symbol, its title and adoption date', () => {
    expect(doc.kind).toBe('decision');
    expect(doc.symbol).toBe('E/DEC/2016/241');
    expect(doc.title).toBe('تقرير لجنة منع الجريمة والعدالة الجنائية عن أعمال دورتها الخامسة والعشرين');
    expect(doc.adopted).toBe('2016-07-24');
    expect(doc.agendaItem).toBe('18 (ج)');
  });

  it('keeps its unnumbered paragraphs as paragraph clauses and cites the council resolution', () => {
    expect(doc.clauses.map((c) => [c.kind, c.number])).toEqual([
      ['paragraph', null],
      ['paragraph', null],
    ]);
    expect(doc.citations.map((c) => c.symbol)).toEqual(['E/RES/2015/20']);
  });
});

describe('an instrument with articles', () => {
  const doc = family('instrument-articles.txt');

  it('gives one article clause per article, whatever the heading style', () => {
    expect(doc.clauses.map((c) => [c.id, c.number])).toEqual([
      ['art1', 1],
      ['art2', 2],
      ['art3', 3],
    ]);
    expect(doc.clauses[1]!.items.map((i) => i.label)).toEqual(['أ', 'ب']);
    expect(doc.clauses[0]!.text).toContain('لأغراض هذا البروتوكول');
  });
});

describe('a text with no recognisable structure', () => {
  const doc = family('plain-notes.txt');

  it('still parses: its paragraphs are paragraph clauses, wrapped lines joined, kind unknown', () => {
    expect(doc.kind).toBe('unknown');
    expect(doc.title).toBe('ملاحظات عن زيارة ميدانية');
    expect(doc.clauses).toHaveLength(2);
    expect(doc.clauses[0]!.text).toBe(
      'زار الوفد ثلاث مؤسسات في المنطقة الشمالية واجتمع بممثلي السلطات المحلية وممثلي منظمات المجتمع المدني.',
    );
  });
});

describe('lines that look like labels or sponsors but are not', () => {
  it('reads a year range as text, not as paragraph 2022', async () => {
    const { numberLabel } = await import('../../src/structure/recognisers.js');
    expect(numberLabel('٢٠٢٢ - ٢٠٢٣ خطة العمل')).toBeNull();
    expect(numberLabel('2022- تقرر')).toEqual({ number: 2022, rest: 'تقرر' });
  });

  it('keeps officers out of the sponsoring States', async () => {
    const { splitSponsors } = await import('../../src/structure/header.js');
    expect(splitSponsors('الرئيس')).toEqual([]);
    expect(splitSponsors('نائب الرئيس')).toEqual([]);
    expect(splitSponsors('ترينيداد وتوباغو والبوسنة والهرسك وفرنسا')).toEqual(['ترينيداد وتوباغو', 'البوسنة والهرسك', 'فرنسا']);
  });
});
