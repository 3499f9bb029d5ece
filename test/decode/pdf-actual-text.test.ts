// ActualText: the text a PDF states for some glyphs replaces what their own
// Unicode gives. The content-stream scanner and the glyph reader, on streams
// and operator lists built by hand.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { actualTextSpans, actualTextsOfFile, codesKey } from '../../src/decode/pdf-actual-text.js';
import { glyphsOfPage, runsOfGlyphs, type Ops } from '../../src/decode/pdf-glyphs.js';

const bytes = (s: string) => Buffer.from(s, 'latin1');

describe('ActualText spans of a content stream', () => {
  it('reads an inline ActualText (UTF-16) and the codes its glyphs show', () => {
    const stream = '/F1 12 Tf [<22>4<29>]TJ\n/Span<</ActualText<FEFF0623064F>>>\nBDC\n1 0 0 1 234.4 422.3 Tm <6D>Tj 1 0 0 1 235.7 417 Tm <52>Tj\nEMC [<11>]TJ';
    expect(actualTextSpans(bytes(stream))).toEqual([{ codes: Uint8Array.from([0x6d, 0x52]), text: 'أُ' }]);
  });

  it('reads literal strings with escapes, TJ arrays and nested marked content', () => {
    const stream = "/Span <</Lang (ar) /ActualText (fi)>> BDC /P BMC [(\\(a\\051) -20 (\\\\)] TJ EMC (z) ' EMC (out) Tj";
    expect(actualTextSpans(bytes(stream))).toEqual([{ codes: Uint8Array.from(bytes('(a)\\z')), text: 'fi' }]);
  });

  it('takes no text from an inline image, a span without ActualText or one that shows nothing', () => {
    const stream = '/Span <</ActualText (x)>> BDC BI /W 2 /H 1 ID \u0001EMC)( EI EMC /Span <</MCID 3>> BDC (a) Tj EMC';
    expect(actualTextSpans(bytes(stream))).toEqual([]);
  });

  it('finds the spans in a file, keyed as one-byte and two-byte codes', () => {
    const content = deflateSync(bytes('/Span<</ActualText<FEFF0644064E>>>BDC <0102>Tj EMC'));
    const file = Buffer.concat([bytes('%PDF-1.7\n4 0 obj\n<</Length ' + content.length + '/Filter/FlateDecode>>\nstream\n'), content, bytes('\nendstream\nendobj\n%%EOF\n')]);
    const index = actualTextsOfFile(file);
    expect(index.get(codesKey([1, 2]))).toEqual(['لَ']);
    expect(index.get(codesKey([0x0102]))).toEqual(['لَ']);
  });
});

describe('glyphs of an ActualText span', () => {
  const OPS = { setFont: 1, showText: 2, beginMarkedContentProps: 3, endMarkedContent: 4, beginMarkedContent: 5, setTextMatrix: 6, beginText: 7 } as unknown as Ops;
  const font = { fontMatrix: [0.001, 0, 0, 0.001, 0, 0], name: 'Arabic' };
  const glyph = (unicode: string, width: number, code: number) => ({ unicode, width, originalCharCode: code, isSpace: unicode === ' ' });
  /** "الذي أُعد" drawn left to right: عد, then a damma (raised, no Unicode: pdf.js falls back on "m") and alef in an ActualText span, a space, الذي. */
  const list = (tag: unknown) => ({
    fnArray: [7, 1, 6, 2, 6, 3, 2, 6, 2, 4, 6, 2],
    argsArray: [
      [],
      ['F1', 12],
      [[1, 0, 0, 1, 100, 500]],
      [[glyph('د', 500, 1), glyph('ع', 600, 2)]],
      [[1, 0, 0, 1, 111, 505]],
      [tag, null],
      [[glyph('m', 0, 0x6d)]],
      [[1, 0, 0, 1, 111, 500]],
      [[glyph('ا', 300, 0x52)]],
      [],
      [[1, 0, 0, 1, 114.6, 500]],
      [[glyph(' ', 250, 3), glyph('ي', 500, 4), glyph('ذ', 500, 5), glyph('ل', 300, 6), glyph('ا', 300, 0x52)]],
    ],
  });
  const words = (tag: unknown, actual: (codes: number[]) => string | null) =>
    runsOfGlyphs(glyphsOfPage(list(tag), OPS, () => font, actual))
      .sort((a, b) => b.x - a.x)
      .map((r) => r.text);

  it('puts the stated text in place of the glyphs, on the letter’s baseline, inside its word', () => {
    const actual = (codes: number[]) => (codesKey(codes) === codesKey([0x6d, 0x52]) ? 'أُ' : null);
    expect(words('Span', actual)).toEqual(['الذي', 'أُعد']);
  });

  it('keeps the glyphs’ own text where the file states none, and ignores optional content', () => {
    expect(words('Span', () => null)).toEqual(['الذي', 'اعد']);
    expect(words('OC', () => 'X')).toEqual(['الذي', 'اعد']);
  });

  it('drops glyphs whose stated text is empty', () => {
    expect(words('Span', (codes) => (codes.length === 2 ? '' : null))).toEqual(['الذي', 'عد']);
  });
});

