// From a query string to a plan: query-syntax.ts reads the syntax (lunr's:
// `+must -not field:word word* word~1 word^2`), then each term goes through
// the analysis pipeline. One printed word of a term becomes one group: its stem
// variants are alternatives, and a group counts once for "clauses holding all
// words rank first".
//
// Defined edge cases (tested in test/search/query.test.ts):
//   - empty or blank query: UsageError (the CLI checks too).
//   - only stop words or punctuation: a plan with no groups; search returns no
//     hits (exit 1 at the CLI), because nothing searchable was asked.
//   - only excluded words (`-x`): UsageError; it would list the whole index.
//   - longer than MAX_QUERY_CHARS (4,096): UsageError saying the limit; a
//     pasted paragraph fits, a runaway pipe does not.
//   - wildcards need two literal characters (`ط*` would read every term);
//     fuzzy distance is at most 2.
//   - "quoted words" are a phrase: every clause found holds them one after
//     the other, after analysis, in its text or in its footnotes (word
//     positions in the index; a stop word keeps its place, any word may fill
//     it, as in Lucene). `+"..."` is the same; `-"..."` is a usage error
//     (exclude single words instead); an unbalanced quote is ignored. Quotes
//     « » “ ” work like ". Inside quotes, the syntax (+ - : * ~ ^) is plain text.
//   - a clause named by number (`المادة 51`, `الفقرة 3`, `art51`, `op3`) is
//     also looked for in the `ref` field (src/un/clause-references.ts), so the
//     clause itself ranks first, then the clauses that mention it.
//   - a document symbol (`E/C.12/UZB/CO/1`, or a resolution's number pair) is
//     also looked for in `title`, which holds the document's own symbol, so
//     the clauses of the document itself are found with those citing it.
//   - a year typed alone (`2019`) is also looked for in `years`, which holds
//     the years each document is of (fields.ts documentYears).

import { UsageError } from '../errors.js';
import { analyseQueryTerm, analyseQueryWords } from './analysis/pipeline.js';
import { normaliseToken } from './analysis/normalise.js';
import { masdarOfParticiple, masdarOfVerb } from './analysis/derived-forms.js';
import { nisbaOfNoun } from './analysis/nisba.js';
import { pluralsOfSingular, stemVariants } from './analysis/stemmer.js';
import { tokenize } from './analysis/tokenizer.js';
import { DEFAULT_FIELDS, type Field, POSITIONAL_FIELDS } from './fields.js';
import { parseQuerySyntax, type Presence, QuerySyntaxError, type SyntaxClause } from './query-syntax.js';
import { referenceKey, referenceKeysOfClauseId, referencePrefixesOfWord } from '../un/clause-references.js';
import { parseDigits } from '../text/digits.js';
import { foldLetters } from '../text/letters.js';
import { ordinalPrefix } from '../un/numbering.js';
import { isYear } from '../un/symbols.js';
import { designatedOrgan, isDesignationWord, MAX_ORGAN_WORDS } from '../un/designations.js';
import { alternatesAt } from './alternates.js';
import { type NamePhrase, namedEntitiesAt } from './entity-names.js';
import type { ClauseKind } from '../types.js';
import { preferredKind } from './prefer-kind.js';

export const MAX_QUERY_CHARS = 4096;
export const MAX_EDIT_DISTANCE = 2;
const MIN_WILDCARD_LITERAL = 2;

export type { Presence };

export type TermMatcher =
  /**
   * `alternates`: terms of an equivalent wording (src/un/equivalents.ts); `derived`: the verbal noun the stemmer
   * derives from a typed participle (stemmer.ts rule 7) and the relational adjective of a typed noun
   * (analysis/nisba.ts). Both count at ALTERNATE_WEIGHT (fields.ts). `names`: the full names of the UN entity or
   * treaty an acronym typed stands for (entity-names.ts), each a phrase, counted as an alternate term would be.
   */
  | { kind: 'exact'; terms: string[]; alternates?: string[]; derived?: string[]; names?: NamePhrase[] }
  | { kind: 'fuzzy'; terms: string[]; distance: number }
  /** Trailing wildcard: any term starting with one of these. */
  | { kind: 'prefix'; prefixes: string[] }
  /** Other wildcards: literal parts in order, `*` between them. */
  | { kind: 'pattern'; parts: string[] };

export interface QueryGroup {
  /** The query term this group comes from, for messages. */
  source: string;
  fields: Field[];
  presence: Presence;
  boost: number;
  matcher: TermMatcher;
}

/** One word of a quoted phrase: its group, and its place among the phrase's printed tokens. */
export interface PhraseWord {
  group: number;
  offset: number;
}

