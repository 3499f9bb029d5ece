// Runs a query plan over segments. Scores are BM25 (k1 1.2, b 0.75, as lunr)
// with statistics taken over all live clauses of all segments, so splitting an
// index into segments, or replacing documents, never changes a score: a
// segmented index and a one-segment index rank alike. Ranking: clauses that
// hold more of the query's words come first ("all words above some"), BM25
// within the same count. A word's variants and fields are alternatives: the
// best of them counts, once.
//
// Retrieval is document-at-a-time over postings cursors, with the best `limit`
// clauses kept in a heap. Once the heap is full, its worst entry is a
// threshold (matched words, then BM25): groups of words too weak to reach it
// on their own no longer drive the walk (MaxScore), and a stretch of clauses
// whose blocks' best possible score (from each block's competitive pairs of
// term frequency and field length: block-max) stays below it is skipped without
// decoding. Once a clause must hold every group to rank, a stretch is also
// bounded with its clauses' text length shared by all their words (each
// group's best at one length, the worst length taken): the blocks' best scores
// often come from different short clauses, one per word. Pruning only drops
// clauses that cannot rank, so the hits and their scores are exactly those of
// scoring every posting.
//
// Exact ties (a corpus repeats clauses word for word) are broken by document
// id, then clause order. A segment keeps its documents in id order
// (src/index/builder.ts), so within a segment ordinal order is tie order: a
// clause met later can only tie with the threshold and lose. A stretch whose
// best possible score (computed exactly as a clause's score is, without the
// rounding margin) only equals the threshold is skipped too, once the
// stretch's first clause already loses the tie-break.
//
// Phrases and proximity (proximity.ts) read the word positions the postings
// keep, at the clause the walk stands on: a clause lacking a quoted phrase is
// never kept; a clause entering the best RERANK_DEPTH gets its closeness,
// which re-ranks those candidates at the end (BM25 raised by how close the
// query's words stand). Each match counts FIELD_WEIGHTS[field] times. Closeness
// raises BM25 by a bounded factor, so once `limit` candidates stand above what
// a clause could reach raised by it (rerank-floor.ts), the walk prunes against
// that bound too, as against the heap's worst.

import { UsageError } from '../errors.js';
import { documentKindCode } from '../index/format/docs.js';
import type { LengthColumn } from '../index/format/norms.js';
import { firstAtLeast, gallopToAtLeast } from '../index/sorted.js';
import { KIND_BITS, NO_MORE, type PostingsCursor, kindBit } from '../index/format/postings.js';
import type { TermInfo } from '../index/format/terms.js';
import type { SegmentReader } from '../index/segment-reader.js';
import { citeQueryKey, normaliseSymbol } from './analysis/symbols.js';
import { exactTerms, expandInDictionary } from './expand.js';
import { ALL_FIELDS, ALTERNATE_WEIGHT, CLAUSE_FIELDS, CLAUSE_KINDS, type ClauseField, type DocField, DOCUMENT_KINDS, FIELD_WEIGHTS, type Field, POSITIONAL_FIELDS, clauseKindCode, isDocField } from './fields.js';
import { MOST_RAISED, RERANK_DEPTH, closenessOf, holdsPhrases, needsProximity, raisedByCloseness } from './proximity.js';
import { RerankFloor } from './rerank-floor.js';
import { PhraseIterator, phraseClauses, placedWords } from './name-phrases.js';
import type { NamePhrase } from './entity-names.js';
import type { QueryGroup, QueryPlan } from './query.js';

const K1 = 1.2;
const B = 0.75;
/** Bounds are inflated by this much so floating-point rounding can never prune a clause that could rank. */
const BOUND_SLACK = 1 + 1e-9;

/** Read access to one segment (on disk or in memory); reads lazily and checks what it reads. */
export type SegmentSource = SegmentReader;

export interface SearchFilters {
  /** Clause kinds (preamble, operative, ...) and/or document kinds (resolution, report, ...); several: any of them. */
  kind?: string | readonly string[];
  /** Documents: id, UN symbol (any case or digits), or source file's base name; several: any of them. */
  doc?: string | readonly string[];
  /**
   * Documents by exact id only (what the CLI passes once it has resolved each
   * --doc to one document): found by binary search in each segment's document
   * table, so the cost does not grow with the index. With `doc` too, both apply.
   */
  docIds?: readonly string[];
  /** Cited symbols (A/RES/64/293) or number pairs (64/293, either order); several: any of them. */
  cites?: string | readonly string[];
  /** Adopted on or after this date (YYYY-MM-DD); documents without an adoption date are left out. */
  since?: string;
  /** Adopted on or before this date (YYYY-MM-DD). */
  until?: string;
}

/** A filter value as a list: one value, several, or none. */
function valuesOf(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

export interface RankedClause {
  segment: number;
  ordinal: number;
  docOrdinal: number;
  /** How many of the query's positive words the clause holds. */
  matched: number;
  bm25: number;
  /** Reported score: matched words, plus BM25 squeezed into [0, 1): orders exactly as the ranking. */
  score: number;
}

export interface SearchOutcome {
  ranked: RankedClause[];
  /** Every term that matched, with the index of its group (for snippets). */
  matchedTerms: Map<string, number>;
}

interface SegmentState {
  source: SegmentSource;
  /** Clause ranges [start, end) of deleted documents, sorted. */
  deleted: Array<[number, number]>;
  deletedClause: Uint8Array | null;
  /** Document lists (title, years) spread over clauses, per dictionary entry: counted for the idf, then walked (made once). */
  docLists: Map<TermInfo, DocFieldClauses>;
}

interface FieldStats {
  live: number;
  average: Record<Field, number>;
}

function loadState(source: SegmentSource): SegmentState {
  const deleted: Array<[number, number]> = [];
  let deletedClause: Uint8Array | null = null;
  if (source.deletedDocs.size > 0) {
    deletedClause = new Uint8Array(source.clauseCount);
    for (const d of [...source.deletedDocs].sort((a, b) => a - b)) {
      const row = source.row(d);
      deleted.push([row.clauseStart, row.clauseStart + row.clauseCount]);
      deletedClause.fill(1, row.clauseStart, row.clauseStart + row.clauseCount);
    }
  }
  return { source, deleted, deletedClause, docLists: new Map() };
}

/** Live clauses and average field lengths over all segments: totals from each segment, minus its deleted documents. */
function collectStats(states: SegmentState[]): FieldStats {
  const totals = Object.fromEntries(ALL_FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  let live = 0;
  for (const { source } of states) {
    live += source.clauseCount;
    for (const field of Object.keys(totals) as Field[]) totals[field] += source.fieldTotals[field];
    for (const d of source.deletedDocs) {
      const row = source.row(d);
      live -= row.clauseCount;
      totals.title -= row.titleLength * row.clauseCount;
      totals.years -= row.clauseCount;
      CLAUSE_FIELDS.forEach((field, i) => (totals[field] -= row.sums[i]!));
    }
  }
  const average = {} as Record<Field, number>;
  for (const field of Object.keys(totals) as Field[]) average[field] = live > 0 ? totals[field] / live : 0;
  return { live, average };
}

function idf(docFrequency: number, live: number): number {
  return Math.log(1 + Math.abs((live - docFrequency + 0.5) / (docFrequency + 0.5)));
}

/** Does [first, last] meet a deleted range? */
function touchesDeleted(deleted: Array<[number, number]>, first: number, last: number): boolean {
  let lo = 0;
  let hi = deleted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (deleted[mid]![1] <= first) lo = mid + 1;
    else hi = mid;
  }
  return lo < deleted.length && deleted[lo]![0] <= last;
}

/** Live postings of a clause field's term in a segment (deleted clauses do not count). */
function liveCount(state: SegmentState, cursor: PostingsCursor): number {
  if (!state.deletedClause) return cursor.df;
  cursor.decodeAll();
  let n = 0;
  for (let b = 0; b < cursor.blockCount; b++) {
    if (!touchesDeleted(state.deleted, cursor.firsts[b]!, cursor.lasts[b]!)) {
      n += cursor.counts[b]!;
      continue;
    }
    cursor.loadBlock(b);
    for (let i = 0; i < cursor.blockSize; i++) if (!state.deletedClause[cursor.ordinals[i]!]) n++;
  }
  return n;
}

interface DocFieldClauses {
  ordinals: Uint32Array;
  tfs: Uint32Array;
  norms: Uint32Array;
}

/** A document field's postings spread over the live clauses of each document, with the title length as norm (1 for years). */
function docFieldClauses(state: SegmentState, info: TermInfo, field: DocField): DocFieldClauses {
  const known = state.docLists.get(info);
  if (known) return known;
  const { source } = state;
  const decoded = source.postings(field, info).readAll();
  const starts = source.docs().starts();
  let n = 0;
  for (let i = 0; i < decoded.ordinals.length; i++) {
    const d = decoded.ordinals[i]!;
    if (!source.deletedDocs.has(d)) n += starts[d + 1]! - starts[d]!;
  }
  const ordinals = new Uint32Array(n);
  const tfs = new Uint32Array(n);
  const norms = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < decoded.ordinals.length; i++) {
    const d = decoded.ordinals[i]!;
    if (source.deletedDocs.has(d)) continue;
    const norm = field === 'title' ? source.row(d).titleLength : 1;
    const from = k;
    for (let c = starts[d]!; c < starts[d + 1]!; c++) ordinals[k++] = c;
    // A document's clauses share its frequency and norm (a common year's list spreads over tens of thousands of clauses).
    tfs.fill(decoded.tfs[i]!, from, k);
    norms.fill(norm, from, k);
  }
  const out = { ordinals, tfs, norms };
  state.docLists.set(info, out);
  return out;
}

