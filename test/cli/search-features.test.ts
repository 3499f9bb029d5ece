// End to end through bin/unres.js: quoted phrases, proximity ranking,
// references to clauses by number, document symbols as whole tokens, and
// words printed only in footnotes (README "Search"). The index holds the
// seeds and five real documents: the UN Charter (articles), a CEDAW report, a
// declaration adopted by a resolution, and two resolutions known by number.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage, removePackage, ROOT, SEEDS, unres } from './run-bin.js';

interface Hit {
  doc: string;
  source: string;
  clause: string;
  kind: string;
  number: number | null;
  text: string;
}

let scratch: string;
let index: string;

async function search(...args: string[]): Promise<Hit[]> {
  const result = await unres(['search', ...args, '--json', '--index', index], { home: scratch });
  expect(result.stderr).toBe('');
  expect([0, 1]).toContain(result.code);
  return JSON.parse(result.stdout) as Hit[];
}

/** Letters only, without diacritics or tatweel: to look for a phrase in a hit's text. */
const bare = (text: string) => text.replace(/[\u064b-\u0652\u0640]/g, '');

beforeAll(async () => {
  await buildPackage();
  scratch = mkdtempSync(join(tmpdir(), 'unres-search-features-'));
  index = join(scratch, 'index');
  const real = join(ROOT, 'fixtures', 'real');
  const docs = ['r-000.txt', 'r-040.txt', 'r-013.txt', 'r-026.txt', 'r-034.txt'].map((f) => join(real, f));
  const ingest = await unres(['ingest', SEEDS, ...docs, '--index', index], { home: scratch });
  expect(ingest.code, ingest.stderr).toBe(0);
}, 240_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  removePackage();
});

