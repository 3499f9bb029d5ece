// Rebuilding a document's text from the positioned runs of its PDF pages
// (see pdf.ts for the steps). Pure: pages of runs in, the parser's text shape
// out, so every rule is testable without a PDF. Time and memory are linear in
// the number of runs, but for sorting.

export interface TextRun {
  /** In logical order (pdf.js reorders each run's glyphs). */
  text: string;
  /** Left edge and baseline, in points from the page's bottom left. */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
  /** Set in a bold face. */
  bold?: boolean;
}

export interface PageText {
  width: number;
  height: number;
  runs: TextRun[];
}

interface Run extends TextRun {
  /** Position in the page's content stream. */
  order: number;
  /** A raised, smaller number: a footnote marker. */
  superscript: boolean;
}

interface Line {
  runs: Run[];
  /** Baseline and size of the line's main (largest) type. */
  y: number;
  size: number;
  x0: number;
  x1: number;
  text: string;
  /** For footnote lines: the number the line starts with. */
  note: number | null;
  /** The column the line stands in (0 full width, 1 first read, 2 second read). */
  column: number;
}

const ARABIC_LETTER = /[\u0621-\u064a\u0671-\u06d3\u06fa-\u06fc\ufb50-\ufdff\ufe70-\ufefc]/;
const LATIN_OR_DIGIT = /[A-Za-z0-9\u00c0-\u024f]/;
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/g;
const ARABIC_LETTERS = /[\u0621-\u064a\u0671-\u06d3]/g;
const DIGITS_ONLY = /^\s*([0-9\u0660-\u0669\u06f0-\u06f9]{1,3})\s*$/;
const LEADING_NUMBER = /^\s*\(?([0-9\u0660-\u0669\u06f0-\u06f9]{1,3})\)?(?:\s+|(?=[^\s0-9\u0660-\u0669\u06f0-\u06f9.,/-]))/;
/** Arabic marks that follow their letter: a space before one is a gap pdf.js mistook for a word space. */
const SPACE_BEFORE_MARK = / +(?=[\u064b-\u065f\u0670])/g;

/** Lines in the top or bottom this share of a page may be running heads and feet. */
const MARGIN_SHARE = 0.12;
/** How far (points) a running head or foot may move from page to page. */
const FURNITURE_DRIFT = 3;

