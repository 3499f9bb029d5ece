// Citations of GA and ECOSOC resolutions, in English-order symbols. A number pair
// belongs to the organ named nearest before it; commissions' resolutions,
// decisions, document symbols and dates are not cited.

import { describe, expect, it } from 'vitest';
import { findCitations } from '../../src/structure/citations.js';
import { ecosocSymbol, enactingSymbol, generalAssemblySymbol } from '../../src/structure/symbols.js';
import { parseLines } from './support/crafted.js';

const GA = 'الجمعية العامة';
const ECOSOC = 'المجلس الاقتصادي والاجتماعي';
const symbols = (text: string, enacting: string | null = null): string[] => findCitations(text, enacting).map((c) => c.symbol);

describe('symbols from printed numbers', () => {
  it('reads GA numbers in either order: the number above 100 is the resolution', () => {
    expect(generalAssemblySymbol(293, 64)).toBe('A/RES/64/293');
    expect(generalAssemblySymbol(64, 293)).toBe('A/RES/64/293');
    expect(generalAssemblySymbol(1, 70)).toBe('A/RES/70/1');
  });

  it('reads ECOSOC numbers by the year, on either side', () => {
    expect(ecosocSymbol(33, 2011)).toBe('E/RES/2011/33');
    expect(ecosocSymbol(2011, 33)).toBe('E/RES/2011/33');
    expect(ecosocSymbol(241, 2016, true)).toBe('E/DEC/2016/241');
    expect(ecosocSymbol(293, 64)).toBeNull();
  });

  it('gives a document its own symbol from its "N/M - title" line and organ', () => {
    expect(enactingSymbol(18, 2017, ECOSOC, false)).toBe('E/RES/2017/18');
    expect(enactingSymbol(154, 73, GA, false)).toBe('A/RES/73/154');
    expect(enactingSymbol(4, 4, 'مؤتمر الأطراف', false)).toBeNull();
  });
});

describe('General Assembly resolutions', () => {
  it.each(['٢٩٣/٦٤', '293/64', '٦٤/٢٩٣', '64/293', '۲۹۳/۶۴', '٢٩٣ / ٦٤'])('cite "%s" as A/RES/64/293', (pair) => {
    expect(findCitations(`وإذ تشير إلى قرار الجمعية العامة ${pair} المؤرخ ٣٠ تموز/يوليه ٢٠١٠،`, null)).toEqual([
      { symbol: 'A/RES/64/293', text: pair },
    ]);
  });

  it('cite each number of an enumeration, whatever the spacing and digits', () => {
    expect(symbols('قرارات الجمعية العامة ١٩٠/٦٧ المؤرخ ٢٠ كانون الأول/ديسمبر ٢٠١٢، و ١٩٢/٦٨، و١٧٩/٧٠ و 195/72')).toEqual([
      'A/RES/67/190',
      'A/RES/68/192',
      'A/RES/70/179',
      'A/RES/72/195',
    ]);
  });

  it('keep the text of each citation as printed', () => {
    expect(findCitations('قرار الجمعية العامة ١٤٧/٦٠', null)[0]!.text).toBe('١٤٧/٦٠');
  });
});

describe('ECOSOC resolutions', () => {
  it('cite "٣٣/٢٠١١" as E/RES/2011/33, in a GA text too', () => {
    expect(symbols('وإذ تشير إلى قرار المجلس الاقتصادي والاجتماعي ٣٣/٢٠١١ المؤرخ ٢٨ تموز/يوليه ٢٠١١،', GA)).toEqual(['E/RES/2011/33']);
  });

  it('cite a year pair in either order', () => {
    expect(symbols('قرار المجلس ٢٠١١/٣٣')).toEqual(['E/RES/2011/33']);
  });

  it('cite a year pair after "قراره" in an ECOSOC text', () => {
    expect(symbols('وإذ يشير إلى قراره ٢٧/٢٠٠٤ المؤرخ ٢١ تموز/يوليه ٢٠٠٤،', ECOSOC)).toEqual(['E/RES/2004/27']);
  });
});

describe('what is not cited', () => {
  it.each([
    ['a commission resolution', 'وإذ تشير إلى قرار لجنة المخدرات ٦١/١١'],
    ['a Human Rights Council resolution', 'وقرار مجلس حقوق الإنسان ٢٣/٥'],
    ['a conference decision', 'وإذ يستذكر أيضاً مقرره ٤/٤، المؤرخ ١٧ تشرين الأول/أكتوبر ٢٠٠٨'],
    ['a decision named with its organ', 'مقرر المؤتمر ٥/٢'],
    ['a document symbol', 'في الوثيقة E/2019/30 المقدمة إلى المجلس'],
    ['a date written with slashes', 'المؤرخ 30/7/2010'],
    ['an English resolution symbol', 'انظر A/RES/64/293'],
    ['a pair with no organ before it', 'الفقرة ٥/٢ من المرفق'],
    ['a Security Council resolution', 'قرار مجلس الأمن ١٣٢٥ (٢٠٠٠)'],
  ])('%s', (_, text) => expect(symbols(text, GA)).toEqual([]));

  it('forgets an organ named too far before the pair', () => {
    expect(symbols(`قرار الجمعية العامة ${'كلمة '.repeat(80)} ٢٩٣/٦٤`)).toEqual([]);
  });

  it('gives a pair that follows a commission resolution to the commission, not to GA named earlier', () => {
    expect(symbols('قرار الجمعية العامة ٢٩٣/٦٤ وقرار لجنة المخدرات ٦١/١١ و ٦٢/٢')).toEqual(['A/RES/64/293']);
  });
});

describe('"قرارها" and the like point back', () => {
  it('to the organ named before them', () => {
    expect(symbols('الذي اعتمدته الجمعية العامة في قرارها ١/٧٢،', 'لجنة منع الجريمة')).toEqual(['A/RES/72/1']);
  });

  it('to the enacting organ when none is named', () => {
    expect(symbols('وإذ تشير إلى قرارها ٢٩٣/٦٤،', GA)).toEqual(['A/RES/64/293']);
    expect(symbols('وإذ تشير إلى قرارها ٢٠/١٥،', 'لجنة المخدرات')).toEqual([]);
  });
});

describe('citations in a document', () => {
  const doc = parseLines(
    'إن الجمعية العامة،',
    'إذ تشير إلى قراراتها ٢١٥/٧٢ و 74/55،',
    'وإذ تشير أيضاً إلى قرار المجلس الاقتصادي والاجتماعي ٢٠/٢٠١٩،',
    '١ - تطلب إلى الأمين العام أن يقدم تقريراً عملاً بقرارها ٢٩٣/٦٤؛',
    '٢ - تقرر أن تنظر في المسألة وفقاً لمقررها ٥٥٥/٧٤.',
  );

  it('name the clause each citation stands in', () => {
    expect(doc.citations).toEqual([
      { symbol: 'A/RES/72/215', text: '٢١٥/٧٢', clause: 'pp1' },
      { symbol: 'A/RES/55/74', text: '74/55', clause: 'pp1' },
      { symbol: 'E/RES/2019/20', text: '٢٠/٢٠١٩', clause: 'pp2' },
      { symbol: 'A/RES/64/293', text: '٢٩٣/٦٤', clause: 'op1' },
    ]);
  });
});
