// How a reader names a clause: "المادة 51" (article), "الفقرة 3" (a numbered
// paragraph, operative or of a report), "التوصية 4", "المبدأ 2" and "القاعدة 7"
// (provisions printed as articles), or the clause id itself ("art51", "op3",
// "pp2", "para12", "rec4"). Search indexes every clause under the reference
// keys of its kind and number, and turns these words into the same keys.
// A chapter or part is named the same way ("الفصل السابع", "الباب 3"): a
// clause standing under such a heading, at any depth, is indexed under its key
// (`chapter:7`), read from the parser's heading tree, so a query naming the
// chapter reaches the clauses of the chapter, not only the clauses that print
// its name.

import type { ArticleDesignation, ClauseKind, Heading, HeadingLevel } from '../types.js';
import { HEH, foldLetters, withoutArticle } from '../text/letters.js';
import { DIVISION_WORDS, divisionOfWord } from './divisions.js';

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

/** The divisions a reader cites by name and number ("الفصل السابع", "الباب 3"): chapters and parts. */
const REFERENCED_LEVELS: ReadonlySet<HeadingLevel> = new Set<HeadingLevel>(['chapter', 'part']);

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
  ...Object.fromEntries(Object.entries(DIVISION_WORDS).filter(([, level]) => REFERENCED_LEVELS.has(level)).map(([word, level]) => [word, [level]])),
};

/**
 * The reference keys of each heading of a document, by id: for every division named by its word and number
 * ("الفصل السابع: ..." -> `chapter:7`, "الباب 3", "Chapter XVI") the heading and every heading under it
 * answer to it, so the clauses of a chapter answer to the chapter's name. A heading numbered by an ordinal
 * alone ("أولاً - مقدمة") names no division a reader would cite, and gives none. The parser read the number.
 */
export function headingReferenceKeys(headings: readonly Heading[] | undefined): Map<string, readonly string[]> {
  const keys = new Map<string, readonly string[]>();
  for (const heading of headings ?? []) {
    const inherited = (heading.parent !== null ? keys.get(heading.parent) : undefined) ?? [];
    const own = divisionKey(heading);
    keys.set(heading.id, own === null ? inherited : [...inherited, own]);
  }
  return keys;
}

/** A heading's own key: its label's first word a referenced division word, and a number. */
function divisionKey(heading: Heading): string | null {
  if (heading.number === null || heading.label === null) return null;
  const first = /^\S+/.exec(heading.label);
  if (!first) return null;
  const level = divisionOfWord(withoutArticle(foldLetters(first[0])));
  return level !== undefined && REFERENCED_LEVELS.has(level) ? referenceKey(level, heading.number) : null;
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
