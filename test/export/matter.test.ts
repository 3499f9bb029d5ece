// The text no clause holds travels with the exports: Akoma Ntoso's <preface>
// (the printed lines, after the metadata read from them) and <conclusions>;
// the preface and conclusions fields on every JSONL record.

import { describe, expect, it } from 'vitest';
import { documentToAkn } from '../../src/export/akn.js';
import { documentToJsonl } from '../../src/export/jsonl.js';
import { opensearchIndexBody } from '../../src/export/opensearch.js';
import { documentWith } from '../helpers/document.js';
import { parseLines } from '../structure/support/crafted.js';
import { elementsNamed, readXml, textContent } from './xml-reader.js';
import { hasXmllint, validateAkn, XMLLINT_MISSING } from './xmllint.js';

const resolution = parseLines(
  'الدورة الحادية والتسعون',
  'البند 73 من جدول الأعمال',
  'قرار اتخذته الجمعية العامة في 14 كانون الأول/ديسمبر 2036',
  '91/250 - سلامة العاملين في مجال الإغاثة الإنسانية',
  'إن الجمعية العامة،',
  'إذ تشير إلى قراراتها السابقة بشأن المسألة،',
  '1 - تطلب إلى الأمين العام أن يقدم تقريرا عن تنفيذ هذا القرار.',
  'الجلسة العامة 61',
  '14 كانون الأول/ديسمبر 2036',
);

const convention = parseLines(
  'اتفاقية بشأن حماية الأنهار العابرة للحدود',
  'المادة 1',
  'تتعاون الدول الأطراف في حماية الأنهار العابرة للحدود.',
  'حررت في مونتيفيديو في اليوم الخامس من أيار/مايو 2041',
);

describe('Akoma Ntoso', () => {
  it('prints the preface lines in the preface, after the metadata, and the closing lines as conclusions after the body', () => {
    const root = readXml(documentToAkn(resolution));
    const [preface] = elementsNamed(root, 'preface');
    const [printed] = elementsNamed(preface!, 'container');
    expect(printed!.attributes.name).toBe('printed');
    expect(textContent(printed!).trim()).toBe(resolution.preface);
    const [conclusions] = elementsNamed(root, 'conclusions');
    expect(textContent(conclusions!).trim()).toBe('الجلسة العامة 61 14 كانون الأول/ديسمبر 2036');
    const [statement] = elementsNamed(root, 'statement');
    const names = statement!.children.flatMap((c) => (typeof c === 'string' ? [] : [c.name]));
    expect(names.slice(-2)).toEqual(['mainBody', 'conclusions']);
  });

  it('writes neither for a document that has none, or was indexed before they were kept', () => {
    const xml = documentToAkn(documentWith({ clauses: convention.clauses, kind: 'instrument' }));
    expect(xml).not.toContain('<conclusions');
    expect(xml).not.toContain('name="printed"');
  });

  it.skipIf(!hasXmllint)('stays valid Akoma Ntoso (a statement and an act)', () => {
    for (const doc of [resolution, convention]) {
      const result = validateAkn(documentToAkn(doc));
      expect(result.output).toBe(result.ok ? result.output : '');
      expect(result.ok).toBe(true);
    }
    expect(documentToAkn(convention)).toContain('حررت في مونتيفيديو');
  });
  it.runIf(!hasXmllint)(XMLLINT_MISSING, () => {});
});

describe('JSONL and OpenSearch', () => {
  it('carry preface and conclusions on every record, null when absent', () => {
    const records = documentToJsonl(resolution).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.length).toBe(resolution.clauses.length);
    for (const r of records) {
      expect(r.preface).toBe(resolution.preface);
      expect(r.conclusions).toBe('الجلسة العامة 61 14 كانون الأول/ديسمبر 2036');
    }
    const [old] = documentToJsonl(documentWith({ clauses: convention.clauses })).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(old).toMatchObject({ preface: null, conclusions: null });
  });

  it('maps both as Arabic text', () => {
    const { properties } = opensearchIndexBody().mappings;
    expect(properties.preface).toEqual({ type: 'text', analyzer: 'arabic' });
    expect(properties.conclusions).toEqual({ type: 'text', analyzer: 'arabic' });
  });
});
