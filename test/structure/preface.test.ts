// Nothing lost: the text a document prints before its first clause (preface)
// and after its last (conclusions) is kept, repaired as clause text is, while
// page furniture stays out and the clauses do not change.

import { describe, expect, it } from 'vitest';
import { parseLines, shape } from './support/crafted.js';

const clauseWords = (doc: { clauses: { text: string }[] }) => doc.clauses.map((c) => c.text).join(' ');

describe('preface and conclusions', () => {
  it('a resolution: session, agenda item and adoption line before, the plenary meeting and date after', () => {
    const doc = parseLines(
      'A/RES/91/250',
      'الدورة الحادية والتسعون',
      'البند 73 من جدول الأعمال',
      'قرار اتخذته الجمعية العامة في 14 كانون الأول/ديسمبر 2036',
      '[بناء على تقرير اللجنة الثالثة (A/91/777)]',
      '91/250 - سلامة العاملين في مجال الإغاثة الإنسانية',
      'إن الجمعية العامة،',
      'إذ تشير إلى قراراتها السابقة بشأن المسألة،',
      '1 - تطلب إلى الأمين العام أن يقدم تقريرا عن تنفيذ هذا القرار؛',
      '2 - تقرر أن تواصل النظر في المسألة.',
      'الجلسة العامة 61',
      '14 كانون الأول/ديسمبر 2036',
    );
    expect(shape(doc)).toEqual([
      ['pp1', 'preamble', null],
      ['op1', 'operative', 1],
      ['op2', 'operative', 2],
    ]);
    expect(doc.preface).toContain('البند 73 من جدول الأعمال');
    expect(doc.preface).toContain('قرار اتخذته الجمعية العامة في 14 كانون الأول/ديسمبر 2036');
    expect(doc.preface).toContain('سلامة العاملين في مجال الإغاثة الإنسانية');
    expect(doc.conclusions).toBe('الجلسة العامة 61 14 كانون الأول/ديسمبر 2036');
    // The symbol line is page furniture (it is the document's symbol), not preface text.
    expect(doc.symbol).toBe('A/RES/91/250');
    expect(doc.preface).not.toContain('A/RES/91/250');
    expect(clauseWords(doc)).not.toContain('الجلسة العامة');
  });

  it('an adoption line with the meeting and the vote, printed above the clauses', () => {
    const doc = parseLines(
      'القرار 9123 (2039)',
      'اعتمده مجلس الأمن في جلسته 9871، المعقودة في 3 آذار/مارس 2039، بـ 13 صوتا مقابل لا شيء',
      'إن مجلس الأمن،',
      'إذ يؤكد من جديد قراراته السابقة،',
      '1 - يطلب إلى الأطراف وقف الأعمال العدائية؛',
      '2 - يقرر أن يبقي المسألة قيد نظره.',
    );
    expect(doc.clauses).toHaveLength(3);
    expect(doc.preface).toContain('في جلسته 9871');
    expect(doc.preface).toContain('بـ 13 صوتا مقابل لا شيء');
    expect(clauseWords(doc)).not.toContain('9871');
  });

  it('a draft: its sponsors line stays in the preface as printed', () => {
    const doc = parseLines(
      'مجلس حقوق الإنسان',
      'الدورة الرابعة والستون',
      'البند 3 من جدول الأعمال',
      'أندورا ورومانيا ومالطة: مشروع قرار',
      '64/... الحق في مياه الشرب المأمونة',
      'إن مجلس حقوق الإنسان،',
      'إذ يسترشد بمقاصد ميثاق الأمم المتحدة ومبادئه،',
      '1 - يرحب بتقرير المقرر الخاص؛',
      '2 - يقرر مواصلة النظر في هذه المسألة.',
    );
    expect(doc.kind).toBe('draft-resolution');
    expect(doc.sponsors).toEqual(['أندورا', 'رومانيا', 'مالطة']);
    expect(doc.preface).toContain('أندورا ورومانيا ومالطة: مشروع قرار');
    expect(doc.conclusions).toBeNull();
  });

  it('a report: the cover page (organ, title, summary) before its first heading', () => {
    const doc = parseLines(
      'الجمعية العامة',
      'الدورة السابعة والتسعون',
      'تقرير الأمين العام عن أنشطة مكتب الخدمات المشتركة',
      'موجز',
      'يعرض هذا التقرير أنشطة المكتب خلال الفترة المشمولة بالاستعراض',
      'أولا - مقدمة',
      '1 - قدم المكتب خدماته إلى سبع عشرة بعثة ميدانية خلال الفترة.',
      '2 - وتتناول الفروع التالية أنشطة المكتب بالتفصيل.',
    );
    expect(shape(doc).map(([id]) => id)).toEqual(['para1', 'para2']);
    expect(doc.preface).toContain('موجز');
    expect(doc.preface).toContain('يعرض هذا التقرير أنشطة المكتب');
    expect(clauseWords(doc)).not.toContain('موجز');
  });

  it('a convention: its declarants formula before, the "done at" line and signatures after', () => {
    const doc = parseLines(
      'اتفاقية بشأن حماية الأنهار العابرة للحدود',
      'إن الدول الأطراف في هذه الاتفاقية،',
      'إذ تدرك أهمية الأنهار العابرة للحدود،',
      'قد اتفقت على ما يلي:',
      'المادة 1',
      'تتعاون الدول الأطراف في حماية الأنهار العابرة للحدود.',
      'المادة 2',
      'يبدأ نفاذ هذه الاتفاقية بعد إيداع الصك العشرين.',
      'حررت في مونتيفيديو في اليوم الخامس من أيار/مايو 2041',
      'عن حكومة أوروغواي: فلان الفلاني',
    );
    expect(doc.kind).toBe('instrument');
    expect(doc.clauses.map((c) => c.id)).toEqual(['pp1', 'art1', 'art2']);
    expect(doc.preface).toBe('اتفاقية بشأن حماية الأنهار العابرة للحدود');
    expect(doc.conclusions).toBe('حررت في مونتيفيديو في اليوم الخامس من أيار/مايو 2041 عن حكومة أوروغواي: فلان الفلاني');
  });

  it("keeps a declarants' formula, which opens the preamble without being a clause", () => {
    const doc = parseLines(
      'ميثاق منظمة الأنهار',
      'نحن شعوب الدول الأعضاء وقد آلينا على أنفسنا',
      'أن نحمي الأنهار للأجيال المقبلة،',
      'المادة 1',
      'تنشأ منظمة الأنهار.',
    );
    expect(doc.preface).toContain('نحن شعوب الدول الأعضاء');
  });

  it('joins lines with spaces, drops markdown markup, job numbers and page numbers', () => {
    const doc = parseLines(
      '**الدورة الحادية والتسعون**',
      '36-12345 (A)',
      'البند 12 من جدول',
      'الأعمال',
      'إن الجمعية العامة،',
      '1 - تقرر أن تواصل النظر في المسألة.',
    );
    expect(doc.preface).toBe('الدورة الحادية والتسعون البند 12 من جدول الأعمال');
  });

  it('a text with no clause keeps all its lines in the preface', () => {
    const doc = parseLines('قائمة الوثائق', 'الوثيقة الأولى', 'الوثيقة الثانية');
    expect(doc.clauses).toEqual([]);
    expect(doc.preface).toBe('قائمة الوثائق الوثيقة الأولى الوثيقة الثانية');
    expect(doc.conclusions).toBeNull();
  });

  it('is null when the document prints nothing outside its clauses', () => {
    const doc = parseLines('إن الجمعية العامة،', 'إذ تشير إلى قراراتها السابقة،', '1 - تقرر أن تواصل النظر في المسألة.');
    expect(doc.preface).toBeNull();
    expect(doc.conclusions).toBeNull();
  });
});
