// The AKN exporter on hand-made documents: the cases the seeds may not hold.

import { describe, expect, it } from 'vitest';
import { aknFileName, documentToAkn } from '../../src/export/akn.js';
import { UNKNOWN_DATE } from '../../src/export/akn-meta.js';
import { awkwardResolution, clause, documentWith, restartingReport } from './sample-document.js';
import { ancestors, byEId, elementsNamed, isReadElement, readXml, textContent } from './xml-reader.js';
import { hasXmllint, validateAkn, XMLLINT_MISSING } from './xmllint.js';

const emptyDocument = documentWith({ id: 'empty', kind: 'unknown' });
const arabicDigits = documentWith({
  clauses: [clause({ id: 'op3', kind: 'operative', number: 3, index: 1, text: 'تقرر عقد الدورة ٢٠ في عام ٢٠٢٠.', footnotes: [4] })],
  footnotes: [{ number: 4, text: 'حاشية.' }],
});

describe.each([
  ['a resolution with awkward text and footnotes', awkwardResolution],
  ['a report whose section letters start again', restartingReport],
  ['a document with nothing in it', emptyDocument],
  ['a resolution printed with Arabic-Indic digits', arabicDigits],
])('%s', (_, doc) => {
  it.skipIf(!hasXmllint)(hasXmllint ? 'validates against the schema' : `validates against the schema — ${XMLLINT_MISSING}`, () => {
    const result = validateAkn(documentToAkn(doc));
    expect(result.output).toMatch(/validates$/);
  });

  it('is well-formed and the same every time', () => {
    expect(() => readXml(documentToAkn(doc))).not.toThrow();
    expect(documentToAkn(doc)).toBe(documentToAkn(structuredClone(doc)));
  });
});

describe('awkward content', () => {
  const root = readXml(documentToAkn(awkwardResolution));

  it('escapes markup characters and gets them back unchanged', () => {
    expect(textContent(elementsNamed(root, 'docTitle')[0]!)).toBe(awkwardResolution.title);
    expect(textContent(elementsNamed(byEId(root, 'preamble__recital_1')!, 'p')[0]!, new Set(['authorialNote']))).toBe(awkwardResolution.clauses[0]!.text);
  });

  it('links citations in clauses and in footnotes, but not inside longer number pairs', () => {
    const refs = (eId: string): string[] => elementsNamed(byEId(root, eId)!, 'ref').map((r) => `${textContent(r)} ${r.attributes.href}`);
    expect(refs('preamble__recital_1')).toEqual([
      '٢٩٣/٦٤ /akn/un/statement/resolution/ga/64/293',
      '٢٠١/٧٢ /akn/un/statement/resolution/ga/72/201',
      '٢٠١/٧٢ /akn/un/statement/resolution/ga/72/201', // in footnote 1, placed in this recital
    ]);
    expect(refs('para_1')).toEqual(['١/٧٢ /akn/un/statement/resolution/ga/72/1']);
  });

  it('writes a footnote body once and refers back to it from later clauses', () => {
    expect(elementsNamed(root, 'authorialNote').map((n) => n.attributes.eId)).toEqual(['note_1', 'note_2', 'note_3']);
    expect(ancestors(byEId(root, 'note_1')!).map((a) => a.attributes.eId)).toContain('preamble__recital_1');
    const refsFrom = (eId: string): string[] => elementsNamed(byEId(root, eId)!, 'noteRef').map((r) => r.attributes.href!);
    expect(refsFrom('para_1')).toEqual(['#note_1']); // footnote 9 has no body: no dangling reference
    expect(refsFrom('para_2')).toEqual(['#note_2']);
  });

  it('keeps a footnote no clause references, at the end of the main body', () => {
    const holder = elementsNamed(root, 'container')[0]!;
    expect(holder.attributes.name).toBe('unreferencedFootnotes');
    expect(ancestors(holder)[0]!.name).toBe('mainBody');
    expect(textContent(byEId(holder, 'note_3')!)).toBe('حاشية لا تشير إليها أي فقرة.');
  });

  it('marks an English footnote as English', () => {
    expect(byEId(root, 'note_2')!.attributes['xml:lang']).toBe('en');
    expect(byEId(root, 'note_1')!.attributes['xml:lang']).toBeUndefined();
  });

  it('gives preamble items a blockList and body items a list of points, lettered like the English text', () => {
    expect(elementsNamed(byEId(root, 'preamble__recital_2')!, 'item').map((i) => i.attributes.eId)).toEqual([
      'preamble__recital_2__list_1__item_a',
      'preamble__recital_2__list_1__item_b',
    ]);
    const recitalBlocks = byEId(root, 'preamble__recital_2')!.children.filter(isReadElement).map((c) => c.name);
    expect(recitalBlocks).toEqual(['p', 'blockList', 'p']);
  });

  it('keeps a clause whole when its items cannot be found in its text', () => {
    const paragraph = byEId(root, 'para_2')!;
    expect(elementsNamed(paragraph, 'point')).toHaveLength(0);
    expect(textContent(elementsNamed(paragraph, 'p')[0]!, new Set(['noteRef']))).toBe(awkwardResolution.clauses[3]!.text);
  });

  it('fills the preface from the metadata', () => {
    const preface = elementsNamed(root, 'preface')[0]!;
    expect(elementsNamed(preface, 'docNumber').map((e) => textContent(e))).toEqual(['A/RES/70/1']);
    expect(elementsNamed(preface, 'docAuthority').map((e) => textContent(e))).toEqual(['الجمعية العامة']);
    expect(elementsNamed(preface, 'docProponent').map((e) => textContent(e))).toEqual(['فرنسا', 'مصر']);
    expect(elementsNamed(preface, 'docDate').map((e) => e.attributes.date)).toEqual(['2015-09-25']);
  });

  it('names the author organ in meta and references', () => {
    expect(elementsNamed(root, 'FRBRauthor')[0]!.attributes.href).toBe('#ga');
    const organizations = elementsNamed(root, 'TLCOrganization').map((o) => `${o.attributes.eId} ${o.attributes.showAs}`);
    expect(organizations).toEqual(['ga الجمعية العامة', 'unres unres']);
  });
});

