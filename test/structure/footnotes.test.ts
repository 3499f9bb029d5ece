// Footnotes: markers in running text and bodies between paragraphs. A "(N) ..."
// line is a body only when footnote N is marked somewhere, so numbered lists in
// brackets stay text; a glued "(N)" is a marker only when body N exists.

import { describe, expect, it } from 'vitest';
import { findFootnotes } from '../../src/structure/footnotes.js';
import { readLines } from '../../src/structure/lines.js';
import { clause, parseCrafted, parseLines } from './support/crafted.js';

/** "role[markers] value" per line after the footnote stage, footnote bodies as "fnN value". */
function footnotes(...lines: string[]): string[] {
  const tree = readLines(lines.join('\n'));
  findFootnotes(tree);
  return tree.children.map((l) => (l.role === 'footnote' ? `fn${l.footnote} ${l.value}` : `[${l.markers.join(',')}] ${l.value}`));
}

describe('marker styles', () => {
  it('reads caret markers ^(١) and their bracketed bodies', () => {
    expect(footnotes('وإذ تشير إلى الاتفاقية،^(١) وإلى البروتوكول،^(٢)', '(١) الأمم المتحدة، مجموعة المعاهدات، المجلد ١٥٢٢.', '(٢) المرجع نفسه.')).toEqual([
      '[1,2] وإذ تشير إلى الاتفاقية، وإلى البروتوكول،',
      'fn1 الأمم المتحدة، مجموعة المعاهدات، المجلد ١٥٢٢.',
      'fn2 المرجع نفسه.',
    ]);
  });

  it('reads superscript-parenthesis markers ⁽¹⁾, with bodies printed ⁽¹⁾ or (1)', () => {
    expect(footnotes('تشير إلى الإعلان⁽¹⁾ وإلى خطة العمل⁽²⁾', '⁽¹⁾ القرار 2/55.', '(2) القرار 293/64.')).toEqual([
      '[1,2] تشير إلى الإعلان وإلى خطة العمل',
      'fn1 القرار 2/55.',
      'fn2 القرار 293/64.',
    ]);
  });

  it('reads markdown markers [^1] and definitions "[^1]: text"', () => {
    expect(footnotes('تحيط علماً بالتقرير[^1] وبالمذكرة[^2].', '[^1]: A/76/120.', '[^2]: E/CN.7/2022/3.')).toEqual([
      '[1,2] تحيط علماً بالتقرير وبالمذكرة.',
      'fn1 A/76/120.',
      'fn2 E/CN.7/2022/3.',
    ]);
  });

  it('reads superscript digit runs after a word as one number', () => {
    expect(footnotes('وفقاً للاتفاقية¹ والبروتوكول¹²', '¹ المجلد 2225.', '¹² المجلد 2237.')).toEqual([
      '[1,12] وفقاً للاتفاقية والبروتوكول',
      'fn1 المجلد 2225.',
      'fn12 المجلد 2237.',
    ]);
  });

  it('reads the bare caret forms ^3 and ^[4]', () => {
    expect(footnotes('نص ^3 ونص ^[4] آخر', '(3) حاشية ثالثة.', '^(4) حاشية رابعة.')).toEqual([
      '[3,4] نص ونص آخر',
      'fn3 حاشية ثالثة.',
      'fn4 حاشية رابعة.',
    ]);
  });

  it('reads markers in any digits', () => {
    expect(footnotes('نص^(۳) ونص^(٤) ونص^(5)', '(۳) أ.', '(4) ب.', '(٥) ج.')).toEqual(['[3,4,5] نص ونص ونص', 'fn3 أ.', 'fn4 ب.', 'fn5 ج.']);
  });
});

describe('glued "(1)" markers', () => {
  it('are markers when the body exists', () => {
    expect(footnotes('تشير إلى الاتفاقية(1) وإلى البروتوكول', '(1) المجلد 2225.')).toEqual([
      '[1] تشير إلى الاتفاقية وإلى البروتوكول',
      'fn1 المجلد 2225.',
    ]);
  });

  it('stay text when no body exists and they do not count up from 1', () => {
    expect(footnotes('تقرير الفريق العامل لعام 2021(3) والمرفقات')).toEqual(['[] تقرير الفريق العامل لعام 2021(3) والمرفقات']);
    expect(footnotes('وفقاً للمادة 4(1) من العهد')).toEqual(['[] وفقاً للمادة 4(1) من العهد']);
  });

  it('are markers without bodies when they count 1, 2 ... through the text (bodies lost)', () => {
    expect(footnotes('وضعتها هيئة نزع السلاح(1)،', 'المعتمد في 1972(2)، وإضافاتها(2)')).toEqual(['[1] وضعتها هيئة نزع السلاح،', '[2,2] المعتمد في 1972، وإضافاتها']);
  });

  it('need to be glued: a spaced "(2)" stays text even when body 2 exists', () => {
    expect(footnotes('نص^(2) وفقرة (2) أخرى', '(2) حاشية.')).toEqual(['[2] نص وفقرة (2) أخرى', 'fn2 حاشية.']);
  });
});

