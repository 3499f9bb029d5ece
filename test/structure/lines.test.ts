// The line stage: one tree node per non-empty line, block prefixes (bullets,
// headings, quotes) read and removed, inline markup resolved by remark with bold
// spans kept as offsets. Numbering labels stay: the clause stage reads them.

import { describe, expect, it } from 'vitest';
import { readInlineMarkdown } from '../../src/structure/inline-markdown.js';
import { readLines } from '../../src/structure/lines.js';
import type { LineNode } from '../../src/structure/tree.js';

const line = (raw: string): LineNode | undefined => readLines(raw).children[0];
const value = (raw: string): string | undefined => line(raw)?.value;
const bold = (node: LineNode | undefined): string[] => (node ? node.strong.map(([s, e]) => node.value.slice(s, e)) : []);

describe('lines', () => {
  it('gives one node per non-empty line, numbered as in the source', () => {
    const tree = readLines('إن الجمعية العامة،\n\n   \nإذ تشير إلى قراراتها،\n');
    expect(tree.children.map((l) => [l.value, l.position?.start.line])).toEqual([
      ['إن الجمعية العامة،', 1],
      ['إذ تشير إلى قراراتها،', 4],
    ]);
    expect(tree.children.every((l) => l.role === 'text' && l.markers.length === 0)).toBe(true);
  });

  it('keeps numbering labels, which the clause stage reads', () => {
    expect(value('١ - تقرر إنشاء فريق عامل؛')).toBe('١ - تقرر إنشاء فريق عامل؛');
    expect(value('3. تطلب إلى الأمانة')).toBe('3. تطلب إلى الأمانة');
  });

  it('drops thematic breaks and code fences', () => {
    expect(readLines('---\n* * *\n___\n```\n~~~').children).toEqual([]);
  });
});

describe('bullets', () => {
  it.each(['- ', '* ', '+ ', '• ', '● ', '▪ ', '◦ '])('reads "%s" as a list bullet and removes it', (bullet) => {
    const node = line(`${bullet}وإذ تلاحظ مع التقدير الجهود المبذولة،`);
    expect(node?.bullet).toBe(true);
    expect(node?.value).toBe('وإذ تلاحظ مع التقدير الجهود المبذولة،');
  });

  it('does not read a dash glued to a word as a bullet', () => {
    expect(line('-المقرر الخاص')).toMatchObject({ bullet: false, value: '-المقرر الخاص' });
  });

  it('removes one bullet only: "- - x" keeps the second dash as text', () => {
    expect(line('- - - ملاحظة')).toMatchObject({ bullet: true, value: '- - ملاحظة' });
  });

  it('keeps the numbering after a bullet: "- 1- ..." as reports print paragraphs', () => {
    expect(line('- 1- عقد الفريق العامل اجتماعه الأول.')).toMatchObject({ bullet: true, value: '1- عقد الفريق العامل اجتماعه الأول.' });
  });
});

describe('headings and quotes', () => {
  it('reads "#" headings and removes opening and closing hashes', () => {
    expect(line('# أولاً - مقدمة')).toMatchObject({ heading: true, value: 'أولاً - مقدمة' });
    expect(line('### باء - الوثائق ###')).toMatchObject({ heading: true, value: 'باء - الوثائق' });
  });

  it('does not read a hash glued to a word as a heading', () => {
    expect(line('#وسم')).toMatchObject({ heading: false, value: '#وسم' });
  });

  it('removes block-quote markers, nested ones too', () => {
    expect(value('> وإذ تشير إلى الإعلان،')).toBe('وإذ تشير إلى الإعلان،');
    expect(value('>> > وإذ تشير إلى الإعلان،')).toBe('وإذ تشير إلى الإعلان،');
  });
});

describe('inline markup', () => {
  it('removes bold markers and keeps the bold span as offsets', () => {
    const node = line('١٢ - **تهيب** بالدول الأعضاء أن تنظر في الانضمام؛');
    expect(node?.value).toBe('١٢ - تهيب بالدول الأعضاء أن تنظر في الانضمام؛');
    expect(bold(node)).toEqual(['تهيب']);
  });

  it('keeps several bold spans, with "__" as well as "**"', () => {
    const node = line('**تحيط علماً** بالتقرير و **ترحب** بالتوصيات و __تقرر__ ما يلي');
    expect(node?.value).toBe('تحيط علماً بالتقرير و ترحب بالتوصيات و تقرر ما يلي');
    expect(bold(node)).toEqual(['تحيط علماً', 'ترحب', 'تقرر']);
  });

  it('leaves underscores inside a word alone, as CommonMark does', () => {
    expect(value('الملف report_2021_final')).toBe('الملف report_2021_final');
  });

  it('removes emphasis and code markers without keeping spans', () => {
    expect(line('نص *مائل* و`رمز` هنا')).toMatchObject({ value: 'نص مائل ورمز هنا', strong: [] });
  });

  it('drops unbalanced "**" (a bold span a line break cut) and opens no span', () => {
    expect(line('١ - **تحث الدول')).toMatchObject({ value: '١ - تحث الدول', strong: [] });
    expect(line('الأعضاء** على التعاون؛')).toMatchObject({ value: 'الأعضاء على التعاون؛', strong: [] });
  });

  it('keeps a single asterisk, which UN texts print as a note sign', () => {
    expect(value('مشروع قرار منقح*')).toBe('مشروع قرار منقح*');
  });

  it('resolves backslash escapes to the character escaped', () => {
    expect(value('1\\. تقرر')).toBe('1. تقرر');
    expect(value('\\- ليس بنداً')).toBe('- ليس بنداً');
    expect(value('نص \\*ليس مائلاً\\*')).toBe('نص *ليس مائلاً*');
  });

  it('leaves a backslash that escapes nothing', () => {
    expect(value('المسار C:\\UN\\docs')).toBe('المسار C:\\UN\\docs');
  });

  it('reads a bold item label after a bullet', () => {
    const node = line('- **(أ)** تعزيز التعاون؛');
    expect(node).toMatchObject({ bullet: true, value: '(أ) تعزيز التعاون؛' });
    expect(bold(node)).toEqual(['(أ)']);
  });

  it('gives bold offsets that stay right when markup stands mid-line', () => {
    const result = readInlineMarkdown('وإذ تشير إلى **الإعلان السياسي** المعتمد');
    expect(result.value).toBe('وإذ تشير إلى الإعلان السياسي المعتمد');
    expect(result.strong.map(([s, e]) => result.value.slice(s, e))).toEqual(['الإعلان السياسي']);
  });

  it('falls back to a linear strip on lines too dense for remark, keeping bold pairs', () => {
    const dense = `${'**تقرر** '.repeat(150)}النهاية`;
    const result = readInlineMarkdown(dense);
    expect(result.value).toBe(`${'تقرر '.repeat(150)}النهاية`);
    expect(result.strong).toHaveLength(150);
  });

  it('drops a line that was markup only', () => {
    expect(readLines('****\n**').children.map((l) => l.value)).toEqual([]);
  });
});
