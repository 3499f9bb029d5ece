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
  /** For footnote lines: the number the line starts with, and the text after it (a line that stays in the body keeps its number). */
  note: number | null;
  noteText?: string;
  /** The column the line stands in (0 full width, 1 first read, 2 second read). */
  column: number;
  /** Width of the line's first word in reading order. */
  firstWord: number;
  /** The text read as the continuation of a Latin word (when that reads otherwise: see logicalOrder). */
  afterLatin?: string;
}

const ARABIC_LETTER = /[\u0621-\u064a\u0671-\u06d3\u06fa-\u06fc\ufb50-\ufdff\ufe70-\ufefc]/;
const LATIN_OR_DIGIT = /[A-Za-z0-9\u00c0-\u024f]/;
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/g;
const LATIN_LETTER_ONE = /[A-Za-z\u00c0-\u024f]/;
/** Arabic letters, and their presentation forms (what some producers map glyphs to). */
const ARABIC_LETTERS = /[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]/g;
const DIGITS_ONLY = /^\s*([0-9\u0660-\u0669\u06f0-\u06f9]{1,3})\s*$/;
const LEADING_NUMBER = /^\s*\(?([0-9\u0660-\u0669\u06f0-\u06f9]{1,3})\)?(?:\s+|(?=[^\s0-9\u0660-\u0669\u06f0-\u06f9.,/-]))/;
const BLOCK_OPENING =
  /^(?:[-–—•·*]\s*)?(?:[0-9\u0660-\u0669]{1,3}\s*[-–—.)]|\(\s*(?:[0-9\u0660-\u0669]{1,3}|[a-zA-Z]{1,4}|[\u0621-\u064a]{1,3})\s*\)|[-–—•·](?:\s|$))/;
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
      if (line.note !== null || notes.length === 0) notes.push({ n: line.note ?? 0, text: line.noteText ?? line.text });
      else notes[notes.length - 1]!.text += ` ${line.text}`;
    }
    const ordered = readingOrder(body);
    const margins = columnMargins(ordered);
    let previous: Line | null = null;
    for (const line of ordered) {
      const wrapped = lastLine !== null && wrapsInto(lastLine, line, margins.get(lastLine.column) ?? lastMargin!);
      // A line that runs on from a Latin word reads its opening number with that word.
      if (wrapped && line.afterLatin !== undefined && lastLetterIsLatin(current)) line.text = line.afterLatin;
      if (current === '') current = line.text;
      else if (previous === null) {
        // First line of a page: the paragraph runs on if the last line of the page before was wrapped.
        current = wrapped ? joinAcrossBreak(current, line.text) : (paragraphs.push(current), line.text);
      } else if (previous.column !== line.column || previous.y - line.y > spacing * 1.25 || previous.y < line.y) {
        if (wrapped && previous.column !== line.column) current = joinAcrossBreak(current, line.text);
        else {
          paragraphs.push(current);
          current = line.text;
        }
      } else current = wrapped && !opensBlock(line.text) ? joinWrapped(current, line.text) : `${current}\n${line.text}`;
      previous = line;
      lastLine = line;
      lastMargin = margins.get(line.column)!;
    }
  }
  if (current !== '') paragraphs.push(current);
  for (const note of notes) paragraphs.push(note.n > 0 ? `(${note.n}) ${note.text}` : note.text);
  return paragraphs.map(tidy).filter((p) => p !== '').join('\n\n') + '\n';
}

/** Is the last letter of the text (digits and punctuation aside) a Latin one? */
function lastLetterIsLatin(text: string): boolean {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i]!;
    if (LATIN_LETTER_ONE.test(c)) return true;
    if (/\p{L}/u.test(c)) return false;
  }
  return false;
}

