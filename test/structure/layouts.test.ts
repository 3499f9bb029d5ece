// Real-world layouts (issue 9), one crafted fixture per point in
// fixtures/crafted/layouts/, written from the description of each layout.

import { describe, expect, it } from 'vitest';
import { clause, parseCrafted, parseString, shape } from './support/crafted.js';

const layout = (name: string) => parseCrafted('layouts', name);

describe('1. headings are structure, never clause text', () => {
  it('parts, chapters and lone headings close the article before them and become its section', () => {
    const doc = layout('1-headings.txt');
    expect(shape(doc)).toEqual([
      ['art1', 'article', 1],
      ['art2', 'article', 2],
      ['art3', 'article', 3],
      ['art4', 'article', 4],
      ['art5', 'article', 5],
    ]);
    expect(doc.clauses.map((c) => c.section)).toEqual([
      'الفصل الأول: الإنشاء والمقر',
      'الفصل الأول: الإنشاء والمقر',
      'المهام الرئيسية',
      'التعاون مع الجهات الأخرى',
      'الجزء الثاني الإدارة والتمويل',
    ]);
    expect(clause(doc, 'art2').text).toBe('يكون مقر المعهد في المدينة التي يختارها مجلس الإدارة.');
    expect(clause(doc, 'art3').text).toBe('يضطلع المعهد بتنظيم الدورات التدريبية وإعداد الدراسات.');
  });

  it('ordinal and letter headings, and an unnumbered heading after a full stop, head report paragraphs', () => {
    const doc = layout('1-report-headings.txt');
    expect(doc.clauses.map((c) => [c.id, c.section])).toEqual([
      ['para1', 'أولاً - مقدمة'],
      ['para2', 'أولاً - مقدمة'],
      ['para3', 'ألف - المناقشة العامة'],
      ['para4', 'باء - الاستنتاجات'],
      ['para5', 'ملاحظات ختامية'],
    ]);
    expect(clause(doc, 'para4').text).toBe('خلص الفريق إلى ضرورة حماية المدارس.');
  });

  it('a heading line inside a sentence is not a heading', () => {
    const doc = parseString('إن الجمعية العامة،\nإذ تشير إلى\nالفصل الثالث من التقرير،\n1 - تقرر.');
    expect(clause(doc, 'pp1').text).toBe('إذ تشير إلى الفصل الثالث من التقرير،');
  });
});

describe('2. preambles in any layout', () => {
  it('splits paragraphs run together after a full stop, keeps a comma-joined "وإذ" inside its paragraph, and does not let a paragraph without its comma swallow the next', () => {
    const doc = layout('2-preambles.txt');
    expect(doc.clauses.filter((c) => c.kind === 'preamble').map((c) => c.lead)).toEqual([
      'إذ تشير',
      'وإذ تؤكد',
      'وإذ تؤكد أيضا',
      'وإذ تعرب',
      'وإذ تدرك',
      'وإذ تضع في اعتبارها',
    ]);
    expect(clause(doc, 'pp1').text).toBe('إذ تشير إلى قراراتها السابقة بشأن محو الأمية، وإذ تلاحظ التقدم المحرز في هذا الميدان،');
    expect(clause(doc, 'pp5').text).toBe('وإذ تدرك أن ملايين الكبار ما زالوا أميين');
  });

  it('reads lettered preamble paragraphs as preamble clauses that start at the formula, with no number', () => {
    const doc = layout('2-lettered-preamble.txt');
    expect(shape(doc)).toEqual([
      ['pp1', 'preamble', null],
      ['pp2', 'preamble', null],
      ['pp3', 'preamble', null],
      ['op1', 'operative', 1],
    ]);
    expect(clause(doc, 'pp2').text).toBe('وإذ يلاحظ مع التقدير عمل اللجان الإقليمية،');
    expect(clause(doc, 'pp2').items).toEqual([]);
  });

  it('reads "نحن ... وأن ..." paragraphs as preamble clauses and drops the formulas around them', () => {
    const doc = layout('2-we-the-peoples.txt');
    expect(doc.clauses.map((c) => [c.id, c.lead])).toEqual([
      ['pp1', 'أن نصون'],
      ['pp2', 'وأن نتعاون'],
      ['pp3', 'وأن نعمل'],
      ['pp4', 'أن ننشئ'],
      ['art1', null],
    ]);
    expect(clause(doc, 'pp4').text).toBe('أن ننشئ هيئة دائمة للتشاور،');
  });
});

