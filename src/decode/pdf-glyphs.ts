// The glyphs of one PDF page with their positions, read from pdf.js's
// operator list: pdf.js parses the content stream and the fonts (with their
// ToUnicode maps); the text state (text matrix, font size, spacing, rise) is
// followed here the way a PDF viewer does. Working from glyphs, not from
// pdf.js's text runs, keeps what its runs lose for Arabic: a ligature glyph's
// characters (lam-alef) stay in order, no space is guessed inside a word from
// a kerning gap, and bold type is known from the font.
// Then glyphs are grouped into runs (what the layout reads): stretches of one
// script in one type, cut at spaces, each in logical order.

import type { TextRun } from './pdf-layout.js';
import { HEH, HEH_DOACHASHMEE_FORMS } from '../text/letters.js';

type Matrix = [number, number, number, number, number, number];

interface Glyph {
  text: string;
  /** Origin on the page, in points. */
  x: number;
  y: number;
  /** Advance, in points on the page. */
  width: number;
  size: number;
  bold: boolean;
  space: boolean;
}

interface PdfGlyph {
  unicode: string;
  originalCharCode?: number;
  width: number;
  isSpace: boolean;
}

interface FontObject {
  fontMatrix?: number[];
  composite?: boolean;
  /** pdf.js's ToUnicode map (its internal array form, when that is what it holds). */
  toUnicode?: { _map?: unknown };
  name?: string;
  bold?: boolean;
  black?: boolean;
  isType3Font?: boolean;
  vertical?: boolean;
}

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[][];
}

/** The numbers pdf.js gives the operators this reader follows (its OPS table). */
export interface Ops {
  save: number;
  restore: number;
  transform: number;
  beginText: number;
  setFont: number;
  setTextMatrix: number;
  moveText: number;
  setLeadingMoveText: number;
  setLeading: number;
  nextLine: number;
  setCharSpacing: number;
  setWordSpacing: number;
  setHScale: number;
  setTextRise: number;
  showText: number;
  showSpacedText: number;
  nextLineShowText: number;
  nextLineSetSpacingShowText: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  beginMarkedContent: number;
  beginMarkedContentProps: number;
  endMarkedContent: number;
}

/** The ActualText the file gives for a marked-content span showing these character codes, if any. */
export type ActualTextOf = (codes: number[]) => string | null;