function tidy(text: string): string {
  return unmirrorBrackets(unmirrorBrackets(text, '(', ')'), '[', ']')
    .split('\n')
    .map((line) => line.replace(SPACE_BEFORE_MARK, '').replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * A bracket drawn mirrored (a closing bracket set in a right-to-left run, or
 * the reverse) can carry its mirror's code, so that a pair reads inside out:
 * ")Strasbourg, 2009(". A closing bracket that no opening one precedes, which
 * starts a word, followed by an opening bracket that no closing one follows,
 * which ends a word, are such a pair: both are turned round. One pass.
 */
function unmirrorBrackets(text: string, open: string, close: string): string {
  if (!text.includes(open) || !text.includes(close)) return text;
  // Unmatched brackets, in order: at depth > 0 the last one is the opening bracket a closing one matches.
  const unmatched: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === open) {
      unmatched.push(i);
      depth++;
    } else if (c === close) {
      if (depth > 0) {
        unmatched.pop();
        depth--;
      } else unmatched.push(i);
    }
  }
  if (unmatched.length < 2) return text;
  const word = /[\p{L}\p{N}]/u;
  let changed = false;
  const units = text.split('');
  for (let k = 0; k + 1 < unmatched.length; k++) {
    const c = unmatched[k]!;
    const o = unmatched[k + 1]!;
    if (units[c] !== close || units[o] !== open) continue;
    // Before it: a space, the start, or an Arabic letter (no closing bracket follows a letter of the
    // word it closes and opens another: "العاشرة)الكويت" is "العاشرة (الكويت" with its space squeezed).
    const afterArabic = c > 0 && ARABIC_LETTER.test(units[c - 1]!);
    const startsWord = (c === 0 || /\s/.test(units[c - 1]!) || afterArabic) && word.test(units[c + 1] ?? '');
    const endsWord = o > 0 && !/\s/.test(units[o - 1]!) && (o + 1 === units.length || !word.test(units[o + 1]!));
    if (!startsWord || !endsWord) continue;
    units[c] = afterArabic ? ` ${open}` : open;
    units[o] = close;
    changed = true;
    k++;
  }
  return changed ? units.join('') : text;
}

/**
 * A wrapped line joins the next with a space, but where the line was broken
 * inside a word: after a hyphen that ends a word (no space: the hyphen is kept
 * in a compound, a number, an address or an Arabic word, "جمهورية-\nالإسلامية",
 * and dropped where it split a plain Latin word, "inter-\nnational"); after a
 * slash that ends a word ("treaties/\nCTOC", "الأول/\nأكتوبر"); after an
 * opening bracket or quotation mark.
 */
