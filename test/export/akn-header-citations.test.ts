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