export function layOutPages(pages: PageText[]): string {
  const rtl = documentIsRtl(pages);
  const bodySize = mainSize(pages.flatMap((p) => p.runs));
  const pageLines = pages.map((page) => linesOf(page, rtl, bodySize));
  dropRunningHeadsAndFeet(pageLines, pages);
  const spacing = lineSpacing(pageLines, bodySize);

  const paragraphs: string[] = [];
  const notes: Array<{ n: number; text: string }> = [];
  let current = '';
  /** The line before, on this page or the one before, and its column's margins. */
  let lastLine: Line | null = null;
  let lastMargin: { x0: number; x1: number } | null = null;
  for (const lines of pageLines) {
    const { body, foot } = splitFootnotes(lines, bodySize);
    for (const line of foot) {
      if (line.note !== null || notes.length === 0) notes.push({ n: line.note ?? 0, text: line.text });
      else notes[notes.length - 1]!.text += ` ${line.text}`;
    }
    const ordered = readingOrder(body);
    const margins = columnMargins(ordered);
    let previous: Line | null = null;
    for (const line of ordered) {
      const wrapped = lastLine !== null && wrapsInto(lastLine, line, margins.get(lastLine.column) ?? lastMargin!, rtl);
      if (current === '') current = line.text;
      else if (previous === null) {
        // First line of a page: the paragraph runs on if the last line of the page before was wrapped.
        current = wrapped ? joinWrapped(current, line.text) : (paragraphs.push(current), line.text);
      } else if (previous.column !== line.column || previous.y - line.y > spacing * 1.25 || previous.y < line.y) {
        if (wrapped && previous.column !== line.column) current = joinWrapped(current, line.text);
        else {
          paragraphs.push(current);
          current = line.text;
        }
      } else current = wrapped ? joinWrapped(current, line.text) : `${current}\n${line.text}`;
      previous = line;
      lastLine = line;
      lastMargin = margins.get(line.column)!;
    }
  }
  if (current !== '') paragraphs.push(current);
  for (const note of notes) paragraphs.push(note.n > 0 ? `(${note.n}) ${note.text}` : note.text);
  return paragraphs.map(tidy).filter((p) => p !== '').join('\n\n') + '\n';
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(SPACE_BEFORE_MARK, '').replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** A wrapped line joins the next with a space, or without its hyphen when a Latin word was split. */
function joinWrapped(before: string, after: string): string {
  if (/[A-Za-z]-$/.test(before) && /^[a-z]/.test(after)) return before.slice(0, -1) + after;
  return `${before} ${after}`;
}

function documentIsRtl(pages: PageText[]): boolean {
  let arabic = 0;
  let latin = 0;
  for (const page of pages) {
    for (const run of page.runs) {
      arabic += run.text.match(ARABIC_LETTERS)?.length ?? 0;
      latin += run.text.match(LATIN_LETTER)?.length ?? 0;
    }
  }
  return arabic >= latin;
}

/** The type size most characters are set in. */
function mainSize(runs: TextRun[]): number {
  const bySize = new Map<number, number>();
  for (const run of runs) {
    const size = Math.round(run.size * 2) / 2;
    bySize.set(size, (bySize.get(size) ?? 0) + run.text.trim().length);
  }
  let best = 12;
  let most = -1;
  for (const [size, count] of bySize) {
    if (count > most) {
      best = size;
      most = count;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------
// Lines

function linesOf(page: PageText, rtl: boolean, bodySize: number): Line[] {
  // Runs of white space only: pdf.js marks wide gaps with them; gaps are measured instead.
  const runs: Run[] = page.runs.map((r, order) => ({ ...r, order, superscript: false })).filter((r) => r.text.trim() !== '');
  // Baselines, top to bottom; runs within a fraction of their size share a line.
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const run of sorted) {
    const group = groups.at(-1);
    const head = group?.[0];
    if (group && head && Math.abs(head.y - run.y) <= 0.3 * Math.max(head.size, run.size)) group.push(run);
    else groups.push([run]);
  }
  // A group of small digits just above a line of larger type: footnote markers raised above that line.
  const merged: Run[][] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    const below = groups[i + 1];
    const size = Math.max(...group.map((r) => r.size));
    if (below && group.every((r) => DIGITS_ONLY.test(r.text))) {
      const belowSize = Math.max(...below.map((r) => r.size));
      const rise = group[0]!.y - below[0]!.y;
      if (size < belowSize * 0.85 && rise > 0 && rise <= belowSize * 0.75) {
        for (const r of group) r.superscript = true;
        below.push(...group);
        continue;
      }
    }
    merged.push(group);
  }
  // Digits set smaller and raised inside a line are markers too.
  for (const group of merged) {
    const size = Math.max(...group.map((r) => r.size));
    const base = group.find((r) => r.size === size)!.y;
    for (const r of group) if (r.size < size * 0.85 && r.y - base > size * 0.15 && DIGITS_ONLY.test(r.text)) r.superscript = true;
  }
  return merged.map((group) => makeLine(group, rtl, bodySize));
}

/**
 * A glyph from another font (a fallback for "/" or ".") drawn inside a run's
 * box: pdf.js gives the run with a space where the glyph stands and the glyph
 * as a run of its own. It goes back in its place.
 */
function spliceInnerRuns(runs: Run[]): Run[] {
  const inner = (r: Run, o: Run): boolean =>
    r !== o && r.text.trim().length > 0 && r.text.trim().length <= 2 && !/[\p{L}\p{N}]/u.test(r.text) &&
    o.text.trim().length > r.text.trim().length && r.x >= o.x - 0.5 && r.x + r.width <= o.x + o.width + 0.5 && !o.superscript;
  const dropped = new Set<Run>();
  for (const r of runs) {
    const outer = runs.find((o) => !dropped.has(o) && inner(r, o));
    if (!outer) continue;
    const centre = r.x + r.width / 2;
    // pdf.js reads a run of Arabic-Indic numbers right to left; drawn, each number (with its "/") reads left to right.
    const numbers = !/\p{L}/u.test(outer.text) && /[\u0660-\u0669]/.test(outer.text);
    const rtlOuter = ARABIC_LETTER.test(outer.text);
    const visual = numbers ? outer.text.split(' ').reverse().join(' ') : outer.text;
    const share = rtlOuter ? (outer.x + outer.width - centre) / outer.width : (centre - outer.x) / outer.width;
    const at = Math.round(share * visual.length);
    // The space nearest the glyph's place, else the place itself.
    let best = -1;
    for (let i = 0; i < visual.length; i++) if (visual[i] === ' ' && (best < 0 || Math.abs(i - at) < Math.abs(best - at))) best = i;
    const spliced = best >= 0 && Math.abs(best - at) <= 2 ? visual.slice(0, best) + r.text.trim() + visual.slice(best + 1) : visual.slice(0, at) + r.text.trim() + visual.slice(at);
    outer.text = numbers ? spliced.split(' ').reverse().join(' ') : spliced;
    dropped.add(r);
  }
  return runs.filter((r) => !dropped.has(r));
}

function makeLine(allRuns: Run[], rtl: boolean, bodySize: number): Line {
  const runs = spliceInnerRuns(allRuns);
  const main = runs.filter((r) => !r.superscript);
  const sizeRuns = main.length > 0 ? main : runs;
  const size = Math.max(...sizeRuns.map((r) => r.size));
  const y = sizeRuns.find((r) => r.size === size)!.y;
  const ordered = logicalOrder(runs, rtl);
  const x0 = Math.min(...runs.map((r) => r.x));
  const x1 = Math.max(...runs.map((r) => r.x + r.width));
  let note: number | null = null;
  let text = '';
  let previous: Run | null = null;
  for (const run of ordered) {
    const digits = run.superscript ? DIGITS_ONLY.exec(run.text)?.[1] : undefined;
    let piece: string;
    if (digits !== undefined && text.trim() === '' && size < bodySize * 0.9) {
      // A raised number opening a line of small type: the number of a footnote.
      note = Number(digits.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)));
      piece = '';
    } else if (digits !== undefined) piece = `^(${digits})`;
    else piece = run.text;
    const punctuation = !/[\p{L}\p{N}]/u.test(run.text) || !/[\p{L}\p{N}]/u.test(previous?.text ?? '');
    if (previous && piece !== '' && !/\s$/.test(text) && !/^\s/.test(piece) && !piece.startsWith('^(') && gapBetween(previous, run) > (punctuation ? 0.3 : 0.2) * run.size) {
      text += ' ';
    }
    text += piece;
    previous = run;
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (note === null && size < bodySize * 0.9) {
    const lead = LEADING_NUMBER.exec(text);
    if (lead) {
      note = Number(lead[1]!.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)));
      text = text.slice(lead[0].length);
    }
  }
  return { runs, y, size, x0, x1, text, note, column: 0 };
}