describe('bodies', () => {
  it('leave "(1)" lists with no markers as text', () => {
    expect(footnotes('تدعو إلى ما يلي:', '(1) جمع البيانات؛', '(2) تبادلها.')).toEqual([
      '[] تدعو إلى ما يلي:',
      '[] (1) جمع البيانات؛',
      '[] (2) تبادلها.',
    ]);
  });

  it('take a number once: a second "(1) ..." line is text', () => {
    expect(footnotes('نص^(١)', '(١) الحاشية.', 'قائمة:', '(١) بند.')).toEqual(['[1] نص', 'fn1 الحاشية.', '[] قائمة:', '[] (١) بند.']);
  });

  it('keep a number referenced again later, in every line that references it', () => {
    expect(footnotes('الاتفاقية^(١) الأولى', '(١) المجلد ١٥٧٧.', 'وفقاً للاتفاقية^(١) ذاتها')).toEqual([
      '[1] الاتفاقية الأولى',
      'fn1 المجلد ١٥٧٧.',
      '[1] وفقاً للاتفاقية ذاتها',
    ]);
  });

  it('give a marker wrapped onto a line of its own to the clause before it', () => {
    const doc = parseLines('إن الجمعية العامة،', 'إذ تشير إلى الاتفاقية،', '^(١)', '(١) المجلد ٢٢٢٥.', '١ - تقرر.');
    expect(doc.clauses.map((c) => [c.id, c.text, c.footnotes])).toEqual([
      ['pp1', 'إذ تشير إلى الاتفاقية،', [1]],
      ['op1', 'تقرر.', []],
    ]);
  });

  it('leave no empty title when a marker stands alone in the header', () => {
    expect(parseLines('^(١)', 'تعزيز التعاون', '(١) حاشية.', 'إن الجمعية العامة،', 'إذ تشير،', '١ - تقرر.').title).toBe('تعزيز التعاون');
  });

  it('record repeated markers of one line in order of appearance', () => {
    expect(footnotes('أ^(٢) ب^(١) ج^(٢)', '(١) س.', '(٢) ص.')[0]).toBe('[2,1,2] أ ب ج');
  });
});

describe('footnotes in a document', () => {
  const doc = parseCrafted('footnotes', 'between-paragraphs.txt');

  it('collects the bodies as the document\'s footnotes, once each', () => {
    expect(doc.footnotes).toEqual([
      { number: 1, text: 'قرار الجمعية العامة 34/40، المرفق.' },
      { number: 2, text: 'قرار المجلس الاقتصادي والاجتماعي 20/2005، المرفق.' },
    ]);
  });

  it('joins the clause a body cut, and gives it the footnotes of both parts', () => {
    const pp1 = clause(doc, 'pp1');
    expect(pp1.text).toMatch(/بالأطفال الضحايا والشهود،$/);
    expect(pp1.footnotes).toEqual([1, 2]);
    expect(doc.clauses.map((c) => c.id)).toEqual(['pp1', 'pp2', 'op1', 'op2', 'op3']);
  });

  it('lists a footnote referenced again in a later clause there too', () => {
    expect(clause(doc, 'op1').footnotes).toEqual([1]);
    expect(clause(doc, 'op1').text).not.toMatch(/[⁽⁾¹]/);
  });

  it('keeps a "(1)" list after the bodies as the clause\'s text', () => {
    expect(clause(doc, 'op2').text).toContain('(1) جمع البيانات المصنفة حسب الجنس والعمر؛ (2) تدريب الموظفين');
    expect(clause(doc, 'op2').footnotes).toEqual([]);
  });

  it('cites the resolutions the footnotes name, in the clause that references them', () => {
    expect(doc.citations.map((c) => [c.symbol, c.clause])).toEqual([
      ['A/RES/40/34', 'pp1'],
      ['E/RES/2005/20', 'pp1'],
    ]);
  });

  it('cites from a footnote no clause references under the footnote\'s own id', () => {
    // The marker stands in the title, which is no clause.
    const titled = parseLines('تعزيز التعاون الدولي^(٧)', '(٧) انظر قرار الجمعية العامة ١٤٧/٦٠.', 'إن الجمعية العامة،', 'إذ تشير إلى الإعلان،', '١ - تقرر.');
    expect(titled.title).toBe('تعزيز التعاون الدولي');
    expect(titled.citations).toEqual([{ symbol: 'A/RES/60/147', text: '١٤٧/٦٠', clause: 'fn7', basis: 'range' }]);
  });
});