interface TextState {
  ctm: Matrix;
  textMatrix: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
  font: FontObject | null;
  fontSize: number;
  fontDirection: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 then m2 (PDF row-vector convention). */
function multiply(m1: readonly number[], m2: readonly number[]): Matrix {
  const [a1 = 1, b1 = 0, c1 = 0, d1 = 1, e1 = 0, f1 = 0] = m1;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = m2;
  return [a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2, e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2];
}

/** A matrix as pdf.js passes it: an array or a typed array. */
function matrixArg(value: unknown): number[] | null {
  if (value !== null && typeof value === 'object' && 'length' in value && (value as ArrayLike<number>).length >= 6) {
    return Array.from(value as ArrayLike<number>, Number);
  }
  return null;
}

const BOLD_NAME = /bold|black|heavy|semibold|demi/i;

export function glyphsOfPage(list: OperatorList, ops: Ops, fontOf: (name: string) => FontObject | null, actualTextOf: ActualTextOf = () => null): Glyph[] {
  const glyphs: Glyph[] = [];
  // Word marks its right-to-left runs "TagSuspect"; its digit maps are checked only on such pages.
  const wordRtl = list.fnArray.some((fn, i) => fn === ops.beginMarkedContentProps && (list.argsArray[i] ?? [])[0] === 'TagSuspect');
  const digitFixes = new Map<FontObject, Map<number, string> | null>();
  /** Open marked content: where its glyphs start, and the codes it shows (null for a level that cannot carry ActualText). */
  const marked: Array<{ start: number; codes: number[] | null }> = [];
  let state: TextState = {
    ctm: IDENTITY,
    textMatrix: IDENTITY,
    x: 0,
    y: 0,
    lineX: 0,
    lineY: 0,
    font: null,
    fontSize: 0,
    fontDirection: 1,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
  };
  const stack: TextState[] = [];
  const moveText = (x: number, y: number): void => {
    state.x = state.lineX += x;
    state.y = state.lineY += y;
  };
  const showText = (items: unknown[]): void => {
    const font = state.font;
    if (!font || state.fontSize === 0 || font.vertical) return;
    const fontMatrix = font.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0];
    const widthScale = state.fontSize * (fontMatrix[0] ?? 0.001);
    const hScale = state.hScale * state.fontDirection;
    const toPage = multiply(state.textMatrix, state.ctm);
    const scaleX = Math.hypot(toPage[0], toPage[1]);
    const scaleY = Math.hypot(toPage[2], toPage[3]);
    // Rotated text (margin notes, stamps) is not the document's running text.
    const upright = Math.abs(toPage[1]) < 0.01 * scaleX && Math.abs(toPage[2]) < 0.01 * scaleY && toPage[0] > 0 && toPage[3] > 0;
    const bold = font.bold === true || font.black === true || BOLD_NAME.test(font.name ?? '');
    let digitFix = digitFixes.get(font);
    if (digitFix === undefined) digitFixes.set(font, (digitFix = wordRtl ? permutedDigits(font) : null));
    let x = 0;
    for (const item of items) {
      if (typeof item === 'number') {
        x -= (item * state.fontSize) / 1000;
        continue;
      }
      if (item === null || typeof item !== 'object') continue;
      const glyph = item as PdfGlyph;
      if (typeof glyph.originalCharCode === 'number') for (const level of marked) level.codes?.push(glyph.originalCharCode);
      const advance = glyph.width * widthScale;
      const spacing = (glyph.isSpace ? state.wordSpacing : 0) + state.charSpacing;
      if (upright && typeof glyph.unicode === 'string' && glyph.unicode !== '') {
        const text = (digitFix && typeof glyph.originalCharCode === 'number' && digitFix.get(glyph.originalCharCode)) || glyph.unicode.replace(HEH_DOACHASHMEE_GLYPHS, HEH);
        const tx = state.x + x * hScale;
        const ty = state.y + state.rise;
        glyphs.push({
          text,
          x: toPage[0] * tx + toPage[2] * ty + toPage[4],
          y: toPage[1] * tx + toPage[3] * ty + toPage[5],
          width: Math.abs(advance * hScale * scaleX),
          size: state.fontSize * scaleY,
          bold,
          space: glyph.unicode.trim() === '',
        });
      }
      x += advance + spacing * state.fontDirection;
    }
    state.x += x * hScale;
  };