/** Horizontal distance between two runs' boxes (negative when they overlap). */
function gapBetween(a: Run, b: Run): number {
  return Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width);
}

/**
 * A run read left to right inside a right-to-left line: Latin words (and what
 * touches them). A number standing alone between spaces is a unit of its own:
 * the bidirectional algorithm keeps such numbers apart ("31 / 52" is drawn
 * "52 / 31" in an Arabic line).
 */
const isLtrRun = (r: Run): boolean => !r.superscript && LATIN_OR_DIGIT.test(r.text) && !ARABIC_LETTER.test(r.text) && /[A-Za-z\u00c0-\u024f]/.test(r.text);
const isNeutralRun = (r: Run): boolean => !r.superscript && !LATIN_OR_DIGIT.test(r.text) && !ARABIC_LETTER.test(r.text) && !/[\u0660-\u0669]/.test(r.text);

/**
 * Runs of one line in reading order. A line holding Arabic reads right to
 * left, with each stretch of Latin/ASCII-digit runs (and the neutral runs
 * between them) read left to right. A line without Arabic is read in the order
 * the PDF wrote it in an Arabic document (producers write runs in logical
 * order), left to right in another.
 */
function logicalOrder(runs: Run[], rtl: boolean): Run[] {
  const hasLatin = runs.some((r) => /[A-Za-z]/.test(r.text));
  if (!runs.some((r) => ARABIC_LETTER.test(r.text)) && (hasLatin || !rtl)) {
    return [...runs].sort(rtl ? (a, b) => a.order - b.order : (a, b) => a.x - b.x);
  }
  const visual = [...runs].sort((a, b) => b.x + b.width - (a.x + a.width));
  const out: Run[] = [];
  let i = 0;
  while (i < visual.length) {
    if (!isLtrRun(visual[i]!)) {
      out.push(visual[i]!);
      i++;
      continue;
    }
    // Extend the stretch over neutral runs only when another LTR run follows them.
    let end = i + 1;
    let last = i;
    while (end < visual.length && (isLtrRun(visual[end]!) || isNeutralRun(visual[end]!))) {
      if (isLtrRun(visual[end]!)) last = end;
      end++;
    }
    out.push(...visual.slice(i, last + 1).reverse());
    i = last + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Running heads and feet

const furnitureKey = (text: string): string => text.replace(/[0-9\u0660-\u0669]+/g, '#').replace(/\s+/g, '');
const PAGE_NUMBER = /^[\s\-–—]*[0-9\u0660-\u0669]{1,4}(?:\s*[/من]+\s*[0-9\u0660-\u0669]{1,4})?[\s\-–—]*$/;

function inMargin(line: Line, page: PageText): 'head' | 'foot' | null {
  if (line.y > page.height * (1 - MARGIN_SHARE)) return 'head';
  if (line.y < page.height * MARGIN_SHARE) return 'foot';
  return null;
}

/**
 * Lines in the top or bottom margin whose text (digits aside) recurs on other
 * pages in the same margin at the same height, and bare page numbers. (A
 * sentence of the text may well recur: a running head also keeps its place.)
 */
function dropRunningHeadsAndFeet(pageLines: Line[][], pages: PageText[]): void {
  const placeOf = (line: Line, page: PageText): string | null => {
    const zone = inMargin(line, page);
    return zone === null ? null : `${zone}|${furnitureKey(line.text)}`;
  };
  const heights = new Map<string, number[]>();
  for (const [i, lines] of pageLines.entries()) {
    const onPage = new Map<string, number>();
    for (const line of lines) {
      const key = placeOf(line, pages[i]!);
      if (key !== null && !onPage.has(key)) onPage.set(key, line.y);
    }
    for (const [key, y] of onPage) {
      const list = heights.get(key);
      if (list) list.push(y);
      else heights.set(key, [y]);
    }
  }
  const needed = Math.max(2, Math.ceil(pageLines.length * 0.4));
  const recurring = (key: string, y: number): boolean =>
    pageLines.length >= 2 && (heights.get(key) ?? []).filter((other) => Math.abs(other - y) <= FURNITURE_DRIFT).length >= needed;
  for (const [i, lines] of pageLines.entries()) {
    const kept = lines.filter((l) => {
      const key = placeOf(l, pages[i]!);
      return key === null || !(recurring(key, l.y) || PAGE_NUMBER.test(l.text));
    });
    lines.splice(0, lines.length, ...kept);
  }
}

// ---------------------------------------------------------------------------
// Footnotes

/** The lines at the foot of a page in smaller type, from the first that starts with a number. */
function splitFootnotes(lines: Line[], bodySize: number): { body: Line[]; foot: Line[] } {
  let start = lines.length;
  while (start > 0 && lines[start - 1]!.size < bodySize * 0.9) start--;
  // The zone must open on a numbered line, or continue a note from the page before.
  while (start < lines.length && lines[start]!.note === null && start > 0) start++;
  if (start >= lines.length) return { body: lines, foot: [] };
  return { body: lines.slice(0, start), foot: lines.slice(start) };
}

// ---------------------------------------------------------------------------
// Columns and paragraphs

/** The most frequent distance between consecutive body lines. */
function lineSpacing(pageLines: Line[][], bodySize: number): number {
  const counts = new Map<number, number>();
  for (const lines of pageLines) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1]!;
      const b = lines[i]!;
      if (Math.abs(a.size - bodySize) > 0.5 || Math.abs(b.size - bodySize) > 0.5) continue;
      const gap = Math.round(a.y - b.y);
      if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
    }
  }
  // The closest spacing many lines share: paragraphs add space, lines within them do not.
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const gaps = [...counts.keys()].filter((g) => g >= bodySize * 0.8).sort((a, b) => a - b);
  for (const gap of gaps) {
    const near = (counts.get(gap) ?? 0) + (counts.get(gap + 1) ?? 0);
    if (near >= Math.max(2, total * 0.1)) return gap + ((counts.get(gap + 1) ?? 0) > (counts.get(gap) ?? 0) ? 1 : 0);
  }
  return bodySize * 1.2;
}

