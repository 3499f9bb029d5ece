// Inputs built to find super-linear paths: long lines, long runs of markup and
// brackets, many lines of one kind. Each comes in two sizes: 'full' for the slow
// suite (10 MB or 100,000 repetitions, under 5 s each) and 'fast' for the
// default suite (about 200 KB, under 2 s), big enough that a quadratic path
// shows: before the fixes, the fast sizes of the joining, "**"-lines and
// citation cases took 4-15 s each.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedsDir } from '../../helpers/gold.js';

export type Size = 'full' | 'fast';

export interface HostileInput {
  name: string;
  build(size: Size): string;
}

const MB = 1_000_000;
const FAST_BYTES = 200_000;

/** `unit` repeated `full` times, or as often as fits in FAST_BYTES (never more than `full`). */
function repeat(unit: string, full: number, size: Size): string {
  return unit.repeat(count(unit, full, size));
}

function count(unit: string, full: number, size: Size): number {
  return size === 'full' ? full : Math.min(full, Math.floor(FAST_BYTES / Buffer.byteLength(unit)));
}

/** `unit` repeated to about `bytes` UTF-8 bytes (FAST_BYTES for the fast size). */
function fill(unit: string, bytes: number, size: Size): string {
  return unit.repeat(Math.ceil((size === 'full' ? bytes : FAST_BYTES) / Buffer.byteLength(unit)));
}

const RESOLUTION_START = 'إن الجمعية العامة،\nإذ تشير إلى قراراتها السابقة،\n';
const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const arabicIndic = (n: number): string => String(n).replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]!);

