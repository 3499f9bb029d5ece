// How a reader names a clause: "المادة 51" (article), "الفقرة 3" (a numbered
// paragraph, operative or of a report), "التوصية 4", "المبدأ 2" and "القاعدة 7"
// (provisions printed as articles), or the clause id itself ("art51", "op3",
// "pp2", "para12", "rec4"). Search indexes every clause under the reference
// keys of its kind and number, and turns these words into the same keys.
// A chapter or part is named the same way ("الفصل السابع", "الباب 3"): a
// clause standing under a heading that opens with such a name ("الفصل السابع:
// فيما يتخذ من الأعمال ...") is indexed under its key (`chapter:7`), so a query
// naming the chapter reaches the clauses of the chapter, not only the clauses
// that print its name.

import type { ArticleDesignation, ClauseKind } from '../types.js';
import { HEH, foldLetters, withoutArticle } from '../text/letters.js';
import { ordinalPrefix, romanValue } from './numbering.js';
import { parseDigits } from '../text/digits.js';

/** The prefix of a clause's id, by kind (`op3`, `art51`): compile writes ids with it, search reads them back. */
export const CLAUSE_ID_PREFIX: Readonly<Record<ClauseKind, string>> = {
  preamble: 'pp',
  operative: 'op',
  paragraph: 'para',
  recommendation: 'rec',
  article: 'art',
};

/** Reference key: clause-id prefix and number, `art:51`. Never produced by the text tokenizer (no `:` in a token). */
export function referenceKey(prefix: string, n: number): string {
  return `${prefix}:${n}`;
}

/** Clause-id prefixes a reference may use, and the prefixes a clause of each kind answers to. */
const PREFIXES_OF_KIND: Record<ClauseKind, readonly string[]> = {
  preamble: ['pp'],
  operative: ['op', 'para'],
  paragraph: ['para'],
  recommendation: ['rec'],
  article: ['art'],
};

/**
 * The key prefix of an article numbered as a principle or a rule ("المبدأ 2": `principle:2`), in place of
 * `art`: `المبدأ 2` names Principle 2 of a declaration, not Article 2 of a charter, and `المادة 2` the
 * reverse. The clause id (`art2`) names either.
 */
const DESIGNATION_PREFIX: Readonly<Record<ArticleDesignation, string>> = { principle: 'principle', rule: 'rule' };

/** The words that number an article as a principle or a rule, without hamza and with ه for ة: the parser and search both read them here. */
const DESIGNATION_WORDS: Readonly<Record<string, ArticleDesignation>> = { مبدا: 'principle', قاعده: 'rule' };

/** What an article numbered by this word is (`مبدا`, `قاعدة` or `قاعده`), or undefined (`مادة`). */
export function designationOfWord(word: string): ArticleDesignation | undefined {
  return DESIGNATION_WORDS[word.replace(/\u0629$/, HEH)];
}

/** Keys a clause is indexed under: its number (preambles: their index) with each prefix its kind (and an article's designation) answers to. */
export function referenceKeysOfClause(kind: ClauseKind, number: number | null, index: number, designation?: ArticleDesignation): string[] {
  const n = number ?? (kind === 'preamble' ? index : null);
  if (n === null) return [];
  const prefixes = kind === 'article' && designation ? [DESIGNATION_PREFIX[designation]] : (PREFIXES_OF_KIND[kind] ?? []);
  return prefixes.map((p) => referenceKey(p, n));
}

/**
 * Words that name a clause by number, normalised as the search normaliser
 * writes them (bare alef, ه for ة), with the article and attached particles
 * already removed by the caller: the prefixes they stand for.
 */
const REFERENCE_WORDS: Record<string, readonly string[]> = {
  ماده: ['art'],
  مواد: ['art'],
  ...Object.fromEntries(Object.entries(DESIGNATION_WORDS).map(([word, designation]) => [word, [DESIGNATION_PREFIX[designation]]])),
  فقره: ['op', 'para'],
  فقرات: ['op', 'para'],
  توصيه: ['rec'],
  // Divisions of an instrument or report, numbered by their heading: a chapter (الفصل), a part (الباب, الجزء).
  فصل: ['chapter'],
  باب: ['part'],
  جزء: ['part'],
};

