// Transformation families: what PDF extraction, Word, web copy and OCR do to a
// text on its way to us. Each family is deterministic for a given seed, and is
// written in general terms (lines, paragraphs, words), never for one document.
// Used by scripts/perturb-gold.ts (the measure) and test/structure/perturbed.test.ts.

import reshaper from 'arabic-reshaper';
import { toArabicIndicDigits, toAsciiDigits } from '../../src/text/digits.js';

export interface Family {
  name: string;
  /** What the family does, for the table. */
  what: string;
  apply(text: string, random: () => number): string;
}

/** mulberry32: a small seeded generator, so every run transforms alike. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (random: () => number, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

/** Break a line at the last space before `width`, as a PDF column or a mail client does. */
function wrapLine(line: string, width: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    if (cut <= 0) break;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut + 1);
  }
  out.push(rest);
  return out;
}

const SYMBOL = /\b[A-Z]{1,6}(?:\/[A-Z0-9.]+){1,6}\b/;

/** The running header a PDF repeats on every page: the document's symbol when it prints one. */
function runningHeader(text: string): string {
  return SYMBOL.exec(text.slice(0, 3000))?.[0] ?? 'A/HRC/40/L.12';
}

/** The furniture of one page break: page number, job number, running header, barcode. */
function pageBreak(text: string, page: number, random: () => number): string[] {
  const job = `${between(random, 17, 24)}-${between(random, 10000, 29999)}`;
  return ['', String(page), `${job} (A)`, `*${job.replace('-', '')}*`, '', runningHeader(text), ''];
}

function insertPageBreaks(text: string, random: () => number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let next = between(random, 35, 45);
  let page = 2;
  lines.forEach((line, i) => {
    out.push(line);
    if (i + 1 === next && i + 1 < lines.length) {
      out.push(...pageBreak(text, page++, random));
      next += between(random, 35, 45);
    }
  });
  return out.join('\n');
}

/** Paragraph-sized lines (prose, not headings, numbers or footnote bodies). */
const isProse = (line: string) => line.trim().length > 40 && !FOOTNOTE_BODY.test(line);
const FOOTNOTE_BODY = /^\s*(?:[(^[⁽]\s*[0-9\u0660-\u0669]|[⁰¹²³⁴⁵⁶⁷⁸⁹])/;
const NUMBERED = /^\s*(?:[-*]\s+)?[0-9\u0660-\u0669]{1,3}\s*[-.\u2013]\s/;

/**
 * A web page's copy of a resolution: the preamble's paragraphs run onto one line,
 * the numbered paragraphs onto another; headings and footnote bodies keep their lines.
 */
function joinParagraphs(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let run: string[] = [];
  let runNumbered = false;
  const flush = () => {
    if (run.length > 0) out.push(run.join(' '));
    run = [];
  };
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (!isProse(line)) {
      flush();
      out.push('', line, '');
      continue;
    }
    const numbered = NUMBERED.test(line);
    if (run.length > 0 && numbered !== runNumbered) {
      flush();
      out.push('');
    }
    runNumbered = numbered;
    run.push(line.trim());
  }
  flush();
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** A footnote body (a line starting with a marker, late in the text) cut in two by a page break. */
function cutFootnote(text: string, random: () => number): string {
  const lines = text.split('\n');
  // "(1) ...", "^(1) ...", "[1] ...", "¹ ...", "1 ..." (not "1 - ...", a numbered paragraph).
  const marker = /^\s*(?:\^?[([⁽]\s*[0-9\u0660-\u0669]{1,3}\s*[)\]⁾]|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|[0-9\u0660-\u0669]{1,3}(?=\s+[^\s\-\u2013.]))\s/;
  const candidates = lines
    .map((line, i) => [line, i] as const)
    .filter(([line, i]) => i > lines.length / 3 && marker.test(line) && line.length > 50);
  if (candidates.length === 0) return text;
  const [line, i] = candidates[Math.floor(random() * candidates.length)]!;
  const cut = line.indexOf(' ', Math.floor(line.length / 2));
  if (cut < 0) return text;
  // As a PDF prints it: the head ends page N; the tail opens the footnote area at the
  // foot of page N+1, after that page's text, before that page's own footnotes.
  const page = between(random, 2, 9);
  let foot = i + 1 + between(random, 15, 30);
  while (foot < lines.length && lines[foot]!.trim() !== '') foot++;
  // The next page's own footnotes, if they come first, open its footnote area: the tail stands before them.
  const nextBodies = lines.findIndex((l, j) => j > i + 1 && j < foot && marker.test(l));
  const tail =
    nextBodies >= 0 ? [line.slice(cut + 1), ''] : foot < lines.length ? ['', line.slice(cut + 1), ...pageBreak(text, page + 1, random)] : ['', line.slice(cut + 1)];
  lines.splice(nextBodies >= 0 ? nextBodies : foot, 0, ...tail);
  lines.splice(i, 1, line.slice(0, cut), ...pageBreak(text, page, random));
  return lines.join('\n');
}

/** Word's and pandoc's markdown: headings marked, operative verbs bold or italic, items bulleted. */
function lightMarkdown(text: string, random: () => number): string {
  return text
    .split('\n')
    .map((line) => {
      const trimmed = line.trim();
      if (trimmed === '') return line;
      if (trimmed.length < 50 && !/[.،,:؛]$/.test(trimmed) && random() < 0.5) return `${random() < 0.5 ? '#' : '##'} ${trimmed}`;
      if (/^\([^)\s]{1,3}\)\s/.test(trimmed) && random() < 0.5) return `- ${trimmed}`;
      if (trimmed.length > 40 && random() < 0.4) {
        // Emphasis on the first word after any number, as a converted Word file prints the operative verb.
        // Bullets, numbers and item labels stay outside the emphasis.
        return line.replace(/^(\s*(?:[-*+]\s+)?(?:[0-9\u0660-\u0669]+\s*[-.]\s*)?(?:\([^)\s]{1,3}\)\s*)?)([\u0621-\u064a]\S*)/u, (_, lead: string, word: string) =>
          random() < 0.5 ? `${lead}**${word}**` : `${lead}*${word}*`,
        );
      }
      return line;
    })
    .join('\n');
}