  const { fnArray, argsArray } = list;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = (argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case ops.save:
        stack.push({ ...state });
        break;
      case ops.restore:
        state = stack.pop() ?? state;
        break;
      case ops.transform:
        state.ctm = multiply(matrixArg(args[0]) ?? (args as number[]), state.ctm);
        break;
      case ops.paintFormXObjectBegin: {
        stack.push({ ...state });
        const m = matrixArg(args[0]);
        if (m) state.ctm = multiply(m, state.ctm);
        break;
      }
      case ops.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case ops.beginText:
        state.textMatrix = IDENTITY;
        state.x = state.lineX = state.y = state.lineY = 0;
        break;
      case ops.setFont: {
        state.font = fontOf(String(args[0]));
        const size = Number(args[1]) || 0;
        state.fontDirection = size < 0 ? -1 : 1;
        state.fontSize = Math.abs(size);
        break;
      }
      case ops.setTextMatrix: {
        const m = matrixArg(args[0]) ?? (args as number[]);
        state.textMatrix = [m[0] ?? 1, m[1] ?? 0, m[2] ?? 0, m[3] ?? 1, m[4] ?? 0, m[5] ?? 0];
        state.x = state.lineX = state.y = state.lineY = 0;
        break;
      }
      case ops.moveText:
        moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case ops.setLeadingMoveText:
        state.leading = Number(args[1]) || 0;
        moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case ops.setLeading:
        state.leading = -(Number(args[0]) || 0);
        break;
      case ops.nextLine:
        moveText(0, state.leading);
        break;
      case ops.setCharSpacing:
        state.charSpacing = Number(args[0]) || 0;
        break;
      case ops.setWordSpacing:
        state.wordSpacing = Number(args[0]) || 0;
        break;
      case ops.setHScale:
        state.hScale = (Number(args[0]) || 100) / 100;
        break;
      case ops.setTextRise:
        state.rise = Number(args[0]) || 0;
        break;
      case ops.showText:
      case ops.showSpacedText:
        if (Array.isArray(args[0])) showText(args[0]);
        break;
      case ops.nextLineShowText:
        moveText(0, state.leading);
        if (Array.isArray(args[0])) showText(args[0]);
        break;
      case ops.beginMarkedContent:
        marked.push({ start: glyphs.length, codes: null });
        break;
      case ops.beginMarkedContentProps:
        // pdf.js passes the tag and the MCID, not the properties; optional content ("OC") has no text.
        marked.push({ start: glyphs.length, codes: args[0] === 'OC' ? null : [] });
        break;
      case ops.endMarkedContent: {
        const level = marked.pop();
        if (!level?.codes || level.codes.length === 0) break;
        const text = actualTextOf(level.codes);
        if (text !== null && level.start < glyphs.length) {
          // Replaced in place: the cost is the span's, not the page's (a page may hold thousands of spans).
          const replacement = glyphsOfActualText(glyphs.slice(level.start), text);
          glyphs.length = level.start;
          for (const glyph of replacement) glyphs.push(glyph);
        }
        break;
      }
      case ops.nextLineSetSpacingShowText:
        state.wordSpacing = Number(args[0]) || 0;
        state.charSpacing = Number(args[1]) || 0;
        moveText(0, state.leading);
        if (Array.isArray(args[2])) showText(args[2]);
        break;
    }
  }
  return attachMarks(dropCodelessMarks(glyphs));
}

/** Heh doachashmee's presentation forms, read as heh (src/text/letters.ts says why). */
const HEH_DOACHASHMEE_GLYPHS = new RegExp(`[${HEH_DOACHASHMEE_FORMS}]`, 'g');

/** The glyph of "zero" in the standard (Macintosh) glyph order of TrueType fonts, "one" after it, and so on. */
const STANDARD_ZERO_GLYPH = 0x13;

/**
 * Word's PDF export writes a wrong ToUnicode map for digits set in
 * right-to-left runs: each run's digits are mapped in reverse ("2018" drawn
 * with the glyphs of 2, 0, 1, 8 is mapped to "8102", and the map, shared by
 * the whole font, then misreads every digit: "1-" becomes "0-"). Its fonts
 * are embedded with their own glyph numbers as codes (Identity), and in the
 * standard glyph order of its TrueType fonts the ten digits are glyphs 19-28
 * in order. Where a composite font's map sends the codes 19-28 to digits but
 * not in that order, the glyphs are believed: code 19 + n is the digit n.
 * Only on pages with Word's TagSuspect marks; a map that gives anything but
 * digits there is left alone.
 */
export function permutedDigits(font: FontObject): Map<number, string> | null {
  const map = font.toUnicode?._map;
  if (!font.composite || !Array.isArray(map)) return null;
  let mapped = 0;
  let permuted = false;
  for (let n = 0; n < 10; n++) {
    const value: unknown = map[STANDARD_ZERO_GLYPH + n];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !/^[0-9]$/.test(value)) return null;
    mapped++;
    if (value !== String(n)) permuted = true;
  }
  if (mapped < 2 || !permuted) return null;
  return new Map(Array.from({ length: 10 }, (_, n) => [STANDARD_ZERO_GLYPH + n, String(n)]));
}

/**
 * The glyphs of an ActualText span, in place of the glyphs drawn: its words
 * share the drawn glyphs' box (right to left when the text is), with space
 * glyphs between them. An empty ActualText says the glyphs are not text.
 */
