// How a reader names a clause: "المادة 51" (article), "الفقرة 3" (a numbered
// paragraph, operative or of a report), "التوصية 4", "المبدأ 2" and "القاعدة 7"
// (provisions printed as articles), or the clause id itself ("art51", "op3",
// "pp2", "para12", "rec4"). Search indexes every clause under the reference
// keys of its kind and number, and turns these words into the same keys.

import type { ClauseKind } from '../types.js';
import { withoutArticle } from '../text/letters.js';

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

/** Keys a clause is indexed under: its number (preambles: their index) with each prefix its kind answers to. */
export function referenceKeysOfClause(kind: ClauseKind, number: number | null, index: number): string[] {
  const n = number ?? (kind === 'preamble' ? index : null);
  if (n === null) return [];
  return (PREFIXES_OF_KIND[kind] ?? []).map((p) => referenceKey(p, n));
}

/**
 * Words that name a clause by number, normalised as the search normaliser
 * writes them (bare alef, ه for ة), with the article and attached particles
 * already removed by the caller: the prefixes they stand for.
 */
const REFERENCE_WORDS: Record<string, readonly string[]> = {
  ماده: ['art'],
  مواد: ['art'],
  مبدا: ['art'],
  قاعده: ['art'],
  فقره: ['op', 'para'],
  فقرات: ['op', 'para'],
  توصيه: ['rec'],
};

/** Prefixes a normalised word names (`المادة` -> art), or null. */
export function referencePrefixesOfWord(normalisedWord: string): readonly string[] | null {
  const direct = REFERENCE_WORDS[normalisedWord];
  if (direct) return direct;
  const bare = withoutArticle(normalisedWord);
  return REFERENCE_WORDS[bare] ?? null;
}

const CLAUSE_ID = new RegExp(`^(${Object.values(CLAUSE_ID_PREFIX).join('|')})(\\d{1,5})$`, 'i');

/** A clause id typed as a query word (`art51`, `OP3`): its key, or null. */
export function referenceKeyOfClauseId(word: string): string | null {
  const m = CLAUSE_ID.exec(word);
  return m ? referenceKey(m[1]!.toLowerCase(), Number(m[2])) : null;
}
