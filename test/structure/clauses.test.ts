// The clause stage: preamble and operative clauses of resolutions, numbered
// paragraphs, recommendations and sections of reports, articles, and plain
// paragraphs for texts with no structure; lines that page breaks cut are joined.

import { describe, expect, it } from 'vitest';
import { articleHeading, enactingFormula, headingLevel, itemLabel, numberLabel, preambleFormula, recommendationHeading, recommendsDraft, verbLead } from '../../src/structure/recognisers.js';
import { clause, parseCrafted, parseLines, parseString, shape } from './support/crafted.js';

const ENACTING = 'إن الجمعية العامة،';
const PREAMBLE = 'إذ تشير إلى قراراتها السابقة بشأن هذه المسألة،';

describe('recognisers', () => {
  it.each([
    ['١- تقرر', 1],
    ['١ - تقرر', 1],
    ['12 – تقرر', 12],
    ['1. تقرر', 1],
    ['1) تقرر', 1],
    ['۳- تقرر', 3],
    ['1234- تقرر', 1234],
  ])('reads the number label of "%s"', (line, number) => {
    expect(numberLabel(line)).toEqual({ number, rest: 'تقرر' });
  });

  it.each(['٥-٢ من الفترة', '1.5 مليون دولار', '٢٠٢٢-٢٠٢٣ الخطة', '3 -', 'تقرر 1-'])('reads no number label in "%s"', (line) => {
    expect(numberLabel(line)).toBeNull();
  });

  it.each([
    ['(أ) تعزيز', 'أ'],
    ['(ب)تعزيز', 'ب'],
    ['(هـ) تعزيز', 'هـ'],
    ['( د ) تعزيز', 'د'],
    ['(ي أ) تعزيز', 'ي أ'],
    ['(iv) تعزيز', 'iv'],
  ])('reads the item label of "%s"', (line, label) => {
    expect(itemLabel(line)).toEqual({ label, rest: 'تعزيز' });
  });

  it.each([
    ['إذ تشير إلى', 'إذ تشير'],
    ['وإذ تؤكد مجدداً أيضاً على', 'وإذ تؤكد مجدداً أيضاً'],
    ['وإذ يساورها بالغ القلق إزاء', 'وإذ يساورها بالغ القلق'],
    ['وإذْ تضع في اعتبارها أن', 'وإذْ تضع في اعتبارها'],
    ['لما كان الاعتراف', 'لما كان الاعتراف'],
    ['ولما كان تجاهل', 'ولما كان تجاهل'],
    ['وحيث إن الدول', 'وحيث إن الدول'],
  ])('reads the preamble formula of "%s" as printed', (line, lead) => {
    expect(preambleFormula(line)).toBe(lead);
  });

  it.each([
    ['تحيط علماً مع التقدير بالتقرير', 'تحيط علماً مع التقدير'],
    ['تطلب أيضاً إلى الأمين العام', 'تطلب أيضاً'],
    ['تقرر.', 'تقرر'],
    ['تهيب، في هذا الصدد، بالدول', 'تهيب'],
  ])('reads the verb lead of "%s"', (text, lead) => {
    expect(verbLead(text)).toBe(lead);
  });

  it.each([
    ['إن الجمعية العامة،', 'الجمعية العامة'],
    ['إنّ المجلس الاقتصادي والاجتماعي', 'المجلس الاقتصادي والاجتماعي'],
    ['إن لجنة المخدرات،', 'لجنة المخدرات'],
    ['إن مؤتمر الأطراف في الاتفاقية،', 'مؤتمر الأطراف في الاتفاقية'],
  ])('reads the enacting formula "%s"', (line, body) => {
    expect(enactingFormula(line)).toBe(body);
  });

  it('does not take a sentence that starts with "إن" for an enacting formula', () => {
    expect(enactingFormula('إن الجمعية العامة تقرر أن تبقي المسألة قيد نظرها.')).toBeNull();
  });

  it.each([
    'يوصي الجمعية العامة باعتماد مشروع القرار التالي:',
    'يوصي المجلس الاقتصادي والاجتماعي الجمعية العامة باعتماد القرار التالي:',
    'توصي المجلس الاقتصادي والاجتماعي بأن يعتمد مشروع القرار الآتي:',
  ])('reads "%s" as recommending a draft', (line) => expect(recommendsDraft(line)).toBe(true));

  it('reads headings by level', () => {
    expect(headingLevel('أولاً - مقدمة')).toBe('chapter');
    expect(headingLevel('حادي عشر - المسائل الأخرى')).toBe('chapter');
    expect(headingLevel('IV. الخلاصة')).toBe('chapter');
    expect(headingLevel('ألف - التوصيات')).toBe('section');
    expect(headingLevel('هاء - الوثائق')).toBe('section');
    expect(headingLevel('المرفق الأول')).toBe('annex');
    expect(headingLevel('ألفت الجمعية النظر إلى')).toBeNull();
  });

  it('reads recommendation and article headings', () => {
    expect(recommendationHeading('التوصية ٤: ينبغي للدول')).toEqual({ number: 4, rest: 'ينبغي للدول' });
    expect(recommendationHeading('التوصية 12')).toEqual({ number: 12, rest: '' });
    expect(articleHeading('المادة ٣٠ - التعديلات')).toEqual({ number: 30, rest: 'التعديلات' });
    expect(articleHeading('المادة الخامسة')).toEqual({ number: 5, rest: '' });
    expect(articleHeading('المادة السابقة من الاتفاقية تنص على')).toBeNull();
    // A principle or a rule says so; an article does not (المادة is the default).
    expect(articleHeading('المبدأ 2')).toEqual({ number: 2, rest: '', designation: 'principle' });
    expect(articleHeading('القاعدة السابعة')).toEqual({ number: 7, rest: '', designation: 'rule' });
    expect(articleHeading('المادة 2')).toEqual({ number: 2, rest: '' });
  });
});

