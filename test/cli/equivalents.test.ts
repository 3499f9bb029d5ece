// Equivalent wordings (src/un/equivalents.ts) end to end through bin/unres.js:
// a query in one UN rendering of a term finds the clauses printed in the
// other, below those in the rendering typed; a word of a fixed term typed
// alone (الدول) finds nothing more.
import { describe, expect, it } from 'vitest';
import { craftedIndex, resolution } from './run-bin.js';

const crafted = craftedIndex('equivalents', {
  'renderings.txt': resolution([
    'تدعو إلى تقديم المساعدة التقنية إلى البلدان النامية بناء على طلبها.',
    'تهيب بالدول الصناعية أن تخفض انبعاثاتها.',
    'تحث على القضاء على العمل القسري في سلاسل الإمداد.',
    'تدين السخرة بجميع أشكالها.',
    'تقرر أن يراعى التوزيع الجغرافي العادل في انتخاب أعضاء اللجنة.',
    'ترحب بالتقارير المقدمة من الدول الأعضاء.',
    'تشير إلى الدول النامية غير الساحلية.',
  ]),
});

/** The clause ids (doc#clause) a query finds, best first. */
async function found(query: string): Promise<string[]> {
  const result = await crafted.search([query]);
  expect(result.stderr).toBe('');
  expect([0, 1]).toContain(result.code);
  return (JSON.parse(result.stdout) as Array<{ doc: string; clause: string }>).map((h) => `${h.doc}#${h.clause}`);
}

describe('a term typed in one UN rendering finds the clauses in the other', () => {
  it('States or countries in a fixed term: developing countries, the rendering typed first', async () => {
    expect((await found('الدول النامية')).slice(0, 2)).toEqual(['renderings#op7', 'renderings#op1']);
    expect((await found('البلدان النامية')).slice(0, 2)).toEqual(['renderings#op1', 'renderings#op7']);
  });

  it('developed countries find the industrialized ones', async () => {
    expect((await found('البلدان المتقدمة'))[0]).toBe('renderings#op2');
  });

  it('forced labour in its three renderings', async () => {
    const hits = await found('العمل الجبري');
    expect(hits.slice(0, 2).sort()).toEqual(['renderings#op3', 'renderings#op4']);
  });

  it("the Charter's equitable geographical distribution from its later wording", async () => {
    expect((await found('التمثيل الجغرافي المنصف'))[0]).toBe('renderings#op5');
  });

  it('a word of a fixed term typed alone finds only its own wording', async () => {
    expect(await found('الدول')).not.toContain('renderings#op1');
    expect(await found('الصناعية')).toEqual(['renderings#op2']);
  });
});