/** A term's postings in one segment, walked during scoring. */
export interface TermIterator {
  doc: number;
  next(): number;
  advance(target: number): number;
  /** Score at the current posting. */
  score(): number;
  /** Best possible score of any posting in [from, to], and whether the term can occur there at all (-1: it cannot). */
  bound(from: number, to: number): number;
  /** As bound(), without the rounding margin: computed as score() is, so never below the score of a posting there. */
  exactBound(from: number, to: number): number;
  /** Last ordinal of the block holding the current posting (the stretch its bound covers). */
  blockLast(): number;
  /** Last ordinal of the first block with postings at or after `from` (from the skip data, nothing decoded); -1 when none. */
  stretchEnd(from: number): number;
  /** Best score of the current block. */
  blockBound(): number;
  /** Best possible score anywhere. */
  maxScore: number;
  /** Word positions at the current posting (fields without positions: none). */
  positions(): ArrayLike<number>;
  /**
   * Field lengths of the competitive pairs of the blocks with postings in [from, to], pushed onto `out`;
   * false (and nothing pushed) when more than `most` blocks lie there or the bounds are not the pairs' (a kind filter).
   */
  pairLengthsIn(from: number, to: number, most: number, out: number[]): boolean;
  /**
   * As exactBound(), for a posting in [from, to] whose field length is `length`: per block, the pair of
   * largest frequency among those no longer than `length`, scored at `length` (-1: no posting can be there).
   */
  exactBoundAtLength(from: number, to: number, length: number): number;
  /**
   * As exactBound(), for clause `o` alone (at or after the current posting): its score when its block is
   * decoded, else its block's pairs no longer than the clause's own field length, scored at that length (-1:
   * the term is not in that clause). Sets `following`.
   */
  exactBoundAt(o: number): number;
  /** After exactBoundAt(o): the first ordinal after o where the term may be, as far as is known without decoding. */
  following: number;
}

/** Per index, the largest of values[index .. n). */
function suffixMaxima(values: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  let best = -1;
  for (let b = n - 1; b >= 0; b--) {
    if (values[b]! > best) best = values[b]!;
    out[b] = best;
  }
  return out;
}

function bm25Of(weight: number, tf: number, length: number, average: number): number {
  return (weight * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / average));
}

/**
 * The best score of competitive pairs [from, to) of tfs and lengths; -1 when there are none. bm25Of written
 * out: thousands of pairs per common word, in a process too young to have inlined it. The same operations in
 * the same order, so the same double as score() gives.
 */
function bestOfPairs(tfs: Uint32Array, lengths: Uint32Array, from: number, to: number, weight: number, average: number): number {
  let best = -1;
  for (let k = from; k < to; k++) {
    const tf = tfs[k]!;
    const score = (weight * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[k]!) / average));
    if (score > best) best = score;
  }
  return best;
}

class CursorIterator implements TermIterator {
  doc = -1;
  maxScore = 0;
  private readonly blockScores: Float64Array;
  private readonly exactScores: Float64Array;
  /** Blocks bounded so far (blockScores and exactScores below it): the list's skip table is decoded as the walk goes. */
  private scored = 0;
  /**
   * The best of blockScores and exactScores from each block to the last (a bound up to the list's end in one
   * look), once every block is bounded; before, the list's best (its competitive pairs'), which is no lower.
   */
  private tailScores: Float64Array | null = null;
  private tailExactScores: Float64Array | null = null;
  /** The list's best score (exact, and with the rounding margin; -1: no posting of the kinds let through). */
  private readonly listExact: number;
  private readonly listScore: number;
  private readonly kindBits: number;
  /** Are the block bounds those of a kind filter's postings (not the skip data's pairs)? */
  private readonly byKinds: boolean;

  constructor(
    private readonly cursor: PostingsCursor,
    private readonly norms: LengthColumn,
    private readonly weight: number,
    private readonly average: number,
    kindBits = 0,
  ) {
    this.blockScores = new Float64Array(cursor.blockCount);
    this.exactScores = new Float64Array(cursor.blockCount);
    this.byKinds = kindBits !== 0 && cursor.hasKinds;
    this.kindBits = kindBits;
    // The list's pairs (of the kinds let through) hold the best posting of every block: their best is the best
    // block's bound, the same double.
    if (this.byKinds) {
      cursor.kindTable();
      let exact = -1;
      for (let bit = 0; bit < KIND_BITS; bit++) {
        if ((kindBits & (1 << bit)) === 0) continue;
        const best = bestOfPairs(cursor.kindListTfs, cursor.kindListNorms, cursor.kindListStarts[bit]!, cursor.kindListStarts[bit + 1]!, weight, average);
        if (best > exact) exact = best;
      }
      this.listExact = exact;
    } else {
      const pairs = cursor.listPairCount; // first: it may fill the arrays
      this.listExact = bestOfPairs(cursor.listTfs, cursor.listNorms, 0, pairs, weight, average);
    }
    this.listScore = this.listExact < 0 ? -1 : this.listExact * BOUND_SLACK;
    if (this.listScore > this.maxScore) this.maxScore = this.listScore;
    this.doc = cursor.first();
  }

  /**
   * Bounds blocks up to b (and as many more as the cursor has decoded): from the skip data's competitive
   * pairs, no posting of a block scores more and one scores that; with a kind filter, from the kind table's
   * pairs of the kinds let through, a block holding none of them bounded as if the term were absent (-1),
   * since no clause of it can be a hit.
   */
  private scoreTo(b: number): void {
    const c = this.cursor;
    if (!this.byKinds) {
      if (b >= c.decoded) c.decodeTo(b);
      const { impactStarts, impactTfs, impactNorms } = c;
      for (let k = this.scored; k < c.decoded; k++) {
        const exact = bestOfPairs(impactTfs, impactNorms, impactStarts[k]!, impactStarts[k + 1]!, this.weight, this.average);
        this.exactScores[k] = exact;
        this.blockScores[k] = exact * BOUND_SLACK;
      }
      this.scored = c.decoded;
      return;
    }
    if (b >= c.kindsDecoded) c.kindsTo(b);
    const { starts, tfs, norms } = c.kindTable();
    for (let k = this.scored; k < c.kindsDecoded; k++) {
      let exact = -1;
      for (let bit = 0; bit < KIND_BITS; bit++) {
        if ((this.kindBits & (1 << bit)) === 0) continue;
        const at = k * KIND_BITS + bit;
        const best = bestOfPairs(tfs, norms, starts[at]!, starts[at + 1]!, this.weight, this.average);
        if (best > exact) exact = best;
      }
      this.exactScores[k] = exact;
      this.blockScores[k] = exact < 0 ? -1 : exact * BOUND_SLACK;
    }
    this.scored = c.kindsDecoded;
  }

  next(): number {
    return (this.doc = this.cursor.next());
  }

  advance(target: number): number {
    return (this.doc = this.cursor.advance(target));
  }

  score(): number {
    const tf = this.cursor.tf;
    return bm25Of(this.weight, tf, this.norms.get(this.doc), this.average);
  }

  bound(from: number, to: number): number {
    return this.bestOf(false, from, to);
  }

  exactBound(from: number, to: number): number {
    return this.bestOf(true, from, to);
  }

  /** The best of [from, to]'s blocks, exact or with the margin; to the list's end before every block is bounded, the list's best. */
  private bestOf(exact: boolean, from: number, to: number): number {
    const c = this.cursor;
    if (this.doc > to) return -1;
    let b = c.blockOf(Math.max(from, this.doc));
    const n = c.blockCount;
    if (b >= n) return -1;
    if (c.decoded < n ? to >= NO_MORE - 1 : to >= c.lasts[n - 1]!) {
      // Every block from b on lies in [from, to].
      if (c.decoded === n && this.scored < n) this.scoreTo(n - 1);
      if (this.scored < n) return exact ? this.listExact : this.listScore;
      return (exact ? this.tails().exact : this.tails().scores)[b]!;
    }
    const scores = exact ? this.exactScores : this.blockScores;
    let best = -1;
    for (; b < n; b++) {
      if (b >= this.scored) this.scoreTo(b);
      if (c.firsts[b]! > to) break;
      if (scores[b]! > best) best = scores[b]!;
    }
    return best;
  }

  /** The suffix maxima of the block bounds (every block bounded). */
  private tails(): { scores: Float64Array; exact: Float64Array } {
    const n = this.cursor.blockCount;
    this.tailScores ??= suffixMaxima(this.blockScores, n);
    this.tailExactScores ??= suffixMaxima(this.exactScores, n);
    return { scores: this.tailScores, exact: this.tailExactScores };
  }

  blockLast(): number {
    return this.cursor.lasts[this.cursor.block]!;
  }

  stretchEnd(from: number): number {
    const c = this.cursor;
    if (this.doc === NO_MORE) return -1;
    const b = c.blockOf(Math.max(from, this.doc));
    return b < c.blockCount ? c.lasts[b]! : -1;
  }