describe('search features through bin/unres.js', () => {
  it('finds only clauses holding a quoted phrase, and fewer than the same words unquoted', async () => {
    const phrase = await search('"الاتجار بالأطفال"', '--limit', '100');
    const words = await search('الاتجار بالأطفال', '--limit', '100');
    expect(phrase.length).toBeGreaterThan(0);
    expect(phrase.length).toBeLessThan(words.length);
    for (const hit of phrase) expect(bare(hit.text), `${hit.doc}#${hit.clause}`).toMatch(/اتجار ب(ال)?[أا]طفال/);
  });

  it('ranks clauses where the words stand together above clauses where they are scattered', async () => {
    const hits = await search('الاتجار بالأطفال', '--limit', '5');
    const together = hits.map((h) => /اتجار ب(ال)?[أا]طفال/.test(bare(h.text)));
    expect(together).toEqual([true, true, true, true, true]);
  });

  it('reaches an article by its number, in words or as a clause id', async () => {
    for (const query of ['المادة 51', 'art51', 'المادة ٥١']) {
      const [first] = await search(query, '--limit', '3');
      expect(first, query).toMatchObject({ source: 'r-000.txt', kind: 'article', number: 51 });
    }
    // Clauses that cite the article come after it.
    const cited = await search('المادة 33', '--limit', '3');
    expect(cited[0]).toMatchObject({ kind: 'article', number: 33 });
    for (const hit of cited.slice(1)) expect(hit.text).toMatch(/المادة 33/);
  });

  it('reaches a numbered paragraph by "الفقرة N"', async () => {
    const [first] = await search('الفقرة 4', '--doc', 'E/RES/2017/18', '--limit', '1');
    expect(first).toMatchObject({ kind: 'operative', number: 4 });
  });

  it('matches a document symbol whole, never its bare numbers', async () => {
    const hits = await search('E/2017/30', '--limit', '50');
    // The clause citing it, and the resolution adopted on its recommendation ("[بناء على توصية ... (E/2017/30)]" in its front matter).
    expect(hits.map((h) => `${h.doc}#${h.clause}`)).toEqual(['E-RES-2019-20#pp19', 'E-RES-2017-18#pp1']);
    const cedaw = await search('CEDAW/C/EGY/7', '--limit', '50');
    expect(cedaw.map((h) => h.source)).toEqual(['r-040.txt']);
  });

  it('finds a word printed only in a footnote, on the clause that references the footnote', async () => {
    const [survivors] = await search('الناجون', '--limit', '1');
    expect(survivors).toMatchObject({ doc: 'E-RES-2019-20', clause: 'pp1' });
    expect(survivors!.text).not.toMatch(/الناجون/);
    const [study] = await search('Council of Europe', '--limit', '1');
    expect(study!.text).toMatch(/مجلس أوروبا/);
  });

  it("keeps a stop word's place in a phrase", async () => {
    const hits = await search('"الدفاع عن النفس"', '--limit', '100');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]).toMatchObject({ source: 'r-000.txt', kind: 'article', number: 51 });
    for (const hit of hits) expect(bare(hit.text)).toMatch(/الدفاع عن [أا]?(ال)?نفس/);
    // Without the stop word the two words are not next to each other anywhere.
    expect(await search('"الدفاع النفس"', '--limit', '100')).toEqual([]);
  });

  it('reads negation and أيضاً as words: States that are not Members, a formula said again', async () => {
    // ليست, a stop word before, turned the query into "Member States of the United Nations".
    const notMembers = await search('الدول التي ليست أعضاء في الأمم المتحدة', '--limit', '3');
    expect(notMembers.map((h) => h.clause).sort()).toEqual(['art32', 'art35', 'art93']);
    for (const hit of notMembers) expect(bare(hit.text)).toMatch(/ليست/);
    const again = await search('يشجع أيضا الدول الأعضاء', '--limit', '2');
    for (const hit of again) expect(bare(hit.text)).toMatch(/تشجع أيضا الدول الأعضاء/);
  });

  it('finds a resolution by its bare number or its name, the document itself first', async () => {
    const bareNumber = await search('١٥١٤', '--limit', '3');
    expect(bareNumber.map((h) => h.doc)).toEqual(['A-RES-1514-XV', 'A-RES-1514-XV', 'A-RES-1514-XV']);
    const named = await search('قرار مجلس الأمن ٣٣٨', '--limit', '3');
    expect(named.map((h) => h.doc)).toEqual(['S-RES-338-1973', 'S-RES-338-1973', 'S-RES-338-1973']);
    // A declaration printed without a symbol is known by the resolution its header says adopted it.
    const adopted = await search('61/295', '--limit', '3');
    expect(adopted.map((h) => h.doc)).toEqual(['r-013', 'r-013', 'r-013']);
    // A year also names the documents of that year: A/RES/1514 (XV), adopted in 1960, prints 1960 nowhere.
    const year = await search('1960', '--limit', '20');
    expect(year.length).toBeGreaterThan(0);
    for (const hit of year) expect(hit.doc === 'A-RES-1514-XV' || /1960|١٩٦٠/.test(hit.text)).toBe(true);
    expect((await search('1973', '--limit', '1')).map((h) => h.doc)).toEqual(['S-RES-338-1973']);
  });

  it('gives a symbol an id with no dash at either end, and still takes the old id with its trailing dash', async () => {
    const hits = await search('سلام عادل ودائم', '--doc', 'S/RES/338 (1973)', '--limit', '1');
    expect(hits.map((h) => h.doc)).toEqual(['S-RES-338-1973']);
    // Ids of index versions before 15 ended in `-` after a closing parenthesis; a user's saved reference keeps working.
    expect((await search('سلام عادل ودائم', '--doc', 'S-RES-338-1973-', '--limit', '1')).map((h) => h.doc)).toEqual(['S-RES-338-1973']);
  });

  it('finds a clause whose "ibid." footnote stands for the work searched for', async () => {
    const hits = await search('مجموعة المعاهدات', '--limit', '20');
    const ids = hits.map((h) => `${h.doc}#${h.clause}`);
    // pp2's footnotes only say "المرجع نفسه، المجلد ...": the Treaty Series of the footnote before them.
    expect(ids).toContain('000_891190217a09267c#pp2');
  });

  it('reaches an article through a paragraph of it ("الفقرة 4 من المادة 2")', async () => {
    const hits = await search('الفقرة 4 من المادة 2', '--limit', '1');
    expect(hits.map((h) => `${h.doc}#${h.clause}`)).toEqual(['r-000#art2']);
  });

  it('finds the clauses under a heading that names the topic', async () => {
    const hits = await search('تعديل الميثاق', '--limit', '2');
    expect(hits.map((h) => h.clause).sort()).toEqual(['art108', 'art109']);
  });

  it('says the phrase syntax, the fields and their weights in search --help', async () => {
    const result = await unres(['search', '--help'], { home: scratch });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/"two words" +a phrase: the words one after the other/);
    expect(result.stdout).toMatch(/field:word +in one field: text, lead, section, cites, notes, ref, matter, title/);
    expect(result.stdout).toMatch(/notes \(footnote text\), section \(heading\), matter \(text no clause holds: before the first, after the last, formulas\) 0\.5/);
  });
});
