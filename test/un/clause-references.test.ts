// A heading that opens with a division's name ("الفصل السابع: ...") gives the clauses under it, at any depth,
// that division's reference key, so a query naming the chapter (query.ts) reaches them. The keys are read
// from the parser's heading tree: the headings here are read by the structure recogniser, as ingest reads them.

import { describe, expect, it } from 'vitest';
import { readHeading } from '../../src/structure/recognisers.js';
import { headingReferenceKeys } from '../../src/un/clause-references.js';
import type { Heading } from '../../src/types.js';

/** A heading as the parser records it, from a printed line. */
function heading(id: string, line: string, parent: string | null = null): Heading {
  const found = readHeading(line);
  return {
    id,
    level: found?.level ?? 'section',
    depth: 0,
    label: found?.label ?? null,
    number: found?.number ?? null,
    title: found?.title ?? null,
    text: line,
    parent,
  };
}

function keysOf(line: string): readonly string[] | undefined {
  return headingReferenceKeys([heading('h1', line)]).get('h1');
}

describe('heading reference keys', () => {
  it('reads a chapter or part named by an ordinal, a number or a roman numeral', () => {
    expect(keysOf('الفصل السابع: فيما يتخذ من الأعمال في حالات تهديد السلم')).toEqual(['chapter:7']);
    expect(keysOf('الفصل الثاني : العضوية')).toEqual(['chapter:2']);
    expect(keysOf('الفصل الثامـن: التنظيمات الإقليمية')).toEqual(['chapter:8']);
    expect(keysOf('الفصل الحادي عشر: تصريح يتعلق بالأقاليم')).toEqual(['chapter:11']);
    expect(keysOf('الفصل السابع عشر: تدابير حفظ الأمن')).toEqual(['chapter:17']);
    expect(keysOf('الباب الثالث - التنفيذ')).toEqual(['part:3']);
    expect(keysOf('الجزء ٤')).toEqual(['part:4']);
    expect(keysOf('Chapter XVI: Miscellaneous Provisions')).toEqual(['chapter:16']);
  });

  it('gives nothing for other headings', () => {
    expect(headingReferenceKeys(undefined).size).toBe(0);
    expect(keysOf('أولاً - مقدمة')).toEqual([]);
    expect(keysOf('ألف - افتتاح الاجتماع')).toEqual([]);
    expect(keysOf('التصويت')).toEqual([]);
    expect(keysOf('الفصل')).toEqual([]);
    expect(keysOf('الفصل في المنازعات')).toEqual([]);
    expect(keysOf('القسم الثاني: الأحكام الختامية')).toEqual([]);
  });

  it('gives a heading the keys of the divisions it stands under', () => {
    const keys = headingReferenceKeys([
      heading('h1', 'الباب الثاني - الأحكام الموضوعية'),
      heading('h2', 'الفصل الرابع: الحقوق', 'h1'),
      heading('h3', 'ألف - الحق في التعليم', 'h2'),
      heading('h4', 'الفصل الخامس: الالتزامات', 'h1'),
    ]);
    expect(keys.get('h1')).toEqual(['part:2']);
    expect(keys.get('h2')).toEqual(['part:2', 'chapter:4']);
    expect(keys.get('h3')).toEqual(['part:2', 'chapter:4']);
    expect(keys.get('h4')).toEqual(['part:2', 'chapter:5']);
  });
});