  blockBound(): number {
    const b = this.cursor.block;
    if (b >= this.scored) this.scoreTo(b);
    return this.blockScores[b]!;
  }

  positions(): ArrayLike<number> {
    return this.cursor.positions();
  }

  pairLengthsIn(from: number, to: number, most: number, out: number[]): boolean {
    if (this.byKinds) return false;
    const c = this.cursor;
    if (this.doc > to || this.doc === NO_MORE) return true;
    const first = c.blockOf(Math.max(from, this.doc));
    let b = first;
    for (; b < c.blockCount; b++) {
      if (b >= c.decoded) c.decodeTo(b);
      if (c.firsts[b]! > to) break;
      if (b - first >= most) return false;
    }
    const { impactStarts, impactNorms } = c;
    for (let k = impactStarts[first]!; k < impactStarts[b]!; k++) out.push(impactNorms[k]!);
    return true;
  }

  exactBoundAtLength(from: number, to: number, length: number): number {
    const c = this.cursor;
    if (this.doc > to || this.doc === NO_MORE) return -1;
    // Pairs ascend in frequency and length: those no longer than `length` are a prefix, its last the most frequent.
    // A posting of that length has a pair of it at least as frequent and no longer, so it scores no more than
    // that frequency at that length; the most frequent of the blocks' is scored once (the score rises with it).
    let tf = 0;
    for (let b = c.blockOf(Math.max(from, this.doc)); b < c.blockCount; b++) {
      if (b >= c.decoded) c.decodeTo(b);
      if (c.firsts[b]! > to) break;
      const { impactStarts, impactTfs, impactNorms } = c;
      let k = impactStarts[b]!;
      const end = impactStarts[b + 1]!;
      if (impactNorms[k]! > length) continue;
      while (k + 1 < end && impactNorms[k + 1]! <= length) k++;
      if (impactTfs[k]! > tf) tf = impactTfs[k]!;
    }
    return tf === 0 ? -1 : bm25Of(this.weight, tf, length, this.average);
  }

  /** Set by exactBoundAt. */
  following = 0;

  exactBoundAt(o: number): number {
    const c = this.cursor;
    if (this.doc > o) {
      this.following = this.doc;
      return -1;
    }
    // In the block already decoded: the posting's own score, or the next posting.
    const i = c.indexInLoaded(o);
    if (i >= 0) {
      const at = c.ordinals[i]!;
      if (at !== o) {
        this.following = at;
        return -1;
      }
      this.following = o + 1;
      return bm25Of(this.weight, c.tfs[i]!, this.norms.get(o), this.average);
    }
    const b = c.blockOf(o);
    if (b >= c.blockCount || c.firsts[b]! > o) {
      this.following = b >= c.blockCount ? NO_MORE : c.firsts[b]!;
      return -1;
    }
    this.following = o + 1;
    // A posting of length L has a pair at least as frequent and no longer: the most frequent pair no longer
    // than the clause's length bounds it (none: the clause holds no posting of this block).
    const length = this.norms.get(o);
    const { impactStarts, impactTfs, impactNorms } = c;
    let k = impactStarts[b]!;
    const end = impactStarts[b + 1]!;
    if (impactNorms[k]! > length) return -1;
    while (k + 1 < end && impactNorms[k + 1]! <= length) k++;
    return bm25Of(this.weight, impactTfs[k]!, length, this.average);
  }
}

/**
 * A full name's clauses in one segment (name-phrases.ts): led by its rarest word of one term, or, when each of its
 * words has several terms here, read whole first. Null when a word of it is absent.
 */
function nameIterator(state: SegmentState, field: ClauseField, name: NamePhrase, weight: number, average: number, kindBits: number): TermIterator | null {
  const { source } = state;
  const words = placedWords(source, field, name);
  if (!words) return null;
  const norms = source.norms().lengths(field);
  let lead = -1;
  words.forEach((w, k) => {
    if (w.cursors.length === 1 && (lead < 0 || w.cursors[0]!.df < words[lead]!.cursors[0]!.df)) lead = k;
  });
  if (lead < 0) {
    const list = phraseClauses(source, field, name, state.deletedClause);
    return list ? new ArrayIterator(list.ordinals, list.tfs, list.norms, weight, average) : null;
  }
  const leader = words[lead]!;
  const others = words.filter((_, k) => k !== lead).sort((a, b) => totalDf(a) - totalDf(b));
  const cursor = new CursorIterator(leader.cursors[0]!, norms, weight, average, kindBits);
  return new PhraseIterator(cursor, leader, others, (tf, o) => bm25Of(weight, tf, norms.get(o), average));
}

function totalDf(word: { cursors: readonly PostingsCursor[] }): number {
  let df = 0;
  for (const c of word.cursors) df += c.df;
  return df;
}

/** The field whose length a clause's terms share in jointReaches (most of a query's postings are there). */
const JOINT_FIELD: Field = 'text';
/** Blocks of one list a stretch may span for jointReaches to be worked out (its cost grows with them). */
const JOINT_MOST_BLOCKS = 8;
/** Text lengths below this are tried once per jointReaches call (a stamp each); most clauses are far shorter. */
const JOINT_STAMPED_LENGTHS = 2048;

/** Postings per stretch of a materialised list: its bounds are kept per stretch, as a postings list's are per block. */
const ARRAY_STRETCH = 128;

/**
 * A materialised list (titles: a document's postings spread over its
 * clauses). Bounded per stretch of ARRAY_STRETCH entries, as a postings list
 * is per block: a year or a symbol typed finds every clause of the documents
 * of that title, and one bound for the whole list would make the walk score
 * every one of them.
 */
class ArrayIterator implements TermIterator {
  doc: number;
  maxScore = 0;
  private i = 0;
  /** Per stretch: its last ordinal, its best score with and without the rounding margin, and those best from it to the end. */
  private readonly lasts: Uint32Array;
  private readonly blockScores: Float64Array;
  private readonly exactScores: Float64Array;
  private readonly tailScores: Float64Array;
  private readonly tailExactScores: Float64Array;

  constructor(
    private readonly ordinals: Uint32Array,
    private readonly tfs: Uint32Array,
    private readonly norms: Uint32Array,
    private readonly weight: number,
    private readonly average: number,
  ) {
    const n = Math.ceil(ordinals.length / ARRAY_STRETCH);
    this.lasts = new Uint32Array(n);
    this.blockScores = new Float64Array(n);
    this.exactScores = new Float64Array(n);
    for (let b = 0; b < n; b++) {
      const end = Math.min(ordinals.length, (b + 1) * ARRAY_STRETCH);
      let exact = 0;
      // Entries of one document share its frequency and norm, so its clauses' score is computed once.
      let tf = -1;
      let norm = -1;
      for (let k = b * ARRAY_STRETCH; k < end; k++) {
        if (tfs[k] === tf && norms[k] === norm) continue;
        tf = tfs[k]!;
        norm = norms[k]!;
        const score = bm25Of(weight, tf, norm, average);
        if (score > exact) exact = score;
      }
      this.lasts[b] = ordinals[end - 1]!;
      this.exactScores[b] = exact;
      const s = exact * BOUND_SLACK;
      this.blockScores[b] = s;
      if (s > this.maxScore) this.maxScore = s;
    }
    this.tailScores = suffixMaxima(this.blockScores, n);
    this.tailExactScores = suffixMaxima(this.exactScores, n);
    this.doc = ordinals.length > 0 ? ordinals[0]! : NO_MORE;
  }

  next(): number {
    this.i++;
    return (this.doc = this.i < this.ordinals.length ? this.ordinals[this.i]! : NO_MORE);
  }

  advance(target: number): number {
    if (this.doc >= target) return this.doc;
    // Galloping, then binary search: the walk jumps over whole stretches.
    const ordinals = this.ordinals;
    const lo = gallopToAtLeast(ordinals, target, this.i + 1);
    this.i = lo;
    return (this.doc = lo < ordinals.length ? ordinals[lo]! : NO_MORE);
  }

  score(): number {
    return bm25Of(this.weight, this.tfs[this.i]!, this.norms[this.i]!, this.average);
  }

  /** The first stretch whose last ordinal is >= target, from the current one; the stretch count when none. */
  private blockOf(target: number): number {
    const lasts = this.lasts;
    const from = Math.max(0, Math.floor(Math.min(this.i, this.ordinals.length - 1) / ARRAY_STRETCH));
    return firstAtLeast(lasts, target, from);
  }

  private bestOf(scores: Float64Array, tails: Float64Array, from: number, to: number): number {
    if (this.doc > to || this.doc === NO_MORE) return -1;
    let b = this.blockOf(Math.max(from, this.doc));
    const n = this.lasts.length;
    if (b < n && to >= this.lasts[n - 1]!) return tails[b]!;
    let best = -1;
    // A stretch's first ordinal is the previous stretch's last + 1 at the earliest.
    while (b < n && this.ordinals[b * ARRAY_STRETCH]! <= to) {
      if (scores[b]! > best) best = scores[b]!;
      b++;
    }
    return best;
  }

  bound(from: number, to: number): number {
    return this.bestOf(this.blockScores, this.tailScores, from, to);
  }

  exactBound(from: number, to: number): number {
    return this.bestOf(this.exactScores, this.tailExactScores, from, to);
  }