describe('documents with little metadata', () => {
  const root = readXml(documentToAkn(emptyDocument));

  it('dates an undated document with a placeholder named unknown', () => {
    const date = elementsNamed(root, 'FRBRdate')[0]!;
    expect(date.attributes).toEqual({ date: UNKNOWN_DATE, name: 'unknown' });
  });

  it('leaves out the preface and preamble, and still gives the main body a child', () => {
    expect(elementsNamed(root, 'preface')).toHaveLength(0);
    expect(elementsNamed(root, 'preamble')).toHaveLength(0);
    expect(elementsNamed(root, 'mainBody')[0]!.children.filter(isReadElement).map((c) => c.name)).toEqual(['p']);
  });

  it('writes numbers in the digits the document prints', () => {
    const digits = readXml(documentToAkn(arabicDigits));
    expect(textContent(elementsNamed(digits, 'num')[0]!)).toBe('٣');
    expect(byEId(digits, 'note_4')!.attributes.marker).toBe('٤');
    expect(byEId(digits, 'para_3')).toBeDefined();
  });
});

describe('report structure', () => {
  const root = readXml(documentToAkn(restartingReport));

  it('numbers chapters by their ordinal and the untitled one between them', () => {
    expect(elementsNamed(root, 'chapter').map((c) => c.attributes.eId)).toEqual(['chp_1', 'chp_2', 'chp_3']);
    expect(elementsNamed(root, 'section').map((c) => c.attributes.eId)).toEqual(['chp_1__sec_1', 'chp_1__sec_2', 'chp_2__sec_1']);
  });

  it('makes recommendations hcontainers and keeps clause eIds flat', () => {
    const recommendation = byEId(root, 'recommendation_1')!;
    expect(recommendation.name).toBe('hcontainer');
    expect(recommendation.attributes.name).toBe('recommendation');
    expect(byEId(root, 'para_4')!.name).toBe('paragraph');
  });
});

describe('aknFileName', () => {
  it('is the id when the id is a safe name, else the id made safe with a hash of it', () => {
    expect(aknFileName({ id: 'E-RES-2017-18' })).toBe('E-RES-2017-18.akn.xml');
    expect(aknFileName({ id: '../a/b' })).toMatch(/^_\._a_b~[0-9a-f]{12}\.akn\.xml$/);
    expect(aknFileName({ id: '' })).toMatch(/^~[0-9a-f]{12}\.akn\.xml$/);
  });
});