export function glyphsOfActualText(drawn: Glyph[], text: string): Glyph[] {
  const parts = text.split(/(\s+)/).filter((part) => part !== '');
  if (parts.length === 0) return [];
  // The baseline is a letter's, not a mark's (marks are often drawn raised, on a baseline of their own).
  const first = drawn.find((g) => g.width > 0 && !g.space && !ARABIC_MARK.test(g.text)) ?? drawn[0]!;
  const left = Math.min(...drawn.map((g) => g.x));
  const right = Math.max(...drawn.map((g) => g.x + g.width));
  const size = Math.max(...drawn.map((g) => g.size));
  const total = parts.reduce((sum, part) => sum + [...part].length, 0);
  const rtl = RTL_CHAR.test(text);
  const out: Glyph[] = [];
  let done = 0;
  for (const part of parts) {
    const share = ((right - left) * [...part].length) / total;
    const x = rtl ? right - ((right - left) * done) / total - share : left + ((right - left) * done) / total;
    done += [...part].length;
    out.push({ text: part, x, y: first.y, width: share, size, bold: first.bold, space: part.trim() === '' });
  }
  return out;
}

/**
 * A glyph that takes no room among glyphs that do, and is neither a mark nor
 * a space, is a mark whose Unicode the file does not give (a producer that
 * puts a letter and its mark in one ActualText span leaves the mark's glyph
 * unmapped, and pdf.js then falls back on a Latin letter of the same code:
 * "أ m عد" for "أُعد"). It is dropped: the word stays whole, without its mark.
 */
function dropCodelessMarks(glyphs: Glyph[]): Glyph[] {
  const codeless = (i: number): boolean => {
    const g = glyphs[i]!;
    if (g.width > 0 || g.space || ARABIC_MARK.test(g.text) || !/^[\p{L}\p{N}]+$/u.test(g.text)) return false;
    const before = glyphs[i - 1];
    const after = glyphs[i + 1];
    return (before === undefined || before.width > 0) && (after === undefined || after.width > 0) && (before !== undefined || after !== undefined);
  };
  const kept = glyphs.filter((_, i) => !codeless(i));
  return kept.length === glyphs.length ? glyphs : kept;
}

/** How far along the content stream a mark's letter is looked for. */
const MARK_REACH = 40;

/**
 * Arabic marks (shadda, harakat, tanween) are often drawn as glyphs of their
 * own, before or after the word and out of its run. Each goes back onto the
 * letter it stands on: the letter on its line whose left edge is nearest the
 * mark's origin.
 */
function attachMarks(glyphs: Glyph[]): Glyph[] {
  const gone = new Set<number>();
  for (let i = 0; i < glyphs.length; i++) {
    const mark = glyphs[i]!;
    if (!ARABIC_MARK.test(mark.text)) continue;
    let best = -1;
    let bestDistance = Infinity;
    for (let j = Math.max(0, i - MARK_REACH); j < Math.min(glyphs.length, i + MARK_REACH); j++) {
      const g = glyphs[j]!;
      if (j === i || gone.has(j) || g.space || ARABIC_MARK.test(g.text) || !ARABIC_BASE.test(g.text)) continue;
      if (Math.abs(g.y - mark.y) > 0.6 * g.size || mark.x < g.x - 0.3 * g.size || mark.x > g.x + g.width) continue;
      const distance = Math.abs(g.x - mark.x);
      if (distance < bestDistance) {
        best = j;
        bestDistance = distance;
      }
    }
    if (best < 0) continue;
    glyphs[best]!.text += mark.text;
    gone.add(i);
  }
  return gone.size === 0 ? glyphs : glyphs.filter((_, i) => !gone.has(i));
}

// ---------------------------------------------------------------------------
// Glyphs -> runs

type Script = 'rtl' | 'ltr' | 'number' | 'neutral' | 'mark';

