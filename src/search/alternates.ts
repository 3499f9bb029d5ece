// The terms of equivalent wordings (src/un/equivalents.ts) that a query word
// also looks for. A variant of one word answers to its printed forms only
// (not its stem: سلامة stays apart from السلام). A variant of several words
// answers when the query holds all of them in that order, each word by a
// printed form or, the words around it standing guard, by its stem
// (للبلدان النامية, بلدان نامية).
//
// Between two variants, the words they share (the same stem) need nothing;
// the words that differ are paired from the last one back, as Arabic puts
// the distinguishing word last (التوزيع الجغرافي العادل / التمثيل الجغرافي
// العادل: التوزيع with التمثيل; الرأي الاستشاري / الإفتاء: الاستشاري with
// الإفتاء). A typed word left over takes the other variant's first
// differing word, so that every word of the query is met by the other
// wording; a word of the other variant left over is not looked for alone
// (الرأي, opinion, would find every opinion). Stop words (من, على) pair
// with nothing. Only the first form of a word stands for it: its first term,
// the stem as typed, never words derived from it. An entry of the table is
// folded and analysed only when its printed text holds a query word (the
// part of it folding leaves as printed), so that a search reads the few
// entries it names, not the whole table.

import { analyseQueryTerm } from './analysis/pipeline.js';
import { normaliseToken } from './analysis/normalise.js';
import { ALEF, HAMZA, HEH, KAF, withoutArticle, YEH } from '../text/letters.js';
import { EQUIVALENTS } from '../un/equivalents.js';

interface VariantWord {
  /** The word's printed forms, normalised, without article or attached particles (bareWord). */
  forms: string[];
  /** The stem its first form stands for; null for a stop word. */
  term: string | null;
}

interface VariantReading {
  words: VariantWord[];
  /** For each word, the terms of the other variants' words paired with it. */
  alternates: string[][];
}

/** A word as a table of wordings matches it: normalised, without its article and attached particles. */
export function bareWord(word: string): string {
  return withoutArticle(normaliseToken(word));
}

/** The first term a word is analysed into, or null for a stop word. */
function firstTerm(word: string): string | null {
  return analyseQueryTerm(word).flat()[0] ?? null;
}

/** The indices of a variant's words whose stem the other variant lacks (stop words aside). */
function differing(words: readonly VariantWord[], other: readonly VariantWord[]): number[] {
  const out: number[] = [];
  words.forEach((w, k) => {
    if (w.term !== null && !other.some((o) => o.term === w.term)) out.push(k);
  });
  return out;
}

// Letters that folding writes for other letters (أ إ آ -> ا, ة -> ه, ى -> ي, ؤ ئ -> ء, ک -> ك): a folded word's
// pieces between them stand in the table as printed.
const FOLDED_TO = new RegExp(`[${ALEF}${HAMZA}${YEH}${HEH}${KAF}]`);

/** The pieces of a folded word between the letters folding writes for others: each stands in the table as printed. */
export function printedPieces(bare: string): string[] {
  return bare.split(FOLDED_TO).filter((piece) => piece !== '');
}

const entryReadings = new Map<number, VariantReading[]>();

/**
 * The entries of the table a query word may name: a variant's printed text holds every printed piece of the word. Only
 * they are folded and analysed: a search should not pay for the whole table (test/search/equivalents.test.ts checks
 * that every form of the table is found so).
 */
function entriesNaming(bare: string): number[] {
  const pieces = printedPieces(bare);
  if (pieces.join('').length < 2) return [];
  const out: number[] = [];
  EQUIVALENTS.forEach(({ variants }, e) => {
    if (variants.some((v) => pieces.every((piece) => v.includes(piece)))) out.push(e);
  });
  return out;
}

/** The variants of entry e of the table, analysed once. */
function readEntry(e: number): VariantReading[] {
  const known = entryReadings.get(e);
  if (known) return known;
  const parsed = EQUIVALENTS[e]!.variants.map((v) =>
    v.split(' ').map((w): VariantWord => {
      const forms = w.split('|');
      return { forms: forms.map(bareWord), term: firstTerm(forms[0]!) };
    }),
  );
  const readings = parsed.map((words, i): VariantReading => {
    const alternates = words.map((): string[] => []);
    parsed.forEach((other, j) => {
      if (j === i) return;
      const [mine, theirs] = [differing(words, other), differing(other, words)];
      if (theirs.length === 0) return;
      mine.forEach((k, p) => {
        const fromEnd = mine.length - 1 - p;
        const paired = other[fromEnd < theirs.length ? theirs[theirs.length - 1 - fromEnd]! : theirs[0]!]!.term!;
        if (!alternates[k]!.includes(paired)) alternates[k]!.push(paired);
      });
    });
    return { words, alternates };
  });
  entryReadings.set(e, readings);
  return readings;
}

/**
 * Terms of the wordings equivalent to the query word c of `words` with `terms`: the word stands in a variant
 * whose other words stand around it in the query, in order.
 */
export function alternatesAt(words: readonly string[], c: number, terms: readonly string[]): string[] {
  const out = new Set<string>();
  const bare = words.map(bareWord);
  // A query word's stems, analysed only when a variant of several words needs them.
  const stems = new Map<number, string[]>();
  const matches = (at: number, w: VariantWord, several: boolean): boolean => {
    if (w.forms.includes(bare[at]!)) return true;
    if (!several || w.term === null) return false;
    if (!stems.has(at)) stems.set(at, analyseQueryTerm(words[at]!).flat());
    return stems.get(at)!.includes(w.term);
  };
  // The entries any query word may name (entriesNaming); a variant is then matched word by word.
  const entries = new Set<number>();
  for (const word of bare) for (const e of entriesNaming(word)) entries.add(e);
  for (const e of entries) {
    for (const { words: variant, alternates } of readEntry(e)) {
      const several = variant.length > 1;
      variant.forEach((_, k) => {
        const start = c - k;
        if (alternates[k]!.length === 0 || start < 0 || start + variant.length > words.length) return;
        if (!variant.every((x, m) => matches(start + m, x, several))) return;
        for (const t of alternates[k]!) if (!terms.includes(t)) out.add(t);
      });
    }
  }
  return [...out];
}
