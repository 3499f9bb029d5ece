import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { MAX_QUERY_CHARS, planQuery } from '../../src/search/query.js';
import { cpuTimed } from '../helpers/cpu-time.js';

function usageError(query: string): UsageError {
  try {
    planQuery(query);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).not.toMatch(/\n/);
    return err as UsageError;
  }
  throw new Error(`no UsageError for ${JSON.stringify(query)}`);
}

describe('planQuery', () => {
  it('makes one group per printed word, its stem variants as alternatives', () => {
    const plan = planQuery('الأطفال وتهريب');
    expect(plan.groups.map((g) => g.matcher)).toEqual([
      // A noun also looks for its relational adjective, at a lower weight (analysis/nisba.ts), and for the one
      // built on its broken plural (اطفالي: no word, so it meets nothing): not from the reading that keeps the و.
      { kind: 'exact', terms: ['طفل'], derived: ['طفلي', 'اطفالي'] },
      { kind: 'exact', terms: ['وتهريب', 'تهريب'], derived: ['تهريبي'] },
    ]);
    expect(plan.groups.every((g) => g.presence === 'optional' && g.fields.join() === 'text,cites,notes,section,matter')).toBe(true);
  });

  it('reads lunr syntax: presence, fields, boosts, wildcards, fuzzy', () => {
    const [must, not, field, boosted, prefix, fuzzy] = planQuery('+الأطفال -الاتجار title:السيبرانية تشفير^3 تكنولوج* الانترنيت~1').groups;
    expect(must!.presence).toBe('required');
    expect(not!.presence).toBe('prohibited');
    expect(field!.fields).toEqual(['title']);
    expect(boosted!.boost).toBe(3);
    expect(prefix!.matcher).toMatchObject({ kind: 'prefix' });
    expect(fuzzy!.matcher).toEqual({ kind: 'fuzzy', terms: ['انترنيت'], distance: 1 });
  });

  it('turns a symbol into its numbers and an order-free pair', () => {
    expect(planQuery('64/293').groups.map((g) => g.matcher)).toEqual([
      { kind: 'exact', terms: ['64'] },
      { kind: 'exact', terms: ['293'] },
      { kind: 'exact', terms: ['64/293'] },
    ]);
    // A resolution symbol is one group: the whole symbol or its order-free pair.
    expect(planQuery('A/RES/64/293').groups.map((g) => g.matcher)).toEqual([{ kind: 'exact', terms: ['a/res/64/293', '64/293'] }]);
  });

  it('asks for a document symbol whole, never for its bare numbers', () => {
    expect(planQuery('E/2017/30').groups.map((g) => g.matcher)).toEqual([{ kind: 'exact', terms: ['e/2017/30'] }]);
    expect(planQuery('CEDAW/C/EGY/CO/7').groups.map((g) => g.matcher)).toEqual([{ kind: 'exact', terms: ['cedaw/c/egy/co/7'] }]);
    expect(planQuery('E/CN.15/2006/10').groups.map((g) => g.matcher)).toEqual([{ kind: 'exact', terms: ['e/cn.15/2006/10'] }]);
  });

  it('gives a query naming a symbol or a resolution a fallback: the same query with those read as their parts', () => {
    const terms = (plan: { groups: { matcher: unknown }[] } | undefined) =>
      (plan?.groups ?? []).flatMap((g) => (g.matcher as { terms?: string[] }).terms ?? []);
    expect(terms(planQuery('CEDAW/C/SR.919').fallback)).toEqual(['cedaw', 'sr', '919']);
    expect(terms(planQuery('XYZ/C/SR.1 مصر').fallback)).toEqual(['xyz', 'sr', '1', 'مصر']);
    expect(terms(planQuery('القرار 70/1').fallback)).toEqual(['قرار', '70', '1', '1/70']);
    // Words, numbers, pairs and phrases name nothing to read otherwise.
    for (const q of ['الاتجار بالأطفال', '64/293', '2019', '"E/2017/30 الوثيقة"']) expect(planQuery(q).fallback, q).toBeUndefined();
    // The fallback has no fallback of its own.
    expect(planQuery('E/2017/30').fallback?.fallback).toBeUndefined();
  });

  it('reads a quoted phrase as groups in order, all required, with their places', () => {
    const plan = planQuery('"الاتجار بالأطفال" الإنترنت');
    expect(plan.phrases).toEqual([[{ group: 0, offset: 0 }, { group: 1, offset: 1 }]]);
    expect(plan.groups.map((g) => g.presence)).toEqual(['required', 'required', 'optional']);
    expect(plan.groups[0]!.fields).toEqual(['text', 'notes', 'matter']);
    // A stop word keeps its place in the phrase.
    expect(planQuery('"الدفاع عن النفس"').phrases).toEqual([[{ group: 0, offset: 0 }, { group: 1, offset: 2 }]]);
    expect(planQuery('«مجلس الوصاية»').phrases).toHaveLength(1);
    expect(planQuery('“مجلس الوصاية”').phrases).toHaveLength(1);
    expect(planQuery('+"مجلس الوصاية"').phrases).toHaveLength(1);
    expect(planQuery('+"مجلس الوصاية"').groups).toHaveLength(2);
    // Lunr syntax inside quotes is plain text.
    expect(planQuery('"title:مجلس الوصاية"').groups.every((g) => g.fields.join() === 'text,notes,matter')).toBe(true);
    // An unbalanced quote is no phrase; one quoted word is just a required word.
    expect(planQuery('"مجلس الوصاية').phrases).toEqual([]);
    expect(planQuery('"الوصاية"').groups.map((g) => g.presence)).toEqual(['required']);
    expect(usageError('-"مجلس الوصاية"').message).toMatch(/phrase cannot be excluded/);
  });

  it('lets a place in a quoted phrase accept what the word accepts unquoted (nisba, equivalent wordings)', () => {
    const matchers = (query: string) => planQuery(query).groups.map((g) => g.matcher);
    expect(matchers('"الملزم قانونا"')).toEqual(matchers('الملزم قانونا'));
    expect(matchers('"حفظ السلام"')).toEqual(matchers('حفظ السلام'));
    expect(planQuery('"حفظ السلام"').groups[1]!.matcher).toMatchObject({ alternates: ['سلم'] });
  });

  it('looks for a clause named by number in the ref field too', () => {
    const article = planQuery('المادة 51').groups;
    expect(article).toHaveLength(2);
    for (const g of article) {
      expect(g.fields).toContain('ref');
      expect(g.matcher).toMatchObject({ kind: 'exact' });
      expect((g.matcher as { terms: string[] }).terms).toContain('art:51');
    }
    // An article's id also names a principle or a rule of that number (their clauses have art ids).
    expect(planQuery('art51').groups).toEqual([
      expect.objectContaining({ fields: ['ref'], matcher: { kind: 'exact', terms: ['art:51', 'principle:51', 'rule:51'] } }),
    ]);
    expect(planQuery('op3').groups).toEqual([expect.objectContaining({ fields: ['ref'], matcher: { kind: 'exact', terms: ['op:3'] } })]);
    // A principle or a rule by number: its own keys, not an article's.
    const principle = planQuery('المبدأ 2').groups;
    for (const g of principle) expect((g.matcher as { terms: string[] }).terms).toEqual(expect.arrayContaining(['principle:2']));
    for (const g of principle) expect((g.matcher as { terms: string[] }).terms).not.toContain('art:2');
    expect((planQuery('القاعدة 7').groups[0]!.matcher as { terms: string[] }).terms).toContain('rule:7');
    expect((planQuery('الفقرة ٣').groups[0]!.matcher as { terms: string[] }).terms).toEqual(expect.arrayContaining(['op:3', 'para:3']));
    expect((planQuery('للمادة33').groups[0]!.matcher as { terms: string[] }).terms).toContain('art:33');
    // A number without a reference word, or a field-qualified word, is not a reference.
    expect(planQuery('الأطفال 51').groups.every((g) => !g.fields.includes('ref'))).toBe(true);
    expect(planQuery('text:المادة 51').groups.every((g) => !g.fields.includes('ref'))).toBe(true);
  });

  it("looks for a resolution's bare number in the title too, a year in the years field, never a short number", () => {
    expect(planQuery('١٥١٤').groups[0]!.fields).toEqual(['text', 'cites', 'notes', 'section', 'matter', 'title']);
    expect(planQuery('338').groups[0]!.fields).toEqual(['text', 'cites', 'notes', 'section', 'matter', 'title']);
    // A year: the years field holds the years each document is of.
    expect(planQuery('2021').groups[0]!.fields).toEqual(['text', 'cites', 'notes', 'section', 'matter', 'years']);
    expect(planQuery('٢٠١٩').groups[0]!.fields).toEqual(['text', 'cites', 'notes', 'section', 'matter', 'years']);
    expect(planQuery('51').groups[0]!.fields).toEqual(['text', 'cites', 'notes', 'section', 'matter']);

  });

  it("counts the verbal noun derived from a typed participle as an alternate, not as the word typed", () => {
    const [group] = planQuery('المتجرين').groups;
    expect(group!.matcher).toEqual({ kind: 'exact', terms: ['متجر'], derived: ['اتجار'] });
    // The verbal noun typed is the word itself (and, as a noun, looks for its nisba).
    expect(planQuery('الاتجار').groups[0]!.matcher).toEqual({ kind: 'exact', terms: ['اتجار'], derived: ['اتجاري'] });
  });

  it('reads a named resolution as one name, not loose words', () => {
    const sc = planQuery('قرار مجلس الأمن ٣٣٨').groups;
    expect(sc).toHaveLength(1);
    expect(sc[0]!.matcher).toEqual({ kind: 'exact', terms: ['338', 's/res/338'] });
    expect(sc[0]!.fields).toContain('title');
    expect(planQuery('القرار 1514').groups.map((g) => g.matcher)).toEqual([{ kind: 'exact', terms: ['1514'] }]);
    expect(planQuery('قرار الجمعية العامة رقم ٢٩٣/٦٤').groups.map((g) => g.matcher)).toEqual([{ kind: 'exact', terms: ['64/293'] }]);
    // Followed by more words: those stay words.
    expect(planQuery('القرار 242 الانسحاب').groups).toHaveLength(2);
    // Look-alikes: no number, a word that is no organ before the number, a verb of the same root.
    expect(planQuery('قرار مجلس الأمن').groups).toHaveLength(3);
    expect(planQuery('قرار اللجنة 12').groups).toHaveLength(3);
    expect(planQuery('يقرر 3').groups).toHaveLength(2);
  });

  it('reads a paragraph of an article as a reference to the article', () => {
    const groups = planQuery('الفقرة 4 من المادة 2').groups;
    // Every word answers to the article's key: the article holds "all the words".
    for (const g of groups) expect(g.matcher.kind === 'exact' && g.matcher.terms).toContain('art:2');
    expect(groups.some((g) => g.matcher.kind === 'exact' && g.matcher.terms.includes('para:4'))).toBe(false);
    // Look-alikes: a paragraph of a resolution (no reference word after من) stays a paragraph; so does a paragraph alone.
    const ofResolution = planQuery('الفقرة 4 من القرار').groups;
    expect(ofResolution.some((g) => g.matcher.kind === 'exact' && g.matcher.terms.includes('para:4'))).toBe(true);
    expect(planQuery('الفقرة 4 من').groups.some((g) => g.matcher.kind === 'exact' && g.matcher.terms.includes('para:4'))).toBe(true);
  });

  it('reads a chapter, part or clause numbered by an ordinal word as a reference', () => {
    const terms = (q: string) => planQuery(q).groups.map((g) => (g.matcher.kind === 'exact' ? g.matcher.terms : []));
    // Both words answer to the chapter's key, so the chapter's clauses hold "all the words" of the name.
    for (const t of terms('الفصل السابع')) expect(t).toContain('chapter:7');
    for (const t of terms('الفصل الحادي عشر')) expect(t).toContain('chapter:11');
    expect(terms('الفصل 7')[0]).toContain('chapter:7');
    expect(terms('الباب الثاني')[0]).toContain('part:2');
    expect(terms('الجزء الثالث')[0]).toContain('part:3');
    for (const t of terms('المادة الحادية عشرة')) expect(t).toContain('art:11');
    expect(terms('المادة الأولى')[0]).toContain('art:1');
    // A paragraph named by an ordinal inside an article named after it is the article, as with a number.
    for (const t of terms('الفقرة الرابعة من المادة 2')) expect(t).toContain('art:2');
    expect(terms('الفقرة الرابعة من المادة 2').some((t) => t.includes('para:4'))).toBe(false);
    for (const t of terms('الفقرة 4 من المادة الثانية')) expect(t).toContain('art:2');
    // The word after the ordinal stays a word of its own; a reference word before no ordinal is no reference.
    const [, , charter] = planQuery('الفصل السابع من الميثاق').groups;
    expect(charter!.fields).not.toContain('ref');
    expect(planQuery('الفصل التشريعي').groups.every((g) => !g.fields.includes('ref'))).toBe(true);
    expect(planQuery('المادة الخاصة').groups.every((g) => !g.fields.includes('ref'))).toBe(true);
  });

  it('rejects an empty or blank query', () => {
    expect(usageError('').message).toMatch(/empty query/);
    expect(usageError(' \t\n').message).toMatch(/empty query/);
  });

  it('plans nothing for stop words only or punctuation only', () => {
    expect(planQuery('في من على التي').groups).toEqual([]);
    expect(planQuery('، ؛ ؟ ... ( ) «»').groups).toEqual([]);
  });

  it('rejects a query longer than the limit, saying the limit', () => {
    const long = 'أ'.repeat(10_000);
    expect(usageError(long).message).toBe(`query too long: 10000 characters, the limit is ${MAX_QUERY_CHARS}`);
    expect(planQuery('طفل '.repeat(1000).slice(0, MAX_QUERY_CHARS)).groups).toHaveLength(1);
  });

  it('rejects bad syntax in one line', () => {
    expect(usageError('+').message).toMatch(/^bad query syntax: /);
    expect(usageError('foo:bar').message).toMatch(/unrecognised field 'foo'/);
    expect(usageError('word~x').message).toMatch(/edit distance must be numeric/);
    expect(usageError('word^x').message).toMatch(/boost must be numeric/);
    expect(usageError('-الأطفال').message).toMatch(/only excluded words/);
    expect(usageError('*').message).toMatch(/needs at least 2 letters/);
    expect(usageError('ط*').message).toMatch(/needs at least 2 letters/);
    expect(usageError('طفل~3').message).toMatch(/edit distance 3/);
  });

  it('stays linear on hostile input', () => {
    const { cpuMs } = cpuTimed(() => {
      for (const q of ['+'.repeat(4000), '*'.repeat(4000), 'a~'.repeat(2000), '\\'.repeat(4000), '١/'.repeat(2000)]) {
        try {
          planQuery(q);
        } catch (err) {
          expect(err).toBeInstanceOf(UsageError);
        }
      }
    });
    expect(cpuMs).toBeLessThan(3000);
  });
});
