// A small hand-written document for rendering tests.
import type { UnresDocument } from '../../src/types.js';

export const sampleDocument: UnresDocument = {
  id: 'E-RES-2017-18',
  source: { path: 'seeds/res.txt', sha256: 'ab'.repeat(32), encoding: 'utf-8' },
  kind: 'resolution',
  symbol: 'E/RES/2017/18',
  title: 'حماية الأطفال من الاتجار بالأشخاص',
  body: 'المجلس الاقتصادي والاجتماعي',
  adopted: '2017-07-06',
  distributed: null,
  agendaItem: '19 (ج)',
  sponsors: [],
  clauses: [
    {
      id: 'pp1',
      kind: 'preamble',
      number: null,
      index: 1,
      lead: 'إذ تشير',
      text: 'إذ تشير إلى قرار الجمعية العامة ٢٩٣/٦٤ المؤرخ ٣٠ تموز/يوليه ٢٠١٠،',
      items: [],
      footnotes: [1],
      section: null,
    },
    {
      id: 'op1',
      kind: 'operative',
      number: 1,
      index: 1,
      lead: 'تحث',
      text: 'تحث الدول الأعضاء على ما يلي: (أ) حماية الأطفال؛ (ب) ملاحقة المتجرين؛ وذلك دون إبطاء.',
      items: [
        { label: '(أ)', text: 'حماية الأطفال؛' },
        { label: '(ب)', text: 'ملاحقة المتجرين؛' },
      ],
      footnotes: [],
      section: null,
    },
  ],
  footnotes: [{ number: 1, text: 'A/RES/64/293.' }],
  citations: [{ symbol: 'A/RES/64/293', text: '٢٩٣/٦٤', clause: 'pp1' }],
};
