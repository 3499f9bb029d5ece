// Formulas no clause holds are kept, not dropped: an enacting formula, the
// line introducing a recommended draft, an instrument's formulas between or
// after its preamble paragraphs. Each is the `formula` of the clause it
// stands before; after the last clause, it leads the conclusions. The search
// field `matter` holds it with that clause, show prints it above the clause,
// and Akoma Ntoso has it as <formula> in the preamble or an hcontainer before
// a later body clause.

import { describe, expect, it } from 'vitest';
import { documentToAkn } from '../../src/export/akn.js';
import { clauseRecords } from '../../src/export/records.js';
import { renderDocument } from '../../src/render/document.js';
import { analysedFieldTexts } from '../../src/search/fields.js';
import { elementsNamed, readXml, textContent } from '../export/xml-reader.js';
import { hasXmllint, validateAkn } from '../export/xmllint.js';
import { parseLines } from './support/crafted.js';

const recommended = parseLines(
  'قرار اتخذه المجلس الاقتصادي والاجتماعي في 20 تموز/يوليه 2039',
  '2039/12 - التعاون الدولي في مجال الأرصاد الجوية',
  'إن المجلس الاقتصادي والاجتماعي',
  'يوصي الجمعية العامة باعتماد مشروع القرار التالي:',
  'إن الجمعية العامة،',
  'إذ تشير إلى قراراتها السابقة بشأن المسألة،',
  '1 - تطلب إلى الأمين العام أن يقدم تقريرا عن تنفيذ هذا القرار.',
);

const instrument = parseLines(
  'إعلان بشأن التعاون في حماية السواحل',
  'إن الدول الموقعة على هذا الإعلان،',
  'إذ تدرك أهمية السواحل للأجيال المقبلة،',
  'وإذ تضع في اعتبارها الأخطار التي تهدد البيئة البحرية،',
  'ولهذه الغاية قررنا',
  'أن نعمل معاً على صون السواحل،',
  'تعلن ما يلي:',
  'المادة 1',
  'تتعاون الدول في رصد حالة السواحل.',
  'المادة 2',
  'تتبادل الدول المعلومات عن التلوث.',
);

describe('formulas no clause holds', () => {
  it('are the formula of the clause they stand before', () => {
    const [pp1, op1] = recommended.clauses;
    expect(pp1!.formula).toBe('إن المجلس الاقتصادي والاجتماعي يوصي الجمعية العامة باعتماد مشروع القرار التالي: إن الجمعية العامة،');
    expect(op1!.formula).toBeUndefined();
    expect(pp1!.text).toBe('إذ تشير إلى قراراتها السابقة بشأن المسألة،');
  });

  it("keep an instrument's formulas between and after its preamble paragraphs", () => {
    const byId = new Map(instrument.clauses.map((c) => [c.id, c]));
    expect(byId.get('pp1')!.formula).toBe('إن الدول الموقعة على هذا الإعلان،');
    expect(byId.get('pp3')!.formula).toBe('ولهذه الغاية قررنا');
    expect(byId.get('pp3')!.text).toBe('أن نعمل معاً على صون السواحل،');
    expect(byId.get('art1')!.formula).toBe('تعلن ما يلي:');
    expect(byId.get('art2')!.formula).toBeUndefined();
  });

  it('are searched with their clause (field matter), shown above it and exported', () => {
    const art1 = instrument.clauses.find((c) => c.id === 'art1')!;
    expect(analysedFieldTexts(instrument, art1).matter).toBe('تعلن ما يلي:');
    const shown = renderDocument(instrument).map((line) => line.map((s) => s.text).join(''));
    expect(shown.indexOf('تعلن ما يلي:')).toBeLessThan(shown.findIndex((l) => l.startsWith('art1')));
    expect(clauseRecords(instrument).find((r) => r.clause === 'art1')!.formula).toBe('تعلن ما يلي:');
    const [preamble] = elementsNamed(readXml(documentToAkn(instrument)), 'preamble');
    const formulas = elementsNamed(preamble!, 'formula').map((f) => textContent(f).trim());
    expect(formulas).toEqual(['إن الدول الموقعة على هذا الإعلان،', 'ولهذه الغاية قررنا', 'تعلن ما يلي:']);
  });

  it.skipIf(!hasXmllint)('keep the Akoma Ntoso valid, a formula before a later body clause included', () => {
    const later = { ...instrument, clauses: instrument.clauses.map((c) => (c.id === 'art2' ? { ...c, formula: 'وتتفق كذلك على ما يلي:' } : c)) };
    for (const doc of [recommended, instrument, later]) {
      const result = validateAkn(documentToAkn(doc));
      expect(result.output).toBe(result.ok ? result.output : '');
    }
    expect(documentToAkn(later)).toMatch(/<hcontainer name="formula" eId="formula_4">\s*<content>\s*<p>وتتفق كذلك على ما يلي:<\/p>/);
  });
});