describe('preamble clauses', () => {
  it.each(['إذ', 'وإذ', 'لما كان', 'ولما كان'])('open at the formula "%s"', (formula) => {
    const doc = parseLines(ENACTING, `${formula} تلاحظ الجمعية أهمية المسألة،`, '١ - تقرر إبقاء المسألة قيد النظر.');
    expect(shape(doc)).toEqual([
      ['pp1', 'preamble', null],
      ['op1', 'operative', 1],
    ]);
    expect(doc.clauses[0]!.lead).toMatch(new RegExp(`^${formula} `));
  });

  it('stay preamble after the enacting line when OCR garbled the opening', () => {
    const doc = parseLines(ENACTING, 'وراء تشير إلى قراراتها السابقة،', 'وإد تلاحظ التقرير،', '١ - تقرر.');
    expect(shape(doc)).toEqual([
      ['pp1', 'preamble', null],
      ['pp2', 'preamble', null],
      ['op1', 'operative', 1],
    ]);
    expect(doc.clauses.map((c) => c.lead)).toEqual(['وراء تشير', 'وإد تلاحظ', 'تقرر']);
  });

  it('carry lettered items (أ) .. (هـ)', () => {
    const doc = parseLines(ENACTING, 'إذ تشير إلى الصكوك التالية:', '(أ) الإعلان العالمي؛', '(ب) العهد الدولي؛', '(ج) الاتفاقية؛', '(د) البروتوكول؛', '(هـ) الإعلان السياسي،', 'وإذ تؤكد أهميتها،', '١ - تقرر.');
    const pp1 = clause(doc, 'pp1');
    expect(pp1.items.map((i) => i.label)).toEqual(['أ', 'ب', 'ج', 'د', 'هـ']);
    expect(pp1.items[4]).toEqual({ label: 'هـ', text: 'الإعلان السياسي،' });
    expect(pp1.text).toBe('إذ تشير إلى الصكوك التالية: (أ) الإعلان العالمي؛ (ب) العهد الدولي؛ (ج) الاتفاقية؛ (د) البروتوكول؛ (هـ) الإعلان السياسي،');
    expect(clause(doc, 'pp2').items).toEqual([]);
  });

  it('are numbered by index, with no printed number', () => {
    const doc = parseLines(ENACTING, PREAMBLE, 'وإذ تلاحظ،', 'وإذ تؤكد،', '١ - تقرر.');
    expect(doc.clauses.filter((c) => c.kind === 'preamble').map((c) => [c.id, c.number, c.index])).toEqual([
      ['pp1', null, 1],
      ['pp2', null, 2],
      ['pp3', null, 3],
    ]);
  });
});