  blockLast(): number {
    if (this.doc === NO_MORE) return NO_MORE;
    return this.lasts[Math.floor(this.i / ARRAY_STRETCH)]!;
  }

  stretchEnd(from: number): number {
    if (this.doc === NO_MORE) return -1;
    const b = this.blockOf(Math.max(from, this.doc));
    return b < this.lasts.length ? this.lasts[b]! : -1;
  }

  blockBound(): number {
    return this.doc === NO_MORE ? 0 : this.blockScores[Math.floor(this.i / ARRAY_STRETCH)]!;
  }

  positions(): ArrayLike<number> {
    return [];
  }

  pairLengthsIn(): boolean {
    return false;
  }

  exactBoundAtLength(from: number, to: number): number {
    return this.exactBound(from, to);
  }

  /** Set by exactBoundAt. */
  following = 0;

  exactBoundAt(o: number): number {
    this.following = o + 1;
    return this.exactBound(o, o);
  }
}

interface Scored {
  segment: number;
  ordinal: number;
  matched: number;
  bm25: number;
  /** How close the query's words stand in the clause, in [0, 1] (proximity.ts); 0 when not asked. */
  closeness?: number;
  /** A threshold from the re-ranking's floor (rerank-floor.ts), standing for no clause: ties with it are not broken. */
  floor?: true;
}

/** Which clauses the filters let through, as a predicate on (segment, ordinal). Values of one filter are alternatives; filters all apply. */
interface Filter {
  (segment: number, ordinal: number): boolean;
  /** The smallest ordinal >= `ordinal` the filter may let through (a filter that is a list of clauses: the walk jumps there); NO_MORE when none. */
  from?: (segment: number, ordinal: number) => number;
}

/** The smallest ordinal >= o inside the sorted, disjoint [start, end) pairs of `ranges`; NO_MORE after the last. */
function nextInRanges(ranges: number[], o: number): number {
  let lo = 0;
  let hi = ranges.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[2 * mid + 1]! <= o) lo = mid + 1;
    else hi = mid;
  }
  if (lo === ranges.length / 2) return NO_MORE;
  return Math.max(o, ranges[2 * lo]!);
}

/** The clauses of the live documents among `docs` (ordinals of one segment), as sorted [start, end) pairs. */
function clauseRanges(source: SegmentSource, docs: number[]): number[] {
  const ranges: number[] = [];
  for (const d of [...new Set(docs)].sort((a, b) => a - b)) {
    if (source.deletedDocs.has(d)) continue;
    const row = source.row(d);
    if (row.clauseCount > 0) ranges.push(row.clauseStart, row.clauseStart + row.clauseCount);
  }
  return ranges;
}

/** The kinds a filter asks for, as codes: clause kinds (fields.ts) and document kinds (docs.ts). */
interface KindCodes {
  clause: Set<number>;
  document: Set<number>;
}

/** Reads --kind once: a clause kind or a document kind each, else a usage error. */
function kindCodesOf(filters: SearchFilters): KindCodes {
  const codes: KindCodes = { clause: new Set(), document: new Set() };
  for (const given of valuesOf(filters.kind)) {
    const kind = given.trim().toLowerCase();
    if ((CLAUSE_KINDS as readonly string[]).includes(kind)) codes.clause.add(clauseKindCode(kind));
    else if ((DOCUMENT_KINDS as readonly string[]).includes(kind)) codes.document.add(documentKindCode(kind));
    else {
      throw new UsageError(
        `unknown kind '${given}': use a clause kind (${CLAUSE_KINDS.join(', ')}) or a document kind (${DOCUMENT_KINDS.join(', ')})`,
      );
    }
  }
  return codes;
}

/** The kind table's bits (postings.ts) of the clause kinds asked for; 0 when none is (every kind passes). */
function kindTableBits(clauseCodes: ReadonlySet<number>): number {
  let bits = 0;
  for (const code of clauseCodes) bits |= 1 << kindBit(code);
  return bits;
}

function buildFilter(filters: SearchFilters, kinds: KindCodes, states: SegmentState[]): Filter | null {
  const tests: Array<(segment: number, ordinal: number) => boolean> = [];
  let from: Filter['from'];
  /** Adds a filter that lists its clauses: the walk's jump goes to an ordinal every such filter lets through. */
  const narrowFrom = (next: NonNullable<Filter['from']>): void => {
    const before = from;
    from = before
      ? (s, o) => {
          // Alternate between the lists until both land on the same ordinal (each step only moves forward).
          let at = o;
          for (;;) {
            const a = before(s, at);
            if (a === NO_MORE) return NO_MORE;
            const b = next(s, a);
            if (b === a || b === NO_MORE) return b;
            at = b;
          }
        }
      : next;
  };
  /** Per segment, a test on document ordinals, answered once per document. */
  const perDocument = (test: (source: SegmentSource, d: number) => boolean): ((s: number, o: number) => boolean) => {
    const known = states.map(() => new Map<number, boolean>());
    return (s, o) => {
      const source = states[s]!.source;
      const d = source.docOfClause(o);
      let answer = known[s]!.get(d);
      if (answer === undefined) {
        answer = test(source, d);
        known[s]!.set(d, answer);
      }
      return answer;
    };
  };
  const { clause: clauseCodes, document: docCodes } = kinds;
  // A clause kind and a document kind given together narrow each other: --kind operative --kind resolution.
  if (clauseCodes.size > 0) {
    const columns = states.map((s) => s.source.norms().kinds());
    const allowed = new Uint8Array(256);
    for (const code of clauseCodes) allowed[code] = 1;
    tests.push((s, o) => allowed[columns[s]!.get(o)] === 1);
    // The walk jumps over runs of clauses of other kinds (a document's preamble when operative clauses are asked for)
    // instead of scoring each of their postings: the kinds column is read from the clause the walk stands on.
    narrowFrom((s, o) => {
      const column = columns[s]!;
      const n = states[s]!.source.clauseCount;
      for (let x = o; x < n; x++) if (allowed[column.get(x)] === 1) return x;
      return NO_MORE;
    });
  }
  if (docCodes.size > 0) tests.push(perDocument((source, d) => docCodes.has(source.row(d).kindCode)));
  const docs = valuesOf(filters.doc);
  if (docs.length > 0) {
    // What a user is likely to type: the id, the UN symbol, or the file name.
    const wanted = docs.map((d) => d.trim());
    const ids = new Set(wanted);
    const symbols = new Set(wanted.map((d) => normaliseSymbol(d)));
    const matches = (source: SegmentSource, d: number): boolean => {
      const doc = source.docs().names(d);
      return ids.has(doc.id) || ids.has(doc.source) || (doc.symbol !== null && symbols.has(normaliseSymbol(doc.symbol)));
    };
    // The documents asked for, read once from each document table (a few names per document, no clause):
    // the walk then jumps from one of their clauses to the next instead of testing every posting of a common word.
    const clauses = states.map(({ source }) => {
      const found: number[] = [];
      for (let d = 0; d < source.docCount; d++) if (matches(source, d)) found.push(d);
      return clauseRanges(source, found);
    });
    tests.push((s, o) => nextInRanges(clauses[s]!, o) === o);
    narrowFrom((s, o) => nextInRanges(clauses[s]!, o));
  }
  const ids = valuesOf(filters.docIds);
  if (ids.length > 0) {
    // Documents are in id order in a segment's table: each id is a binary search there.
    const clauses = states.map(({ source }) => clauseRanges(source, ids.flatMap((id) => source.docs().findId(id))));
    tests.push((s, o) => nextInRanges(clauses[s]!, o) === o);
    narrowFrom((s, o) => nextInRanges(clauses[s]!, o));
  }
  const cited = valuesOf(filters.cites);
  if (cited.length > 0) {
    const lists = states.map((): Uint32Array[] => []);
    for (const given of cited) {
      const value = given.trim();
      const term = citeQueryKey(value);
      if (!term) throw new UsageError(`bad --cites '${value}': give a symbol like A/RES/64/293 or a pair like 64/293`);
      states.forEach((state, s) => {
        const info = state.source.terms('cites').lookup(term);
        if (info) lists[s]!.push(state.source.postings('cites', info).readAll().ordinals);
      });
    }
    // The citing clauses of each segment, sorted (a postings list already is; several are merged): the walk goes
    // from one to the next, and a clause is tested by a binary search of them (a flag per clause of the segment
    // would fault in a page of fresh memory per citing clause, which costs more than the search).
    const sorted = lists.map((parts) => {
      if (parts.length === 1) return parts[0]!;
      const all = new Uint32Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        all.set(p, at);
        at += p.length;
      }
      all.sort();
      let n = 0;
      for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
      return all.subarray(0, n);
    });
    tests.push((s, o) => {
      const list = sorted[s]!;
      const i = firstAtLeast(list, o);
      return i < list.length && list[i] === o;
    });
    narrowFrom((s, o) => {
      const list = sorted[s]!;
      const i = firstAtLeast(list, o);
      return i < list.length ? list[i]! : NO_MORE;
    });
  }
  if (filters.since !== undefined || filters.until !== undefined) {
    const since = filters.since ?? '';
    const until = filters.until ?? '\uffff';
    tests.push(
      perDocument((source, d) => {
        const date = source.doc(d).adopted;
        return date !== null && date >= since && date <= until;
      }),
    );
  }
  if (tests.length === 0) return null;
  const filter: Filter = (s, o) => tests.every((test) => test(s, o));
  if (from) filter.from = from;
  return filter;
}

