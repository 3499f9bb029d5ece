// The query language against the ways UN texts print words, numbers and
// symbols, end to end through bin/unres.js on crafted texts:
//   - a place in a quoted phrase accepts what the same word accepts outside
//     quotes (its nisba reading), the order and distance staying strict;
//   - a symbol printed for several documents (a range, a list after it) is
//     found by each member's own symbol;
//   - a symbol or resolution no clause holds falls back to its parts;
//   - a number printed with a hyphen for a dot (`٨-٧`) meets `8.7`, `8-7`, `٨٫٧`;
//   - a paragraph's item (`الفقرة 1 (أ)`) meets `1(a)`, above other items of the paragraph.
import { describe, expect, it } from 'vitest';
import { craftedIndex, resolution } from './run-bin.js';

const crafted = craftedIndex('notations', {
  'phrases.txt': resolution([
    'تؤكد أن هذه الاتفاقية هي الصك الرئيسي الملزم قانونياً لمكافحة الجريمة.',
    'تلاحظ أن الملزم للدول الأطراف في الصك الرئيسي هو ما تعتبره قانونياً.',
  ]),
  'records.txt': resolution([
    'تحيط علما بالمحاضر الموجزة لجلستيها 101 و 102 (انظر XYZ/C/SR.101 و102).',
    'تنظر في التقارير في جلساتها 5 إلى 7 (انظر XYZ/C.9/2001/SR.5-7).',
    'تحيل تقرير الأمين العام (S/2099/1015 و Add.1) إلى اللجنة.',
    'تحيط علما بالوثيقة A/99/100 و 2009 وبالمسائل الأخرى.',
  ]),
  'targets.txt': resolution([
    'تشير إلى الغايات ٥-٢ و ٨-٧ و ١٦-٢ من أهداف التنمية المستدامة.',
    'تقرر أن تعقد دورتها في الفترة 28-7-2030 وأن تنظر في الغاية 3 والبند 8 والبند 7.',
  ]),
  'items.txt': resolution([
    'تطلب إلى الأمين العام أن ينفذ الفقرة 1 (ب) من قرارها السابق بشأن المياه.',
    'تطلب إلى الأمين العام أن ينفذ الفقرة 1 (أ) من قرارها السابق بشأن المياه.',
  ]),
});

interface Hit {
  doc: string;
  clause: string;
  text: string;
}

const PARTS_NOTICE = /^unres: no clause holds the symbol or resolution in '.*' whole; showing clauses with its parts\n$/;

async function search(query: string, ...args: string[]): Promise<{ code: number; hits: Hit[]; parts: boolean }> {
  const result = await crafted.search([query, ...args]);
  // The only diagnostic a search of these texts may print: that it fell back to a name's parts.
  const parts = PARTS_NOTICE.test(result.stderr);
  if (!parts) expect(result.stderr).toBe('');
  expect([0, 1]).toContain(result.code);
  return { code: result.code, hits: JSON.parse(result.stdout) as Hit[], parts };
}

/** The clause ids (doc#clause) a query finds, best first. */
async function found(query: string, ...args: string[]): Promise<string[]> {
  return (await search(query, ...args)).hits.map((h) => `${h.doc}#${h.clause}`);
}

describe('a quoted phrase accepts what its words accept outside quotes', () => {
  it('a noun in a phrase also holds at its nisba (قانونا against قانونياً)', async () => {
    expect(await found('"الصك الرئيسي الملزم قانونا"')).toEqual(['phrases#op1']);
    expect(await found('"الملزم قانونا"')).toEqual(['phrases#op1']);
  });

  it('stays strict on order and distance: the same words apart are no phrase', async () => {
    expect(await found('الملزم قانونا')).toContain('phrases#op2');
    expect(await found('"قانونا الملزم"')).toEqual([]);
  });
});

describe('a symbol printed for several documents is found by each member', () => {
  it('a list after the symbol (SR.101 و102)', async () => {
    expect(await found('XYZ/C/SR.102')).toEqual(['records#op1']);
    expect(await found('XYZ/C/SR.101')).toEqual(['records#op1']);
  });

  it('a range in the last part (SR.5-7), the range itself typed too', async () => {
    expect(await found('XYZ/C.9/2001/SR.6')).toEqual(['records#op2']);
    expect(await found('XYZ/C.9/2001/SR.7')).toEqual(['records#op2']);
    expect((await found('XYZ/C.9/2001/SR.5-7'))[0]).toBe('records#op2');
  });

  it('an addendum listed after its document (و Add.1)', async () => {
    expect(await found('S/2099/1015/Add.1')).toEqual(['records#op3']);
  });
});

describe('a symbol or a resolution no clause holds falls back to its parts', () => {
  it('a symbol: the clauses holding its parts, not nothing', async () => {
    const { code, hits } = await search('XYZ/C/SR.103');
    expect(code).toBe(0);
    expect(hits.map((h) => `${h.doc}#${h.clause}`)).toContain('records#op1');
  });

  it('a number after و that is no member is not read as one: the fallback, not the symbol, finds it', async () => {
    const whole = await search('A/99/2009');
    const parts = await search('a 99 2009');
    expect(whole.hits).toEqual(parts.hits);
    // Said on stderr, so that a reader knows the hits are not for the symbol as typed.
    expect(whole.parts).toBe(true);
    expect(parts.parts).toBe(false);
  });

  it('a symbol some clause holds does not fall back, and says nothing', async () => {
    const held = await search('XYZ/C/SR.102');
    expect(held.hits.map((h) => `${h.doc}#${h.clause}`)).toEqual(['records#op1']);
    expect(held.parts).toBe(false);
  });
});

describe('a number printed with a hyphen for a dot', () => {
  it.each(['الغاية 8.7', '8.7', '8-7', '٨-٧', '٨٫٧', 'الغاية ١٦.٢'])('%s finds the target printed ٨-٧ / ١٦-٢ first', async (query) => {
    expect((await found(query))[0]).toBe('targets#op1');
  });

  it('does not read a date or loose numbers as the target', async () => {
    expect(await found('8.7')).toEqual(['targets#op1']);
    expect(await found('28.7')).toEqual([]);
  });
});

describe("a paragraph's item", () => {
  it.each(['الفقرة 1 (أ)', 'الفقرة ١ (أ)', '1(a)', 'الفقرة 1(a) المياه'])('%s finds the clause citing item (أ) before the one citing (ب)', async (query) => {
    const hits = (await found(query)).filter((h) => h.startsWith('items#'));
    expect(hits).toEqual(['items#op2', 'items#op1']);
  });

  it('the other item typed finds its own clause first', async () => {
    const hits = (await found('الفقرة 1 (ب)')).filter((h) => h.startsWith('items#'));
    expect(hits).toEqual(['items#op1', 'items#op2']);
  });
});