describe('operative clauses', () => {
  it.each([
    ['١-', '٢-', '٣-'],
    ['١ -', '٢ -', '٣ -'],
    ['- ١ -', '- ٢ -', '- ٣ -'],
    ['1-', '2-', '3-'],
    ['1.', '2.', '3.'],
    ['1)', '2)', '3)'],
    ['۱ –', '۲ –', '۳ –'],
  ])('are numbered "%s", "%s", "%s"', (one, two, three) => {
    const doc = parseLines(ENACTING, PREAMBLE, `${one} تقرر إنشاء فريق عامل؛`, `${two} تطلب إلى الأمين العام تقديم تقرير؛`, `${three} تقرر أن تبقي المسألة قيد نظرها.`);
    expect(shape(doc)).toEqual([
      ['pp1', 'preamble', null],
      ['op1', 'operative', 1],
      ['op2', 'operative', 2],
      ['op3', 'operative', 3],
    ]);
    expect(doc.clauses.slice(1).map((c) => [c.lead, c.text])).toEqual([
      ['تقرر', 'تقرر إنشاء فريق عامل؛'],
      ['تطلب', 'تطلب إلى الأمين العام تقديم تقرير؛'],
      ['تقرر', 'تقرر أن تبقي المسألة قيد نظرها.'],
    ]);
  });

  it('carry lettered items, and the items are part of the text', () => {
    const doc = parseLines(ENACTING, PREAMBLE, '١ - تقرر ما يلي:', '(أ) إنشاء فريق؛', '(ب) تحديد ولايته؛', '(ج) تمويله من الميزانية العادية؛', '٢ - تطلب تقريراً.');
    expect(clause(doc, 'op1').items).toEqual([
      { label: 'أ', text: 'إنشاء فريق؛' },
      { label: 'ب', text: 'تحديد ولايته؛' },
      { label: 'ج', text: 'تمويله من الميزانية العادية؛' },
    ]);
    expect(clause(doc, 'op1').text).toBe('تقرر ما يلي: (أ) إنشاء فريق؛ (ب) تحديد ولايته؛ (ج) تمويله من الميزانية العادية؛');
  });

  it('take a bold verb as lead, complements included', () => {
    const doc = parseLines(ENACTING, PREAMBLE, '١ - **تحيط علماً مع التقدير** بتقرير الأمين العام؛', '٢ - **تطلب أيضاً** إلى الأمين العام تقديم تقرير.');
    expect(doc.clauses.slice(1).map((c) => [c.id, c.lead])).toEqual([
      ['op1', 'تحيط علماً مع التقدير'],
      ['op2', 'تطلب أيضاً'],
    ]);
  });

  it('open at a bold verb even without a number', () => {
    const doc = parseLines(ENACTING, PREAMBLE, '**تقرر** إنشاء فريق عامل؛', '**تطلب** إلى الأمين العام تقديم تقرير.');
    expect(shape(doc)).toEqual([
      ['pp1', 'preamble', null],
      ['op1', 'operative', null],
      ['op2', 'operative', null],
    ]);
    expect(doc.clauses.map((c) => c.lead)).toEqual(['إذ تشير', 'تقرر', 'تطلب']);
  });

  it('accept a skipped number after a finished paragraph', () => {
    const doc = parseLines(ENACTING, PREAMBLE, '١ - تقرر؛', '٢ - تقرر أيضاً؛', '٤ - تطلب؛', '٥ - تقرر.');
    expect(doc.clauses.slice(1).map((c) => c.id)).toEqual(['op1', 'op2', 'op4', 'op5']);
  });

  it('keep an inner numbered list inside the paragraph that introduces it', () => {
    const doc = parseLines(ENACTING, PREAMBLE, '١ - تحث الدول على ما يلي:', '١ - اتخاذ التدابير؛', '٢ - تبادل المعلومات؛', '٣ - نشر الوعي؛', '٢ - تطلب إلى الأمين العام تقديم تقرير؛', '٣ - تقرر إبقاء المسألة قيد النظر.');
    expect(doc.clauses.slice(1).map((c) => [c.id, c.lead])).toEqual([
      ['op1', 'تحث'],
      ['op2', 'تطلب'],
      ['op3', 'تقرر'],
    ]);
    expect(clause(doc, 'op1').text).toBe('تحث الدول على ما يلي: ١ - اتخاذ التدابير؛ ٢ - تبادل المعلومات؛ ٣ - نشر الوعي؛');
  });

  it('do not take a repeated number for an inner list when no colon introduced one', () => {
    const doc = parseLines(ENACTING, PREAMBLE, '١ - تقرر؛', '١ - تقرر مرة أخرى؛', '٢ - تطلب.');
    expect(doc.clauses.slice(1).map((c) => c.id)).toEqual(['op1', 'op2']);
  });

  it('do not restart at a number that does not continue the count', () => {
    const doc = parseLines(ENACTING, PREAMBLE, '١ - تقرر ما يلي في الفترة ٢٠٢٢-٢٠٢٣:', '٥ - ليس فقرة جديدة؛', '٢ - تطلب.');
    expect(doc.clauses.slice(1).map((c) => c.id)).toEqual(['op1', 'op2']);
    expect(clause(doc, 'op1').text).toContain('٥ - ليس فقرة جديدة؛');
  });
});

