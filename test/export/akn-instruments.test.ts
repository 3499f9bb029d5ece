// Instruments (conventions, covenants, the Charter, declarations on their own,
// rules) are AKN `act`s with a hierarchical `body`; citations of the Security
// Council and the Human Rights Council get refs to their organ's work URIs.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentToAkn } from '../../src/export/akn.js';
import { aknDocumentType, workUriForSymbol } from '../../src/export/akn-uris.js';
import { parseBytes } from '../../src/structure/parse.js';
import { projectRoot } from '../helpers/gold.js';
import { parseLines } from '../structure/support/crafted.js';
import { elementsNamed, readXml } from './xml-reader.js';
import { hasXmllint, validateAkn, XMLLINT_MISSING } from './xmllint.js';

const convention = parseLines(
  'اتفاقية بشأن التعاون في المسائل المشتركة',
  'إن الدول الأطراف في هذه الاتفاقية،',
  'إذ تضع في اعتبارها قرار مجلس الأمن 1373 (2001) وقرار مجلس حقوق الإنسان 40/7،',
  'قد اتفقت على ما يلي:',
  'المادة 1',
  'تتعاون الدول الأطراف.',
  'المادة 2',
  'تبدأ هذه الاتفاقية في النفاذ.',
);
const preambleOnly = parseLines('اتفاقية بشأن مسألة', 'إن الأطراف في هذه الاتفاقية،', 'إذ تعترف بالمسألة،');
const realInstruments = ['r-000.txt', 'r-006.txt', 'r-022.txt', 'r-024.txt'].map((file) =>
  parseBytes(readFileSync(join(projectRoot, 'fixtures', 'real', file)), file),
);

describe('instrument documents', () => {
  it('are acts', () => {
    expect(aknDocumentType('instrument')).toBe('act');
    expect(convention.kind).toBe('instrument');
    const root = readXml(documentToAkn(convention));
    expect(elementsNamed(root, 'act')).toHaveLength(1);
    expect(elementsNamed(root, 'body')).toHaveLength(1);
    expect(elementsNamed(root, 'mainBody')).toHaveLength(0);
  });

  it.skipIf(!hasXmllint)(hasXmllint ? 'validate against the schema, with and without provisions' : `validate — ${XMLLINT_MISSING}`, () => {
    for (const doc of [convention, preambleOnly, ...realInstruments]) {
      const result = validateAkn(documentToAkn(doc));
      expect(result.output, doc.source.path).toMatch(/validates$/);
    }
  });
});

describe('refs to the new organs', () => {
  it('name the organ in the work URI', () => {
    expect(workUriForSymbol('A/HRC/RES/40/7')).toBe('/akn/un/statement/resolution/hrc/40/7');
    expect(workUriForSymbol('S/RES/242 (1967)')).toBe('/akn/un/statement/resolution/sc/242-1967');
    expect(workUriForSymbol('A/RES/37/120A')).toBe('/akn/un/statement/resolution/ga/37/120a');
    expect(workUriForSymbol('A/RES/1514(XV)')).toBe('/akn/un/statement/resolution/ga/1514-xv');
    expect(workUriForSymbol('A/RES/2200(XXI)A')).toBe('/akn/un/statement/resolution/ga/2200-xxi-a');
  });

  it('are written as refs in the exported text', () => {
    const hrefs = elementsNamed(readXml(documentToAkn(convention)), 'ref').map((r) => r.attributes.href);
    expect(hrefs).toEqual(['/akn/un/statement/resolution/sc/1373-2001', '/akn/un/statement/resolution/hrc/40/7']);
  });
});