/**
 * The best `limit` clauses, kept in a bounded heap whose root is the worst
 * kept: a search with many matches never sorts them all.
 */
class TopClauses {
  private readonly heap: Scored[] = [];
  private readonly ids = new Map<string, [string, number]>();
  /** The worst kept clause the per-segment tie thresholds below were found for. */
  private thresholdsFor: Scored | null = null;
  /** Per segment: [first ordinal whose tie-break against thresholdsFor is >= 0, first one where it is > 0]. */
  private thresholds = new Map<number, [number, number]>();

  constructor(
    private readonly limit: number,
    private readonly states: SegmentState[],
  ) {}

  /** Document id and clause index of a clause (ties only; one id read per document). */
  private tieKey(r: Pick<Scored, 'segment' | 'ordinal'>): [string, number] {
    const d = this.states[r.segment]!.source.docOfClause(r.ordinal);
    const doc = this.docKey(r.segment, d);
    return [doc[0], r.ordinal - doc[1]];
  }

  /** Document d's id and first clause ordinal in a segment (read once per document). */
  private docKey(segment: number, d: number): [string, number] {
    const key = `${segment}:${d}`;
    let doc = this.ids.get(key);
    if (!doc) {
      const docs = this.states[segment]!.source.docs();
      doc = [docs.keys(d).id, docs.starts()[d]!];
      this.ids.set(key, doc);
    }
    return doc;
  }

  /** Negative when a ranks before b. Ties go by document id, then clause order: never by segment layout. */
  compare(a: Scored, b: Scored): number {
    if (a.matched !== b.matched) return b.matched - a.matched;
    if (a.bm25 !== b.bm25) return b.bm25 - a.bm25;
    return this.tieBreak(a, b);
  }

  tieBreak(a: Pick<Scored, 'segment' | 'ordinal'>, b: Pick<Scored, 'segment' | 'ordinal'>): number {
    // Within a segment, ordinal order is tie order (documents by id, then clauses: src/index/builder.ts).
    if (a.segment === b.segment) return a.ordinal - b.ordinal;
    return this.keyOrder(a, b);
  }

  /** tieBreak(clause, worst) where `worst` is the worst kept clause (the walk compares against it again and again). */
  tieBreakWithWorst(a: Pick<Scored, 'segment' | 'ordinal'>, worst: Scored): number {
    if (a.segment === worst.segment) return a.ordinal - worst.ordinal;
    return this.againstWorst(a.segment, a.ordinal, worst);
  }

  private keyOrder(a: Pick<Scored, 'segment' | 'ordinal'>, b: Pick<Scored, 'segment' | 'ordinal'>): number {
    const [docA, clauseA] = this.tieKey(a);
    const [docB, clauseB] = this.tieKey(b);
    if (docA !== docB) return docA < docB ? -1 : 1;
    return clauseA - clauseB;
  }

  /**
   * The sign of tieBreak(clause, worst) for a clause of another segment than
   * the worst's. Ordinal order is tie order within a segment, so the clauses
   * that tie-break after the worst are an ordinal suffix of the segment: where
   * it starts is found once per segment and threshold (a few id reads),
   * instead of reading the document of every clause a walk compares.
   */
  private againstWorst(segment: number, ordinal: number, worst: Scored): number {
    if (this.thresholdsFor !== worst) {
      this.thresholdsFor = worst;
      this.thresholds.clear();
    }
    let bounds = this.thresholds.get(segment);
    if (!bounds) {
      bounds = this.boundsAgainst(segment, worst);
      this.thresholds.set(segment, bounds);
    }
    return ordinal >= bounds[1] ? 1 : ordinal >= bounds[0] ? 0 : -1;
  }

  /**
   * [first ordinal of a segment whose tie-break against `worst` is >= 0, first
   * one where it is > 0]. Documents are in id order, so one binary search over
   * the documents (about 13 id reads at 7,000 documents, against some 34 for
   * two searches over clause ordinals) finds the first document whose id is
   * not below the worst's; inside a document of the same id the worst's clause
   * index splits it. The last and first documents are tried first: segments
   * often cover disjoint ranges of ids, and those two reads serve every worst.
   */
  private boundsAgainst(segment: number, worst: Scored): [number, number] {
    const [worstId, worstClause] = this.tieKey(worst);
    const source = this.states[segment]!.source;
    const starts = source.docs().starts();
    const count = starts.length - 1;
    const idOf = (d: number): string => this.docKey(segment, d)[0];
    let lo = 0;
    let hi = count;
    if (count === 0 || idOf(count - 1) < worstId) lo = count;
    else if (idOf(0) >= worstId) hi = 0;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (idOf(mid) >= worstId) hi = mid;
      else lo = mid + 1;
    }
    if (lo === count) return [source.clauseCount, source.clauseCount];
    const start = starts[lo]!;
    if (idOf(lo) !== worstId) return [start, start];
    const end = starts[lo + 1]!;
    return [Math.min(start + worstClause, end), Math.min(start + worstClause + 1, end)];
  }

  get full(): boolean {
    return this.heap.length >= this.limit;
  }

  /** Would this candidate be kept? */
  wouldKeep(candidate: Scored): boolean {
    return this.admits(candidate.segment, candidate.ordinal, candidate.matched, candidate.bm25);
  }

  /** Would a clause with these counts be kept? (The walk asks before it makes a candidate of it.) */
  admits(segment: number, ordinal: number, matched: number, bm25: number): boolean {
    if (this.heap.length < this.limit) return true;
    const worst = this.heap[0]!;
    if (matched !== worst.matched) return matched > worst.matched;
    if (bm25 !== worst.bm25) return bm25 > worst.bm25;
    return this.tieBreakWithWorst({ segment, ordinal }, worst) < 0;
  }

  /** The worst kept clause (the threshold), when full. */
  get worst(): Scored | null {
    return this.full ? this.heap[0]! : null;
  }

  offer(candidate: Scored): void {
    const heap = this.heap;
    if (heap.length < this.limit) {
      heap.push(candidate);
      this.siftUp(heap.length - 1);
    } else if (this.wouldKeep(candidate)) {
      heap[0] = candidate;
      this.siftDown(0);
    }
  }

  private siftUp(from: number): void {
    const heap = this.heap;
    let i = from;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(heap[i]!, heap[parent]!) <= 0) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private siftDown(from: number): void {
    const heap = this.heap;
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && this.compare(heap[left]!, heap[worst]!) > 0) worst = left;
      if (right < heap.length && this.compare(heap[right]!, heap[worst]!) > 0) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  }

  sorted(): Scored[] {
    return [...this.heap].sort((a, b) => this.compare(a, b));
  }
}

/** Is (matched, bm25) strictly below the threshold? Then no clause with at most that can rank. */
function below(matched: number, bm25: number, worst: Scored | null): boolean {
  if (!worst) return false;
  return matched < worst.matched || (matched === worst.matched && bm25 < worst.bm25);
}

interface TermRef {
  field: Field;
  /** Dictionary entry per segment (undefined where the segment lacks the term). */
  bySegment: Array<TermInfo | undefined>;
  weight: number;
  /** A full name (name-phrases.ts), walked as one term's postings; then bySegment is unused. */
  name?: NamePhrase;
}

/** The concrete terms a group stands for, per field, over all segments. */
function expandGroup(group: QueryGroup, states: SegmentState[]): Map<Field, string[]> {
  const out = new Map<Field, string[]>();
  for (const field of group.fields) {
    const terms = new Set<string>();
    for (const state of states) expandInDictionary(group.matcher, state.source.terms(field), terms, group.source);
    if (group.matcher.kind === 'exact' && states.length === 0) for (const t of exactTerms(group.matcher)) terms.add(t);
    out.set(field, [...terms]);
  }
  return out;
}

interface GroupRun {
  /** Index in the plan (scores are summed in plan order). */
  g: number;
  required: boolean;
  iterators: TermIterator[];
  /** The field of each iterator. */
  fields: Field[];
  maxScore: number;
}

/** Pruning a search may use beyond the heap's threshold; each leaves the hits exactly as they are (tests turn them off to compare). */
export interface Pruning {
  /** Prune against the re-ranking's floor too (rerank-floor.ts). */
  rerankFloor: boolean;
  /** Bound a stretch by its groups' best at one shared text length (jointReaches). */
  jointLengths: boolean;
}

const ALL_PRUNING: Pruning = { rerankFloor: true, jointLengths: true };

