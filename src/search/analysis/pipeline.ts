// The analysis chain, run the same way at index time (tokenizer, then the
// chain on each token) and at query time (each term the query syntax yields is
// tokenized again, then the same chain). Steps:
//   normalise   spelling variants folded (normalise.ts; symbols: a zero between letters reads O)
//   stop words  function words and lone letters dropped (stopwords.ts)
//   stem        light stems, possibly several variants (stemmer.ts)

import { normaliseSymbolToken, normaliseToken } from './normalise.js';
import { stemVariants } from './stemmer.js';
import { isStopWord } from './stopwords.js';
import { isDecisionOrResolutionSymbol, pairKeyOfSymbol } from './symbols.js';
import { type RawToken, tokenize, type TokenType } from './tokenizer.js';

/** Step 1: a token's spelling folded; '' when nothing is left (the token is dropped). */
function normaliseStep(text: string, type: TokenType): string {
  if (type === 'pair') return text;
  return type === 'symbol' ? normaliseSymbolToken(text) : normaliseToken(text);
}

/** Step 2: whether a normalised token is dropped as a stop word. */
function isDroppedStep(text: string, type: TokenType): boolean {
  if (type !== 'word') return false;
  // A lone letter is a list label (أ), a symbol's series (A/RES) or a broken word, never a topic.
  return isStopWord(text) || text.length === 1;
}

/** Step 3: a kept token's terms (a word's stem variants; any other token as it is). */
function stemStep(text: string, type: TokenType): readonly string[] {
  return type === 'word' ? stemVariants(text) : [text];
}

/** The three steps on one printed token. */
function runChain(text: string, type: TokenType): string[] {
  const normalised = normaliseStep(text, type);
  if (normalised.length === 0 || isDroppedStep(normalised, type)) return [];
  return [...stemStep(normalised, type)];
}

/** One term of analysed text, with the span of the printed token it came from. */
export interface AnalysedTerm {
  term: string;
  start: number;
  end: number;
  /** Index of the printed token: variants of one token share it. */
  word: number;
}

// Per thread (each ingest parse worker keeps its own): the common words of a corpus fit
// many times over, and the memo cannot grow a worker's heap with the corpus.
const WORD_MEMO_LIMIT = 100_000;
/**
 * A memo in two generations: when the current one is full it becomes the old
 * one (turn), and an entry found in the old one moves back, so the entries in
 * use (a corpus's common words) are never dropped while the memo stays bounded.
 */
class TwoGenerations<V> {
  private current = new Map<string, V>();
  private old = new Map<string, V>();

  /** Entries in the current generation. */
  get size(): number {
    return this.current.size;
  }

  /** The value in the current generation. */
  recent(key: string): V | undefined {
    return this.current.get(key);
  }

  /** The value in the old generation (moved back only by set). */
  older(key: string): V | undefined {
    return this.old.get(key);
  }

  set(key: string, value: V): void {
    this.current.set(key, value);
  }

  turn(): void {
    this.old = this.current;
    this.current = new Map();
  }
}

const wordMemo = new TwoGenerations<readonly string[]>();

/**
 * A copy of a string that does not keep alive the text it was sliced from: a
 * token is a slice of its clause, and V8 keeps a long slice (13 characters or
 * more) as a view on the whole clause, which the memo would then hold forever.
 */
function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** A token's key in the memos: its text, and its type unless a word. */
function tokenKey(text: string, type: TokenType): string {
  return type === 'word' ? text : `${type}\u0000${text}`;
}

/** The terms of one printed token, through the pipeline, each once and detached from the text (not memoised). */
function tokenTermsAnew(text: string, type: TokenType): string[] {
  const out = runChain(text, type).map(detached);
  return out.length > 1 ? [...new Set(out)] : out;
}

/** The terms of one printed token, through the pipeline; memoised (a corpus repeats its words). */
export function analyseToken(text: string, type: TokenType): readonly string[] {
  const key = tokenKey(text, type);
  const known = wordMemo.recent(key);
  if (known) return known;
  const terms = wordMemo.older(key) ?? tokenTermsAnew(text, type);
  if (wordMemo.size >= WORD_MEMO_LIMIT) wordMemo.turn();
  wordMemo.set(detached(key), terms);
  return terms;
}

/**
 * A term as index-time analysis hands it out (indexTermsOf): within one
 * document the same object for the same term, so a document's encoder
 * (src/index/analysed.ts) numbers its terms with a mark on the object
 * (`document`, `id`) instead of a lookup by string per term.
 */
export interface IndexTerm {
  readonly term: string;
  /** The encoder that numbered it last (a per-document stamp), and the number it gave. */
  document: number;
  id: number;
}