export interface QueryPlan {
  groups: QueryGroup[];
  /** Quoted phrases of two or more words, each word's group and offset in order. */
  phrases: PhraseWord[][];
  /** The clause kind the query's wording asks for (a preambular formula typed: prefer-kind.ts), raised in the ranking. */
  preferKind?: ClauseKind;
  /**
   * The plan to run when this one finds no clause: the query with each document symbol and resolution reference read
   * as its parts (`CEDAW/C/SR.919` as `cedaw sr 919`, `القرار 70/1` as its words and numbers). Absent when the query
   * names no symbol or reference.
   */
  fallback?: QueryPlan;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? flat.slice(0, 200) + '…' : flat;
}

function parseSyntax(query: string): SyntaxClause[] {
  try {
    return parseQuerySyntax(query);
  } catch (err) {
    if (err instanceof QuerySyntaxError) throw new UsageError(`bad query syntax: ${oneLine(err.message)}`);
    throw err;
  }
}

function wildcardMatcher(term: string): TermMatcher {
  const parts = term.split('*').map(normaliseToken);
  const literal = parts.join('');
  if (literal.length < MIN_WILDCARD_LITERAL) {
    throw new UsageError(`bad query: wildcard '${oneLine(term)}' needs at least ${MIN_WILDCARD_LITERAL} letters besides '*'`);
  }
  const trailingOnly = parts.length === 2 && parts[1] === '' && parts[0] !== '';
  if (!trailingOnly) return { kind: 'pattern', parts };
  // The index holds stems: a prefix typed with its article or suffixes should still start them.
  const prefixes = new Set([parts[0]!, ...stemVariants(parts[0]!)]);
  return { kind: 'prefix', prefixes: [...prefixes].filter((p) => p.length >= MIN_WILDCARD_LITERAL) };
}

/** Opening and closing quote characters users type for a phrase. */
const QUOTES = new Map([
  ['"', '"'],
  ['\u00ab', '\u00bb'], // « »
  ['\u201c', '\u201d'], // “ ”
]);

interface QuerySegment {
  text: string;
  phrase: boolean;
}

/** The query cut into plain text and quoted phrases (an unbalanced quote is plain text, read as a space). Linear. */
export function splitPhrases(query: string): QuerySegment[] {
  const segments: QuerySegment[] = [];
  let plain = '';
  let i = 0;
  while (i < query.length) {
    const close = QUOTES.get(query[i]!);
    const end = close === undefined ? -1 : query.indexOf(close, i + 1);
    if (end < 0) {
      plain += close === undefined ? query[i] : ' ';
      i++;
      continue;
    }
    segments.push({ text: plain, phrase: false });
    plain = '';
    segments.push({ text: query.slice(i + 1, end), phrase: true });
    i = end + 1;
  }
  segments.push({ text: plain, phrase: false });
  return segments.filter((s) => s.text.trim() !== '');
}

/** The number a query term stands for, if it is only digits (any script), at most five of them. */
function numberOf(term: string): number | null {
  return term.length <= 5 ? parseDigits(term) : null;
}

/** Reference keys named by a word followed by a number (`المادة` `51`), or null. */
function referenceKeys(word: string, next: string | undefined): string[] | null {
  const prefixes = referencePrefixesOfWord(normaliseToken(word));
  const n = next === undefined ? null : numberOf(next);
  if (!prefixes || n === null) return null;
  return prefixes.map((p) => referenceKey(p, n));
}

/** Reference keys of a reference word at clause c followed by an ordinal (`الفصل` `السابع`), and the ordinal's last clause; or null. */
function ordinalReference(clauses: SyntaxClause[], c: number): { keys: string[]; last: number } | null {
  const prefixes = referencePrefixesOfWord(normaliseToken(clauses[c]!.term));
  if (!prefixes) return null;
  const following: string[] = [];
  for (let j = c + 1; j < clauses.length && j <= c + 3; j++) {
    const x = clauses[j]!;
    if (!isPlain(x)) break;
    following.push(x.term);
  }
  const found = ordinalPrefix(following.map(foldLetters));
  return found ? { keys: prefixes.map((p) => referenceKey(p, found.value)), last: c + found.words } : null;
}

const TRAILING_SIGN = /[+-]\s*$/;

/**
 * A resolution or decision named from clause c on: the designation word, the
 * organ if said, "رقم" if said, then its number or number pair (src/un/designations.ts).
 * Its terms: the pair key, or the number and, when the organ is said, the
 * organ's symbol for it (`s/res/338`: cited keys and titles hold it). Null when
 * the words from c on are no such name.
 */