/**
 * Lines in reading order. A page whose lines fall on either side of an empty
 * gutter down its middle is read column by column (right first in an Arabic
 * document), full-width lines keeping their place between the column blocks.
 */
function readingOrder(lines: Line[]): Line[] {
  const gutter = findGutter(lines);
  if (!gutter) return lines;
  const rtlFirst = lines.filter((l) => ARABIC_LETTER.test(l.text)).length * 2 >= lines.length;
  for (const line of lines) {
    if (line.x1 <= gutter.x0 + 1) line.column = rtlFirst ? 2 : 1;
    else if (line.x0 >= gutter.x1 - 1) line.column = rtlFirst ? 1 : 2;
    else line.column = 0;
  }
  const out: Line[] = [];
  let block: Line[] = [];
  const flush = (): void => {
    out.push(...block.filter((l) => l.column === 1), ...block.filter((l) => l.column === 2));
    block = [];
  };
  for (const line of lines) {
    if (line.column === 0) {
      flush();
      out.push(line);
    } else block.push(line);
  }
  flush();
  return out;
}

/** An x-range in the middle of the page crossed by no line, with enough lines on each side. */
function findGutter(lines: Line[]): { x0: number; x1: number } | null {
  if (lines.length < 8) return null;
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const width = right - left;
  if (width <= 0) return null;
  // Lines crossing the middle are full-width lines; the others must leave a gap there.
  const halves = lines.filter((l) => l.x1 < left + width * 0.55 || l.x0 > left + width * 0.45);
  const leftSide = halves.filter((l) => l.x1 < left + width * 0.55);
  const rightSide = halves.filter((l) => l.x0 > left + width * 0.45);
  if (leftSide.length < 4 || rightSide.length < 4 || halves.length < lines.length * 0.6) return null;
  const x0 = Math.max(...leftSide.map((l) => l.x1));
  const x1 = Math.min(...rightSide.map((l) => l.x0));
  if (x1 - x0 < 8) return null;
  // Split runs of a line that straddles the gutter are two lines; pages rarely do this, and the lines stay whole.
  return { x0, x1 };
}