/** The reference prefixes a heading can open with: the divisions (REFERENCE_WORDS' فصل, باب, جزء, or the English a translated text keeps). */
const DIVISION_PREFIXES: ReadonlySet<string> = new Set(['chapter', 'part']);

/** How far a heading is read for its division's number: the word and an ordinal of up to three words. */
const HEADING_WORDS_READ = 4;
/** Characters of a heading read for them ("الفصل الخامس والعشرون:" takes 22): a heading may be a long sentence. */
const HEADING_CHARS_READ = 64;

// The clauses of one section share its heading, and ingest reads them in order: each heading is read once.
let lastHeading: string | null = null;
let lastKeys: readonly string[] = [];

/**
 * The reference keys of the division a heading opens with ("الفصل السابع: ..." -> `chapter:7`, "الباب 3",
 * "Chapter XVI: ..."), or none: the clauses standing under it answer to the chapter's name.
 */
export function headingReferenceKeys(heading: string | null | undefined): readonly string[] {
  if (!heading) return [];
  if (heading !== lastHeading) {
    lastKeys = readHeading(heading);
    lastHeading = heading;
  }
  return lastKeys;
}

/** A cheap first look, before folding: a heading word's first letter after any particles and article (فصل, باب, جزء), or the English. */
const HEADING_START = /^\s*(?:[وف]?(?:[بك]?ال|لل|[بلك])?[فبج]|chapter|part)/i;

function readHeading(heading: string): string[] {
  if (!HEADING_START.test(heading)) return [];
  const words = foldLetters(heading.slice(0, HEADING_CHARS_READ))
    .split(/[\s:.\-–—]+/, HEADING_WORDS_READ + 1)
    .filter((w) => w !== '');
  const first = words[0];
  if (first === undefined) return [];
  const prefix = (referencePrefixesOfWord(first.replace(/\u0629$/, HEH)) ?? [first.toLowerCase()]).find((p) => DIVISION_PREFIXES.has(p));
  if (prefix === undefined || words.length < 2) return [];
  const n = divisionNumber(words.slice(1, HEADING_WORDS_READ))?.value;
  return n === undefined ? [] : [referenceKey(prefix, n)];
}

/**
 * The number of a division or clause written after its name: digits (any script), a roman numeral, or an
 * ordinal of up to three words (السابع, الحادي عشر, الخامس والعشرون); with how many words it took.
 */
function divisionNumber(words: readonly string[]): { value: number; words: number } | null {
  const first = words[0];
  if (first === undefined) return null;
  const digits = first.length <= 5 ? parseDigits(first) : null;
  if (digits !== null) return { value: digits, words: 1 };
  const roman = romanValue(first);
  if (roman !== null) return { value: roman, words: 1 };
  return ordinalPrefix(words.map(foldLetters));
}

/** Prefixes a normalised word names (`المادة` -> art), or null. */
export function referencePrefixesOfWord(normalisedWord: string): readonly string[] | null {
  const direct = REFERENCE_WORDS[normalisedWord];
  if (direct) return direct;
  const bare = withoutArticle(normalisedWord);
  return REFERENCE_WORDS[bare] ?? null;
}

const CLAUSE_ID = new RegExp(`^(${Object.values(CLAUSE_ID_PREFIX).join('|')})(\\d{1,5})$`, 'i');

/** A clause id typed as a query word (`art51`, `OP3`): its keys (an article's id also names a principle or rule of that number), or null. */
export function referenceKeysOfClauseId(word: string): string[] | null {
  const m = CLAUSE_ID.exec(word);
  if (!m) return null;
  const prefix = m[1]!.toLowerCase();
  const n = Number(m[2]);
  const prefixes = prefix === CLAUSE_ID_PREFIX.article ? [prefix, ...Object.values(DESIGNATION_PREFIX)] : [prefix];
  return prefixes.map((p) => referenceKey(p, n));
}
