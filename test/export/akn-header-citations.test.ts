// Citations in the header lines (`clause: "header"`: "اعتمد ... بموجب قرار
// الجمعية العامة رقم 61/295") are linked in the preface, as clause citations
// are in their clause.

import { describe, expect, it } from 'vitest';
import { documentToAkn } from '../../src/export/akn.js';
import { workUriForSymbol } from '../../src/export/akn-uris.js';
import { parseLines } from '../structure/support/crafted.js';
import { elementsNamed, readXml, textContent } from './xml-reader.js';
import { hasXmllint, validateAkn, XMLLINT_MISSING } from './xmllint.js';

const declaration = parseLines(
  'إعلان بشأن حقوق الجماعات المحلية',
  'اعتمد ونشر على الملأ بموجب قرار الجمعية العامة رقم 61/295 المؤرخ في 13 أيلول/سبتمبر 2007',
  'المادة 1',
  'للجماعات المحلية الحق في التمتع الكامل بجميع حقوق الإنسان.',
);

describe('header citations in AKN', () => {
  it('are parsed as header citations', () => {
    expect(declaration.citations).toEqual([expect.objectContaining({ symbol: 'A/RES/61/295', clause: 'header' })]);
  });

  it('get a ref in the preface, with the resolution work URI', () => {
    const root = readXml(documentToAkn(declaration));
    const [preface] = elementsNamed(root, 'preface');
    const refs = elementsNamed(preface!, 'ref');
    expect(refs.map((r) => [r.attributes.href, textContent(r)])).toEqual([[workUriForSymbol('A/RES/61/295'), '61/295']]);
  });

  it.skipIf(!hasXmllint)('stay valid Akoma Ntoso', () => {
    const result = validateAkn(documentToAkn(declaration));
    expect(result.output).toBe(result.ok ? result.output : '');
    expect(result.ok).toBe(true);
  });
  it.runIf(!hasXmllint)(XMLLINT_MISSING, () => {});
});

describe('footnotes in AKN stand where their marker stood', () => {
  const doc = parseLines(
    'إن الجمعية العامة،',
    'إذ تشير إلى الاتفاقية^(١) وإلى البروتوكول الملحق بها،',
    '١ - تطلب إلى الدول ما يلي:',
    '(أ) أن تنفذ البرنامج^(٢) تنفيذا كاملا؛',
    '(ب) أن تقدم تقريرا عن ذلك^(١).',
    '(١) A/1.',
    '(٢) A/2.',
  );
  const xml = documentToAkn(doc);

  it('in a recital: right after the word, the rest of the text after the note', () => {
    expect(xml).toMatch(/الاتفاقية<authorialNote marker="[١1]"[^]*?<\/authorialNote> وإلى البروتوكول/);
  });

  it('in an item: inside that item; a later marker of the same footnote is a noteRef', () => {
    expect(xml).toMatch(/البرنامج<authorialNote marker="[٢2]"[^]*?<\/authorialNote> تنفيذا كاملا؛/);
    expect(xml).toMatch(/ذلك<noteRef marker="[١1]" href="#note_1"\/>\./);
  });

  it.skipIf(!hasXmllint)('stays valid Akoma Ntoso', () => {
    const result = validateAkn(xml);
    expect(result.output).toBe(result.ok ? result.output : '');
    expect(result.ok).toBe(true);
  });
});
