// The text no clause holds (a document's preface and conclusions) is searched
// as the field `matter` of the document's first clause: a meeting number, a
// sponsor or a closing line finds the document, with no new kind of hit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysedFieldTexts, matterFieldText } from '../../src/search/fields.js';
import type { UnresIndex } from '../../src/store/index.js';
import { doc, ops } from './helpers/docs.js';
import { TempIndexes } from './helpers/temp-indexes.js';

const temp = new TempIndexes('matter');
let index: UnresIndex;

const council = doc('S-RES-9123', ops(['يطلب إلى الأطراف وقف الأعمال العدائية', 'يقرر أن يبقي المسألة قيد نظره']), {
  title: 'الحالة في منطقة البحيرات',
  preface: 'الحالة في منطقة البحيرات اعتمده مجلس الأمن في جلسته 9871، بـ 13 صوتا مقابل لا شيء',
  conclusions: 'حررت في مونتيفيديو',
});
const assembly = doc('A-RES-91-250', ops(['تطلب إلى الأطراف تقديم تقرير', 'تقرر مواصلة النظر في المسألة']), {
  title: 'سلامة العاملين',
  preface: null,
  conclusions: null,
});
// Indexed before preface and conclusions were kept: the fields are absent.
const older = doc('A-RES-90-1', ops(['تطلب إلى الأطراف وقف القتال']), { title: 'الحالة في منطقة البحيرات' });

beforeAll(async () => {
  index = await temp.open('one', {});
  await index.ingest([council, assembly, older]);
});

afterAll(() => temp.cleanUp());

describe('the matter field', () => {
  it('is the preface (its printed title left out: titles are searched only when named) and the conclusions, on the first clause only', () => {
    expect(matterFieldText(council)).toBe('\n اعتمده مجلس الأمن في جلسته 9871، بـ 13 صوتا مقابل لا شيء\nحررت في مونتيفيديو');
    expect(analysedFieldTexts(council, council.clauses[0]!).matter).toBe(matterFieldText(council));
    expect(analysedFieldTexts(council, council.clauses[1]!).matter).toBeNull();
  });

  it('searches a bounded start of a preface or conclusions that swallowed megabytes (the document keeps them whole)', () => {
    const long = 'كلمة '.repeat(100_000);
    const text = matterFieldText({ title: null, preface: long, conclusions: long })!;
    expect(text.length).toBeLessThan(50_000);
    expect(text.startsWith('كلمة كلمة')).toBe(true);
  });

  it('is empty for a document with neither, or indexed before they were kept', () => {
    expect(matterFieldText(assembly)).toBeNull();
    expect(matterFieldText(older)).toBeNull();
    expect(analysedFieldTexts(older, older.clauses[0]!).matter).toBeNull();
  });

  it('finds the first clause of a document by a word only its preface prints', async () => {
    const hits = await index.search('9871');
    expect(hits.map((h) => `${h.doc}#${h.clause}`)).toEqual(['S-RES-9123#op1']);
  });

  it('finds it by a word only its conclusions print', async () => {
    const hits = await index.search('مونتيفيديو');
    expect(hits.map((h) => `${h.doc}#${h.clause}`)).toEqual(['S-RES-9123#op1']);
  });

  it('holds quoted phrases', async () => {
    expect((await index.search('"في جلسته 9871"')).map((h) => h.doc)).toEqual(['S-RES-9123']);
    expect(await index.search('"جلسته مونتيفيديو"')).toEqual([]);
  });

  it('does not answer for the title it leaves out (titles are searched when named)', async () => {
    expect(await index.search('البحيرات')).toEqual([]);
    expect((await index.search('title:البحيرات')).length).toBeGreaterThan(0);
  });

  it('is searched by name, and ranks below the clause text', async () => {
    expect((await index.search('matter:9871')).map((h) => h.clause)).toEqual(['op1']);
    // "الأطراف" in every first clause's text; "مجلس" only in the council's preface: it comes first, the rest still found.
    const hits = await index.search('الأطراف مجلس');
    expect(hits[0]!.doc).toBe('S-RES-9123');
    expect(hits.map((h) => h.doc)).toEqual(expect.arrayContaining(['A-RES-91-250', 'A-RES-90-1']));
  });
});
