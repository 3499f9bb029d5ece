import { describe, expect, it } from 'vitest';
import { itemEIdSuffix, itemNum, linkCitations, splitClause } from '../../src/export/akn-inline.js';
import { element } from '../../src/export/xml.js';

const ga = (session: number, number: number): string => `/akn/un/statement/resolution/ga/${session}/${number}`;

describe('linkCitations', () => {
  it('wraps every occurrence of a cited symbol', () => {
    expect(linkCitations('القرار ٢٩٣/٦٤ ثم ٢٩٣/٦٤.', [{ text: '٢٩٣/٦٤', href: ga(64, 293) }])).toEqual([
      'القرار ',
      element('ref', { href: ga(64, 293) }, ['٢٩٣/٦٤']),
      ' ثم ',
      element('ref', { href: ga(64, 293) }, ['٢٩٣/٦٤']),
      '.',
    ]);
  });

  it('does not find a citation inside a longer number pair', () => {
    const links = [{ text: '١/٧٢', href: ga(72, 1) }];
    expect(linkCitations('القرار ٢٠١/٧٢ و ١/٧٢٣', links)).toEqual(['القرار ٢٠١/٧٢ و ١/٧٢٣']);
    expect(linkCitations('(١/٧٢)', links)).toEqual(['(', element('ref', { href: ga(72, 1) }, ['١/٧٢']), ')']);
  });

  it('prefers the longer of two overlapping citations', () => {
    const nodes = linkCitations('x 14/63 y', [
      { text: '14/63', href: ga(63, 14) },
      { text: '4/63', href: ga(63, 4) },
    ]);
    expect(nodes).toEqual(['x ', element('ref', { href: ga(63, 14) }, ['14/63']), ' y']);
  });

  it('returns the text alone when nothing is cited', () => {
    expect(linkCitations('نص', [])).toEqual(['نص']);
    expect(linkCitations('', [])).toEqual([]);
  });
});

describe('splitClause', () => {
  it('cuts the intro, the items without their labels, and what follows', () => {
    const parts = splitClause({
      text: 'تطلب ما يلي: (أ) تقريراً؛ (ب) خطة؛ وذلك قبل نهاية العام.',
      items: [
        { label: 'أ', text: 'تقريراً؛' },
        { label: 'ب', text: 'خطة؛' },
      ],
    });
    expect(parts).toEqual({
      intro: 'تطلب ما يلي:',
      items: [
        { label: 'أ', text: 'تقريراً؛' },
        { label: 'ب', text: 'خطة؛' },
      ],
      wrapUp: 'وذلك قبل نهاية العام.',
    });
  });

  it('accepts labels given with their brackets', () => {
    const parts = splitClause({ text: 'مقدمة (أ) أولى', items: [{ label: '(أ)', text: 'أولى' }] });
    expect(parts?.intro).toBe('مقدمة');
  });

  it('does not eat a final letter that only looks like a label', () => {
    const parts = splitClause({ text: 'تؤكد المبدأ أولى', items: [{ label: 'أ', text: 'أولى' }] });
    expect(parts?.intro).toBe('تؤكد المبدأ');
  });

  it('gives words between two items to the earlier item', () => {
    const parts = splitClause({
      text: 'مقدمة: (أ) أولى تتمة (ب) ثانية',
      items: [
        { label: 'أ', text: 'أولى' },
        { label: 'ب', text: 'ثانية' },
      ],
    });
    expect(parts?.items[0]?.text).toBe('أولى تتمة');
  });

  it('gives up (null) when an item is not in the text, so no words are lost', () => {
    expect(splitClause({ text: 'مقدمة (أ) أولى', items: [{ label: 'أ', text: 'غائبة' }] })).toBeNull();
  });

  it('leaves a clause without items whole', () => {
    expect(splitClause({ text: 'نص كامل.', items: [] })).toEqual({ intro: 'نص كامل.', items: [], wrapUp: '' });
  });
});

describe('item labels', () => {
  it('letters Arabic items like the English text of the same document', () => {
    const labels = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', '(ز)', 'ا', 'ظ', 'غ'];
    expect(labels.map((label, i) => itemEIdSuffix({ label, text: '' }, i))).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'a', 'aa', 'bb']);
  });

  it('keeps Latin letters and digits, and falls back to the position', () => {
    expect(itemEIdSuffix({ label: 'iv', text: '' }, 0)).toBe('iv');
    expect(itemEIdSuffix({ label: '(2)', text: '' }, 0)).toBe('2');
    expect(itemEIdSuffix({ label: '*', text: '' }, 4)).toBe('5');
  });

  it('prints the label in brackets, once', () => {
    expect(itemNum({ label: 'أ', text: '' })).toBe('(أ)');
    expect(itemNum({ label: '(أ)', text: '' })).toBe('(أ)');
  });
});