describe('enacting formulas and recommended drafts', () => {
  it('are not clauses; the enacting organ is the body', () => {
    const doc = parseLines('إن لجنة المخدرات،', 'إذ تشير،', '١ - تقرر.');
    expect(doc.body).toBe('لجنة المخدرات');
    expect(doc.clauses.some((c) => c.text.includes('لجنة المخدرات'))).toBe(false);
  });

  it('make the recommended draft\'s clauses the document\'s', () => {
    const doc = parseCrafted('clauses', 'ecosoc-recommends-draft.txt');
    expect(shape(doc)).toEqual([
      ['pp1', 'preamble', null],
      ['pp2', 'preamble', null],
      ['pp3', 'preamble', null],
      ['op1', 'operative', 1],
      ['op2', 'operative', 2],
      ['op3', 'operative', 3],
    ]);
    expect(doc.clauses.map((c) => c.lead)).toEqual(['إذ تشير', 'وإذ يساورها بالغ القلق', 'ولما كانت', 'تحث', 'تشجع', 'تطلب']);
    expect(clause(doc, 'op2').items.map((i) => i.label)).toEqual(['أ', 'ب', 'ج']);
    expect(doc.clauses.some((c) => /يوصي|باعتماد مشروع القرار/.test(c.text))).toBe(false);
    // The recommending organ stays the document's body.
    expect(doc.body).toBe('المجلس الاقتصادي والاجتماعي');
  });

  it('leave the closing out: plenary meeting and date', () => {
    const doc = parseCrafted('clauses', 'ecosoc-recommends-draft.txt');
    expect(clause(doc, 'op3').text).toMatch(/و ٣٢٩\/٧٥\.$/);
    expect(doc.adopted).toBe('2023-07-25');
  });
});

describe('reports', () => {
  const doc = parseCrafted('clauses', 'report-chapters.txt');

  it('is a report of numbered paragraphs and recommendations', () => {
    expect(doc.kind).toBe('report');
    expect(shape(doc)).toEqual([
      ['para1', 'paragraph', 1],
      ['para2', 'paragraph', 2],
      ['rec1', 'recommendation', 1],
      ['rec2', 'recommendation', 2],
      ['rec3', 'recommendation', 3],
      ['para3', 'paragraph', 3],
      ['para4', 'paragraph', 4],
    ]);
  });

  it('puts each clause under its section, or its chapter where no section stands', () => {
    expect(doc.clauses.map((c) => c.section)).toEqual([
      'أولاً - مقدمة',
      'أولاً - مقدمة',
      'ألف - التوصيات الموجهة إلى الدول الأطراف',
      'ألف - التوصيات الموجهة إلى الدول الأطراف',
      'باء - التوصيات الموجهة إلى الأمانة',
      'ثالثاً - تنظيم الاجتماع',
      'ثالثاً - تنظيم الاجتماع',
    ]);
  });

  it('reads "التوصية N:" and "التوصية N -" and keeps the text after the label', () => {
    expect(clause(doc, 'rec1').text).toBe('ينبغي للدول الأطراف أن تسمي سلطات مركزية تتمتع بالموارد الكافية.');
    expect(clause(doc, 'rec2').text).toMatch(/^ينبغي للدول الأطراف أن تنظر/);
  });

  it('keeps bulleted items with the paragraph', () => {
    expect(clause(doc, 'para3').items.map((i) => i.label)).toEqual(['أ', 'ب']);
    expect(clause(doc, 'para3').lead).toBeNull();
  });

  it('reads Roman chapter numbers too', () => {
    const roman = parseLines('I - مقدمة', '1. نص الفقرة الأولى.', 'II - الخلاصة', '2. نص الفقرة الثانية.');
    expect(roman.clauses.map((c) => [c.id, c.section])).toEqual([
      ['para1', 'I - مقدمة'],
      ['para2', 'II - الخلاصة'],
    ]);
  });
});

