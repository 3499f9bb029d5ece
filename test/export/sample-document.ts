// Hand-made documents for the export tests: the awkward cases the seeds may
// not hold (markup characters, a footnote cited twice, one cited never, one
// cited without a body, items the text does not contain, a report heading
// restart).

import type { Clause, UnresDocument } from '../../src/types.js';
import { documentWith } from '../helpers/document.js';

export function clause(fields: Partial<Clause> & Pick<Clause, 'id' | 'kind' | 'text'>): Clause {
  return { number: null, index: 1, lead: null, items: [], footnotes: [], section: null, ...fields };
}

export { documentWith } from '../helpers/document.js';

export const awkwardResolution: UnresDocument = documentWith({
  id: 'A-RES-70-1',
  symbol: 'A/RES/70/1',
  title: 'تحويل عالمنا: خطة التنمية المستدامة لعام ٢٠٣٠ <"مسودة" & نص>',
  body: 'الجمعية العامة',
  adopted: '2015-09-25',
  sponsors: ['فرنسا', 'مصر'],
  clauses: [
    clause({ id: 'pp1', kind: 'preamble', index: 1, text: 'إذ تشير إلى قراريها ٢٩٣/٦٤ و ٢٠١/٧٢ وإلى الفقرة <٣> & "غيرها"،', footnotes: [1, 2] }),
    clause({
      id: 'pp2',
      kind: 'preamble',
      index: 2,
      text: 'وإذ تؤكد ما يلي: (أ) الحماية؛ (ب) الملاحقة؛ وذلك كله،',
      items: [
        { label: 'أ', text: 'الحماية؛' },
        { label: 'ب', text: 'الملاحقة؛' },
      ],
    }),
    clause({ id: 'op1', kind: 'operative', number: 1, index: 1, text: 'تحث الدول على تنفيذ القرار ١/٧٢.', footnotes: [1, 9] }),
    clause({
      id: 'op2',
      kind: 'operative',
      number: 2,
      index: 2,
      text: 'تطلب ما يلي: (أ) تقريراً؛ (ب) خطة.',
      items: [
        { label: '(أ)', text: 'تقريراً؛' },
        { label: '(ب)', text: 'نصاً لا يرد في الفقرة' },
      ],
      footnotes: [2],
    }),
  ],
  footnotes: [
    { number: 1, text: 'انظر القرار ٢٠١/٧٢ & المرفق.' },
    { number: 2, text: 'United Nations, Treaty Series, vol. 2225.' },
    { number: 3, text: 'حاشية لا تشير إليها أي فقرة.' },
  ],
  citations: [
    { symbol: 'A/RES/64/293', text: '٢٩٣/٦٤', clause: 'pp1' },
    { symbol: 'A/RES/72/201', text: '٢٠١/٧٢', clause: 'pp1' },
    { symbol: 'A/RES/72/1', text: '١/٧٢', clause: 'op1' },
    { symbol: 'A/RES/72/201', text: '٢٠١/٧٢', clause: 'fn1' },
  ],
});

export const restartingReport: UnresDocument = documentWith({
  id: 'report',
  kind: 'report',
  clauses: [
    clause({ id: 'para1', kind: 'paragraph', number: 1, index: 1, text: 'فقرة قبل أي عنوان.' }),
    clause({ id: 'para2', kind: 'paragraph', number: 2, index: 2, text: 'مقدمة.', section: 'أولاً - مقدمة' }),
    clause({ id: 'rec1', kind: 'recommendation', number: 1, index: 1, text: 'توصية.', section: 'ألف - توصيات' }),
    clause({ id: 'para3', kind: 'paragraph', number: 3, index: 3, text: 'كلمة.', section: 'باء - الكلمات' }),
    clause({ id: 'para4', kind: 'paragraph', number: 4, index: 4, text: 'افتتاح.', section: 'ألف - افتتاح الاجتماع' }),
    clause({ id: 'para5', kind: 'paragraph', number: 5, index: 5, text: 'اعتماد.', section: 'ثالثاً - اعتماد التقرير' }),
  ],
});
