// Citations of GA, ECOSOC, Security Council and Human Rights Council
// resolutions in English-order symbols, one describe per printed form of the
// issue (crafted sentences, not copied from real documents). Which number of a
// pair is the session is decided on evidence, and `basis` names it.

import { describe, expect, it } from 'vitest';
import { findCitations } from '../../src/structure/citations.js';
import { readPair } from '../../src/structure/symbols.js';
import { parseLines } from './support/crafted.js';

const GA = 'الجمعية العامة';
const ECOSOC = 'المجلس الاقتصادي والاجتماعي';
const SC = 'مجلس الأمن';
const HRC = 'مجلس حقوق الإنسان';
const symbols = (text: string, enacting: string | null = null): string[] => findCitations(text, enacting).map((c) => c.symbol);
const cited = (text: string, enacting: string | null = null): Array<[string, string]> =>
  findCitations(text, enacting).map((c) => [c.symbol, c.basis]);

describe('General Assembly pairs', () => {
  it.each(['٢٩٣/٦٤', '293/64', '٦٤/٢٩٣', '64/293', '۲۹۳/۶۴', '٢٩٣ / ٦٤', '64 / 293'])('cite "%s" as A/RES/64/293 (range: no session 293)', (pair) => {
    expect(findCitations(`وإذ تشير إلى قرار الجمعية العامة ${pair} المؤرخ ٣٠ تموز/يوليه ٢٠١٠،`, null)).toEqual([
      { symbol: 'A/RES/64/293', text: pair, basis: 'range' },
    ]);
  });

  it('cite "قرار الجمعية العامة رقم 49/59"', () => {
    expect(symbols('بموجب قرار الجمعية العامة رقم 49/59، المؤرخ في 9 كانون الأول/ديسمبر 1994')).toEqual(['A/RES/49/59']);
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

  it('drop a pair no session can have ("١٧٠/١": no session 1 numbered per session, none 170)', () => {
    expect(symbols('قرار الجمعية العامة ١٧٠/١')).toEqual([]);
  });
});

describe('which number is the session', () => {
  it('a session before the 31st did not number per session: "31/15" is session 31 (range)', () => {
    expect(cited('قرارها 31/15', GA)).toEqual([['A/RES/31/15', 'range']]);
  });

  it('the date printed next to it: "44 / 62 المؤرخ ... 1989" is session 44 (date)', () => {
    expect(cited('قراراتها 44 / 62 المؤرخ 8 كانون الأول/ديسمبر 1989', GA)).toEqual([['A/RES/44/62', 'date']]);
    expect(cited('قراراتها 62 / 44 المؤرخ 8 كانون الأول/ديسمبر 1989', GA)).toEqual([['A/RES/44/62', 'date']]);
  });

  it('a date in parentheses or any digits works too', () => {
    expect(cited('قرارها ٤٨ / ٥٥ المؤرخ ٢٠ كانون الأول (ديسمبر) ١٩٩٣', GA)).toEqual([['A/RES/48/55', 'date']]);
  });

  it('the document\'s own session: nothing cited is later', () => {
    expect(readPair({ organ: 'ga', first: 52, second: 44, part: null, date: null, latin: false }, { ownSession: 50 })).toMatchObject({
      symbol: 'A/RES/44/52',
      basis: 'own-session',
    });
  });

  it('the order the document\'s other pairs were decided in', () => {
    const pair = { organ: 'ga' as const, first: 45, second: 60, part: null, date: null, latin: false };
    expect(readPair(pair, { documentOrder: 'session-first' })).toMatchObject({ symbol: 'A/RES/45/60', basis: 'document-order' });
    expect(readPair(pair, { documentOrder: 'number-first' })).toMatchObject({ symbol: 'A/RES/60/45', basis: 'document-order' });
  });

  it('with no evidence, the writing direction: Arabic number/session, Latin session/number', () => {
    expect(cited('وإذ تشير إلى قرار الجمعية العامة 74/55', null)).toEqual([['A/RES/55/74', 'direction']]);
    expect(readPair({ organ: 'ga', first: 55, second: 74, part: null, date: null, latin: true })).toMatchObject({
      symbol: 'A/RES/55/74',
      basis: 'direction',
    });
  });

  it('in a document, the enumeration\'s dated pairs decide its undated ones', () => {
    const doc = parseLines(
      'إن الجمعية العامة،',
      'إذ تشير إلى قراراتها 40 / 152 المؤرخ 16 كانون الأول/ديسمبر 1985، و 45 / 65 المؤرخ 4 كانون الأول/ديسمبر 1990، و 47 / 45،',
      '١ - تقرر.',
    );
    expect(doc.citations.map((c) => [c.symbol, c.basis])).toEqual([
      ['A/RES/40/152', 'range'],
      ['A/RES/45/65', 'date'],
      ['A/RES/47/45', 'document-order'],
    ]);
  });
});

describe('lettered parts', () => {
  it('"37/120 ألف" is A/RES/37/120A; each part name is its letter in the UN order', () => {
    expect(symbols('قرار الجمعية العامة 37/120 ألف')).toEqual(['A/RES/37/120A']);
    expect(symbols('قراراتها 40 / 152 سين المؤرخ 16 كانون الأول/ديسمبر 1985، و 41 / 86 فاء المؤرخ 4 كانون الأول/ديسمبر 1986', GA)).toEqual([
      'A/RES/40/152O',
      'A/RES/41/86Q',
    ]);
    expect(symbols('قرارها 43/81 باء المؤرخ 7 كانون الأول/ديسمبر 1988', GA)).toEqual(['A/RES/43/81B']);
    expect(symbols('قرارها 35/13 جيم', GA)).toEqual(['A/RES/35/13C']);
  });

  it('a Latin part letter too', () => {
    expect(symbols('resolution 64/293 B of the General Assembly, قرار الجمعية العامة 64/293 B')).toContain('A/RES/64/293B');
  });
});

describe('old-style General Assembly and ECOSOC resolutions', () => {
  it('"1514 (د-15)" is A/RES/1514(XV)', () => {
    expect(cited('وإذ تشير إلى قرار الجمعية العامة 1514 (د-15)')).toEqual([['A/RES/1514(XV)', 'old-style']]);
  });

  it('"2200 ألف (د-21)" is A/RES/2200(XXI)A, any dash', () => {
    expect(symbols('قرار الجمعية العامة 2200 ألف (د–21)')).toEqual(['A/RES/2200(XXI)A']);
  });

  it('an enumeration of old-style and new-style resolutions', () => {
    expect(symbols('إلى قراراتها 2656 (د–25) المؤرخ في 7 كانون الأول/ ديسمبر 1970، و3419 دال (د-30)، و31/15 جيم', GA)).toEqual([
      'A/RES/2656(XXV)',
      'A/RES/3419(XXX)D',
      'A/RES/31/15C',
    ]);
  });

  it('an ECOSOC old-style resolution', () => {
    expect(symbols('قرار المجلس الاقتصادي والاجتماعي 1296 (د-44)')).toEqual(['E/RES/1296(XLIV)']);
  });
});

describe('Security Council resolutions', () => {
  it.each([
    ['قرار مجلس الأمن رقم 242 (1967)', null],
    ['قرار مجلس الأمن ٢٤٢ (١٩٦٧)', GA],
    ['القرار 242 (1967)', SC],
    ['بتنفيذ القرار 242 (1967)', null],
  ])('cite "%s" as S/RES/242 (1967)', (text, enacting) => {
    expect(cited(text, enacting)).toEqual([['S/RES/242 (1967)', 'year']]);
  });

  it('an enumeration: "القرارين 242 (1967) و 338 (1973)"', () => {
    expect(symbols('قراري مجلس الأمن 242 (1967) و 338 (1973)')).toEqual(['S/RES/242 (1967)', 'S/RES/338 (1973)']);
  });

  it('not a number and year in brackets far from any resolution', () => {
    expect(symbols(`قرار ${'كلمة '.repeat(20)} المادة 5 (2005)`)).toEqual([]);
  });
});

describe('Human Rights Council resolutions', () => {
  it('"قرار مجلس حقوق الإنسان 40/7" is A/HRC/RES/40/7', () => {
    expect(symbols('وإذ يشير إلى قرار مجلس حقوق الإنسان 40/7')).toEqual(['A/HRC/RES/40/7']);
  });

  it('"قرار المجلس" in a Human Rights Council text is the Council\'s', () => {
    expect(symbols('وإذ يشير إلى قرار المجلس 33/10 المؤرخ 29 أيلول/سبتمبر 2016', HRC)).toEqual(['A/HRC/RES/33/10']);
  });

  it('a date decides the session: session 10 met in 2009', () => {
    expect(cited('قرار مجلس حقوق الإنسان 12/10 المؤرخ 26 آذار/مارس 2009')).toEqual([['A/HRC/RES/10/12', 'date']]);
  });
});

describe('ECOSOC resolutions and decisions', () => {
  it('cite "٣٣/٢٠١١" as E/RES/2011/33, in a GA text too', () => {
    expect(cited('وإذ تشير إلى قرار المجلس الاقتصادي والاجتماعي ٣٣/٢٠١١ المؤرخ ٢٨ تموز/يوليه ٢٠١١،', GA)).toEqual([['E/RES/2011/33', 'year']]);
  });

  it('cite a year pair in either order', () => {
    expect(symbols('قرار المجلس ٢٠١١/٣٣')).toEqual(['E/RES/2011/33']);
  });

  it('cite a year pair after "قراره" in an ECOSOC text', () => {
    expect(symbols('وإذ يشير إلى قراره ٢٧/٢٠٠٤ المؤرخ ٢١ تموز/يوليه ٢٠٠٤،', ECOSOC)).toEqual(['E/RES/2004/27']);
  });

  it('cite an ECOSOC decision as E/DEC', () => {
    expect(symbols('وإذ يشير إلى مقرر المجلس الاقتصادي والاجتماعي 2016/241')).toEqual(['E/DEC/2016/241']);
    expect(symbols('وإذ يشير إلى مقرره ٢٤١/٢٠١٦', ECOSOC)).toEqual(['E/DEC/2016/241']);
  });
});

describe('English symbols printed in the text', () => {
  it.each([
    ['انظر A/RES/64/293', 'A/RES/64/293'],
    ['انظر S/RES/2334 (2016)', 'S/RES/2334 (2016)'],
    ['انظر S/RES/2334(2016)', 'S/RES/2334 (2016)'],
    ['انظر A/HRC/RES/40/7', 'A/HRC/RES/40/7'],
    ['انظر E/RES/2017/18', 'E/RES/2017/18'],
    ['انظر A/RES/1514(XV)', 'A/RES/1514(XV)'],
  ])('%s', (text, symbol) => expect(cited(text)).toEqual([[symbol, 'printed']]));
});

describe('what is not cited', () => {
  it.each([
    ['a commission resolution', 'وإذ تشير إلى قرار لجنة المخدرات ٦١/١١'],
    ['a conference decision', 'وإذ يستذكر أيضاً مقرره ٤/٤، المؤرخ ١٧ تشرين الأول/أكتوبر ٢٠٠٨'],
    ['a GA decision', 'وإذ تشير إلى مقررها 36/462 المؤرخ في 16 آذار/مارس 1982'],
    ['a decision named with its organ', 'مقرر المؤتمر ٥/٢'],
    ['a document symbol', 'في الوثيقة E/2019/30 المقدمة إلى المجلس'],
    ['a draft symbol', 'انظر A/HRC/51/L.40 و A/C.3/74/L.12'],
    ['a date written with slashes', 'المؤرخ 30/7/2010'],
    ['a pair with no organ before it', 'الفقرة ٥/٢ من المرفق'],
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

  it('name the clause each citation stands in, and the evidence', () => {
    expect(doc.citations).toEqual([
      { symbol: 'A/RES/72/215', text: '٢١٥/٧٢', clause: 'pp1', basis: 'range' },
      { symbol: 'A/RES/55/74', text: '74/55', clause: 'pp1', basis: 'document-order' },
      { symbol: 'E/RES/2019/20', text: '٢٠/٢٠١٩', clause: 'pp2', basis: 'year' },
      { symbol: 'A/RES/64/293', text: '٢٩٣/٦٤', clause: 'op1', basis: 'range' },
    ]);
  });

  it('cite from a header line, under "header"', () => {
    const instrument = parseLines(
      'اتفاقية بشأن التعاون',
      'اعتمدت وفتحت للتوقيع بموجب قرار الجمعية العامة رقم 49/59، المؤرخ في 9 كانون الأول/ديسمبر 1994',
      'إن الدول الأطراف في هذه الاتفاقية،',
      'إذ تضع في اعتبارها الميثاق،',
    );
    expect(instrument.citations).toEqual([{ symbol: 'A/RES/49/59', text: '49/59', clause: 'header', basis: 'date' }]);
  });

  it('never cite the document\'s own symbol', () => {
    const own = parseLines('52 / 44 التحقق', 'إن الجمعية العامة،', 'إذ تشير إلى قرارها 52/44 و 51/120،', '١ - تقرر.');
    expect(own.symbol).toBe('A/RES/52/44');
    expect(own.citations.map((c) => c.symbol)).toEqual(['A/RES/51/120']);
  });
});
