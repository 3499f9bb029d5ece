// --shape: for terminals that neither join Arabic letters nor lay out
// right-to-left text. Each logical line is shaped into presentation forms
// (arabic-reshaper), its embedding levels are resolved by the Unicode
// Bidirectional Algorithm (bidi-js), and, wrapped line by wrapped line, its
// runs are reversed into visual order. Only ever used for a terminal: pipes and
// JSON carry the logical, unshaped text.

import { createRequire } from 'node:module';
import type ArabicReshaperModule from 'arabic-reshaper';
import type bidiModule from 'bidi-js';
import type { Line, Span, Style } from './styled.js';
import { lineText } from './styled.js';
import { attachesToPrevious } from './width.js';
import { wrapRanges } from './wrap.js';

// Both libraries are CommonJS and only --shape needs them: they are required
// on first use, so a plain search never pays for loading them.
const require = createRequire(import.meta.url);

// bidi-js's types declare an ES default export; require hands module.exports
// itself, which is the factory.
type BidiFactory = typeof bidiModule.default;
type Bidi = ReturnType<BidiFactory>;
let bidiInstance: Bidi | null = null;
function bidi(): Bidi {
  if (bidiInstance === null) {
    const loaded = require('bidi-js') as typeof bidiModule;
    const factory: BidiFactory = typeof loaded === 'function' ? (loaded as unknown as BidiFactory) : loaded.default;
    bidiInstance = factory();
  }
  return bidiInstance;
}

let reshaper: typeof ArabicReshaperModule | null = null;
function arabicReshaper(): typeof ArabicReshaperModule {
  reshaper ??= require('arabic-reshaper') as typeof ArabicReshaperModule;
  return reshaper;
}

const LAM = 0x0644;
const ALEF_FORMS = new Set([0x0622, 0x0623, 0x0625, 0x0627]);
const LAM_ALEF_LIGATURES = new Set([0xfef5, 0xfef6, 0xfef7, 0xfef8, 0xfef9, 0xfefa, 0xfefb, 0xfefc]);
const NONSPACING_MARK = /\p{Mn}/u;
const LETTER = /\p{L}/u;

/** Text together with, for each of its UTF-16 units, the index in the original it came from. */
export interface MappedText {
  text: string;
  source: number[];
}

/**
 * Moves marks written between a lam and an alef (لًا) to after the alef. The
 * reshaper would otherwise join the lam with the mark, drop the mark and leave
 * the alef standing alone.
 */
function moveMarksPastLamAlef(text: string): MappedText {
  let out = '';
  const source: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) === LAM) {
      let j = i + 1;
      while (j < text.length && NONSPACING_MARK.test(text[j] ?? '')) j++;
      if (j > i + 1 && j < text.length && ALEF_FORMS.has(text.charCodeAt(j))) {
        out += text[i] + (text[j] ?? '') + text.slice(i + 1, j);
        source.push(i, j);
        for (let k = i + 1; k < j; k++) source.push(k);
        i = j + 1;
        continue;
      }
    }
    out += text[i];
    source.push(i);
    i++;
  }
  return { text: out, source };
}

/** Arabic letters to contextual presentation forms, keeping track of where each came from. */
export function shapeLetters(text: string): MappedText {
  const prepared = moveMarksPastLamAlef(text);
  const shaped = arabicReshaper().convertArabic(prepared.text);
  // The reshaper writes one unit per input unit, except that a lam and the
  // alef after it become one ligature.
  const source: number[] = [];
  let from = 0;
  for (let i = 0; i < shaped.length; i++) {
    source.push(prepared.source[from] ?? text.length - 1);
    const mergedPair = LAM_ALEF_LIGATURES.has(shaped.charCodeAt(i)) && prepared.text.charCodeAt(from) === LAM;
    from += mergedPair ? 2 : 1;
  }
  return { text: shaped, source };
}

/**
 * Logical indices of text[start, end) in visual order, left to right. Marks
 * and surrogate halves stay after the character they belong to, even inside
 * a reversed run, so a terminal still draws them on the right base.
 */