function designationAt(clauses: SyntaxClause[], c: number): { terms: string[]; source: string; last: number } | null {
  if (!isDesignationWord(clauses[c]!.term)) return null;
  for (let j = c + 1; j < clauses.length && j <= c + MAX_ORGAN_WORDS + 2; j++) {
    const next = clauses[j]!;
    if (!isPlain(next) || next.term.includes('*')) return null;
    const parts = tokenize(next.term);
    const numeric = parts.length > 0 && parts.every((t) => t.type === 'number' || t.type === 'pair');
    if (!numeric) continue;
    const organ = designatedOrgan(clauses.slice(c + 1, j).map((x) => x.term));
    if (organ === undefined) return null;
    const analysed = analyseQueryTerm(next.term).flat();
    const pair = analysed.find((t) => t.includes('/'));
    let terms: string[];
    if (pair) terms = [pair];
    else if (analysed.length === 1) {
      terms = [analysed[0]!];
      if (organ?.resolutions) terms.push(`${organ.resolutions}/${analysed[0]}`.toLowerCase());
    } else return null;
    return { terms, source: clauses.slice(c, j + 1).map((x) => x.term).join(' '), last: j };
  }
  return null;
}

const OF = normaliseToken('من');

/** A word typed bare: no field, no edit distance, not excluded (wildcards aside). */
function isPlain(clause: SyntaxClause): boolean {
  return clause.fields === null && clause.editDistance === 0 && clause.presence !== 'prohibited';
}

/**
 * The reference keys of "من <word> <number>" standing at clause i (the
 * provision a paragraph or item belongs to: "الفقرة 4 من المادة 2"), or null.
 */
function outerReference(clauses: SyntaxClause[], i: number): string[] | null {
  const [of, word, number] = [clauses[i], clauses[i + 1], clauses[i + 2]];
  if (!of || !word || !number) return null;
  if (!isPlain(of) || !isPlain(word) || !isPlain(number) || normaliseToken(of.term) !== OF) return null;
  return referenceKeys(word.term, number.term) ?? ordinalReference(clauses, i + 1)?.keys ?? null;
}

/**
 * The analysed groups of query word c, with the `lettered` key (tokenizer.ts) of its number and the item letter
 * typed as the next word (`1` `(أ)`: `1(a)`) added to the number's group, as printed text is read.
 */
function withItem(clauses: SyntaxClause[], c: number, analysed: string[][]): string[][] {
  const [word, next] = [clauses[c]!, clauses[c + 1]];
  if (!next || !isPlain(word) || !isPlain(next) || analysed.length === 0) return analysed;
  const item = tokenize(`${word.term} ${next.term}`).find((t) => t.type === 'lettered');
  if (!item || item.start >= word.term.length || item.end <= word.term.length + 1) return analysed;
  return [...analysed.slice(0, -1), [...analysed[analysed.length - 1]!, item.text]];
}

/** An analysed term that may be a resolution's own number: three to five digits, not a year. */
function isResolutionNumber(term: string): boolean {
  return /^[0-9]{3,5}$/.test(term) && !isYear(Number(term));
}

/** An analysed term that is a year (1946-2100), four digits. */
function isYearTerm(term: string): boolean {
  return /^[0-9]{4}$/.test(term) && isYear(Number(term));
}

export function planQuery(query: string): QueryPlan {
  if (query.trim() === '') throw new UsageError('empty query: give at least one word to search for');
  if (query.length > MAX_QUERY_CHARS) {
    throw new UsageError(`query too long: ${query.length} characters, the limit is ${MAX_QUERY_CHARS}`);
  }
  const { plan, named } = buildPlan(query, false);
  if (!named) return plan;
  const fallback = buildPlan(query, true).plan;
  return fallback.groups.some((g) => g.presence !== 'prohibited') ? { ...plan, fallback } : plan;
}