const NO_TERMS: readonly IndexTerm[] = [];
// The index-time memos, per thread, two generations each as the word memo
// above: printed token -> its terms, and term -> its one IndexTerm object.
// Generations turn only between documents (beginIndexDocument), never inside
// one: a token's terms and a term found again for another token are then the
// same objects throughout a document (the terms of tokens kept from the old
// generation are filed in the new one's term table as they move).
const tokenTerms = new TwoGenerations<readonly IndexTerm[]>();
const termObjects = new TwoGenerations<IndexTerm>();

let indexMemoLimit = WORD_MEMO_LIMIT;

/** Entries per generation of the index-time memos (tests make them turn over often). */
export function setIndexMemoLimit(entries: number): void {
  indexMemoLimit = entries;
}

/** Called before each document's index-time analysis: the memos turn over here when full. */
export function beginIndexDocument(): void {
  if (tokenTerms.size < indexMemoLimit && termObjects.size < indexMemoLimit) return;
  tokenTerms.turn();
  termObjects.turn();
}

/** The one IndexTerm object of a term (detached already: tokenTermsAnew). */
function termObject(term: string): IndexTerm {
  let found = termObjects.recent(term);
  if (found) return found;
  found = termObjects.older(term) ?? { term, document: 0, id: 0 };
  termObjects.set(found.term, found);
  return found;
}

/**
 * The terms of one printed token at index time: analyseToken's terms, as
 * IndexTerm objects (see beginIndexDocument). Memoised.
 */
export function indexTermsOf(text: string, type: TokenType): readonly IndexTerm[] {
  const key = tokenKey(text, type);
  const known = tokenTerms.recent(key);
  if (known) return known;
  let terms = tokenTerms.older(key);
  if (terms) {
    for (const t of terms) if (termObjects.recent(t.term) !== t) termObjects.set(t.term, t);
  } else {
    const out = tokenTermsAnew(text, type);
    terms = out.length === 0 ? NO_TERMS : out.map(termObject);
  }
  tokenTerms.set(detached(key), terms);
  return terms;
}

/** Index-time analysis: tokenizer, then the pipeline on each token. */
export function analyseText(text: string): AnalysedTerm[] {
  const out: AnalysedTerm[] = [];
  const raws = tokenize(text);
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    for (const term of analyseToken(raw.text, raw.type)) {
      out.push({ term, start: raw.start, end: raw.end, word: i });
    }
  }
  return out;
}

/**
 * Query-time analysis of one term from the query syntax (query-syntax.ts): the tokenizer,
 * then the pipeline on each token, as at index time. Returns the terms
 * grouped by the printed token they come from. A document symbol is asked
 * for whole (`E/2017/30` is one group, not `2017` and `30`); a resolution or
 * decision symbol also matches its order-free number pair (`A/RES/64/293`
 * finds `٢٩٣/٦٤`).
 */
export function analyseQueryTerm(term: string, symbolParts = false): string[][] {
  return analyseQueryWords(term, symbolParts).map((w) => w.terms);
}

/** One printed token of a query, analysed: its terms and its index among the tokens (the position the index records). */
export interface QueryWord {
  terms: string[];
  word: number;
}

/**
 * analyseQueryTerm with each group's token index, so a phrase knows how far apart its words stand (a stop word keeps
 * its place). With `symbolParts`, a document symbol is read as its parts (letters and numbers), not whole: the reading
 * a query falls back to when no clause holds the symbol (query.ts).
 */
export function analyseQueryWords(text: string, symbolParts = false): QueryWord[] {
  const raws = tokenize(text);
  // A symbol is asked for whole, and a hyphen-joined number as its dotted reading (`8-7` as `8.7`), not their parts.
  const symbols = raws.filter((t) => (t.type === 'symbol' && !symbolParts) || t.type === 'dotted');
  const insideSymbol = (t: RawToken): boolean => symbols.some((s) => t !== s && t.start >= s.start && t.end <= s.end);
  const words: QueryWord[] = [];
  raws.forEach((raw, word) => {
    if (symbolParts && raw.type === 'symbol') return;
    if (raw.type !== 'symbol' && insideSymbol(raw)) return;
    const terms = [...analyseToken(raw.text, raw.type)];
    // A paragraph's item (`1(a)`) is one more reading of its number: the number's group, not a word of its own.
    const last = words[words.length - 1];
    if (raw.type === 'lettered' && last && raws[last.word]!.start === raw.start) {
      last.terms.push(...terms);
      return;
    }
    if (raw.type === 'symbol' && isDecisionOrResolutionSymbol(raw.text)) {
      const pair = pairKeyOfSymbol(raw.text);
      if (pair) terms.push(pair);
    }
    if (terms.length > 0) words.push({ terms, word });
  });
  return words;
}
