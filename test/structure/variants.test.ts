// The same structure must come out of a seed however it was saved: re-encoded
// to Windows-1256, with a BOM and CRLF, with its digits switched between
// Arabic-Indic and Western, or turned into presentation forms (as PDF text is).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import reshaper from 'arabic-reshaper';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/structure/parse.js';
import { toArabicIndicDigits, toAsciiDigits } from '../../src/text/digits.js';
import { foldForMatch } from '../../src/text/fold.js';
import type { UnresDocument } from '../../src/types.js';
import { loadGold, seedsDir } from '../helpers/gold.js';

/** What must not change between variants: folded texts, numbers, items, footnotes, metadata. */
function signature(doc: UnresDocument): unknown {
  const fold = (s: string | null) => (s === null ? null : foldForMatch(s));
  return {
    kind: doc.kind,
    symbol: doc.symbol,
    title: fold(doc.title),
    body: fold(doc.body),
    adopted: doc.adopted,
    distributed: doc.distributed,
    agendaItem: doc.agendaItem,
    sponsors: doc.sponsors.map(fold),
    clauses: doc.clauses.map((c) => [c.id, c.kind, c.number, c.items.length, c.footnotes, fold(c.text)]),
    footnotes: doc.footnotes.map((f) => [f.number, fold(f.text)]),
    citations: doc.citations.map((c) => [c.symbol, c.clause]),
  };
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** What a legacy 8-bit file would print: Western digits, caret footnote markers. */
function legacyRepertoire(text: string): string {
  return toAsciiDigits(text).replace(/⁽([⁰-⁹¹²³]+)⁾/g, (_, sup: string) => `^(${[...sup].map((d) => SUPERSCRIPT.indexOf(d)).join('')})`);
}
const PRESENTATION_FORMS = /[\ufb50-\ufdff\ufe70-\ufefc]/;

describe.each(loadGold().map((g) => g.file))('variants of %s', (file) => {
  const original = readFileSync(join(seedsDir, file), 'utf8');
  const expected = signature(parseBytes(utf8(original), file));

  it('Windows-1256 (which has no Arabic-Indic digits, so they are written Western)', () => {
    const doc = parseBytes(new Uint8Array(iconv.encode(legacyRepertoire(original), 'windows-1256')), file);
    expect(doc.source.encoding).toBe('windows-1256');
    expect(signature(doc)).toEqual(expected);
  });

  it('ISO-8859-6', () => {
    const doc = parseBytes(new Uint8Array(iconv.encode(legacyRepertoire(original), 'iso-8859-6')), file);
    expect(doc.source.encoding).toBe('iso-8859-6');
    // ISO-8859-6 lacks some letters the seeds print (e.g. پ): compare clause shapes.
    const shape = (d: UnresDocument) => d.clauses.map((c) => [c.id, c.number, c.items.length, c.footnotes]);
    expect(shape(doc)).toEqual((expected as { clauses: unknown[][] }).clauses.map((c) => [c[0], c[2], c[3], c[4]]));
  });

  it('UTF-8 with a BOM and CRLF line ends', () => {
    const doc = parseBytes(utf8(`\ufeff${original.replace(/\n/g, '\r\n')}`), file);
    expect(doc.source.encoding).toBe('utf-8-bom');
    expect(signature(doc)).toEqual(expected);
  });

  it('UTF-16 LE with a BOM and CR line ends', () => {
    const doc = parseBytes(new Uint8Array(iconv.encode(original.replace(/\n/g, '\r'), 'utf-16le', { addBOM: true })), file);
    expect(signature(doc)).toEqual(expected);
  });

  it('digits switched to Western', () => {
    expect(signature(parseBytes(utf8(toAsciiDigits(original)), file))).toEqual(expected);
  });

  it('digits switched to Arabic-Indic', () => {
    expect(signature(parseBytes(utf8(toArabicIndicDigits(original)), file))).toEqual(expected);
  });

  it('presentation forms, as text extracted from a PDF', () => {
    const shaped = original.split('\n').map((line) => reshaper.convertArabic(line)).join('\n');
    expect(PRESENTATION_FORMS.test(shaped)).toBe(true);
    const doc = parseBytes(utf8(shaped), file);
    expect(doc.clauses.some((c) => PRESENTATION_FORMS.test(c.text))).toBe(false);
    expect(signature(doc)).toEqual(expected);
  });
});
