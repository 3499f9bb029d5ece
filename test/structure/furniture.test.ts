// Page furniture: what a UN page prints around the text. It is never clause
// text, and what it says (distribution date, symbol) feeds the metadata.

import { describe, expect, it } from 'vitest';
import { findFurniture } from '../../src/structure/furniture.js';
import { readLines } from '../../src/structure/lines.js';
import { clause, parseCrafted } from './support/crafted.js';

/** Each line's role after the furniture stage, and the facts it gathered. */
function furniture(...lines: string[]) {
  const tree = readLines(lines.join('\n'));
  const facts = findFurniture(tree);
  return { roles: tree.children.map((l) => l.role), facts };
}

const isFurniture = (line: string): boolean => furniture(line).roles[0] === 'furniture';

describe('the English distribution block', () => {
  it('reads distribution, date, language and original language, and claims every line', () => {
    const { roles, facts } = furniture('Distr.: Limited', '4 April 2019', 'Arabic', 'Original: French');
    expect(roles).toEqual(['furniture', 'furniture', 'furniture', 'furniture']);
    expect(facts).toMatchObject({ distribution: 'Limited', originalLanguage: 'French', englishDates: ['2019-04-04'] });
  });

  it.each(['Distr.: General', 'Distr. GENERAL', 'Distr.:Restricted', 'Distr: Limited'])('reads "%s"', (line) => {
    expect(isFurniture(line)).toBe(true);
    expect(furniture(line).facts.distribution).not.toBeNull();
  });

  it.each([
    ['17 May 2018', '2018-05-17'],
    ['3 Sept. 2019', '2019-09-03'],
    ['3 September, 2019', '2019-09-03'],
    ['١٧ May ٢٠١٨', '2018-05-17'],
  ])('reads the English date line "%s" whatever its digits', (line, iso) => {
    expect(furniture(line).facts.englishDates).toEqual([iso]);
  });

  it('claims an English date line it cannot read, but records no date', () => {
    expect(furniture('31 June 2019')).toEqual({ roles: ['furniture'], facts: expect.objectContaining({ englishDates: [] }) });
  });

  it('keeps the first distribution seen', () => {
    expect(furniture('Distr.: General', 'Distr.: Limited').facts.distribution).toBe('General');
  });
});

describe('job numbers, barcodes and the recycling line', () => {
  it.each(['17-12889 (A)', '17-12889', '١٧-١٢٨٨٩ (A)', 'V.18-03245 (A)', 'GE.19-12345(A)', '17-12889 (A) 310717 010817'])(
    'reads the job number "%s"',
    (line) => expect(isFurniture(line)).toBe(true),
  );

  it('reads a barcode line, which arrives with its stars taken as emphasis', () => {
    expect(readLines('*1712889*').children[0]!.value).toBe('1712889');
    expect(isFurniture('*1712889*')).toBe(true);
  });

  it.each(['الرجاء إعادة الاستعمال', 'الرجاءُ إعادةُ الاستعمال', 'الرجاء إعادة الاستعمال ♻', '♻'])('reads "%s"', (line) =>
    expect(isFurniture(line)).toBe(true),
  );
});

describe('symbol lines and page numbers', () => {
  it('reads UN symbols printed alone on a line and records them in order', () => {
    const { roles, facts } = furniture('A/C.3/74/L.19', 'E/CN.15/2018/L.4/Rev.1', 'CTOC/COP/WG.4/2021/4');
    expect(roles.every((r) => r === 'furniture')).toBe(true);
    expect(facts.symbols).toEqual(['A/C.3/74/L.19', 'E/CN.15/2018/L.4/Rev.1', 'CTOC/COP/WG.4/2021/4']);
  });

  it.each(['3', '١٢', '123', '2/12', '٢/١٢', '- 4 -', '-4-'])('reads the page number "%s"', (line) => {
    expect(isFurniture(line)).toBe(true);
  });

  it('reads "- 3 -" although the line stage took its first dash for a bullet', () => {
    const node = readLines('- 3 -').children[0]!;
    expect(node).toMatchObject({ bullet: true, value: '3 -' });
    expect(isFurniture('- 3 -')).toBe(true);
  });
});

describe('what is not furniture', () => {
  it.each([
    '١٢ - تقرر أن تبقي المسألة قيد نظرها.',
    '3 -',
    'أيار/مايو ٢٠١٨',
    '17 May 2018 تقرير',
    '1234',
    'إن الجمعية العامة،',
    'الجمعية العامة',
  ])('keeps "%s" as text', (line) => expect(isFurniture(line)).toBe(false));
});

describe('furniture inside a document', () => {
  const doc = parseCrafted('furniture', 'page-breaks.txt');

  it('takes the distribution date and the printed symbol from it', () => {
    expect(doc.distributed).toBe('2022-02-09');
    expect(doc.symbol).toBe('A/RES/76/258');
    expect(doc.id).toBe('A-RES-76-258');
  });

  it('keeps it out of the clause a page break cut, which continues after it', () => {
    expect(doc.clauses.map((c) => c.id)).toEqual(['pp1', 'pp2', 'op1', 'op2']);
    expect(clause(doc, 'pp2').text).toBe(
      'وإذ تدرك أن التراث الثقافي المغمور بالمياه يتعرض على نحو متزايد لأخطار النهب والتدمير بفعل الأنشطة غير المشروعة التي تستهدف المواقع الأثرية الواقعة في المياه الإقليمية والمناطق المتاخمة لها،',
    );
    expect(clause(doc, 'op1').text).toContain('بما في ذلك تجريم الاتجار غير المشروع بالقطع المنتشلة منه؛');
  });

  it('leaves no furniture in any clause', () => {
    const all = doc.clauses.map((c) => c.text).join('\n');
    for (const piece of ['21-19044', '2119044', 'الرجاء', '♻', 'A/RES/76/258', '2/5', ' 2 ']) expect(all).not.toContain(piece);
  });
});