/** The plan of a query, and whether it names a document symbol or a resolution; with `parts`, those read as their parts. */
function buildPlan(query: string, parts: boolean): { plan: QueryPlan; named: boolean } {
  let named = false;
  const groups: QueryGroup[] = [];
  const phrases: PhraseWord[][] = [];
  const seen = new Map<string, number>();
  const addGroup = (group: QueryGroup): number => {
    const key = JSON.stringify([group.fields, group.presence, group.matcher]);
    const known = seen.get(key);
    if (known !== undefined) return known;
    seen.set(key, groups.length);
    groups.push(group);
    return groups.length - 1;
  };

  const segments = splitPhrases(query);
  segments.forEach((segment, s) => {
    if (segment.phrase) {
      // A + or - written just before the quote belongs to the phrase.
      const before = s > 0 ? segments[s - 1]! : null;
      const sign = before && !before.phrase ? TRAILING_SIGN.exec(before.text)?.[0].trim() : undefined;
      if (sign === '-') throw new UsageError('bad query: a quoted phrase cannot be excluded; exclude single words with -word');
      addPhrase(segment.text, addGroup, phrases);
      return;
    }
    // A sign that belongs to the next quoted phrase is not a word.
    const text = segments[s + 1]?.phrase ? segment.text.replace(TRAILING_SIGN, '') : segment.text;
    if (text.trim() !== '' && addPlain(text, addGroup, parts)) named = true;
  });

  if (groups.length > 0 && groups.every((g) => g.presence === 'prohibited')) {
    throw new UsageError('bad query: only excluded words (-word); add at least one word to look for');
  }
  const preferKind = preferredKind(query);
  return { plan: preferKind ? { groups, phrases, preferKind } : { groups, phrases }, named };
}

/**
 * A quoted phrase: each analysed word a required group, with its place; two or more words make a phrase to check.
 * A place accepts what the same word accepts outside quotes (its nisba, an equivalent wording: exactMatcher), so
 * `"الملزم قانونا"` holds at `الملزم قانونياً`; the order and the distance of the places stay strict.
 */
function addPhrase(text: string, addGroup: (g: QueryGroup) => number, phrases: PhraseWord[][]): void {
  const words: PhraseWord[] = [];
  const printed = tokenize(text).map((t) => t.text);
  for (const word of analyseQueryWords(text)) {
    const group = addGroup({
      source: text.trim(),
      fields: [...POSITIONAL_FIELDS],
      presence: 'required',
      boost: 1,
      matcher: exactMatcher(word.terms, null, alternatesAt(printed, word.word, word.terms)),
    });
    words.push({ group, offset: word.word });
  }
  if (words.length >= 2) phrases.push(words);
}

/**
 * Plain query text, read with the query syntax. With `parts`, document symbols and resolution references are read
 * as their parts (the fallback plan). Returns whether the text names a symbol or a resolution (read whole).
 */
function addPlain(text: string, addGroup: (g: QueryGroup) => number, parts: boolean): boolean {
  let namesSymbol = false;
  const clauses = parseSyntax(text);
  for (let c = 0; c < clauses.length; c++) {
    const clause = clauses[c]!;
    const unfielded = clause.fields === null;
    const fields: readonly Field[] = clause.fields ?? DEFAULT_FIELDS;
    const presence = clause.presence;
    const boost = clause.boost > 0 ? clause.boost : 1;
    const base = { source: clause.term, fields: [...fields], presence, boost };
    if (clause.term.includes('*')) {
      addGroup({ ...base, matcher: wildcardMatcher(clause.term) });
      continue;
    }
    const distance = clause.editDistance;
    if (distance > MAX_EDIT_DISTANCE) {
      throw new UsageError(`bad query: edit distance ${distance} in '${oneLine(clause.term)}~${distance}' is above ${MAX_EDIT_DISTANCE}`);
    }
    const plainWord = isPlain(clause);
    // "قرار مجلس الأمن 338", "القرار 1514": one name of one resolution, not loose words.
    const designation = plainWord && !parts ? designationAt(clauses, c) : null;
    if (designation) {
      namesSymbol = true;
      addGroup({ ...base, source: designation.source, fields: [...fields, 'title'], matcher: { kind: 'exact', terms: designation.terms } });
      c = designation.last;
      continue;
    }
    // A clause id typed as a word (art51): only its reference.
    const idKeys = plainWord ? referenceKeysOfClauseId(clause.term) : null;
    if (idKeys) {
      addGroup({ ...base, fields: ['ref'], matcher: { kind: 'exact', terms: idKeys } });
      continue;
    }
    // A reference word and its number, in one term (المادة51) or in this term and the next (المادة 51).
    let refs: string[] | null = null;
    if (plainWord) {
      const parts = tokenize(clause.term);
      if (parts.length === 2 && parts[0]!.type === 'word' && parts[1]!.type === 'number') {
        refs = referenceKeys(parts[0]!.text, parts[1]!.text);
      } else {
        const next = clauses[c + 1];
        const nextPlain = next !== undefined && isPlain(next);
        // A clause named by a number ("المادة 51") or by an ordinal of one to three words ("الفصل السابع",
        // "المادة الحادية عشرة"): the words it spans, up to clause `last`.
        const pair = nextPlain ? referenceKeys(clause.term, next.term) : null;
        const named = pair ? { keys: pair, last: c + 1 } : nextPlain ? ordinalReference(clauses, c) : null;
        if (named) {
          // "الفقرة 4 من المادة 2": the paragraph is inside the article, so the article is the clause named.
          const keys = outerReference(clauses, named.last + 1) ?? named.keys;
          // Every word answers to the reference: the named clause holds "all the words".
          for (let j = c; j <= named.last; j++) {
            for (const terms of withItem(clauses, j, analyseQueryTerm(clauses[j]!.term))) {
              addGroup({ ...base, fields: [...fields, 'ref'], matcher: { kind: 'exact', terms: [...terms, ...keys] } });
            }
          }
          c = named.last;
          continue;
        }
      }
    }
    const analysed = withItem(clauses, c, analyseQueryTerm(clause.term, parts));
    if (!parts && unfielded && tokenize(clause.term).some((t) => t.type === 'symbol')) namesSymbol = true;
    for (const terms of analysed) {
      // A document symbol (every term holds a slash) is also the document's own: look in its title field too.
      // So is a resolution's bare number (`1514`, `قرار مجلس الأمن 338`): the title holds the document's own
      // symbol (A/RES/1514(XV), S/RES/338 (1973)). A year (`2019`) names the documents of that year too: the
      // years field holds the years each document is of (fields.ts). A number of one or two digits names no document.
      const symbol = unfielded && (terms.every((t) => t.includes('/')) || terms.every(isResolutionNumber));
      const year = unfielded && terms.every(isYearTerm);
      addGroup({
        ...base,
        fields: refs ? [...fields, 'ref'] : symbol ? [...fields, 'title'] : year ? [...fields, 'years'] : [...fields],
        matcher: distance > 0 ? { kind: 'fuzzy', terms, distance } : analysed.length === 1 ? wordMatcher(clauses, c, terms, refs, text) : exactMatcher(terms, refs, []),
      });
    }
  }
  return namesSymbol;
}

