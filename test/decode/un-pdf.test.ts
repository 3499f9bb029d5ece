// Real UN PDFs in Arabic, as published (fixtures/formats/un-pdf/SOURCES.md):
// what parsing them gives, checked against what the documents print.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentBytes } from '../../src/structure/parse.js';
import type { UnresDocument } from '../../src/types.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'formats', 'un-pdf');
const parse = (name: string): Promise<UnresDocument> => parseDocumentBytes(readFileSync(join(DIR, name)), join(DIR, name));
const PRESENTATION_FORMS = /[\ufb50-\ufdff\ufe70-\ufefc]/;
const HEH_DOACHASHMEE = /\u06be/;

function clean(doc: UnresDocument, jobNumber: string): void {
  for (const c of doc.clauses) {
    expect(c.text, c.id).not.toContain(jobNumber);
    expect(c.text, c.id).not.toMatch(PRESENTATION_FORMS);
    expect(c.text, c.id).not.toMatch(HEH_DOACHASHMEE);
  }
}

describe('real UN PDFs (ESCWA, Word exports)', () => {
  it('E/ESCWA/30/8: ten pages in presentation forms, 39 paragraphs under the chapters its table of contents gives', async () => {
    const doc = await parse('E_ESCWA_30_8-AR.pdf');
    expect(doc.symbol).toBe('E/ESCWA/30/8');
    expect(doc.distributed).toBe('2018-05-28');
    expect(doc.agendaItem).toBe('10');
    expect(doc.clauses.map((c) => c.number)).toEqual(Array.from({ length: 39 }, (_, i) => i + 1));
    // The table of contents: chapter I paragraphs 4-10, II 11-16, III 17-18, IV 19-25, V 26-31, VI 32-37, VII 38-39.
    const chapters: Array<[string, number, number]> = [
      ['أولاً', 4, 10],
      ['ثانياً', 11, 16],
      ['ثالثاً', 17, 18],
      ['رابعاً', 19, 25],
      ['خامساً', 26, 31],
      ['سادساً', 32, 37],
      ['سابعاً', 38, 39],
    ];
    for (const [chapter, first, last] of chapters) {
      for (let n = first; n <= last; n++) expect(doc.clauses[n - 1]!.section ?? '', `paragraph ${n}`).toMatch(new RegExp(`^${chapter}-`));
    }
    expect(doc.clauses[0]!.text).toMatch(/^عقدت اللجنة التنفيذية في اللجنة الاقتصادية والاجتماعية لغربي آسيا \(الإسكوا\) اجتماعها الرابع في بيروت، يومَي 13 و14 كانون الأول\/ديسمبر 2017،/);
    expect(doc.clauses[1]!.text).toContain('الوارد في الوثيقة E/ESCWA/2017/EC.4/4(Part III)، معلومات أساسية');
    expect(doc.clauses[19]!.text).toMatch(/^الركيزة 1: تقديم المساعدة الفنية والخدمات الاستشارية للدول العربية\./);
    // Numbers drawn in pieces, squeezed word spaces, a mirrored bracket pair.
    expect(doc.clauses[4]!.text).toContain('14-16 أيار/مايو 2017');
    expect(doc.clauses[7]!.text).toContain('في دورته الوزارية العاشرة (الكويت، 2 أيار/مايو 2018) من خلال قرار');
    expect(doc.clauses[8]!.text).toContain('وأوصى المفاوضون العرب بشأن تغيّر المناخ');
    expect(doc.clauses[26]!.text).toContain('على الأقل موظفَين فنيين متفرغَين');
    expect(doc.clauses[38]!.text).toMatch(/وتدعو الدورة الوزارية الثلاثين إلى اتخاذ قرار بهذا الشأن\.$/);
    clean(doc, '18-00230');
  });

  it('E/ESCWA/30/3: digits Word mapped wrongly are read from their glyphs (symbol, date, paragraph numbers)', async () => {
    const doc = await parse('E_ESCWA_30_3-AR.pdf');
    expect(doc.symbol).toBe('E/ESCWA/30/3');
    expect(doc.distributed).toBe('2018-05-15');
    expect(doc.clauses.map((c) => c.number)).toEqual([1, 2]);
    expect(doc.clauses[0]!.text).toMatch(/^تنص المادة 63 من النظام الداخلي للجنة الاقتصادية والاجتماعية لغربي آسيا على ما يلي: "يجوز للجنة أن تدعو/);
    expect(doc.clauses[1]!.text).toBe('وستقوم الأمانة التنفيذية بإطلاع اللجنة، في دورتها الثلاثين، على الطلبات التي تلقتها بهذا الصدد للنظر فيها واتخاذ قرار بشأنها.');
    clean(doc, '18-00209');
  });

  it('E/ESCWA/2017/EC.4/L.1: the masthead date, the agenda items and their lettered sub-items, no job number inside the text', async () => {
    const doc = await parse('E_ESCWA_2017_EC.4_L.1-AR.pdf');
    expect(doc.symbol).toBe('E/ESCWA/2017/EC.4/L.1');
    expect(doc.distributed).toBe('2017-12-29');
    expect(doc.agendaItem).toBe('2');
    expect(doc.title).toBe('جدول الأعمال المؤقت');
    const items = doc.clauses.slice(0, 11);
    expect(items.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(items[0]!.text).toBe('افتتاح الاجتماع.');
    expect(items[10]!.text).toBe('اعتماد توصيات اللجنة التنفيذية في اجتماعها الرابع.');
    expect(items[3]!.text).toMatch(/^القضايا الإقليمية والعالمية: \(أ\) بطاقة أداء تمويل التنمية في المنطقة العربية: لمحة عن النتائج؛/);
    expect(items[3]!.text).toContain('(ه) الفقر المتعدد الأبعاد في المنطقة العربية؛');
    expect(items[4]!.text).toContain('(ج) تقرير لجنة الموارد المائية عن دورتها الثانية عشرة.');
    clean(doc, '17-00735');
  });
});
