// The analysis chain as lunr pipeline functions, registered with lunr so a
// lunr index can use it too (see `unresArabic`), and run the same way at index
// time (tokenizer, then the pipeline) and at query time (each term lunr's query
// parser yields goes through the same pipeline, whose first stage re-applies
// the tokenizer to it). Stages:
//   unres-split       tokenizer rules on a raw query term (no-op on tokenizer output)
//   unres-normalise   spelling variants folded (normalise.ts; symbols: a zero between letters reads O)
//   unres-stop-words  function words and lone letters dropped (stopwords.ts)
//   unres-stem        light stems, possibly several variants (stemmer.ts)
// Token metadata: `type` (word | number | pair | symbol), `word` (index of the token
// the tokenizer produced, shared by every variant of it), `position` ([start, length]).

import { createRequire } from 'node:module';
import type lunrModule from 'lunr';
import { normaliseSymbolToken, normaliseToken } from './normalise.js';
import { stemVariants } from './stemmer.js';
import { isStopWord } from './stopwords.js';
import { isDecisionOrResolutionSymbol, pairKeyOfSymbol } from './symbols.js';
import { type RawToken, tokenize, type TokenType } from './tokenizer.js';

// lunr is CommonJS: required directly, Node does not scan its source for ES
// named exports, which cost every search's start-up ~10 ms.
const lunr = createRequire(import.meta.url)('lunr') as typeof lunrModule;

interface TokenMetadata {
  type?: TokenType;
  word?: number;
  position?: [number, number];
  [key: string]: unknown;
}

function metadataOf(token: lunr.Token): TokenMetadata {
  return (token as unknown as { metadata: TokenMetadata }).metadata;
}

function tokensOf(text: string, metadata: object): lunr.Token[] {
  return tokenize(text).map(
    (raw, i) =>
      new lunr.Token(raw.text, {
        ...metadata,
        type: raw.type,
        word: i,
        position: [raw.start, raw.end - raw.start],
      }),
  );
}

/** lunr-compatible tokenizer (a Builder's `tokenizer`). */
export function unresTokenizer(obj?: unknown, metadata?: object): lunr.Token[] {
  if (obj === null || obj === undefined) return [];
  const text = Array.isArray(obj) ? obj.map(String).join(' ') : String(obj);
  return tokensOf(text, metadata ?? {});
}

export const splitStage: lunr.PipelineFunction = (token) => {
  const meta = metadataOf(token);
  if (meta.type) return token;
  const parts = tokensOf(token.toString(), meta);
  return parts;
};

export const normaliseStage: lunr.PipelineFunction = (token) => {
  const type = metadataOf(token).type;
  if (type === 'pair') return token;
  const normalised = type === 'symbol' ? normaliseSymbolToken(token.toString()) : normaliseToken(token.toString());
  if (normalised.length === 0) return null;
  return token.update(() => normalised);
};

export const stopWordStage: lunr.PipelineFunction = (token) => {
  if (metadataOf(token).type !== 'word') return token;
  const word = token.toString();
  if (isStopWord(word)) return null;
  // A lone letter is a list label (أ), a symbol's series (A/RES) or a broken word, never a topic.
  if (word.length === 1) return null;
  return token;
};

export const stemStage: lunr.PipelineFunction = (token) => {
  if (metadataOf(token).type !== 'word') return token;
  const variants = stemVariants(token.toString());
  if (variants.length === 1) return token.update(() => variants[0]!);
  return variants.map((variant) => token.clone(() => variant));
};

lunr.Pipeline.registerFunction(splitStage, 'unres-split');
lunr.Pipeline.registerFunction(normaliseStage, 'unres-normalise');
lunr.Pipeline.registerFunction(stopWordStage, 'unres-stop-words');
lunr.Pipeline.registerFunction(stemStage, 'unres-stem');

export function createAnalysisPipeline(): lunr.Pipeline {
  const pipeline = new lunr.Pipeline();
  pipeline.add(splitStage, normaliseStage, stopWordStage, stemStage);
  return pipeline;
}

/** lunr plugin: `lunr(function () { this.use(unresArabic); ... })` indexes and searches with this chain. */
export function unresArabic(this: lunr.Builder, builder: lunr.Builder): void {
  builder.tokenizer = unresTokenizer as typeof lunr.tokenizer;
  builder.pipeline.reset();
  builder.pipeline.add(splitStage, normaliseStage, stopWordStage, stemStage);
  builder.searchPipeline.reset();
  builder.searchPipeline.add(splitStage, normaliseStage, stopWordStage, stemStage);
}

const sharedPipeline = createAnalysisPipeline();

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
// Two generations: when the current one is full it becomes the old one, and a
// word found in the old one moves back, so the common words are never dropped.
let wordMemo = new Map<string, readonly string[]>();
let oldWordMemo = new Map<string, readonly string[]>();

/**
 * A copy of a string that does not keep alive the text it was sliced from: a
 * token is a slice of its clause, and V8 keeps a long slice (13 characters or
 * more) as a view on the whole clause, which the memo would then hold forever.
 */
function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** The terms of one printed token, through the pipeline; memoised (a corpus repeats its words). */
export function analyseToken(text: string, type: TokenType): readonly string[] {
  const key = type === 'word' ? text : `${type}\u0000${text}`;
  const known = wordMemo.get(key);
  if (known) return known;
  const old = oldWordMemo.get(key);
  if (old) {
    remember(detached(key), old);
    return old;
  }
  const out = sharedPipeline.run([new lunr.Token(text, { type, word: 0 })]).map((t) => detached(t.toString()));
  const terms = out.length > 1 ? [...new Set(out)] : out;
  remember(detached(key), terms);
  return terms;
}

function remember(key: string, terms: readonly string[]): void {
  if (wordMemo.size >= WORD_MEMO_LIMIT) {
    oldWordMemo = wordMemo;
    wordMemo = new Map();
  }
  wordMemo.set(key, terms);
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
 * Query-time analysis of one term from lunr's query parser: the tokenizer,
 * then the pipeline on each token, as at index time. Returns the terms
 * grouped by the printed token they come from. A document symbol is asked
 * for whole (`E/2017/30` is one group, not `2017` and `30`); a resolution or
 * decision symbol also matches its order-free number pair (`A/RES/64/293`
 * finds `٢٩٣/٦٤`).
 */
export function analyseQueryTerm(term: string): string[][] {
  return analyseQueryWords(term).map((w) => w.terms);
}

/** One printed token of a query, analysed: its terms and its index among the tokens (the position the index records). */
export interface QueryWord {
  terms: string[];
  word: number;
}

/** analyseQueryTerm with each group's token index, so a phrase knows how far apart its words stand (a stop word keeps its place). */
export function analyseQueryWords(text: string): QueryWord[] {
  const raws = tokenize(text);
  const symbols = raws.filter((t) => t.type === 'symbol');
  const insideSymbol = (t: RawToken): boolean => symbols.some((s) => t !== s && t.start >= s.start && t.end <= s.end);
  const words: QueryWord[] = [];
  raws.forEach((raw, word) => {
    if (raw.type !== 'symbol' && insideSymbol(raw)) return;
    const terms = [...analyseToken(raw.text, raw.type)];
    if (raw.type === 'symbol' && isDecisionOrResolutionSymbol(raw.text)) {
      const pair = pairKeyOfSymbol(raw.text);
      if (pair) terms.push(pair);
    }
    if (terms.length > 0) words.push({ terms, word });
  });
  return words;
}