function joinWrapped(before: string, after: string): string {
  if (brokenInWord(before, after)) {
    if (!before.endsWith('-')) return before + after;
    const word = before.slice(before.lastIndexOf(' ') + 1, -1);
    const plainLatin = /^[A-Za-z]+$/.test(word) && /^[a-z]/.test(after);
    return plainLatin ? before.slice(0, -1) + after : before + after;
  }
  return `${before} ${after}`;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Does the line end inside a word: a hyphen or slash right after a letter or digit, or an opening bracket? */
function brokenInWord(before: string, after: string): boolean {
  if (/[([{«“‘]$/.test(before)) return true;
  const last = before.at(-1);
  if ((last === '-' || last === '/') && WORD_CHAR.test(before.at(-2) ?? '')) return WORD_CHAR.test(after[0] ?? '');
  return false;
}

/**
 * Across a page or column break the layout cannot tell a wrapped line from a
 * new line that opens with a heading or a number (the line before may have
 * filled its measure by chance): the line break stays, and the structure
 * stage, which knows headings and numbering sequences, decides. A line that
 * ends inside a word is still joined.
 */
function joinAcrossBreak(before: string, after: string): string {
  if (brokenInWord(before, after)) return joinWrapped(before, after);
  return `${before}\n${after}`;
}

/**
 * A line that opens the way a numbered paragraph, a lettered item or a bullet
 * does ("12 -", "- 3 -", "(b)", "(ج)", "•"). A full line before it may have
 * been ended by hand rather than wrapped: the break is kept for the structure
 * stage, which knows the numbering sequence.
 */
function opensBlock(text: string): boolean {
  return BLOCK_OPENING.test(text);
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
  const groups = baselines(runs);
  const gutter = findGutter(groups, bodySize);
  if (!gutter) return withMarkers(groups).flatMap(splitBySize).map((group) => makeLine(group, rtl, bodySize));
  // Two columns: a baseline with a run across the gutter is a full-width line; the others are cut
  // at the gutter, and each column's lines are made on their own (markers stay in their column).
  const rtlFirst = runs.filter((r) => ARABIC_LETTER.test(r.text)).length * 2 >= runs.length;
  const crosses = (r: Run): boolean => r.x < gutter.x1 - 1 && r.x + r.width > gutter.x0 + 1;
  const full: Run[] = [];
  const left: Run[] = [];
  const right: Run[] = [];
  for (const group of groups) {
    if (group.some(crosses)) full.push(...group);
    else for (const r of group) (r.x + r.width / 2 < (gutter.x0 + gutter.x1) / 2 ? left : right).push(r);
  }
  const lines: Line[] = [];
  for (const [part, column] of [
    [full, 0],
    [left, rtlFirst ? 2 : 1],
    [right, rtlFirst ? 1 : 2],
  ] as const) {
    for (const group of withMarkers(baselines(part))) lines.push({ ...makeLine(group, rtl, bodySize), column });
  }
  // Top to bottom, as one column would give them (the reading order is made later).
  return lines.sort((a, b) => b.y - a.y);
}

/** Runs grouped by baseline, top to bottom; runs within a fraction of their size share a line. */
function baselines(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const run of sorted) {
    const group = groups.at(-1);
    const head = group?.[0];
    if (group && head && Math.abs(head.y - run.y) <= 0.3 * Math.max(head.size, run.size)) group.push(run);
    else groups.push([run]);
  }
  return groups;
}

/** Footnote markers: small digits raised above a line, or inside it, go with that line's runs. */
function withMarkers(groups: Run[][]): Run[][] {
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
  // Digits set smaller and raised inside a line are markers too, unless words of their own size and
  // baseline stand beside them (a line of smaller type sharing a baseline band with larger type, as
  // in a masthead: "7 December 2017" beside the organ's name).
  for (const group of merged) {
    const size = Math.max(...group.map((r) => r.size));
    const base = group.find((r) => r.size === size)!.y;
    const inItsOwnLine = (r: Run): boolean =>
      group.some((o) => o !== r && /\p{L}/u.test(o.text) && Math.abs(o.size - r.size) <= 0.15 * r.size && Math.abs(o.y - r.y) <= 0.1 * r.size && gapBetween(o, r) <= 0.6 * r.size);
    for (const r of group) if (r.size < size * 0.85 && r.y - base > size * 0.15 && DIGITS_ONLY.test(r.text) && !inItsOwnLine(r)) r.superscript = true;
  }
  return merged;
}

/** How wide a gap (in type sizes) parts of a baseline band in different sizes must leave to be lines of their own. */
const SIZE_SPLIT_GAP = 2;
/** How much larger one part's type must be than the other's. */
const SIZE_SPLIT_RATIO = 1.3;

/**
 * A baseline band holding two blocks side by side in clearly different type
 * sizes, far apart (a masthead: the organ's name in large Arabic type on the
 * right, "7 December 2017" in small Latin type on the left), is two lines:
 * each is ordered on its own (the Latin one left to right). Right first.
 */
function splitBySize(group: Run[]): Run[][] {
  if (group.length < 2) return [group];
  const sorted = [...group].sort((a, b) => a.x - b.x);
  const clusters: Run[][] = [[sorted[0]!]];
  for (const r of sorted.slice(1)) {
    const cluster = clusters.at(-1)!;
    const right = Math.max(...cluster.map((c) => c.x + c.width));
    const size = Math.max(r.size, ...cluster.map((c) => c.size));
    if (r.x - right > SIZE_SPLIT_GAP * size) clusters.push([r]);
    else cluster.push(r);
  }
  if (clusters.length < 2) return [group];
  const sizeOf = (c: Run[]): number => Math.max(...c.filter((r) => !r.superscript).map((r) => r.size), 0);
  // Only where neighbouring blocks differ in size: a gap between words of one size is a tab or a column.
  const out: Run[][] = [clusters[0]!];
  for (const c of clusters.slice(1)) {
    const last = out.at(-1)!;
    const [a, b] = [sizeOf(last), sizeOf(c)];
    if (a > 0 && b > 0 && Math.max(a, b) >= SIZE_SPLIT_RATIO * Math.min(a, b)) out.push(c);
    else last.push(...c);
  }
  return out.length < 2 ? [group] : out.reverse();
}

/**
 * A glyph from another font (a fallback for "/" or ".") drawn inside a run's
 * box: pdf.js gives the run with a space where the glyph stands and the glyph
 * as a run of its own. It goes back in its place.
 */
/** How many runs starting before a small one are tried as its holder, and how many glyphs one run takes back. */
const HOLDER_REACH = 8;
const MAX_SPLICES = 16;

function spliceInnerRuns(runs: Run[]): Run[] {
  const small = (r: Run): boolean => r.text.trim().length > 0 && r.text.trim().length <= 2 && !/[\p{L}\p{N}]/u.test(r.text);
  const inner = (r: Run, o: Run): boolean =>
    r !== o && o.text.trim().length > r.text.trim().length && r.x >= o.x - 0.5 && r.x + r.width <= o.x + o.width + 0.5 && !o.superscript;
  // Runs that may hold another, by left edge: a small run's holder is among the few that start just before it.
  const holders = runs.filter((o) => !o.superscript && o.text.trim().length > 1).sort((a, b) => a.x - b.x);
  const splices = new Map<Run, number>();
  const dropped = new Set<Run>();
  for (const r of runs) {
    if (!small(r)) continue;
    let lo = 0;
    let hi = holders.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (holders[mid]!.x <= r.x + 0.5) lo = mid + 1;
      else hi = mid;
    }
    let outer: Run | undefined;
    for (let k = lo - 1; k >= Math.max(0, lo - HOLDER_REACH) && !outer; k--) {
      const o = holders[k]!;
      if (!dropped.has(o) && inner(r, o) && (splices.get(o) ?? 0) < MAX_SPLICES) outer = o;
    }
    if (!outer) continue;
    splices.set(outer, (splices.get(outer) ?? 0) + 1);
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
  const ordered = logicalOrder(runs, rtl, false);
  const x0 = Math.min(...runs.map((r) => r.x));
  const x1 = Math.max(...runs.map((r) => r.x + r.width));
  const { text, note: raisedNote } = compose(ordered, size, bodySize);
  let note = raisedNote;
  let noteText: string | undefined;
  // Read again as the continuation of a line that ended in a Latin word (only kept when it reads otherwise).
  let afterLatin: string | undefined;
  if (rtl && note === null && size >= bodySize * 0.9) {
    const again = compose(logicalOrder(runs, rtl, true), size, bodySize).text;
    if (again !== text) afterLatin = again;
  }
  // The first word: the first run in reading order, with the runs that touch it.
  let firstWord = 0;
  for (const [i, { run, gap }] of ordered.filter((p) => !p.run.superscript).entries()) {
    if (i > 0 && gap > 0.2 * run.size) break;
    firstWord += run.width;
  }
  if (note === null && size < bodySize * 0.9) {
    const lead = LEADING_NUMBER.exec(text);
    if (lead) {
      note = Number(lead[1]!.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)));
      noteText = text.slice(lead[0].length);
    }
  }
  return { runs, y, size, x0, x1, text, note, noteText, column: 0, firstWord, afterLatin };
}

/** The text of a line's runs in reading order: a space where the drawn gap is one; raised digits as markers. */
function compose(ordered: Placed[], size: number, bodySize: number): { text: string; note: number | null } {
  let note: number | null = null;
  let text = '';
  let previous: Run | null = null;
  for (const { run, gap } of ordered) {
    const digits = run.superscript ? DIGITS_ONLY.exec(run.text)?.[1] : undefined;
    let piece: string;
    if (digits !== undefined && text.trim() === '' && size < bodySize * 0.9) {
      // A raised number opening a line of small type: the number of a footnote.
      note = Number(digits.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)));
      piece = '';
    } else if (digits !== undefined) piece = `^(${digits})`;
    else piece = run.text;
    const punctuation = !/[\p{L}\p{N}]/u.test(run.text) || !/[\p{L}\p{N}]/u.test(previous?.text ?? '');
    // Two runs of Arabic letters in one type: the glyph reader joins the letters of a word into one
    // run, so what parts them is a space (justified lines squeeze it to a sliver).
    const arabicPair = previous !== null && ARABIC_LETTER.test(run.text) && ARABIC_LETTER.test(previous.text) && Math.abs(previous.size - run.size) <= 0.05 * run.size;
    const threshold = arabicPair ? ARABIC_WORD_GAP : punctuation ? 0.25 : 0.2;
    if (previous && piece !== '' && !/\s$/.test(text) && !/^\s/.test(piece) && !piece.startsWith('^(') && gap > threshold * run.size) {
      text += ' ';
    }
    text += piece;
    previous = run;
  }
  return { text: text.replace(/\s+/g, ' ').trim(), note };
}