export function searchSegments(
  sources: SegmentSource[],
  plan: QueryPlan,
  filters: SearchFilters,
  limit: number,
  pruning: Pruning = ALL_PRUNING,
): SearchOutcome {
  const states = sources.map(loadState);
  const kinds = kindCodesOf(filters);
  const filter = buildFilter(filters, kinds, states);
  const kindBits = kindTableBits(kinds.clause);
  const matchedTerms = new Map<string, number>();
  const stats = collectStats(states);
  if (stats.live === 0 || plan.groups.length === 0 || limit < 1) return { ranked: [], matchedTerms };

  // Global statistics first: a term's idf counts its live clauses in every segment.
  const groupTerms: TermRef[][] = plan.groups.map((group, groupIndex) => {
    const refs: TermRef[] = [];
    // Terms of an equivalent wording (src/un/equivalents.ts) and verbal nouns derived from a typed participle count less than the words typed.
    const alternates = group.matcher.kind === 'exact' ? [...(group.matcher.alternates ?? []), ...(group.matcher.derived ?? [])] : undefined;
    // The rarest typed term's idf (typed terms come first in each field's list, before the alternates).
    let typedIdf = 0;
    for (const [field, fieldTerms] of expandGroup(group, states)) {
      for (const term of fieldTerms) {
        let df = 0;
        const bySegment = new Array<TermInfo | undefined>(states.length);
        states.forEach((state, s) => {
          const info = state.source.terms(field).lookup(term);
          if (!info) return;
          // Without deletions a list's live count is its df, from the dictionary: the list itself is opened once, to walk it.
          const n =
            isDocField(field)
              ? docFieldClauses(state, info, field).ordinals.length
              : state.deletedClause
                ? liveCount(state, state.source.postings(field, info))
                : info.df;
          if (n === 0) return;
          bySegment[s] = info;
          df += n;
        });
        if (df === 0) continue;
        if (group.presence !== 'prohibited' && !matchedTerms.has(term)) matchedTerms.set(term, groupIndex);
        const isAlternate = alternates !== undefined && alternates.includes(term);
        // An equivalent wording counts at most ALTERNATE_WEIGHT of the word typed, however rare it is.
        const termIdf = isAlternate ? ALTERNATE_WEIGHT * Math.min(idf(df, stats.live), typedIdf || Infinity) : idf(df, stats.live);
        if (!isAlternate) typedIdf = Math.max(typedIdf, termIdf);
        refs.push({ field, bySegment, weight: termIdf * group.boost * FIELD_WEIGHTS[field] });
      }
    }
    // The full names of a UN entity whose acronym was typed (entity-names.ts): each counts as an alternate term
    // whose idf is its rarest word's (the name's clauses are among that word's: their count is at most its df).
    if (group.matcher.kind === 'exact' && group.matcher.names) {
      for (const field of group.fields) {
        if (!POSITIONAL_FIELDS.includes(field) || isDocField(field)) continue;
        for (const name of group.matcher.names) {
          let rarest = Infinity;
          for (const word of name) {
            let df = 0;
            for (const state of states) {
              for (const term of word.terms) df += state.source.terms(field).lookup(term)?.df ?? 0;
            }
            rarest = Math.min(rarest, df);
          }
          if (rarest === 0) continue;
          if (group.presence !== 'prohibited') for (const w of name) if (!matchedTerms.has(w.terms[0]!)) matchedTerms.set(w.terms[0]!, groupIndex);
          const termIdf = ALTERNATE_WEIGHT * Math.min(idf(rarest, stats.live), typedIdf || Infinity);
          refs.push({ field, bySegment: [], weight: termIdf * group.boost * FIELD_WEIGHTS[field], name });
        }
      }
    }
    return refs;
  });
  const requiredCount = plan.groups.filter((g) => g.presence === 'required').length;
  const proximity = needsProximity(plan);
  const top = new TopClauses(proximity ? Math.max(limit, RERANK_DEPTH) : limit, states);
  // With proximity, a clause must also be able to reach the best `limit` after the re-ranking: the floor's
  // count-th best re-ranked score, lowered by the most closeness can raise a clause, bounds BM25 from below
  // as the heap's worst does (the walk prunes against whichever is higher). Only while the heap holds more
  // than `limit` (RERANK_DEPTH): with as many, the heap's worst is as strong, and -c/-l ask for every match.
  const floor = proximity && pruning.rerankFloor && limit < RERANK_DEPTH ? new RerankFloor(limit) : null;
  let floorWorst: Scored | null = null;
  /** The threshold the walk prunes against: the heap's worst kept clause or the floor's bound, the higher. */
  let threshold: Scored | null = null;
  const refreshThreshold = (): void => {
    const worst = top.worst;
    threshold = floorWorst && (!worst || below(worst.matched, worst.bm25, floorWorst)) ? floorWorst : worst;
  };

  states.forEach((state, segment) => {
    const { source, deletedClause } = state;
    const iteratorOf = (ref: TermRef): TermIterator | null => {
      const average = stats.average[ref.field] || 1;
      if (ref.name) return nameIterator(state, ref.field as ClauseField, ref.name, ref.weight, average, kindBits);
      const info = ref.bySegment[segment];
      if (!info) return null;
      if (isDocField(ref.field)) {
        const t = docFieldClauses(state, info, ref.field);
        return new ArrayIterator(t.ordinals, t.tfs, t.norms, ref.weight, average);
      }
      return new CursorIterator(source.postings(ref.field, info), source.norms().lengths(ref.field), ref.weight, average, kindBits);
    };
    const positive: GroupRun[] = [];
    const prohibited: TermIterator[] = [];
    const byGroup: Array<GroupRun | null> = plan.groups.map(() => null);
    plan.groups.forEach((group, g) => {
      const iterators: TermIterator[] = [];
      const fields: Field[] = [];
      for (const ref of groupTerms[g]!) {
        const it = iteratorOf(ref);
        if (!it) continue;
        iterators.push(it);
        fields.push(ref.field);
      }
      if (group.presence === 'prohibited') {
        prohibited.push(...iterators);
        return;
      }
      const maxScore = iterators.reduce((m, it) => Math.max(m, it.maxScore), 0);
      const run = { g, required: group.presence === 'required', iterators, fields, maxScore };
      positive.push(run);
      byGroup[g] = run;
    });
    // Word positions of a group at the clause the walk stands on, in a positional field (its iterators were advanced there).
    const positionsAt = (g: number, field: Field, o: number): ArrayLike<number> => {
      const run = byGroup[g];
      if (!run) return [];
      const lists: ArrayLike<number>[] = [];
      for (let i = 0; i < run.iterators.length; i++) {
        const it = run.iterators[i]!;
        if (run.fields[i] === field && it.doc === o) lists.push(it.positions());
      }
      return mergePositions(lists);
    };
    // A required word this segment lacks: nothing here can match.
    if (positive.some((r) => r.required && r.iterators.length === 0)) return;
    const runs = positive.filter((r) => r.iterators.length > 0).sort((a, b) => a.maxScore - b.maxScore);
    if (runs.length === 0) return;
    const best = new Float64Array(plan.groups.length);
    const exact = new Float64Array(plan.groups.length);
    const joint = new Float64Array(plan.groups.length);
    const otherBest = new Float64Array(runs.length);
    const lengths: number[] = [];
    const lengthTried = new Uint32Array(JOINT_STAMPED_LENGTHS);
    let jointCalls = 0;
    let allMax = 0;
    for (const run of runs) allMax += run.maxScore;

    // Groups [0, essentialFrom) cannot reach the threshold on their own: they do not drive the walk.
    let essentialFrom = 0;
    let thresholdSeen: Scored | null = null;
    const updateEssential = (): void => {
      const worst = threshold;
      if (worst === thresholdSeen) return;
      thresholdSeen = worst;
      let sum = 0;
      let k = 0;
      while (k < runs.length && below(k + 1, (sum + runs[k]!.maxScore) * BOUND_SLACK, worst)) {
        sum += runs[k]!.maxScore;
        k++;
      }
      essentialFrom = k;
    };
    updateEssential();
    // The walk's loops index their arrays: a search runs in a new process, mostly before V8 optimises it, and
    // there a for-of allocates an iterator and a result object per step (garbage, then scavenges).
    /**
     * Best possible score of group q's postings in [from, to], by its blocks there (-1: none there); `exact`:
     * computed as a clause's score is (exactBound), else the looser bound.
     */
    const groupBound = (q: number, from: number, to: number, exact = false): number => {
      let m = -1;
      for (let i = 0, its = runs[q]!.iterators; i < its.length; i++) {
        const b = exact ? its[i]!.exactBound(from, to) : its[i]!.bound(from, to);
        if (b > m) m = b;
      }
      return m;
    };
    /**
     * Can clauses in [o, upto] at best tie with `worst`, and would every one of
     * them lose the tie-break? The exact bounds are summed in plan order, as a
     * clause's score is: IEEE addition and bm25Of are monotone, so no clause
     * there scores above that sum. Later ordinals of a segment lose ties to
     * earlier ones, so the stretch's first clause decides for all of it.
     */
    const onlyTies = (o: number, upto: number, worst: Scored): boolean => {
      if (top.tieBreakWithWorst({ segment, ordinal: o }, worst) <= 0) return false;
      exact.fill(0);
      for (let r = 0; r < runs.length; r++) {
        const m = groupBound(r, o, upto, true);
        if (m > 0) exact[runs[r]!.g] = m;
      }
      let sum = 0;
      for (let g = 0; g < exact.length; g++) sum += exact[g]!;
      return sum <= worst.bm25;
    };
    /**
     * Can a clause in [from, to] holding every group reach `worst` (a tie only counts when `tieWins`), by the
     * blocks there, with the clause's text length shared? Every term of a clause's text is scored at one
     * length, so each group is bounded at that length (exactBoundAtLength) instead of by its blocks' best at
     * any length, and the groups' bounds summed in plan order, as a clause's score is. Between two of the
     * pairs' lengths every bound falls as the length grows, so the pairs' lengths are the only ones to try;
     * the first that reaches `worst` answers. True also when not worked out (too many blocks, or bounds by
     * a kind filter).
     */
    const jointReaches = (from: number, to: number, worst: Scored, tieWins: boolean): boolean => {
      lengths.length = 0;
      for (let r = 0; r < runs.length; r++) {
        const run = runs[r]!;
        let other = -1;
        for (let i = 0; i < run.iterators.length; i++) {
          const it = run.iterators[i]!;
          if (run.fields[i] === JOINT_FIELD) {
            if (!it.pairLengthsIn(from, to, JOINT_MOST_BLOCKS, lengths)) return true;
          } else {
            const b = it.exactBound(from, to);
            if (b > other) other = b;
          }
        }
        otherBest[r] = other;
      }
      // A clause with no query word in its text (every group by another field), then one per length.
      let sum = jointAt(-1, from, to);
      if (sum > worst.bm25 || (tieWins && sum === worst.bm25)) return true;
      // Each length once: a stamp per length of this call (lengths past the stamps' range may be tried twice).
      const stamp = ++jointCalls;
      for (let k = 0; k < lengths.length; k++) {
        const length = lengths[k]!;
        if (length < lengthTried.length) {
          if (lengthTried[length] === stamp) continue;
          lengthTried[length] = stamp;
        }
        sum = jointAt(length, from, to);
        if (sum > worst.bm25 || (tieWins && sum === worst.bm25)) return true;
      }
      return false;
    };
    /** jointReaches' sum for a clause whose text length is `length` (-1: no query word in its text). */
    const jointAt = (length: number, from: number, to: number): number => {
      joint.fill(0);
      for (let r = 0; r < runs.length; r++) {
        const run = runs[r]!;
        let m = otherBest[r]!;
        if (length >= 0) {
          for (let i = 0; i < run.iterators.length; i++) {
            if (run.fields[i] !== JOINT_FIELD) continue;
            const b = run.iterators[i]!.exactBoundAtLength(from, to, length);
            if (b > m) m = b;
          }
        }
        if (m < 0) return -1;
        joint[run.g] = m;
      }
      let sum = 0;
      for (let g = 0; g < joint.length; g++) sum += joint[g]!;
      return sum;
    };
    /**
     * Once the threshold holds every group of the segment: can no clause in [from, to] rank, by
     * jointReaches? A stretch whose best only ties loses the tie-break when its first clause does.
     */
    const jointCannotRank = (from: number, to: number, worst: Scored): boolean => {
      // One group: its blocks' best already stands at one length (a word's variants aside), and the work does not pay.
      if (!pruning.jointLengths || runs.length < 2 || worst.matched !== runs.length) return false;
      const tieWins = worst.floor === true || top.tieBreakWithWorst({ segment, ordinal: from }, worst) <= 0;
      return !jointReaches(from, to, worst, tieWins);
    };
    /** Block-max: can no clause in [o, upto] rank, by the best the blocks there allow? */
    const cannotRank = (o: number, upto: number, worst: Scored): boolean => {
      let count = 0;
      let sum = 0;
      for (let r = 0; r < runs.length; r++) {
        const m = groupBound(r, o, upto);
        if (m >= 0) {
          count++;
          sum += m;
        }
      }
      return (
        below(count, sum * BOUND_SLACK, worst) ||
        (count === worst.matched && !worst.floor && onlyTies(o, upto, worst)) ||
        jointCannotRank(o, upto, worst)
      );
    };
    // The stretch [.., checkedUpto] was found able to hold a ranking clause under `checkedAgainst`: not checked again.
    let checkedUpto = -1;
    let checkedAgainst: Scored | null = null;

    // Per group, the stretch [.., weakCheckedUpto] whose blocks passWeak found able to rank under weakCheckedAgainst,
    // and the best the other groups together could add to a clause there (weakRest).
    const weakCheckedUpto = runs.map(() => -1);
    const weakCheckedAgainst: Array<Scored | null> = runs.map(() => null);
    const weakRest = new Float64Array(runs.length);
    /**
     * Can a clause at ordinal o whose score is at most m (exact: computed as its score would be) rank against
     * `worst`, the query's one group being all its score? A tie only when the clause would win it.
     */
    const reachesAlone = (m: number, o: number, worst: Scored): boolean =>
      m > worst.bm25 || (m === worst.bm25 && (worst.floor === true || top.tieBreakWithWorst({ segment, ordinal: o }, worst) < 0));
    /**
     * stretchRest, and for a query of one group its exact bound too: a stretch whose clauses can at best tie
     * with `worst` and lose the tie cannot rank either.
     */
    const stretchAbleRest = (r: number, from: number, to: number, worst: Scored): number => {
      if (runs.length > 1) return stretchRest(r, from, to, worst);
      const m = groupBound(r, from, to);
      if (m < 0 || m * BOUND_SLACK < worst.bm25) return -1;
      // Bounds are the exact ones raised by the margin: above the threshold raised alike, the exact one is above it.
      if (m > worst.bm25 * BOUND_SLACK) return 0;
      return reachesAlone(groupBound(r, from, to, true), from, worst) ? 0 : -1;
    };
    /**
     * The best the groups other than r could add to a clause in [from, to],
     * by their blocks there; -1 when one of them has no posting there. Called
     * once the threshold holds every group of the segment: a clause then
     * ranks only if it holds every group, so a stretch one group lacks cannot
     * rank at all. A group whose iterators stand past `from` passed the
     * clauses before them as unable to rank, so its bound from there on is
     * enough.
     */
    const othersBound = (r: number, from: number, to: number): number => {
      let sum = 0;
      for (let q = 0; q < runs.length; q++) {
        if (q === r) continue;
        const m = groupBound(q, from, to);
        if (m < 0) return -1;
        sum += m;
      }
      return sum;
    };
    /**
     * Whether a clause of driving group r in [from, to] can still rank against
     * `worst`, by the blocks there: the other groups' best (othersBound) when
     * it can, -1 when it cannot.
     */
    const stretchRest = (r: number, from: number, to: number, worst: Scored): number => {
      const m = groupBound(r, from, to);
      if (m < 0) return -1;
      const rest = othersBound(r, from, to);
      return rest >= 0 && (m + rest) * BOUND_SLACK >= worst.bm25 && !jointCannotRank(from, to, worst) ? rest : -1;
    };
    /** Per group, the threshold firstAbleFrom last found the rest of the segment able to rank under. */
    const restCheckedAgainst: Array<Scored | null> = runs.map(() => null);
    /**
     * From `from`, a clause the listing filter lets through, the first such
     * clause that the blocks there (the skip data's bounds, nothing decoded)
     * leave able to rank, for passWeak of group r: a stretch of blocks that
     * cannot rank is passed, and the filter asked again after it, instead of
     * decoding a block of every list to land on the clause (a --cites filter
     * lists clauses spread over most blocks of a common word). In a stretch
     * that can rank, each listed clause is bounded alone (exactBoundAt: its
     * block's pairs at the clause's own length, read from the norms): at
     * 100,000 documents a --cites filter lists some 28,000 clauses per
     * segment over 5,000 blocks of الاتجار, and most of them are passed so,
     * their blocks never decoded. Exact, as passWeak's own check of a stretch.
     */
    const firstAbleFrom = (r: number, from: number, worst: Scored): number => {
      const its = runs[r]!.iterators;
      let at = from;
      let upto = -1;
      let rest = -1;
      while (at !== NO_MORE) {
        if (at > upto) {
          upto = NO_MORE - 1;
          for (let i = 0; i < its.length; i++) {
            const e = its[i]!.stretchEnd(at);
            if (e >= 0 && e < upto) upto = e;
          }
          rest = stretchAbleRest(r, at, upto, worst);
          if (rest < 0) {
            // Nothing after it can rank either (the lists' best from there on): the group is done in this segment.
            // Asked once per threshold: before a list is read to its end, its bound from anywhere on is its best.
            if (upto === NO_MORE - 1) return NO_MORE;
            if (restCheckedAgainst[r] !== worst) {
              restCheckedAgainst[r] = worst;
              if (stretchAbleRest(r, upto + 1, NO_MORE - 1, worst) < 0) return NO_MORE;
            }
            at = filter!.from!(segment, upto + 1);
            continue;
          }
        }
        // The clause itself, by its own field lengths: a listed clause the stretch leaves open is passed without
        // decoding a block when the group, at that length, stays below.
        let m = -1;
        let next = NO_MORE;
        for (let i = 0; i < its.length; i++) {
          const it = its[i]!;
          const b = it.exactBoundAt(at);
          if (b > m) m = b;
          if (it.following < next) next = it.following;
        }
        if (m >= 0 && (runs.length === 1 ? reachesAlone(m, at, worst) : (m + rest) * BOUND_SLACK >= worst.bm25)) return at;
        // Listed clauses before the group's next possible posting cannot hold the group: passed too.
        at = filter!.from!(segment, Math.max(at + 1, next));
      }
      return at;
    };
    /**
     * Once the threshold holds as many matched words as this segment has
     * groups, a clause ranks only if it holds every group, with a score at or
     * above the threshold's: a clause where driving group r scores so little
     * that even the other groups at their best in the same stretch of blocks
     * (othersBound) leave it below cannot rank. The group's iterators pass
     * such clauses together (whole stretches by the skip data's block bounds,
     * without decoding, then posting by posting), before they are candidates.
     * Exact: only clauses that cannot rank are passed (those a listing filter
     * leaves out among them), and a group's iterators move together, so every
     * clause still evaluated sees each group's postings (and word positions)
     * whole.
     */
    const passWeak = (r: number, worst: Scored): void => {
      const its = runs[r]!.iterators;
      for (;;) {
        let d = NO_MORE;
        for (let i = 0; i < its.length; i++) {
          const it = its[i]!;
          if (it.doc < d) d = it.doc;
        }
        if (d === NO_MORE) return;
        if (filter?.from) {
          // A clause a listing filter leaves out cannot rank either: the group jumps to the next one it lets
          // through instead of scoring the postings before it one by one.
          const allowed = filter.from(segment, d);
          if (allowed > d) {
            const target = firstAbleFrom(r, allowed, worst);
            for (let i = 0; i < its.length; i++) {
              const it = its[i]!;
              if (it.doc < target) it.advance(target);
            }
            continue;
          }
        }
        if (!(d <= weakCheckedUpto[r]! && worst === weakCheckedAgainst[r])) {
          let upto = NO_MORE - 1;
          for (let i = 0; i < its.length; i++) {
            const it = its[i]!;
            if (it.doc !== NO_MORE && it.blockLast() < upto) upto = it.blockLast();
          }
          const rest = stretchRest(r, d, upto, worst);
          if (rest < 0) {
            for (let i = 0; i < its.length; i++) {
              const it = its[i]!;
              if (it.doc <= upto) it.advance(upto + 1);
            }
            continue;
          }
          weakCheckedUpto[r] = upto;
          weakCheckedAgainst[r] = worst;
          weakRest[r] = rest;
        }
        let s = 0;
        for (let i = 0; i < its.length; i++) {
          const it = its[i]!;
          if (it.doc === d) {
            const x = it.score();
            if (x > s) s = x;
          }
        }
        if ((s + weakRest[r]!) * BOUND_SLACK >= worst.bm25) return;
        for (let i = 0; i < its.length; i++) {
          const it = its[i]!;
          if (it.doc === d) it.next();
        }
      }
    };

    for (;;) {
      const weakAgainst = threshold;
      if (weakAgainst && weakAgainst.matched === runs.length) for (let r = essentialFrom; r < runs.length; r++) passWeak(r, weakAgainst);
      // The next candidate: the smallest current ordinal among the driving groups.
      let o = NO_MORE;
      for (let r = essentialFrom; r < runs.length; r++) {
        for (let i = 0, its = runs[r]!.iterators; i < its.length; i++) {
          const it = its[i]!;
          if (it.doc < o) o = it.doc;
        }
      }
      if (o === NO_MORE) break;
      if (filter?.from) {
        // A filter that lists its clauses: nothing before the next one listed can be a hit.
        const allowed = filter.from(segment, o);
        if (allowed > o) {
          for (let r = essentialFrom; r < runs.length; r++) for (let i = 0, its = runs[r]!.iterators; i < its.length; i++) {
            const it = its[i]!;
            if (it.doc < allowed) it.advance(allowed);
          }
          continue;
        }
      }

      if (filter && !filter(segment, o)) {
        // Filtered out: not scored (the filter's verdict does not depend on the score).
        for (let r = essentialFrom; r < runs.length; r++) for (let i = 0, its = runs[r]!.iterators; i < its.length; i++) {
          const it = its[i]!;
          if (it.doc === o) it.next();
        }
        continue;
      }

      const worst = threshold;
      if (worst && !(o <= checkedUpto && worst === checkedAgainst)) {
        // Block-max: the best any clause in [o, upto] could score, from the blocks there.
        let upto = NO_MORE - 1;
        for (let r = essentialFrom; r < runs.length; r++) {
          for (let i = 0, its = runs[r]!.iterators; i < its.length; i++) {
            const it = its[i]!;
            if (it.doc !== NO_MORE) upto = Math.min(upto, it.blockLast());
          }
        }
        if (cannotRank(o, upto, worst)) {
          // The stretches after it, as far as the skip data alone shows they cannot rank either, are passed
          // without decoding a block: the cursors then move once, past all of them.
          let from = upto + 1;
          // First the whole rest of the segment at once (the skip data's best from here on, per list): once the top
          // holds the best score a segment allows and the rest would lose its ties, the walk ends here.
          if (cannotRank(from, NO_MORE - 1, worst)) from = NO_MORE;
          else for (;;) {
            let end = NO_MORE;
            for (let r = essentialFrom; r < runs.length; r++) {
              for (let i = 0, its = runs[r]!.iterators; i < its.length; i++) {
                const it = its[i]!;
                const e = it.stretchEnd(from);
                if (e >= 0 && e < end) end = e;
              }
            }
            if (end === NO_MORE) {
              from = NO_MORE;
              break;
            }
            if (!cannotRank(from, end, worst)) break;
            from = end + 1;
          }
          for (let r = essentialFrom; r < runs.length; r++) for (let i = 0, its = runs[r]!.iterators; i < its.length; i++) {
            const it = its[i]!;
            if (it.doc < from) it.advance(from);
          }
          continue;
        }
        checkedUpto = upto;
        checkedAgainst = worst;
      }

      if (!(deletedClause && deletedClause[o])) {
        let matched = 0;
        let required = 0;
        let possible = allMax;
        let possibleCount = runs.length;
        let evaluated = 0;
        let pruned = false;
        // Strongest groups first: the bound tightens fastest.
        for (let r = runs.length - 1; r >= 0; r--) {
          const run = runs[r]!;
          let score = 0;
          let hit = false;
          for (let i = 0; i < run.iterators.length; i++) {
            const it = run.iterators[i]!;
            if (it.doc < o) it.advance(o);
            if (it.doc === o) {
              hit = true;
              const s = it.score();
              if (s > score) score = s;
            }
          }
          best[run.g] = score;
          evaluated += score;
          possible -= run.maxScore;
          possibleCount--;
          if (hit) {
            matched++;
            if (run.required) required++;
          }
          // The groups evaluated so far, plus the best the others could add (the slack covers the order of the sums).
          if (worst && below(matched + possibleCount, (evaluated + possible) * BOUND_SLACK, worst)) {
            pruned = true;
            break;
          }
        }
        if (
          !pruned &&
          required >= requiredCount &&
          matched > 0 &&
          !isProhibited(prohibited, o)
        ) {
          // Summed in plan order, as every index layout does: scores are bit-identical.
          let bm25 = 0;
          for (let g = 0; g < best.length; g++) bm25 += best[g]!;
          // Phrases are checked only for a clause the top would keep: the check reads positions.
          if (!below(matched, bm25, worst) && top.admits(segment, o, matched, bm25) && (plan.phrases.length === 0 || holdsPhrases(plan, POSITIONAL_FIELDS, (g, f) => positionsAt(g, f, o)))) {
            const candidate: Scored = { segment, ordinal: o, matched, bm25 };
            top.offer(candidate);
            if (proximity) {
              const closeness = closenessOf(plan, POSITIONAL_FIELDS, (g, f) => positionsAt(g, f, o));
              candidate.closeness = closeness;
              if (floor?.offer(matched, raisedByCloseness(bm25, closeness))) {
                // No clause whose BM25 is below this reaches the floor, raised as much as closeness can (strictly
                // below: the margin covers the rounding of the division and the product).
                floorWorst = { segment: -1, ordinal: -1, matched: floor.floorMatched, bm25: floor.floorValue / MOST_RAISED / BOUND_SLACK, floor: true };
              }
            }
            refreshThreshold();
            updateEssential();
          }
        }
        best.fill(0);
      }
      for (let r = essentialFrom; r < runs.length; r++) for (let i = 0, its = runs[r]!.iterators; i < its.length; i++) {
        const it = its[i]!;
        if (it.doc === o) it.next();
      }
      // Iterators of groups that stopped driving may lag behind: they catch up when evaluated.
    }
  });

  // Proximity re-ranks the best candidates: BM25 raised by closeness, still within the same count of matched words.
  let best: Scored[] = top.sorted();
  if (proximity) {
    best = best
      .map((r) => ({ ...r, bm25: raisedByCloseness(r.bm25, r.closeness ?? 0) }))
      .sort((a, b) => b.matched - a.matched || b.bm25 - a.bm25 || top.tieBreak(a, b))
      .slice(0, limit);
  }
  const ranked = best.map((r): RankedClause => {
    const source = states[r.segment]!.source;
    return {
      segment: r.segment,
      ordinal: r.ordinal,
      matched: r.matched,
      bm25: r.bm25,
      docOrdinal: source.docOfClause(r.ordinal),
      score: r.matched + r.bm25 / (r.bm25 + 1),
    };
  });
  return { ranked, matchedTerms };
}

/** Sorted union of a few sorted position lists. */
function mergePositions(lists: ArrayLike<number>[]): ArrayLike<number> {
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0]!;
  const all: number[] = [];
  for (const list of lists) for (let i = 0; i < list.length; i++) all.push(list[i]!);
  return all.sort((a, b) => a - b);
}

function isProhibited(prohibited: TermIterator[], o: number): boolean {
  for (let i = 0; i < prohibited.length; i++) {
    const it = prohibited[i]!;
    if (it.doc < o) it.advance(o);
    if (it.doc === o) return true;
  }
  return false;
}