describe('digits Word maps wrongly in right-to-left runs', () => {
  const font = (map: Array<string | null>) => ({ composite: true, toUnicode: { _map: map } });
  /** A map for codes 0x13.. as Word writes it after "2018" and "30": zero→1, one→0, two→8, three→6... */
  const wordMap: Array<string | null> = [];
  Object.assign(wordMap, { 0x13: '1', 0x14: '0', 0x15: '8', 0x16: '6', 0x19: '3', 0x1b: '2', 0x03: ' ' });

  it('reads a digit from its glyph (standard glyph order) when the map permutes the digits', async () => {
    const { permutedDigits } = await import('../../src/decode/pdf-glyphs.js');
    const fix = permutedDigits(font(wordMap))!;
    expect([0x15, 0x13, 0x14, 0x1b].map((code) => fix.get(code)).join('')).toBe('2018');
  });

  it('leaves a map alone that is in order, gives more than digits there, or belongs to a simple font', async () => {
    const { permutedDigits } = await import('../../src/decode/pdf-glyphs.js');
    const inOrder: Array<string | null> = [];
    for (let n = 0; n < 10; n++) inOrder[0x13 + n] = String(n);
    expect(permutedDigits(font(inOrder))).toBeNull();
    const letters: Array<string | null> = [];
    Object.assign(letters, { 0x13: 'ب', 0x14: '1', 0x15: '0' });
    expect(permutedDigits(font(letters))).toBeNull();
    expect(permutedDigits({ composite: false, toUnicode: { _map: wordMap } })).toBeNull();
  });

  it('applies only on pages with Word’s TagSuspect marks', () => {
    const OPS = { setFont: 1, showText: 2, beginMarkedContentProps: 3, endMarkedContent: 4, beginMarkedContent: 5, setTextMatrix: 6, beginText: 7 } as unknown as Ops;
    const f = { ...font(wordMap), fontMatrix: [0.001, 0, 0, 0.001, 0, 0], name: 'Arial' };
    const digits = [0x15, 0x13, 0x14, 0x1b].map((code, i) => ({ unicode: wordMap[code]!, width: 556, originalCharCode: code, isSpace: false, i }));
    const read = (tag: string) =>
      runsOfGlyphs(
        glyphsOfPage(
          { fnArray: [7, 1, 6, 3, 2, 4], argsArray: [[], ['F8', 11], [[1, 0, 0, 1, 378, 554]], [tag, null], [digits], []] },
          OPS,
          () => f,
        ),
      ).map((r) => r.text);
    expect(read('TagSuspect')).toEqual(['2018']);
    expect(read('Span')).toEqual(['8102']);
  });
});

describe('heh in the forms of heh doachashmee', () => {
  it('is read as heh', () => {
    const OPS = { setFont: 1, showText: 2, setTextMatrix: 6, beginText: 7 } as unknown as Ops;
    const font = { fontMatrix: [0.001, 0, 0, 0.001, 0, 0], name: 'Simplified Arabic' };
    const glyphs = ['ا', 'ذ', '\ufbaa'].map((unicode) => ({ unicode, width: 400, isSpace: false }));
    const runs = runsOfGlyphs(glyphsOfPage({ fnArray: [7, 1, 6, 2], argsArray: [[], ['F1', 12], [[1, 0, 0, 1, 100, 500]], [glyphs]] }, OPS, () => font));
    expect(runs.map((r) => r.text)).toEqual(['هذا']);
  });
});

describe('ActualText scanning of a hostile file', () => {
  it('stops a stream that inflates past its bound', () => {
    const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    const file = Buffer.concat([bytes(`1 0 obj\n<</Length ${bomb.length}/Filter/FlateDecode>>\nstream\n`), bomb, bytes('\nendstream\nendobj\n')]);
    expect(actualTextsOfFile(file).size).toBe(0);
  });

  it('reads nothing from a file with "stream" and no end, or an unclosed string', () => {
    expect(actualTextsOfFile(bytes('stream\n/Span <</ActualText (x)>> BDC (a) Tj EMC')).size).toBe(0);
    expect(actualTextSpans(bytes('/Span <</ActualText (unclosed BDC (a) Tj EMC'))).toEqual([]);
  });
});