function columnMargins(lines: Line[]): Map<number, { x0: number; x1: number }> {
  const margins = new Map<number, { x0: number; x1: number }>();
  for (const line of lines) {
    const m = margins.get(line.column);
    if (!m) margins.set(line.column, { x0: line.x0, x1: line.x1 });
    else {
      m.x0 = Math.min(m.x0, line.x0);
      m.x1 = Math.max(m.x1, line.x1);
    }
  }
  return margins;
}

/**
 * Did the text wrap from one line into the next? The room the line leaves
 * free in its column (on whichever side its alignment puts it) is too small
 * for the next line's first word: a typesetter would have put the word there
 * otherwise. A line that stops short, or a centred one, ends a line of its own.
 */
function wrapsInto(line: Line, next: Line, margin: { x0: number; x1: number }, rtl: boolean): boolean {
  const free = margin.x1 - margin.x0 - (line.x1 - line.x0);
  return free < firstWord(next, rtl) + line.size * 0.6;
}

/** Width of a line's first word: its first run in reading order (runs end at spaces). */
function firstWord(line: Line, rtl: boolean): number {
  const runs = line.runs.filter((r) => !r.superscript);
  if (runs.length === 0) return 0;
  const first = runs.reduce((a, b) => (rtl ? (b.x + b.width > a.x + a.width ? b : a) : b.x < a.x ? b : a));
  return first.width;
}
