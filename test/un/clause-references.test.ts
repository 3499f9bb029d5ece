// A heading that opens with a division's name ("الفصل السابع: ...") gives its clauses that division's
// reference key, so a query naming the chapter (query.ts) reaches them.

import { describe, expect, it } from 'vitest';
import { headingReferenceKeys } from '../../src/un/clause-references.js';

describe('heading reference keys', () => {
  it('reads a chapter or part named by an ordinal, a number or a roman numeral', () => {
    expect(headingReferenceKeys('الفصل السابع: فيما يتخذ من الأعمال في حالات تهديد السلم')).toEqual(['chapter:7']);
    expect(headingReferenceKeys('الفصل الثاني : العضوية')).toEqual(['chapter:2']);
    expect(headingReferenceKeys('الفصل الثامـن: التنظيمات الإقليمية')).toEqual(['chapter:8']);
    expect(headingReferenceKeys('الفصل الحادي عشر: تصريح يتعلق بالأقاليم')).toEqual(['chapter:11']);
    expect(headingReferenceKeys('الفصل السابع عشر: تدابير حفظ الأمن')).toEqual(['chapter:17']);
    expect(headingReferenceKeys('الباب الثالث - التنفيذ')).toEqual(['part:3']);
    expect(headingReferenceKeys('الجزء ٤')).toEqual(['part:4']);
    expect(headingReferenceKeys('Chapter XVI: Miscellaneous Provisions')).toEqual(['chapter:16']);
  });

  it('gives nothing for other headings', () => {
    expect(headingReferenceKeys(null)).toEqual([]);
    expect(headingReferenceKeys('')).toEqual([]);
    expect(headingReferenceKeys('أولاً - مقدمة')).toEqual([]);
    expect(headingReferenceKeys('ألف - افتتاح الاجتماع')).toEqual([]);
    expect(headingReferenceKeys('التصويت')).toEqual([]);
    expect(headingReferenceKeys('الفصل')).toEqual([]);
    expect(headingReferenceKeys('الفصل في المنازعات')).toEqual([]);
  });
});
