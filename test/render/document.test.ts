import { describe, expect, it } from 'vitest';
import { clauseBodyLines, renderClause, renderDocument } from '../../src/render/document.js';
import { renderList } from '../../src/render/list.js';
import { renderOutline } from '../../src/render/outline.js';
import { lineText } from '../../src/render/styled.js';
import { formatIngestSummary } from '../../src/render/summary.js';
import { sampleDocument } from './sample-document.js';

const texts = (lines: Parameters<typeof lineText>[0][]) => lines.map(lineText);

describe('renderOutline', () => {
  const out = texts(renderOutline(sampleDocument));

  it('starts with the metadata block', () => {
    expect(out[0]).toBe('id          E-RES-2017-18');
    expect(out).toContain('symbol      E/RES/2017/18');
    expect(out).toContain('distributed —');
    expect(out).toContain('clauses     2 (1 preamble, 1 operative)');
    expect(out).toContain('citations   A/RES/64/293');
  });

  it('gives each clause its id, number, lead and opening words', () => {
    expect(out.find((l) => l.startsWith('pp1'))).toBe(`pp1  ${sampleDocument.clauses[0]?.text}`);
    expect(out.find((l) => l.startsWith('op1'))).toBe('op1  (1) تحث الدول الأعضاء على ما يلي: (أ) حماية الأطفال؛ (ب) ملاحقة المتجرين؛ وذلك دون…');
    const lead = renderOutline(sampleDocument).find((l) => l[0]?.text.startsWith('op1'));
    expect(lead?.find((s) => s.style === 'label')?.text).toBe('تحث');
    expect(out).toContain('     2 items');
    expect(out).toContain('     footnotes 1');
  });

  it('shows a lead that does not open the text separately', () => {
    const odd = { ...sampleDocument, clauses: [{ ...sampleDocument.clauses[0]!, lead: 'تشير' }] };
    expect(texts(renderOutline(odd)).find((l) => l.startsWith('pp1'))).toMatch(/^pp1  تشير │ إذ تشير/);
  });

  it('names each cited symbol once', () => {
    const cited = { ...sampleDocument, citations: [...sampleDocument.citations, ...sampleDocument.citations] };
    expect(texts(renderOutline(cited))).toContain('citations   A/RES/64/293');
  });

  it('clips long clause text to about 80 characters', () => {
    const long = { ...sampleDocument, clauses: [{ ...sampleDocument.clauses[0]!, text: 'كلمة '.repeat(50) }] };
    const line = texts(renderOutline(long)).find((l) => l.startsWith('pp1')) ?? '';
    expect(line.endsWith('…')).toBe(true);
    expect(line.length).toBeLessThan(110);
  });
});

describe('renderDocument', () => {
  it('puts items on their own lines and keeps the text around them', () => {
    expect(clauseBodyLines(sampleDocument.clauses[1]!)).toEqual([
      'تحث الدول الأعضاء على ما يلي:',
      '(أ) حماية الأطفال؛',
      '(ب) ملاحقة المتجرين؛',
      'وذلك دون إبطاء.',
    ]);
  });

  it('finds labels printed with brackets when the parser gives the bare letter', () => {
    const clause = {
      ...sampleDocument.clauses[1]!,
      items: [
        { label: 'أ', text: 'حماية الأطفال؛' },
        { label: 'ب', text: 'ملاحقة المتجرين؛' },
      ],
    };
    expect(clauseBodyLines(clause)).toEqual([
      'تحث الدول الأعضاء على ما يلي:',
      '(أ) حماية الأطفال؛',
      '(ب) ملاحقة المتجرين؛',
      'وذلك دون إبطاء.',
    ]);
  });

  it('does not cut a final letter off a word taken for a label', () => {
    const clause = { ...sampleDocument.clauses[1]!, text: 'يقرأ حماية الأطفال', items: [{ label: 'أ', text: 'حماية الأطفال' }] };
    expect(clauseBodyLines(clause)).toEqual(['يقرأ', '(أ) حماية الأطفال']);
  });

  it('shows the text whole when an item cannot be found in it', () => {
    const odd = { ...sampleDocument.clauses[1]!, items: [{ label: '(ج)', text: 'غير موجود' }] };
    expect(clauseBodyLines(odd)).toEqual([sampleDocument.clauses[1]!.text]);
  });

  it('prints metadata, every clause and the footnotes', () => {
    const out = texts(renderDocument(sampleDocument));
    expect(out).toContain('pp1  preamble');
    expect(out).toContain('op1  operative 1');
    expect(out).toContain('    (ب) ملاحقة المتجرين؛');
    expect(out).toContain('    [1] A/RES/64/293.');
  });

  it('prints one clause with only its own footnotes', () => {
    const out = texts(renderClause(sampleDocument, sampleDocument.clauses[1]!));
    expect(out[0]).toBe('E-RES-2017-18  حماية الأطفال من الاتجار بالأشخاص');
    expect(out).not.toContain('footnotes');
    expect(texts(renderClause(sampleDocument, sampleDocument.clauses[0]!))).toContain('    [1] A/RES/64/293.');
  });
});

describe('renderList and the ingest summary', () => {
  it('lists documents id first', () => {
    const out = texts(renderList([{ id: 'a', kind: 'resolution', symbol: 'E/RES/2017/18', title: 'عنوان', source: 'x/res.txt', clauses: 3 }]));
    expect(out).toEqual(['a  resolution · E/RES/2017/18 · 3 clauses · res.txt  عنوان']);
  });

  it('words the summary as the contract does', () => {
    expect(formatIngestSummary({ added: 5, updated: 0, unchanged: 0, failed: 1 })).toBe('5 added, 0 updated, 0 unchanged, 1 failed');
  });
});