describe('3. the enacting formula anywhere', () => {
  it('drops the formula and keeps the first clause when both stand on one line', () => {
    const doc = layout('3-enacting.txt');
    expect(doc.body).toBe('الجمعية العامة');
    expect(clause(doc, 'pp1').text).toBe('إذ تشير إلى إعلانها بشأن الحق في الغذاء،');
    expect(shape(doc).map(([id]) => id)).toEqual(['pp1', 'pp2', 'op1', 'op2']);
  });

  it('reads the formula of States parties and "قد اتفقت على ما يلي"', () => {
    const doc = layout('3-states-parties.txt');
    expect(shape(doc)).toEqual([
      ['pp1', 'preamble', null],
      ['pp2', 'preamble', null],
      ['art1', 'article', 1],
    ]);
    expect(clause(doc, 'pp2').text).toBe('وإذ تدرك الخطر الذي يهددها،');
  });

  it('reads a conference formula, a "وقد اجتمع" paragraph and "يعلن ما يلي" before principles', () => {
    const doc = layout('3-declaration.txt');
    expect(doc.clauses.map((c) => [c.id, c.lead])).toEqual([
      ['pp1', 'وقد اجتمع'],
      ['pp2', 'وإذ يعي'],
      ['art1', null],
      ['art2', null],
    ]);
    expect(clause(doc, 'pp2').text).toBe('وإذ يعي الحاجة إلى تنويع مصادر الطاقة،');
  });
});

describe('4. operative paragraphs without printed numbers', () => {
  it('reads "- يقرر ..." paragraphs after the preamble as operative with number null, items kept', () => {
    const doc = layout('4-unnumbered-operative.txt');
    expect(shape(doc)).toEqual([
      ['pp1', 'preamble', null],
      ['op1', 'operative', null],
      ['op2', 'operative', null],
      ['op3', 'operative', null],
      ['op4', 'operative', null],
    ]);
    expect(doc.clauses.slice(1).map((c) => c.lead)).toEqual(['يطالب', 'يدعو', 'يقرر', 'يقرر']);
    expect(clause(doc, 'op3').items.map((i) => i.label)).toEqual(['أ', 'ب']);
  });

  it('reads unnumbered verb paragraphs with no bullet, but not a preamble paragraph whose formula is garbled', () => {
    const doc = parseString('إن مجلس الأمن،\nإذ يشير إلى قراراته،\nتلاحظ الجمعية ما سبق،\nيدعو الأطراف إلى الحوار؛\nيقرر أن يبقي المسألة قيد نظره.');
    expect(shape(doc)).toEqual([
      ['pp1', 'preamble', null],
      ['pp2', 'preamble', null],
      ['op1', 'operative', null],
      ['op2', 'operative', null],
    ]);
  });
});