const ARABIC_MARK = /^[\u064b-\u065f\u0670\u06d6-\u06ed]+$/;
const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
/** A letter a mark can stand on (not Arabic punctuation or digits, which share the block). */
const ARABIC_BASE = /[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff\ufb50-\ufd3d\ufd50-\ufdfb\ufe70-\ufefc]/;
const ARABIC_INDIC_DIGIT = /^[\u0660-\u0669\u06f0-\u06f9]+$/;
const LTR_CHAR = /[A-Za-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/;

function scriptOf(text: string): Script {
  if (ARABIC_MARK.test(text)) return 'mark';
  if (ARABIC_INDIC_DIGIT.test(text)) return 'number';
  if (RTL_CHAR.test(text)) return 'rtl';
  if (LTR_CHAR.test(text)) return 'ltr';
  return 'neutral';
}

/** A gap wider than this share of the type size between glyphs is a word space even without a space glyph. */
const WORD_GAP = 0.28;

/**
 * Consecutive glyphs of one script, size, weight and baseline, with no space
 * and no wide gap between them, are a run. Punctuation between two glyphs of
 * one script belongs to their run ("١/٧٢", "4/4", "أيار/مايو"); elsewhere it
 * is a run of its own. A run is drawn left to right: right-to-left runs are
 * turned back to logical order letter by letter, each keeping its marks.
 */
export function runsOfGlyphs(glyphs: Glyph[]): Array<TextRun & { bold: boolean }> {
  const runs: Array<TextRun & { bold: boolean }> = [];
  let current: Glyph[] = [];
  let currentScript: Script | null = null;
  /** Right edge of the run so far (a mark, drawn over its letter, does not move it). */
  let right = 0;
  /** The last glyph of the run that is not a mark. */
  let lastBase: Glyph | null = null;
  const flush = (): void => {
    if (current.length > 0) runs.push(makeRun(current, currentScript ?? 'neutral'));
    current = [];
    currentScript = null;
    lastBase = null;
  };
  const touches = (a: Glyph, b: Glyph, edge: number): boolean =>
    a.bold === b.bold && Math.abs(a.size - b.size) <= 0.05 * a.size && Math.abs(a.y - b.y) <= 0.1 * a.size && Math.abs(b.x - edge) <= WORD_GAP * a.size;
  const contiguous = (a: Glyph, b: Glyph): boolean => touches(a, b, a.x + a.width);
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i]!;
    if (glyph.space) {
      flush();
      continue;
    }
    const previous = lastBase ?? current.at(-1);
    const isMark = scriptOf(glyph.text) === 'mark';
    if (previous && !(isMark ? Math.abs(previous.y - glyph.y) <= 0.6 * glyph.size && glyph.x <= right + WORD_GAP * glyph.size : touches(previous, glyph, right))) flush();
    if (!isMark) {
      right = current.length === 0 ? glyph.x + glyph.width : Math.max(right, glyph.x + glyph.width);
      lastBase = glyph;
    }
    let script = scriptOf(glyph.text);
    if (script === 'mark') {
      current.push(glyph);
      currentScript ??= 'rtl';
      continue;
    }
    if (script === 'neutral') {
      // Punctuation joins the run when the next glyph, touching it, is of the run's script.
      const next = glyphs[i + 1];
      const joins = currentScript !== null && next !== undefined && !next.space && contiguous(glyph, next) && scriptOf(next.text) === currentScript;
      if (joins) {
        current.push(glyph);
        right = Math.max(right, glyph.x + glyph.width);
        lastBase = glyph;
        continue;
      }
      flush();
      runs.push(makeRun([glyph], 'neutral'));
      continue;
    }
    if (currentScript !== null && currentScript !== script) flush();
    currentScript = script;
    current.push(glyph);
    script = currentScript;
  }
  flush();
  return runs;
}

function makeRun(glyphs: Glyph[], script: Script): TextRun & { bold: boolean } {
  let text: string;
  if (script === 'rtl') {
    // Letters with the marks that follow them, in reverse.
    const clusters: string[] = [];
    for (const g of glyphs) {
      if (ARABIC_MARK.test(g.text) && clusters.length > 0) clusters[clusters.length - 1] += g.text;
      else clusters.push(g.text);
    }
    text = clusters.reverse().join('');
  } else text = glyphs.map((g) => g.text).join('');
  const x = Math.min(...glyphs.map((g) => g.x));
  const right = Math.max(...glyphs.map((g) => g.x + g.width));
  const main = glyphs.find((g) => !ARABIC_MARK.test(g.text)) ?? glyphs[0]!;
  return { text, x, y: main.y, width: right - x, size: main.size, bold: glyphs.every((g) => g.bold) };
}
