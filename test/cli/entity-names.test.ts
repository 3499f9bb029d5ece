// UN entities and treaties (src/un/entity-names.ts) end to end through
// bin/unres.js: an acronym typed (Latin in any case, Arabic in its spellings)
// finds the full name printed as a phrase, a full name typed finds the
// acronym below the clauses printing the name, a document symbol beginning
// with an acronym finds what it found before, and neither a name's words
// scattered nor a word of it alone count as the name.
import { describe, expect, it } from 'vitest';
import { craftedIndex, resolution } from './run-bin.js';

const crafted = craftedIndex('entities', {
  'entities.txt': resolution([
    'تطلب إلى مكتب الأمم المتحدة المعني بالمخدرات والجريمة أن يقدم المساعدة التقنية إلى الدول الأعضاء.',
    'تشيد بالتعاون مع اليونيسف في حماية الأطفال.',
    'تطلب إلى منظمة الأمم المتحدة للطفولة أن تقدم تقريرا عن تنفيذ هذا القرار.',
    'تحيط علما بالتقرير الوارد في الوثيقة CEDAW/C/EGY/7.',
    'تحث الدول على التصديق على اتفاقية القضاء على جميع أشكال التمييز ضد المرأة.',
    'تحيط علما بالتقرير السنوي الذي أعده UNODC بشأن الاتجار بالأشخاص.',
    'تؤكد أهمية عمل منظمة الصحة العالمية في مكافحة الأوبئة.',
    'ترحب بتقرير الأونروا عن أحوال اللاجئين الفلسطينيين.',
    'تطلب إلى وكالة الأمم المتحدة لإغاثة وتشغيل اللاجئين الفلسطينيين في الشرق الأدنى أن تواصل عملها.',
    'تشير إلى ما قالته الأمم المتحدة عن المخدرات والجريمة في مكتب الأمين العام.',
  ]),
});

/** The clause ids (doc#clause) a query finds, best first. */
async function found(query: string): Promise<string[]> {
  const result = await crafted.search([query]);
  expect(result.stderr).toBe('');
  expect([0, 1]).toContain(result.code);
  return (JSON.parse(result.stdout) as Array<{ doc: string; clause: string }>).map((h) => `${h.doc}#${h.clause}`);
}

const at = (n: number): string => `entities#op${n}`;

describe('an acronym finds the full name, printed as a phrase', () => {
  it('a Latin acronym in any case finds the name and the acronym printed', async () => {
    for (const query of ['UNODC', 'unodc', 'Unodc']) expect((await found(query)).sort()).toEqual([at(1), at(6)]);
  });

  it("the name's words scattered are not the name", async () => {
    expect(await found('UNODC')).not.toContain(at(10));
  });

  it('an Arabic acronym in either spelling finds the name, and the Latin one too', async () => {
    for (const query of ['اليونيسف', 'اليونيسيف', 'UNICEF']) expect((await found(query)).sort()).toEqual([at(2), at(3)]);
    for (const query of ['الأونروا', 'الاونروا', 'UNRWA']) expect((await found(query)).sort()).toEqual([at(8), at(9)]);
  });

  it("a treaty's acronym finds its title", async () => {
    expect(await found('سيداو')).toContain(at(5));
    expect(await found('CEDAW')).toEqual(expect.arrayContaining([at(4), at(5)]));
  });

  it('an acronym that is an English word names the entity only in capitals', async () => {
    expect(await found('WHO')).toEqual([at(7)]);
    expect(await found('who')).toEqual([]);
  });
});

describe('a full name finds the acronym', () => {
  it('below the clauses printing the name', async () => {
    const hits = await found('مكتب الأمم المتحدة المعني بالمخدرات والجريمة');
    expect(hits[0]).toBe(at(1));
    expect(hits).toContain(at(6));
    const children = await found('منظمة الأمم المتحدة للطفولة');
    expect(children[0]).toBe(at(3));
    expect(children).toContain(at(2));
  });

  it('a word of the name alone does not', async () => {
    expect(await found('للطفولة')).toEqual([at(3)]);
  });
});

describe('a document symbol beginning with an acronym', () => {
  it('finds the document it names, as before', async () => {
    expect(await found('CEDAW/C/EGY/7')).toEqual([at(4)]);
  });
});