function visualOrder(text: string, levels: ReturnType<Bidi['getEmbeddingLevels']>, start: number, end: number): number[] {
  const order: number[] = [];
  for (let i = start; i < end; i++) order.push(i);
  if (end - start < 2) return order;
  for (const [first, last] of bidi().getReorderSegments(text, levels, start, end - 1)) {
    if (first === undefined || last === undefined) continue;
    const a = first - start;
    const b = last - start;
    const reversed = order.slice(a, b + 1).reverse();
    order.splice(a, reversed.length, ...reversed);
  }
  return keepClustersInLogicalOrder(text, order);
}

function keepClustersInLogicalOrder(text: string, order: number[]): number[] {
  const clusterOf = (index: number): number => {
    let base = index;
    while (attachesToPrevious(text, base)) base--;
    return base;
  };
  const result: number[] = [];
  let i = 0;
  while (i < order.length) {
    const cluster = clusterOf(order[i] ?? 0);
    let j = i + 1;
    while (j < order.length && clusterOf(order[j] ?? 0) === cluster) j++;
    result.push(...order.slice(i, j).sort((x, y) => x - y));
    i = j;
  }
  return result;
}

/**
 * For a line cut short: the text would have gone on in the direction of its
 * last letter, so what follows that letter (the ellipsis, punctuation) joins
 * the letter's run instead of taking the paragraph's direction. A title in
 * Arabic cut at the end of a left-to-right heading then shows its ellipsis
 * at the Arabic's visual end, on its left, not beside its first word.
 */
function continueLastRun(text: string, levels: Uint8Array): void {
  let last = text.length - 1;
  while (last >= 0 && !LETTER.test(text[last] ?? '')) last--;
  const level = levels[last] ?? 0;
  if (last < 0 || level % 2 === 0) return;
  for (let i = last + 1; i < text.length; i++) if ((levels[i] ?? 0) < level) levels[i] = level;
}

export interface ParagraphOptions {
  /** The line was cut short (it ends in an ellipsis): see continueLastRun. */
  cut?: boolean;
}

/**
 * Shapes one logical line of styled spans and returns it as visual lines,
 * wrapped to `width` cells when given, and whether the paragraph's direction
 * (UAX #9 rules P2-P3: its first strong letter) is right to left. Styles
 * follow their characters.
 */
export function shapeStyledParagraph(line: Line, width?: number, options: ParagraphOptions = {}): { lines: Line[]; rtl: boolean } {
  const logical = lineText(line);
  const styles: (Style | undefined)[] = [];
  for (const { text, style } of line) for (let k = 0; k < text.length; k++) styles.push(style);

  const shaped = shapeLetters(logical);
  const text = shaped.text;
  const levels = bidi().getEmbeddingLevels(text, 'auto');
  if (options.cut) continueLastRun(text, levels.levels);
  const mirrored = bidi().getMirroredCharactersMap(text, levels.levels);
  const rtl = (levels.paragraphs[0]?.level ?? 0) % 2 === 1;

  const ranges = width === undefined ? [[0, text.length] as const] : wrapRanges(text, width);
  const lines = ranges.map(([start, end]) => {
    const spans: Span[] = [];
    for (const index of visualOrder(text, levels, start, end)) {
      const ch = mirrored.get(index) ?? text[index] ?? '';
      const style = styles[shaped.source[index] ?? 0];
      const last = spans[spans.length - 1];
      if (last && last.style === style) last.text += ch;
      else spans.push(style === undefined ? { text: ch } : { text: ch, style });
    }
    return spans;
  });
  return { lines, rtl };
}

/** Shapes one logical line of styled spans into visual lines, wrapped to `width` cells when given. */
export function shapeStyledLine(line: Line, width?: number): Line[] {
  return shapeStyledParagraph(line, width).lines;
}

/** Shapes and reorders a plain logical line (no wrapping). */
export function toVisual(text: string): string {
  return (shapeStyledLine([{ text }])[0] ?? []).map((s) => s.text).join('');
}