describe('5. provisions in every style', () => {
  it('reads المادة (1), المادة الثانية, المادة الحادية عشرة, القاعدة 12, المبدأ 13 and items (أ), أ-, أ –, 1)', () => {
    const doc = layout('5-provisions.txt');
    expect(shape(doc)).toEqual([
      ['art1', 'article', 1],
      ['art2', 'article', 2],
      ['art11', 'article', 11],
      ['art12', 'article', 12],
      ['art13', 'article', 13],
    ]);
    expect(doc.clauses.map((c) => c.items.map((i) => i.label))).toEqual([[], ['أ', 'ب'], ['أ', 'ب'], ['1', '2'], ['أ', 'ب']]);
    expect(clause(doc, 'art2').items[0]).toEqual({ label: 'أ', text: 'تسجل القراءات كل ساعة؛' });
    // The text keeps the labels as printed.
    expect(clause(doc, 'art11').text).toBe('تشمل البيانات ما يلي: أ – درجة الحرارة؛ ب – الرطوبة.');
    // The word that numbered each: only a principle or a rule is recorded.
    expect(doc.clauses.map((c) => c.designation)).toEqual([undefined, undefined, undefined, 'rule', 'principle']);
  });

  it('does not read a sentence citing an article as a provision', () => {
    const doc = parseString('إن الجمعية العامة،\nإذ تشير إلى\nالمادة 12 من العهد الدولي،\n1 - تقرر.');
    expect(shape(doc).map(([id]) => id)).toEqual(['pp1', 'op1']);
  });
});