describe('articles', () => {
  const doc = parseLines('النظام الأساسي للفريق', 'المادة ١', 'يسمى هذا النظام النظام الأساسي.', 'المادة 2: التعاريف', 'لأغراض هذا النظام:', '(أ) يقصد بالدولة الدولة العضو؛', '(ب) يقصد بالأمانة أمانة الفريق.', 'المادة الثالثة', 'يبدأ النفاذ فوراً.', '1- فقرة مرقمة داخل المادة.');

  it('gives one article clause per "المادة N" heading, numbers and ordinals alike', () => {
    expect(shape(doc)).toEqual([
      ['art1', 'article', 1],
      ['art2', 'article', 2],
      ['art3', 'article', 3],
    ]);
  });

  it('keeps an article\'s items and numbered paragraphs inside it', () => {
    expect(clause(doc, 'art2').items.map((i) => i.label)).toEqual(['أ', 'ب']);
    expect(clause(doc, 'art3').text).toBe('يبدأ النفاذ فوراً. 1- فقرة مرقمة داخل المادة.');
  });
});

describe('a text with no structure', () => {
  it('becomes paragraph clauses, wrapped lines joined, and its kind is unknown', () => {
    const doc = parseString('ملاحظات الرئيس\nهذه ملاحظات عامة\nعن سير الاجتماع.\n\nوقد شارك فيه ممثلو الدول.');
    expect(doc.kind).toBe('unknown');
    expect(doc.title).toBe('ملاحظات الرئيس');
    expect(doc.clauses.map((c) => [c.id, c.kind, c.number, c.text])).toEqual([
      ['para1', 'paragraph', null, 'هذه ملاحظات عامة عن سير الاجتماع.'],
      ['para2', 'paragraph', null, 'وقد شارك فيه ممثلو الدول.'],
    ]);
  });

  it('has no title when its only line is a sentence', () => {
    const doc = parseString('نص واحد فقط بلا عنوان.');
    expect(doc.title).toBeNull();
    expect(doc.clauses.map((c) => c.text)).toEqual(['نص واحد فقط بلا عنوان.']);
  });
});

describe('joining lines that page breaks cut', () => {
  it('continues a preamble clause across footnote bodies', () => {
    const doc = parseLines(ENACTING, 'إذ تشير إلى الاتفاقية^(١) وإلى البروتوكول', '(١) المجلد ٢٢٢٥.', 'الملحق بها،', '١ - تقرر.');
    expect(clause(doc, 'pp1')).toMatchObject({ text: 'إذ تشير إلى الاتفاقية وإلى البروتوكول الملحق بها،', footnotes: [1] });
  });

  it('continues an operative clause across furniture', () => {
    const doc = parseLines(ENACTING, PREAMBLE, '١ - تطلب إلى الأمين العام أن يقدم', '22-01234 (A)', 'A/RES/77/5', 'تقريراً في دورتها المقبلة؛', '٢ - تقرر.');
    expect(clause(doc, 'op1').text).toBe('تطلب إلى الأمين العام أن يقدم تقريراً في دورتها المقبلة؛');
  });

  it('continues a clause whose continuation starts with a stray "- "', () => {
    const doc = parseLines(ENACTING, PREAMBLE, '١ - تحث الدول على أن تتخذ التدابير اللازمة من أجل', '- تعزيز حماية الضحايا؛', '٢ - تقرر.');
    expect(clause(doc, 'op1').text).toBe('تحث الدول على أن تتخذ التدابير اللازمة من أجل تعزيز حماية الضحايا؛');
  });

  it('continues a clause whose continuation starts with a formula word', () => {
    const doc = parseLines(ENACTING, 'إذ تؤكد أن التعاون ضروري', 'وإذ إن الدول قد التزمت به،', '١ - تقرر.');
    expect(doc.clauses.filter((c) => c.kind === 'preamble')).toHaveLength(1);
  });

  it('does not join a clause that ended its sentence', () => {
    const doc = parseLines(ENACTING, 'إذ تؤكد أهمية التعاون،', 'تلاحظ الجمعية ما سبق،', '١ - تقرر.');
    expect(doc.clauses.filter((c) => c.kind === 'preamble').map((c) => c.text)).toEqual(['إذ تؤكد أهمية التعاون،', 'تلاحظ الجمعية ما سبق،']);
  });

  it('does not join unstructured paragraphs after a full stop, with closing quotes or brackets after it', () => {
    const doc = parseString('عنوان\nقال الرئيس: "انتهى الاجتماع."\nثم غادر الوفود.\nوانتهت الجلسة (في الساعة الخامسة.)\nثم أغلقت القاعة.');
    expect(doc.clauses.map((c) => c.text)).toEqual([
      'قال الرئيس: "انتهى الاجتماع."',
      'ثم غادر الوفود.',
      'وانتهت الجلسة (في الساعة الخامسة.)',
      'ثم أغلقت القاعة.',
    ]);
  });
});