const ARABIC_LETTER = /[\u0628-\u063a\u0641-\u064a]/;
const DIACRITIC_MARKS = ['\u064e', '\u064f', '\u0650', '\u0651', '\u0652', '\u064b'];

function sprinkleMarks(text: string, random: () => number): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    out += ch;
    if (!ARABIC_LETTER.test(ch)) continue;
    const nextIsLetter = ARABIC_LETTER.test(text[i + 1] ?? '');
    const r = random();
    if (r < 0.06) out += DIACRITIC_MARKS[Math.floor(random() * DIACRITIC_MARKS.length)]!;
    else if (r < 0.08 && nextIsLetter && !'ادذرزو'.includes(ch)) out += '\u0640';
  }
  return out;
}

const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060'];

function oddSpaces(text: string, random: () => number): string {
  let out = '';
  for (const ch of text) {
    if (ch === ' ') {
      const r = random();
      out += r < 0.2 ? '\u00a0' : r < 0.25 ? `${INVISIBLES[Math.floor(random() * INVISIBLES.length)]!} ` : ' ';
    } else if (ch === '\n') {
      out += random() < 0.2 ? `\n${INVISIBLES[Math.floor(random() * INVISIBLES.length)]!}` : '\n';
    } else {
      out += ch;
      if (ARABIC_LETTER.test(ch) && random() < 0.01) out += INVISIBLES[Math.floor(random() * 3)]!;
    }
  }
  return out;
}

export const FAMILIES: Family[] = [
  {
    name: 'wrap',
    what: 'hard wraps at one width of 60-80 columns',
    apply: (text, random) => {
      const width = between(random, 60, 80);
      return text
        .split('\n')
        .flatMap((line) => wrapLine(line, width))
        .join('\n');
    },
  },
  { name: 'no-blank', what: 'every blank line removed', apply: (text) => text.split('\n').filter((l) => l.trim() !== '').join('\n') },
  { name: 'joined', what: 'preamble paragraphs joined onto one line, numbered paragraphs onto another', apply: (text) => joinParagraphs(text) },
  { name: 'furniture', what: 'page furniture every ~40 lines', apply: insertPageBreaks },
  { name: 'footnote-cut', what: 'a footnote body cut by a page break, its tail at the foot of the next page', apply: cutFootnote },
  {
    name: 'digits',
    what: 'Western / Arabic-Indic digits mixed per line',
    apply: (text, random) =>
      text
        .split('\n')
        .map((line) => (random() < 0.5 ? toAsciiDigits(line) : toArabicIndicDigits(line)))
        .join('\n'),
  },
  { name: 'markdown', what: 'light markdown: # headings, **/* emphasis, - bullets', apply: lightMarkdown },
  { name: 'marks', what: 'tatweel and diacritics sprinkled', apply: sprinkleMarks },
  { name: 'crlf', what: 'CRLF line ends', apply: (text) => text.replace(/\r?\n/g, '\r\n') },
  { name: 'spaces', what: 'NBSP and zero-width characters', apply: oddSpaces },
  {
    name: 'forms',
    what: 'presentation forms (PDF text)',
    apply: (text) =>
      text
        .split('\n')
        .map((line) => reshaper.convertArabic(line))
        .join('\n'),
  },
];