/** Horizontal distance between two runs' boxes (negative when they overlap). */
function gapBetween(a: Run, b: Run): number {
  return Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width);
}

/**
 * A line of Latin letters (no Arabic) in a right-to-left document: producers
 * write its runs in reading order, but for the punctuation after its last
 * word, which belongs to the right-to-left paragraph around it and is written
 * as drawn, left to right ("(CTOC/COP/WG.4/2021/2)؛" is written "... ؛)"): that
 * tail is read right to left. The space before a run is the gap to its
 * nearest neighbour on the line as drawn (its neighbour in reading order may
 * be drawn at the other end).
 */
function writtenOrder(runs: Run[]): Placed[] {
  const written = [...runs].sort((a, b) => a.order - b.order);
  let tail = written.length;
  while (tail > 0 && classOf(written[tail - 1]!) === 'N') tail--;
  const ordered = [...written.slice(0, tail), ...written.slice(tail).sort((a, b) => b.x + b.width - (a.x + a.width))];
  const visual = [...runs].sort((a, b) => a.x - b.x);
  const at = new Map(visual.map((r, i) => [r, i]));
  return ordered.map((run, i) => {
    if (i === 0) return { run, gap: 0 };
    const previous = ordered[i - 1]!;
    const k = at.get(run)!;
    if (Math.abs(k - at.get(previous)!) === 1) return { run, gap: gapBetween(previous, run) };
    const near = [visual[k - 1], visual[k + 1]].filter((r): r is Run => r !== undefined).map((r) => gapBetween(r, run));
    return { run, gap: Math.min(...near) };
  });
}