/** The exact matcher of query word c, read whole: its equivalent wordings, and the UN entity it names (entity-names.ts). */
function wordMatcher(clauses: SyntaxClause[], c: number, terms: string[], refs: string[] | null, printed: string): TermMatcher {
  const words = clauses.map((x) => x.term);
  const entity = namedEntitiesAt(words, c, terms, printed);
  const alternates = alternatesAt(words, c, terms);
  for (const t of entity.alternates) if (!alternates.includes(t)) alternates.push(t);
  const matcher = exactMatcher(terms, refs, alternates);
  if (matcher.kind === 'exact' && entity.phrases.length > 0) matcher.names = entity.phrases;
  return matcher;
}

/**
 * The verbal nouns among a word's stems that the stemmer derived from another of them, a participle
 * (stemmer.ts rule 7: المتجرين -> متجر and اتجار): the word typed is the participle, and a clause
 * holding only the verbal noun (الاتجار) answers it less well than one holding the participle.
 */
function derivedOf(terms: readonly string[]): string[] {
  const derived = terms.filter((t) => terms.some((s) => s !== t && (masdarOfParticiple(s) ?? masdarOfVerb(s)) === t));
  return derived.length < terms.length ? derived : [];
}

/**
 * An exact matcher of a word's stems (and its reference keys): the verbal nouns the stemmer derived from its
 * participle, and the relational adjective (nisba) of a noun stem typed, count as `derived`, below the stems typed.
 */
function exactMatcher(stems: string[], refs: string[] | null, alternates: string[]): TermMatcher {
  const derivedStems = derivedOf(stems);
  const typed = derivedStems.length > 0 ? stems.filter((t) => !derivedStems.includes(t)) : stems;
  const derived = [...derivedStems];
  for (const t of typed) {
    // Not from a reading that keeps a particle or article another reading strips (وتهريب beside تهريب), nor from
    // a derived form's participle (متجر), an adjective already.
    if (typed.some((o) => o !== t && t.endsWith(o)) || masdarOfParticiple(t) !== null) continue;
    // A noun's relational adjective is also built on its broken plural (عامل, عمال -> العمالية, labour's).
    for (const nisba of [nisbaOfNoun(t), ...pluralsOfSingular(t).map(nisbaOfNoun)]) {
      if (nisba !== null && !stems.includes(nisba) && !alternates.includes(nisba) && !derived.includes(nisba)) derived.push(nisba);
    }
  }
  const matcher: TermMatcher = { kind: 'exact', terms: refs ? [...typed, ...refs] : typed };
  if (alternates.length > 0) matcher.alternates = alternates;
  if (derived.length > 0) matcher.derived = derived;
  return matcher;
}
