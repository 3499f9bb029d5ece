import { describe, expect, it } from 'vitest';
import { type BodyNode, groupBySection, letterRank, ordinalRank, parseHeading } from '../../src/export/akn-sections.js';
import { restartingReport } from './sample-document.js';

describe('heading labels', () => {
  it('reads ordinal words as chapters', () => {
    expect(['أولاً', 'ثانياً', 'ثالثا', 'رابعا', 'خامساً', 'عاشراً', 'الحادي عشر', 'ثاني عشر', 'عشرون'].map(ordinalRank)).toEqual([
      1, 2, 3, 4, 5, 10, 11, 12, 20,
    ]);
    expect(ordinalRank('ألف')).toBeNull();
    expect(ordinalRank('مقدمة')).toBeNull();
  });

  it('reads letter names as section ranks', () => {
    expect(['ألف', 'باء', 'جيم', 'دال', 'هاء', 'واو'].map(letterRank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(letterRank('أولاً')).toBeNull();
  });

  it('splits a label into num and heading', () => {
    expect(parseHeading('ثانياً - التوصيات')).toEqual({ level: 'chapter', num: 'ثانياً', heading: 'التوصيات', rank: 2 });
    expect(parseHeading('باء - الكلمات')).toEqual({ level: 'section', num: 'باء', heading: 'الكلمات', rank: 2 });
    expect(parseHeading('II. - Recommendations')).toMatchObject({ level: 'chapter', rank: 2 });
    expect(parseHeading('3- مسائل أخرى')).toMatchObject({ level: 'section', num: '3', rank: 3 });
  });

  it('keeps a label whose first part is not numbering whole', () => {
    expect(parseHeading('الاتجار - عبر الإنترنت')).toEqual({ level: 'section', num: null, heading: 'الاتجار - عبر الإنترنت', rank: null });
    expect(parseHeading('مرفق')).toEqual({ level: 'section', num: null, heading: 'مرفق', rank: null });
  });
});

/** The tree as "chapter(num)[...]" strings, clause ids for clauses. */
function shape(nodes: BodyNode[]): string[] {
  return nodes.map((node) =>
    node.type === 'clause' ? node.clause.id : `${node.level}(${node.heading?.num ?? '-'})[${shape(node.children).join(' ')}]`,
  );
}

describe('groupBySection', () => {
  it('nests sections in chapters and starts an untitled chapter when the letters start again', () => {
    expect(shape(groupBySection(restartingReport.clauses))).toEqual([
      'para1',
      'chapter(أولاً)[para2 section(ألف)[rec1] section(باء)[para3]]',
      'chapter(-)[section(ألف)[para4]]',
      'chapter(ثالثاً)[para5]',
    ]);
  });

  it('leaves clauses without sections at the top', () => {
    expect(shape(groupBySection(restartingReport.clauses.slice(0, 1)))).toEqual(['para1']);
    expect(groupBySection([])).toEqual([]);
  });
});