/** A run in reading order, with the visual gap that stands for the space before it (if any). */
interface Placed {
  run: Run;
  gap: number;
}

/** Bidirectional classes of runs, as far as reordering a drawn line needs them. */
type RunClass = 'R' | 'L' | 'EN' | 'N' | 'other';

function classOf(r: Run): RunClass {
  if (r.superscript) return 'other';
  if (ARABIC_LETTER.test(r.text)) return 'R';
  if (LATIN_LETTER_ONE.test(r.text)) return 'L';
  if (/[0-9]/.test(r.text) && !/[\u0660-\u0669\u06f0-\u06f9]/.test(r.text)) return 'EN';
  if (!/[\p{L}\p{N}]/u.test(r.text)) return 'N';
  return 'other';
}

/** The least gap (in type sizes) between two runs of Arabic letters that reads as a space. */
const ARABIC_WORD_GAP = 0.05;
/** A separator that joins two numbers it touches into one (European and common separators). */
const NUMBER_SEPARATOR = /^[-\u2010-\u2013/.,:]$/;
const ROUND = /[()]/g;
const SQUARE = /[[\]]/g;
const QUOTE = /["\u201c\u201d]/g;

/** A bracket or quotation mark (either way round: a drawn bracket may carry its mirror's code). */
function pairKind(text: string): RegExp | null {
  const t = text.trim();
  if (t.length !== 1) return null;
  if (/[()]/.test(t)) return ROUND;
  if (/[[\]]/.test(t)) return SQUARE;
  if (/["\u201c\u201d]/.test(t)) return QUOTE;
  return null;
}

/**
 * Runs of one line in reading order. A line of a right-to-left document is
 * read right to left, but for its left-to-right blocks, read left to right:
 * the inverse of the bidirectional algorithm, as far as a drawn line allows.
 * A block runs from Latin word to Latin word over what lies between them;
 * digits to the right of its last Latin word (after it, in reading order)
 * belong to it ("Liberi (2018-2025)", "No. 39574."); so does punctuation that
 * touches its right end, and a bracket or quotation mark touching either end
 * whose partner is inside. Digits that stand alone are units of their own
 * ("31 / 52" is drawn "52 / 31" in an Arabic line). The paragraph's text
 * before the line counts (latinBefore: it ended in a Latin word). A left-to-right document
 * reads its lines left to right.
 */
function logicalOrder(runs: Run[], rtl: boolean, latinBefore: boolean): Placed[] {
  if (!rtl) {
    const sorted = [...runs].sort((a, b) => a.x - b.x);
    return sorted.map((run, i) => ({ run, gap: i === 0 ? 0 : gapBetween(sorted[i - 1]!, run) }));
  }
  if (!runs.some((r) => ARABIC_LETTER.test(r.text)) && runs.some((r) => LATIN_LETTER_ONE.test(r.text))) return writtenOrder(runs);
  const visual = [...runs].sort((a, b) => b.x + b.width - (a.x + a.width));
  const n = visual.length;
  const cls = visual.map(classOf);
  const touching = (a: Run, b: Run): boolean => gapBetween(a, b) <= 0.15 * Math.max(a.size, b.size);
  /** Blocks as [rightmost, leftmost] indexes into the visual order. */
  const blockEnd = new Map<number, number>();
  const firstArabic = cls.indexOf('R');
  let previousEnd = -1;
  let i = 0;
  while (i < n) {
    if (cls[i] !== 'L') {
      i++;
      continue;
    }
    let left = i;
    for (let j = i + 1; j < n && (cls[j] === 'L' || cls[j] === 'N' || cls[j] === 'EN'); j++) if (cls[j] === 'L') left = j;
    let right = i;
    for (let k = i - 1; k > previousEnd && (cls[k] === 'N' || cls[k] === 'EN'); k--) {
      if (cls[k] !== 'EN') continue;
      // Only between the block and Arabic text, or at the start of a line that continues a Latin one: a
      // number opening a line otherwise reads first ("(3) CT0C/COP/2010/5").
      if (latinBefore || (firstArabic >= 0 && firstArabic < k)) right = k;
      break;
    }
    // Brackets and quotation marks inside the block, by kind, kept up to date as it grows.
    const marks = new Map<RegExp, number>();
    const count = (r: Run): void => {
      for (const kind of [ROUND, SQUARE, QUOTE]) marks.set(kind, (marks.get(kind) ?? 0) + (r.text.match(kind)?.length ?? 0));
    };
    for (let k = right; k <= left; k++) count(visual[k]!);
    const waiting = (kind: RegExp): boolean => (marks.get(kind) ?? 0) % 2 === 1;
    // Punctuation touching the right end (the end in reading order); brackets only with their partner inside.
    while (right - 1 > previousEnd && cls[right - 1] === 'N' && touching(visual[right - 1]!, visual[right]!)) {
      const kind = pairKind(visual[right - 1]!.text);
      if (kind && !waiting(kind)) break;
      right--;
      count(visual[right]!);
    }
    while (left + 1 < n && cls[left + 1] === 'N' && touching(visual[left]!, visual[left + 1]!)) {
      const kind = pairKind(visual[left + 1]!.text);
      if (!kind || !waiting(kind)) break;
      left++;
      count(visual[left]!);
    }
    blockEnd.set(right, left);
    previousEnd = left;
    i = left + 1;
  }
  // Numbers joined by one separator they touch ("2018-2019", "30/3", "1.5") are one number, read
  // left to right, as the bidirectional algorithm reads them (a number drawn in pieces is put back).
  const covered = new Set<number>();
  for (const [right, left] of blockEnd) for (let k = right; k <= left; k++) covered.add(k);
  for (let k = 0; k < n; k++) {
    if (covered.has(k) || cls[k] !== 'EN') continue;
    let left = k;
    while (
      left + 2 < n &&
      !covered.has(left + 1) &&
      !covered.has(left + 2) &&
      cls[left + 1] === 'N' &&
      NUMBER_SEPARATOR.test(visual[left + 1]!.text) &&
      cls[left + 2] === 'EN' &&
      touching(visual[left]!, visual[left + 1]!) &&
      touching(visual[left + 1]!, visual[left + 2]!)
    )
      left += 2;
    if (left === k) continue;
    blockEnd.set(k, left);
    for (let m = k; m <= left; m++) covered.add(m);
    k = left;
  }
  const out: Placed[] = [];
  let previousLeft: Run | null = null;
  for (let k = 0; k < n; k++) {
    const end = blockEnd.get(k);
    if (end === undefined) {
      out.push({ run: visual[k]!, gap: previousLeft ? gapBetween(previousLeft, visual[k]!) : 0 });
      previousLeft = visual[k]!;
      continue;
    }
    for (let m = end; m >= k; m--) {
      const gap = m === end ? (previousLeft ? gapBetween(previousLeft, visual[k]!) : 0) : gapBetween(visual[m + 1]!, visual[m]!);
      out.push({ run: visual[m]!, gap });
    }
    previousLeft = visual[end]!;
    k = end;
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
    // Consecutive lines of one column.
    const last = new Map<number, Line>();
    for (const b of lines) {
      const a = last.get(b.column);
      last.set(b.column, b);
      if (!a) continue;
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
 * Lines in reading order. On a page set in two columns (see linesOf) each
 * column is read in turn (right first in an Arabic document), full-width
 * lines keeping their place between the column blocks.
 */
function readingOrder(lines: Line[]): Line[] {
  if (lines.every((l) => l.column === 0)) return lines;
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

/**
 * A gutter: an x-range in the middle of the text that the runs of (nearly)
 * no baseline cross, with enough baselines wholly on each side of it. Found
 * from the runs, before lines are made: a baseline shared by both columns
 * holds two lines.
 */
function findGutter(groups: Run[][], bodySize: number): { x0: number; x1: number } | null {
  if (groups.length < 8) return null;
  let left = Infinity;
  let right = -Infinity;
  for (const g of groups) {
    for (const r of g) {
      left = Math.min(left, r.x);
      right = Math.max(right, r.x + r.width);
    }
  }
  const width = right - left;
  if (!(width > 0)) return null;
  // How many baselines cover each point-wide slice of the middle half (a difference array: linear).
  const from = Math.floor(left + width * 0.25);
  const to = Math.ceil(left + width * 0.75);
  const bins = new Int32Array(to - from + 2);
  for (const g of groups) {
    for (const r of g) {
      const a = Math.max(from, Math.floor(r.x)) - from;
      const b = Math.min(to, Math.ceil(r.x + r.width)) - from;
      if (b <= a) continue;
      bins[a]! += 1;
      bins[b]! -= 1;
    }
  }
  const allowed = Math.floor(groups.length * 0.1);
  let best: { x0: number; x1: number } | null = null;
  let covered = 0;
  let start = -1;
  for (let i = 0; i <= to - from; i++) {
    covered += bins[i]!;
    const open = covered <= allowed && i < to - from;
    if (open && start < 0) start = i;
    if (!open && start >= 0) {
      if (!best || i - start > best.x1 - best.x0) best = { x0: from + start, x1: from + i };
      start = -1;
    }
  }
  if (!best) return null;
  // The gutter is as wide as the columns' nearest edges leave it (a few lines across it allowed for).
  const centre = (best.x0 + best.x1) / 2;
  const gutter = { x0: -Infinity, x1: Infinity };
  for (const g of groups) {
    for (const r of g) {
      if (r.x + r.width <= centre) gutter.x0 = Math.max(gutter.x0, r.x + r.width);
      else if (r.x >= centre) gutter.x1 = Math.min(gutter.x1, r.x);
    }
  }
  if (!(gutter.x1 - gutter.x0 >= Math.max(8, bodySize * 0.8))) return null;
  const leftSide = groups.filter((g) => g.some((r) => r.x + r.width <= gutter.x0 + 1)).length;
  const rightSide = groups.filter((g) => g.some((r) => r.x >= gutter.x1 - 1)).length;
  const split = groups.filter((g) => g.every((r) => r.x + r.width <= gutter.x0 + 1 || r.x >= gutter.x1 - 1)).length;
  if (leftSide < 4 || rightSide < 4 || split < groups.length * 0.6) return null;
  return gutter;
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
function wrapsInto(line: Line, next: Line, margin: { x0: number; x1: number }): boolean {
  const free = margin.x1 - margin.x0 - (line.x1 - line.x0);
  return free < next.firstWord + line.size * 0.6;
}

