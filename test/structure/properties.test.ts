// Properties of the whole parser: whatever the bytes, parseBytes either throws an
// InputError or returns Document JSON that validates against the contract's
// schema, and it finishes quickly. Structure survives re-encoding and line-end
// changes. Seeds are mutated the ways real files are damaged: cut anywhere,
// lines shuffled, footnote markers repeated, digits of mixed scripts, stray
// list markers.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseBytes } from '../../src/structure/parse.js';
import type { UnresDocument } from '../../src/types.js';
import { seedsDir } from '../helpers/gold.js';
import { schemaErrors } from './support/schema.js';
import { cpuTimed } from '../helpers/cpu-time.js';

const SEEDS = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => ({ file, text: readFileSync(join(seedsDir, file), 'utf8') }));

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

/** UNRES_PROPERTY_SCALE=20 runs twenty times as many cases (for hunting, not for CI). */
const SCALE = Number(process.env.UNRES_PROPERTY_SCALE ?? 1);
const runs = (n: number): { numRuns: number } => ({ numRuns: Math.max(1, Math.round(n * SCALE)) });

/** A parse must not take long on these small inputs; anything near this is a super-linear path. */
const SLOW_PARSE_MS = 2_000;

/** Parse and check the contract: only InputError may be thrown; the JSON validates and hangs together. */
function parseChecked(bytes: Uint8Array, path = 'prop.txt'): UnresDocument | InputError {
  let doc: UnresDocument;
  let elapsed: number;
  try {
    ({ result: doc, cpuMs: elapsed } = cpuTimed(() => parseBytes(bytes, path)));
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  if (elapsed > SLOW_PARSE_MS) throw new Error(`parse took ${elapsed.toFixed(0)} ms for ${bytes.length} bytes`);
  const errors = schemaErrors(doc);
  if (errors.length > 0) throw new Error(`schema: ${errors.slice(0, 5).join('; ')}`);
  checkConsistency(doc);
  return doc;
}

/** What the schema cannot say: ids unique, indexes counted per kind, citations point at something. */
function checkConsistency(doc: UnresDocument): void {
  const ids = new Set<string>();
  const perKind = new Map<string, number>();
  for (const clause of doc.clauses) {
    if (ids.has(clause.id)) throw new Error(`duplicate clause id ${clause.id}`);
    ids.add(clause.id);
    const index = (perKind.get(clause.kind) ?? 0) + 1;
    perKind.set(clause.kind, index);
    if (clause.index !== index) throw new Error(`${clause.id} has index ${clause.index}, expected ${index}`);
    if (/[\n\r\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(clause.text)) throw new Error(`${clause.id} text holds a control`);
    if (unshapedForm(clause.text)) throw new Error(`${clause.id} text holds presentation forms`);
  }
  const footnotes = new Set(doc.footnotes.map((f) => f.number));
  if (footnotes.size !== doc.footnotes.length) throw new Error('a footnote number appears twice');
  for (const citation of doc.citations) {
    const fn = /^fn(\d+)$/.exec(citation.clause);
    const known = fn ? footnotes.has(Number(fn[1])) : citation.clause === 'header' || ids.has(citation.clause);
    if (!known) throw new Error(`citation ${citation.symbol} points at unknown ${citation.clause}`);
  }
}

/** A presentation form NFKC maps to letters (ornate parentheses and other signs in the block have no mapping and stay). */
function unshapedForm(text: string): boolean {
  for (const [form] of text.matchAll(/[\ufb50-\ufdff\ufe70-\ufefc]/g)) if (form.normalize('NFKC') !== form) return true;
  return false;
}

/** The structure that must not depend on how the file was saved. */
function structure(doc: UnresDocument | InputError): unknown {
  if (doc instanceof InputError) return 'InputError';
  const { id: _id, source: _source, ...rest } = doc;
  return rest;
}

// Text made of the pieces UN documents are built from, so random strings reach
// deep into the clause stage instead of stopping at "no structure".
const PIECES = [
  'إن الجمعية العامة،', 'إن المجلس الاقتصادي والاجتماعي،', 'إذ تشير إلى', 'وإذ تؤكد', 'ولما كان', 'يوصي الجمعية العامة باعتماد مشروع القرار التالي:',
  '١ - ', '٢ - ', '3. ', '- ٤ -', '(أ) ', '(ب) ', '(هـ) ', 'أولاً - ', 'ألف - ', 'التوصية 1: ', 'المادة ٥', 'الجلسة العامة ٤٠',
  '^(١)', '⁽²⁾', '[^3]', '(1)', '¹', '[^3]: ', '**', '*', '__', '`', '\\', '#', '> ', '- ', '• ',
  'قرار الجمعية العامة ٢٩٣/٦٤', 'قرارها 64/293', 'E/RES/2011/33', '٣٣/٢٠١١', 'مقرره ٤/٤', '30/7/2010',
  '٢٣ تموز/يوليه ٢٠١٩', '31 June 2019', 'Distr.: General', '17-12889 (A)', '*1712889*', 'الرجاء إعادة الاستعمال', 'A/C.3/74/L.5',
  'البند ١٩ (ج) من جدول الأعمال', 'النمسا وترينيداد وتوباغو: مشروع قرار', '١٨/٢٠١٧ - ', 'الدول الأعضاء', 'تقرر', '**تحث**',
  '،', '؛', '.', ':', ' ', ' ', ' ', '\n', '\n', '\n\n', '\r\n', '\u200f', '\u00a0', 'ﻻ', 'ﺍﻟﺠﻤﻌﻴﺔ', 'ً', 'ـ',
];
const unText = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((parts) => parts.join(''));

describe('parseBytes on arbitrary input', () => {
  it('arbitrary strings: InputError or schema-valid JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 200 })), (text) => {
        parseChecked(utf8(text));
      }),
      runs(300),
    );
  });

  it('text built from UN document pieces: InputError or schema-valid JSON', () => {
    fc.assert(
      fc.property(unText, (text) => {
        parseChecked(utf8(text));
      }),
      runs(Number(process.env.PROP_RUNS ?? 400)),
    );
  });

  it('arbitrary bytes: InputError or schema-valid JSON', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) => {
        parseChecked(bytes);
      }),
      runs(300),
    );
  });

  it('empty, blank and binary input is an InputError naming the file', () => {
    for (const bytes of [new Uint8Array(0), utf8(' \n\t\r\n'), new Uint8Array([0x41, 0, 0x42, 0xff, 0])]) {
      const result = parseChecked(bytes, 'in/bad.txt');
      expect(result).toBeInstanceOf(InputError);
      expect((result as InputError).message).toMatch(/^in\/bad\.txt: /);
    }
  });
});

