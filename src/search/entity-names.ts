// UN entities and treaties named in a query (src/un/entity-names.ts, and the
// organs' acronyms in src/un/organ-table.ts). A query word that is an acronym
// (UNODC, unodc, اليونيسف, الاونروا) also looks for the entity's full names,
// each as a phrase (its words in order on the stored positions, as a quoted
// phrase), and for its other acronyms; a full name typed (its words in order,
// each by its printed form, folded, without article and attached particles)
// also looks for the acronyms. Latin
// acronyms compare in capitals (a `word` one, WHO, only as typed in capitals);
// Arabic ones as the table's other words do (alternates.ts bareWord: folded,
// without article and attached particles), so اليونيسف is not اليونيسفية.
//
// An entry is analysed only when the query names it (as alternates.ts does):
// a Latin acronym is compared as it is, and an Arabic word only against the
// entries whose printed text holds its printed pieces.

import { analyseQueryTerm, analyseQueryWords } from './analysis/pipeline.js';
import { bareWord, printedPieces } from './alternates.js';
import { ENTITY_NAMES } from '../un/entity-names.js';
import { ORGANS } from '../un/organ-table.js';

/** One word of a full name: its terms (any of them) and its place among the name's printed tokens. */
export interface NameWord {
  terms: string[];
  offset: number;
}

/** A full name looked for as a phrase. */
export type NamePhrase = NameWord[];

export interface NamedEntity {
  /** Terms of the entity's acronyms the query word does not already look for. */
  alternates: string[];
  /** The entity's full names, when the query word is its acronym. */
  phrases: NamePhrase[];
}

interface Entry {
  latin: readonly string[];
  arabic: readonly string[];
  names: readonly string[];
  word: boolean;
}

const ENTRIES: readonly Entry[] = [
  ...ORGANS.flatMap((o) => (o.latin ? [{ latin: o.latin, arabic: [], names: [o.arabic], word: false }] : [])),
  ...ENTITY_NAMES.map((e) => ({ latin: e.latin, arabic: e.arabic ?? [], names: e.names, word: e.word ?? false })),
];

const acronymTerms = new Map<number, string[]>();
const namePhrases = new Map<number, NamePhrase[]>();
const nameReadings = new Map<number, string[][]>();

/** The first term of every acronym of entry e, Latin and Arabic. */
function acronymsOf(e: number): string[] {
  let known = acronymTerms.get(e);
  if (!known) {
    const entry = ENTRIES[e]!;
    known = [...new Set([...entry.latin, ...entry.arabic].flatMap((a) => analyseQueryTerm(a).flat().slice(0, 1)))];
    acronymTerms.set(e, known);
  }
  return known;
}

/** The full names of entry e as phrases (analysed once, when an acronym names the entry). */
function phrasesOf(e: number): NamePhrase[] {
  let known = namePhrases.get(e);
  if (!known) {
    known = [];
    for (const name of ENTRIES[e]!.names) {
      const words = analyseQueryWords(name);
      if (words.length >= 2) known.push(words.map((w) => ({ terms: w.terms, offset: w.word - words[0]!.word })));
    }
    namePhrases.set(e, known);
  }
  return known;
}

/** The full names of entry e, each as its printed words, bare (bareWord: normalised only, nothing analysed). */
function namesOf(e: number): string[][] {
  let known = nameReadings.get(e);
  if (!known) {
    known = ENTRIES[e]!.names.map((name) => name.split(' ').map(bareWord));
    nameReadings.set(e, known);
  }
  return known;
}

/** Does the text hold the word in these very letters, not inside a longer Latin word? */
function holdsAsTyped(text: string, word: string): boolean {
  const latin = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9]/.test(ch);
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (!latin(text[i - 1]) && !latin(text[i + word.length])) return true;
  }
  return false;
}

/** Is the typed word one of the entry's acronyms? `printed`: the query as typed (the syntax lowercases words). */
function isAcronymOf(typed: string, bare: string, entry: Entry, printed: string): boolean {
  const upper = typed.toUpperCase();
  if (entry.latin.some((a) => a === upper && (!entry.word || holdsAsTyped(printed, a)))) return true;
  return entry.arabic.some((a) => bareWord(a) === bare);
}

/** The entries whose printed text (acronyms, names) may hold the query word: Latin compared whole, Arabic by its printed pieces. */
function entriesNaming(typed: string, bare: string): number[] {
  const upper = typed.toUpperCase();
  const pieces = /^[A-Za-z]+$/.test(typed) ? null : printedPieces(bare);
  const out: number[] = [];
  if (pieces !== null && pieces.join('').length < 2) {
    // Pieces too short to pick entries by (الإيكاو: folded letters but one): the Arabic acronyms, compared whole.
    ENTRIES.forEach((entry, e) => {
      if (entry.arabic.some((a) => bareWord(a) === bare)) out.push(e);
    });
    return out;
  }
  ENTRIES.forEach((entry, e) => {
    const named = pieces === null ? entry.latin.includes(upper) : [...entry.arabic, ...entry.names].some((text) => pieces.every((p) => text.includes(p)));
    if (named) out.push(e);
  });
  return out;
}

/** The last query read: its words bare, and the entries any of its words may name (one word of a name may be too short to pick its entry alone: للبيئة). */
let lastQuery: { key: string; bare: string[]; entries: number[] } | null = null;

function queryReading(words: readonly string[]): { bare: string[]; entries: number[] } {
  const key = words.join(' ');
  if (lastQuery?.key === key) return lastQuery;
  const bare = words.map(bareWord);
  const entries = new Set<number>();
  words.forEach((w, i) => {
    for (const e of entriesNaming(w, bare[i]!)) entries.add(e);
  });
  lastQuery = { key, bare, entries: [...entries].sort((a, b) => a - b) };
  return lastQuery;
}

/**
 * The entities query word c of `words` names: as an acronym (its full names as phrases, its other acronyms), or as
 * a word of a full name typed whole around it (the acronyms). `terms`: the word's own terms, not repeated;
 * `printed`: the query text as typed, where an acronym that is an English word must stand in capitals.
 */
export function namedEntitiesAt(words: readonly string[], c: number, terms: readonly string[], printed: string): NamedEntity {
  const alternates = new Set<string>();
  const phrases: NamePhrase[] = [];
  const typed = words[c]!;
  const { bare: bares, entries } = queryReading(words);
  const bare = bares[c]!;
  for (const e of entries) {
    const entry = ENTRIES[e]!;
    if (isAcronymOf(typed, bare, entry, printed)) {
      for (const t of acronymsOf(e)) if (!terms.includes(t)) alternates.add(t);
      phrases.push(...phrasesOf(e));
      continue;
    }
    // A full name typed whole, word c among its words but not its first, each word as printed (folded, without
    // article and attached particles: لمنظمة, والجريمة). The acronym answers for every word of the name but one,
    // so that a clause printing the name (all its words) still ranks above a clause printing only the acronym.
    if (!entry.names.some((name) => name.split(' ').length <= words.length)) continue;
    const typedWhole = namesOf(e).some((name) =>
      name.some((b, k) => {
        const start = c - k;
        if (k === 0 || b !== bare || start < 0 || start + name.length > words.length) return false;
        return name.every((w, m) => bares[start + m] === w);
      }),
    );
    if (typedWhole) for (const t of acronymsOf(e)) if (!terms.includes(t)) alternates.add(t);
  }
  return { alternates: [...alternates], phrases };
}