export const HOSTILE_INPUTS: HostileInput[] = [
  { name: 'a 10 MB single line of Arabic text', build: (size) => fill('وإذ تؤكد مجدداً أهمية التعاون الدولي، ', 10 * MB, size) },
  { name: 'a 10 MB single line of one letter', build: (size) => fill('ب', 10 * MB, size) },
  { name: 'a 10 MB single line of closing brackets after full stops', build: (size) => fill('.', 5 * MB, size) + fill(')', 5 * MB, size) + 'x' },
  { name: '100,000 "- " lines', build: (size) => repeat('- \n', 100_000, size) },
  { name: '100,000 "- - - x" lines', build: (size) => repeat('- - - x\n', 100_000, size) },
  { name: '100,000 "(" on one line', build: (size) => repeat('(', 100_000, size) },
  { name: 'a 10 MB line of pipes inside letters, ending in a pipe', build: (size) => `a${fill('|', 10 * MB, size)}x|` },
  { name: '100,000 "(" lines', build: (size) => repeat('(\n', 100_000, size) },
  { name: 'brackets [[[...]]] nested 100,000 deep', build: (size) => repeat('[', 100_000, size) + repeat(']', 100_000, size) },
  { name: 'brackets ((((...)))) nested 100,000 deep', build: (size) => repeat('(', 100_000, size) + repeat(')', 100_000, size) },
  { name: '100,000 "**" on one line', build: (size) => repeat('**', 100_000, size) },
  { name: '100,000 "**" lines', build: (size) => repeat('**\n', 100_000, size) },
  { name: '100,000 "**word**" pairs on one line', build: (size) => repeat('**تقرر** ', 100_000, size) },
  { name: '100,000 "_", "`" and "\\" on one line', build: (size) => repeat('_`\\', 100_000, size) },
  { name: 'a 10 MB line of ^(١)', build: (size) => fill('^(١)', 10 * MB, size) },
  { name: 'a 10 MB line of superscript markers after words', build: (size) => fill('كلمة¹²³ ', 10 * MB, size) },
  { name: '50,000 (أ) item lines', build: (size) => `${RESOLUTION_START}١ - تقرر ما يلي:\n${repeat('(أ) بند من البنود؛\n', 50_000, size)}` },
  {
    name: '100,000 numbered lines',
    build: (size) => {
      const lines = Array.from({ length: count('١٠٠٠٠٠ - تقرر أن تبقي المسألة قيد نظرها؛\n', 100_000, size) }, (_, i) => `${arabicIndic(i + 1)} - تقرر أن تبقي المسألة قيد نظرها؛`);
      return RESOLUTION_START + lines.join('\n');
    },
  },
  // Short lines, so that the fast size still holds tens of thousands of them.
  { name: '100,000 lines that all continue one clause', build: (size) => `${RESOLUTION_START}١ - تحث الدول على\n${repeat('أن\n', 100_000, size)}` },
  { name: '100,000 lines of one unstructured paragraph', build: (size) => repeat('سطر\n', 100_000, size) },
  { name: '100,000 preamble clauses', build: (size) => `إن الجمعية العامة،\n${repeat('وإذ تشير إلى الإعلان،\n', 100_000, size)}` },
  { name: '100,000 citations in one clause', build: (size) => `${RESOLUTION_START}١ - تشير إلى قراراتها ${repeat('1/70 ', 100_000, size)}؛` },
  // The citation gate: digits, marks and spaces before a slash that never comes, brackets that never open on a digit.
  { name: '100,000 near-citations in one clause', build: (size) => `${RESOLUTION_START}١ - تشير إلى قراراتها ${repeat('1 َ ( َ x ', 100_000, size)}؛` },
  {
    name: '100,000 footnote markers and bodies',
    build: (size) => {
      const n = count('نص الفقرة^(٩٩٩)\n(٩٩٩) نص الحاشية.\n', 100_000, size);
      return Array.from({ length: n }, (_, i) => `نص الفقرة^(${(i % 999) + 1})\n(${(i % 999) + 1}) نص الحاشية.`).join('\n');
    },
  },
  // Recognisers of real-world layouts (issue 9): headings, provisions, formulas, run-ins, markers, contents.
  { name: '100,000 chapter heading lines', build: (size) => repeat('الفصل الحادي عشر: أحكام عامة\n', 100_000, size) },
  { name: '100,000 article heading lines', build: (size) => repeat('المادة الحادية والعشرون\nنص المادة.\n', 100_000, size) },
  { name: '100,000 short unnumbered lines before numbered ones', build: (size) => repeat('عنوان قصير\n١ - فقرة.\n', 100_000, size) },
  { name: '100,000 "- يقرر" lines after an enacting formula', build: (size) => `إن مجلس الأمن،\n${repeat('- يقرر أن يبقي المسألة قيد نظره.\n', 100_000, size)}` },
  { name: '100,000 "(أ) إذ تشير" lettered preamble lines', build: (size) => `إن الجمعية العامة،\n${repeat('(أ) إذ تشير إلى قراراتها،\n', 100_000, size)}` },
  { name: 'a 10 MB line of enacting formulas', build: (size) => fill('نص إن الجمعية العامة، إذ تشير ', 10 * MB, size) },
  { name: 'a 10 MB line of run-in preamble paragraphs after full stops', build: (size) => fill('هذه. وإذ تؤكد أيضا أن ', 10 * MB, size) },
  { name: 'a 10 MB flattened line of numbered paragraphs', build: (size) => fill('تقرر ذلك؛ 2 - تطلب ', 10 * MB, size) },
  { name: 'a 10 MB line of glued markers counting up', build: (size) => fill('السلاح(1)، ', 10 * MB, size) },
  { name: 'a 10 MB line of digits glued to words', build: (size) => fill('بإقراره1 الإنسان.1 ', 10 * MB, size) },
  { name: 'a 10 MB line of ([1]) markers without ends', build: (size) => fill('([1]) انظر ', 10 * MB, size) },
  { name: 'a 10 MB line of [1] markers', build: (size) => fill('كلمة[1] ', 10 * MB, size) },
  { name: 'a 10 MB line of dots then a page number', build: (size) => `${fill('.', 10 * MB, size)} 12` },
  { name: 'a contents list of 100,000 entries', build: (size) => `المحتويات\n${repeat('ألف - الدول الأطراف في العهد 1 - 25 8\n', 100_000, size)}` },
  { name: '100,000 "نحن" and "ما يلي" formula lines', build: (size) => repeat('نحن شعوب الأمم المتحدة\nقد اتفقت على ما يلي:\n', 100_000, size) },
  {
    name: '10 MB of seeds one after another',
    build: (size) => {
      const seeds = readdirSync(seedsDir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => readFileSync(join(seedsDir, f), 'utf8'))
        .join('\n');
      return fill(`${seeds}\n`, 10 * MB, size);
    },
  },
];