describe('6. footnote markers as printed in the wild', () => {
  it('reads (1), digits glued to a word or its full stop, ([4]), [5], ^(٦) and ⁽⁷⁾, with their bodies at the end', () => {
    const doc = layout('6-footnote-markers.txt');
    expect(doc.clauses.map((c) => [c.id, c.footnotes])).toEqual([
      ['pp1', [1]],
      ['pp2', [2]],
      ['pp3', [3]],
      ['pp4', [4, 5]],
      ['pp5', [6, 7]],
      ['op1', []],
    ]);
    expect(doc.footnotes.map((f) => f.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(clause(doc, 'pp2').text).toBe('وإذ تحيط علما بالمذكرة التي قدمها الأمين العام بإقراره للخطة،');
    expect(clause(doc, 'pp3').text).toBe('وإذ تلاحظ الإعلان المعتمد بشأن حقوق الإنسان. والبرنامج الملحق به،');
    expect(clause(doc, 'op1').text).toBe('تقرر أن تواصل النظر في المسألة.');
  });

  it('moves an inline body "([1]) text.)" to the footnotes', () => {
    const doc = parseString('إن الجمعية العامة،\nإذ تشير إلى الإعلان([1]) انظر القرار 55/2.) وإلى خطة العمل،\n1 - تقرر.');
    expect(clause(doc, 'pp1')).toMatchObject({ text: 'إذ تشير إلى الإعلان وإلى خطة العمل،', footnotes: [1] });
    expect(doc.footnotes).toEqual([{ number: 1, text: 'انظر القرار 55/2.' }]);
  });

  it('gives each inline body its own number when the text restarts the labels at ([1])', () => {
    const doc = parseString(
      'إن الجمعية العامة،\nإذ تشير إلى الإعلان([1]) انظر القرار 55/2.) وإلى خطة العمل([1]) انظر القرار 60/1.)،\nوإذ تلاحظ التقرير([2]) A/61/387.)،\n1 - تقرر.',
    );
    expect(doc.footnotes).toEqual([
      { number: 1, text: 'انظر القرار 55/2.' },
      { number: 2, text: 'انظر القرار 60/1.' },
      { number: 3, text: 'A/61/387.' },
    ]);
    expect(clause(doc, 'pp1')).toMatchObject({ text: 'إذ تشير إلى الإعلان وإلى خطة العمل،', footnotes: [1, 2] });
    expect(clause(doc, 'pp2').footnotes).toEqual([3]);
    expect(doc.citations.map((c) => [c.symbol, c.clause])).toEqual(
      expect.arrayContaining([
        ['A/RES/55/2', 'pp1'],
        ['A/RES/60/1', 'pp1'],
      ]),
    );
  });

  it('keeps the printed numbers of inline bodies that never repeat', () => {
    const doc = parseString('إن الجمعية العامة،\nإذ تشير إلى الإعلان([3]) انظر القرار 55/2.) وإلى الخطة([7]) انظر القرار 60/1.)،\n1 - تقرر.');
    expect(doc.footnotes.map((f) => f.number)).toEqual([3, 7]);
    expect(clause(doc, 'pp1').footnotes).toEqual([3, 7]);
  });

  it('leaves "و13" (a particle before a number) and a spaced number alone', () => {
    const doc = parseString('إن الجمعية العامة،\nإذ تشير إلى اجتماعيها يومي 12 و13 أيار/مايو،\n1 - تقرر.');
    expect(clause(doc, 'pp1').text).toBe('إذ تشير إلى اجتماعيها يومي 12 و13 أيار/مايو،');
  });
});

describe('7. text that lost its layout', () => {
  it('reflows hard-wrapped lines: a line break inside a sentence is no paragraph break', () => {
    const doc = layout('7-hard-wrapped.txt');
    expect(shape(doc).map(([id]) => id)).toEqual(['pp1', 'pp2', 'op1', 'op2']);
    expect(clause(doc, 'op1').text).toBe('تدعو المجتمع الدولي إلى دعم جهود التكيف في الدول الجزرية الصغيرة النامية؛');
  });

  it('finds the clause boundaries of a text flattened onto one line from its formulas and numbers', () => {
    const doc = layout('7-flattened.txt');
    expect(shape(doc)).toEqual([
      ['pp1', 'preamble', null],
      ['pp2', 'preamble', null],
      ['pp3', 'preamble', null],
      ['op1', 'operative', 1],
      ['op2', 'operative', 2],
      ['op3', 'operative', 3],
    ]);
    expect(clause(doc, 'pp2').text).toBe('وإذ تلاحظ مع القلق انتشار الأمراض المعدية،');
    expect(clause(doc, 'op2').text).toBe('تطلب إلى الأمين العام أن يقدم تقريرا عن تنفيذ هذا القرار؛');
  });

  it('knows the same formula subjects on a flattened line as on a line of its own (src/un/formulas.ts)', () => {
    // A working group, a meeting of ministers: subjects the run-in splitter once lacked.
    for (const subject of ['الفريق العامل', 'اجتماع الوزراء', 'مؤتمر الأطراف']) {
      const doc = parseString(
        `مقرر بشأن التعاون في مجال المياه إن ${subject}، إذ يشير إلى مقرراته السابقة بشأن المياه، وإذ يلاحظ مع القلق ندرة المياه في مناطق كثيرة، 1 - يحث الدول على تعزيز إدارة مواردها المائية؛ 2 - يقرر أن يبقي المسألة قيد نظره.\n`,
      );
      expect(shape(doc).map(([id]) => id), subject).toEqual(['pp1', 'pp2', 'op1', 'op2']);
      expect(clause(doc, 'pp1').text, subject).toBe('إذ يشير إلى مقرراته السابقة بشأن المياه،');
    }
  });
});

describe('8. furniture of every origin', () => {
  it('drops breadcrumbs, buttons, counters, BBCode, images, table pipes and the vote tally of a web page', () => {
    const doc = layout('8-web-page.txt');
    expect(shape(doc).map(([id]) => id)).toEqual(['pp1', 'op1', 'op2']);
    expect(doc.body).toBe('الجمعية العامة');
    expect(clause(doc, 'op2').text).toBe('تقرر أن تبقي المسألة قيد نظرها.');
  });

  it('ends an instrument at its closing lines: "وإثباتاً لذلك", "حرر في" and the signature block are no clauses', () => {
    const doc = layout('8-closing-lines.txt');
    expect(shape(doc).map(([id]) => id)).toEqual(['pp1', 'art1', 'art2']);
    expect(clause(doc, 'art2').text).toBe('يبدأ نفاذ هذا الاتفاق عند توقيعه.');
  });

  it('gives no clauses for a table of contents', () => {
    expect(layout('8-contents.txt').clauses).toEqual([]);
  });

  it('gives no clauses for a cover page', () => {
    expect(layout('8-cover-page.txt').clauses).toEqual([]);
  });
});