// ---------------------------------------------------------------------------
// Mutated seeds

const seedArb = fc.constantFrom(...SEEDS);

const cutSeed = fc.tuple(seedArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([seed, a, b]) => {
  const [from, to] = [a, b].sort((x, y) => x - y).map((f) => Math.floor(f * seed.text.length));
  return seed.text.slice(from, to);
});

const shuffledSeed = fc.tuple(seedArb, fc.array(fc.nat(), { minLength: 1, maxLength: 400 })).map(([seed, swaps]) => {
  const lines = seed.text.split('\n');
  swaps.forEach((swap, i) => {
    const j = swap % lines.length;
    const k = i % lines.length;
    [lines[j], lines[k]] = [lines[k]!, lines[j]!];
  });
  return lines.join('\n');
});

const MARKER = /\^\(([٠-٩0-9]{1,3})\)|⁽([⁰¹²³⁴-⁹0-9]{1,3})⁾/g;

const duplicatedMarkers = fc.tuple(seedArb, fc.array(fc.boolean(), { minLength: 1, maxLength: 50 }), fc.array(fc.nat(), { maxLength: 20 })).map(
  ([seed, repeat, inserts]) => {
    let i = 0;
    // Repeat some markers in place, then scatter copies of markers elsewhere.
    let text = seed.text.replace(MARKER, (marker) => (repeat[i++ % repeat.length] ? marker + marker : marker));
    const markers = seed.text.match(MARKER) ?? ['^(١)'];
    for (const at of inserts) {
      const pos = at % (text.length + 1);
      text = text.slice(0, pos) + markers[at % markers.length]! + text.slice(pos);
    }
    return text;
  },
);

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const EXTENDED = '۰۱۲۳۴۵۶۷۸۹';
const mixedDigits = fc.tuple(seedArb, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 64 })).map(([seed, scripts]) => {
  let i = 0;
  return seed.text.replace(/[0-9٠-٩]/g, (d) => {
    const value = /[0-9]/.test(d) ? Number(d) : ARABIC_INDIC.indexOf(d);
    const script = scripts[i++ % scripts.length]!;
    return script === 0 ? String(value) : script === 1 ? ARABIC_INDIC[value]! : EXTENDED[value]!;
  });
});

const LIST_MARKERS = ['- ', '* ', '+ ', '• ', '- - ', '1. ', '(أ) ', '> ', '# ', '- ١ - '];
const insertedListMarkers = fc.tuple(seedArb, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...LIST_MARKERS)), { minLength: 1, maxLength: 40 })).map(
  ([seed, inserts]) => {
    const lines = seed.text.split('\n');
    for (const [at, marker] of inserts) {
      const k = at % lines.length;
      lines[k] = marker + lines[k];
    }
    return lines.join('\n');
  },
);

describe('parseBytes on mutated seeds', () => {
  it.each([
    ['cut at random points', cutSeed],
    ['with lines shuffled', shuffledSeed],
    ['with footnote markers duplicated and scattered', duplicatedMarkers],
    ['with digits mixed between scripts', mixedDigits],
    ['with list markers inserted', insertedListMarkers],
  ] as const)('%s: InputError or schema-valid JSON', (_, mutated) => {
    fc.assert(
      fc.property(mutated, (text) => {
        parseChecked(utf8(text));
      }),
      runs(40),
    );
  });

  it('digits mixed between scripts leave numbers, citations and dates unchanged', () => {
    fc.assert(
      fc.property(mixedDigits, (mixed) => {
        const doc = parseChecked(utf8(mixed));
        if (doc instanceof InputError) throw doc;
        // Compare with the same text, all digits made ASCII.
        const ascii = mixed.replace(/[٠-٩]/g, (d) => String(ARABIC_INDIC.indexOf(d))).replace(/[۰-۹]/g, (d) => String(EXTENDED.indexOf(d)));
        const reference = parseChecked(utf8(ascii)) as UnresDocument;
        expect(doc.clauses.map((c) => [c.id, c.number, c.items.length, c.footnotes])).toEqual(
          reference.clauses.map((c) => [c.id, c.number, c.items.length, c.footnotes]),
        );
        expect(doc.citations.map((c) => [c.symbol, c.clause])).toEqual(reference.citations.map((c) => [c.symbol, c.clause]));
        expect([doc.adopted, doc.distributed, doc.agendaItem, doc.symbol]).toEqual([reference.adopted, reference.distributed, reference.agendaItem, reference.symbol]);
      }),
      runs(25),
    );
  });
});

// ---------------------------------------------------------------------------
// Decode -> parse stability

const LINE_ENDS = ['\n', '\r\n', '\r'] as const;

function saved(text: string, lineEnd: string, form: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be'): Uint8Array {
  const body = text.replace(/\r\n?/g, '\n').replace(/\n/g, lineEnd);
  if (form === 'utf-8') return utf8(body);
  if (form === 'utf-8-bom') return utf8(`\ufeff${body}`);
  return new Uint8Array(iconv.encode(body, form, { addBOM: true }));
}

describe('decode -> parse is stable', () => {
  it('under BOM, line-end and UTF-16 changes, for text built from UN pieces', () => {
    fc.assert(
      fc.property(unText, fc.constantFrom(...LINE_ENDS), fc.constantFrom('utf-8-bom', 'utf-16le', 'utf-16be') as fc.Arbitrary<'utf-8-bom' | 'utf-16le' | 'utf-16be'>, (text, lineEnd, form) => {
        // Lone surrogates cannot be saved in any Unicode form; these pieces hold none.
        const plain = structure(parseChecked(saved(text, '\n', 'utf-8')));
        expect(structure(parseChecked(saved(text, lineEnd, form)))).toEqual(plain);
      }),
      runs(150),
    );
  });

  it('under BOM, line-end and encoding changes, for cut seeds', () => {
    fc.assert(
      fc.property(cutSeed.filter((t) => t.trim().length > 200), fc.constantFrom(...LINE_ENDS), (text, lineEnd) => {
        const plain = structure(parseChecked(saved(text, '\n', 'utf-8')));
        expect(structure(parseChecked(saved(text, lineEnd, 'utf-8-bom')))).toEqual(plain);
        expect(structure(parseChecked(saved(text, lineEnd, 'utf-16le')))).toEqual(plain);
        // Windows-1256 has no Arabic-Indic digits: compare texts saved with ASCII digits.
        const ascii = text.replace(/[٠-٩]/g, (d) => String(ARABIC_INDIC.indexOf(d)));
        const legacy = iconv.encode(ascii.replace(/\n/g, lineEnd), 'windows-1256');
        if (iconv.decode(legacy, 'windows-1256') !== ascii.replace(/\n/g, lineEnd)) return; // a letter outside the code page
        const reencoded = parseChecked(new Uint8Array(legacy));
        if (!(reencoded instanceof InputError) && reencoded.source.encoding !== 'windows-1256') return; // too little Arabic to tell the code pages apart
        expect(structure(reencoded)).toEqual(structure(parseChecked(utf8(ascii))));
      }),
      runs(40),
    );
  });
});
