// Runs a query plan over segments. Scores are BM25 (k1 1.2, b 0.75, as lunr)
// with statistics taken over all live clauses of all segments, so splitting an
// index into segments, or replacing documents, never changes a score: a
// segmented index and a one-segment index rank alike. Ranking: clauses that
// hold more of the query's words come first ("all words above some"), BM25
// within the same count. A word's variants and fields are alternatives: the
// best of them counts, once.

import { UsageError } from '../errors.js';
import { citeQueryKey, normaliseSymbol } from './analysis/symbols.js';
import { expandInDictionary } from './expand.js';
import { CLAUSE_FIELDS, CLAUSE_KINDS, DOCUMENT_KINDS, type Field, clauseKindCode } from './fields.js';
import { decodePostings } from './postings.js';
import type { QueryGroup, QueryPlan } from './query.js';
import {
  type ClauseTable,
  type SegmentDictionary,
  type SegmentMeta,
  docOrdinalOfClause,
  findTerm,
} from './segment.js';

const K1 = 1.2;
const B = 0.75;

/** Read access to one segment; implementations load lazily and check what they read. */
export interface SegmentSource {
  readonly name: string;
  readonly meta: SegmentMeta;
  /** Documents replaced since the segment was written. */
  readonly deletedDocs: ReadonlySet<number>;
  dictionary(): SegmentDictionary;
  postingsBlock(start: number, end: number): Uint8Array;
  clauseTable(): ClauseTable;
  docLine(docOrdinal: number): string;
}

export interface SearchFilters {
  /** Clause kinds (preamble, operative, ...) and/or document kinds (resolution, report, ...); several: any of them. */
  kind?: string | readonly string[];
  /** Documents: id, UN symbol (any case or digits), or source file's base name; several: any of them. */
  doc?: string | readonly string[];
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
  deletedClause: Uint8Array | null;
  table: ClauseTable;
  titleLengths?: Uint16Array;
}

interface FieldStats {
  live: number;
  average: Record<Field, number>;
}

function loadState(source: SegmentSource): SegmentState {
  const { meta, deletedDocs } = source;
  let deletedClause: Uint8Array | null = null;
  if (deletedDocs.size > 0) {
    deletedClause = new Uint8Array(meta.clauseCount);
    for (const d of deletedDocs) {
      const doc = meta.docs[d];
      if (doc) deletedClause.fill(1, doc.clauseStart, doc.clauseStart + doc.clauseCount);
    }
  }
  return { source, deletedClause, table: source.clauseTable() };
}

/** Live clauses and average field lengths over all segments: totals from each segment, minus its deleted documents. */
function collectStats(states: SegmentState[]): FieldStats {
  const totals = { text: 0, lead: 0, section: 0, cites: 0, title: 0 } as Record<Field, number>;
  let live = 0;
  for (const { source, table } of states) {
    const { meta, deletedDocs } = source;
    live += meta.clauseCount;
    for (const field of Object.keys(totals) as Field[]) totals[field] += meta.fieldTotals[field];
    for (const d of deletedDocs) {
      const doc = meta.docs[d]!;
      live -= doc.clauseCount;
      totals.title -= doc.titleLength * doc.clauseCount;
      for (const field of CLAUSE_FIELDS) {
        const lengths = table.lengths[field];
        for (let c = doc.clauseStart; c < doc.clauseStart + doc.clauseCount; c++) totals[field] -= lengths[c]!;
      }
    }
  }
  const average = {} as Record<Field, number>;
  for (const field of Object.keys(totals) as Field[]) average[field] = live > 0 ? totals[field] / live : 0;
  return { live, average };
}

function idf(docFrequency: number, live: number): number {
  return Math.log(1 + Math.abs((live - docFrequency + 0.5) / (docFrequency + 0.5)));
}

interface TermPostings {
  segment: number;
  ordinals: Uint32Array;
  tfs: Uint32Array;
}

/** Postings of a term in a field, per segment, live entries only; title postings expanded to clauses. */
function livePostings(states: SegmentState[], field: Field, term: string): { lists: TermPostings[]; df: number } {
  const lists: TermPostings[] = [];
  let df = 0;
  states.forEach((state, segment) => {
    const { source, deletedClause } = state;
    const dictionary = source.dictionary()[field];
    const at = findTerm(dictionary, term);
    if (at < 0) return;
    const isDocField = field === 'title';
    const limit = isDocField ? source.meta.docs.length : source.meta.clauseCount;
    const block = source.postingsBlock(dictionary.offsets[at]!, dictionary.offsets[at + 1]!);
    const decoded = decodePostings(block, limit, `segment ${source.name}`);
    let list: TermPostings;
    if (isDocField) {
      const ordinals: number[] = [];
      const tfs: number[] = [];
      for (let i = 0; i < decoded.ordinals.length; i++) {
        if (source.deletedDocs.has(decoded.ordinals[i]!)) continue;
        const doc = source.meta.docs[decoded.ordinals[i]!]!;
        for (let c = doc.clauseStart; c < doc.clauseStart + doc.clauseCount; c++) {
          ordinals.push(c);
          tfs.push(decoded.tfs[i]!);
        }
      }
      list = { segment, ordinals: Uint32Array.from(ordinals), tfs: Uint32Array.from(tfs) };
    } else if (deletedClause) {
      let kept = 0;
      const { ordinals, tfs } = decoded;
      for (let i = 0; i < ordinals.length; i++) {
        if (deletedClause[ordinals[i]!]) continue;
        ordinals[kept] = ordinals[i]!;
        tfs[kept] = tfs[i]!;
        kept++;
      }
      list = { segment, ordinals: ordinals.subarray(0, kept), tfs: tfs.subarray(0, kept) };
    } else {
      list = { segment, ...decoded };
    }
    df += list.ordinals.length;
    if (list.ordinals.length > 0) lists.push(list);
  });
  return { lists, df };
}

/** Title length per clause of a segment (the document field every clause of a document shares). */
function titleLengths(state: SegmentState): Uint16Array {
  if (!state.titleLengths) {
    const lengths = new Uint16Array(state.source.meta.clauseCount);
    for (const doc of state.source.meta.docs) lengths.fill(doc.titleLength, doc.clauseStart, doc.clauseStart + doc.clauseCount);
    state.titleLengths = lengths;
  }
  return state.titleLengths;
}

function lengthsOf(state: SegmentState, field: Field): Uint16Array {
  return field === 'title' ? titleLengths(state) : state.table.lengths[field];
}

/** The concrete terms a group stands for, per field, over all segments. */
function expandGroup(group: QueryGroup, states: SegmentState[]): Map<Field, string[]> {
  const out = new Map<Field, string[]>();
  for (const field of group.fields) {
    const terms = new Set<string>();
    for (const state of states) expandInDictionary(group.matcher, state.source.dictionary()[field], terms, group.source);
    if (group.matcher.kind === 'exact' && states.length === 0) for (const t of group.matcher.terms) terms.add(t);
    out.set(field, [...terms]);
  }
  return out;
}

interface Scored {
  segment: number;
  ordinal: number;
  matched: number;
  bm25: number;
}

/** Which clauses the filters let through, as a predicate on (segment, ordinal). Values of one filter are alternatives; filters all apply. */
function buildFilter(filters: SearchFilters, states: SegmentState[]): ((segment: number, ordinal: number) => boolean) | null {
  const tests: Array<(segment: number, ordinal: number) => boolean> = [];
  const docOf = (s: number, o: number) => {
    const docs = states[s]!.source.meta.docs;
    return docs[docOrdinalOfClause(docs, o)]!;
  };
  const kinds = valuesOf(filters.kind);
  if (kinds.length > 0) {
    const clauseCodes = new Set<number>();
    const docKinds = new Set<string>();
    for (const given of kinds) {
      const kind = given.trim().toLowerCase();
      if ((CLAUSE_KINDS as readonly string[]).includes(kind)) clauseCodes.add(clauseKindCode(kind));
      else if ((DOCUMENT_KINDS as readonly string[]).includes(kind)) docKinds.add(kind);
      else {
        throw new UsageError(
          `unknown kind '${given}': use a clause kind (${CLAUSE_KINDS.join(', ')}) or a document kind (${DOCUMENT_KINDS.join(', ')})`,
        );
      }
    }
    // A clause kind and a document kind given together narrow each other: --kind operative --kind resolution.
    if (clauseCodes.size > 0) tests.push((s, o) => clauseCodes.has(states[s]!.table.kinds[o]!));
    if (docKinds.size > 0) tests.push((s, o) => docKinds.has(docOf(s, o).kind));
  }
  const docs = valuesOf(filters.doc);
  if (docs.length > 0) {
    // What a user is likely to type: the id, the UN symbol, or the file name.
    const wanted = docs.map((d) => d.trim());
    const ids = new Set(wanted);
    const symbols = new Set(wanted.map((d) => normaliseSymbol(d)));
    tests.push((s, o) => {
      const doc = docOf(s, o);
      return ids.has(doc.id) || ids.has(doc.source) || (doc.symbol !== null && symbols.has(normaliseSymbol(doc.symbol)));
    });
  }
  const cited = valuesOf(filters.cites);
  if (cited.length > 0) {
    const allowed = states.map((state) => new Uint8Array(state.source.meta.clauseCount));
    for (const given of cited) {
      const value = given.trim();
      const term = citeQueryKey(value);
      if (!term) throw new UsageError(`bad --cites '${value}': give a symbol like A/RES/64/293 or a pair like 64/293`);
      for (const { segment, ordinals } of livePostings(states, 'cites', term).lists) {
        for (const o of ordinals) allowed[segment]![o] = 1;
      }
    }
    tests.push((s, o) => allowed[s]![o] === 1);
  }
  if (filters.since !== undefined || filters.until !== undefined) {
    const since = filters.since ?? '';
    const until = filters.until ?? '\uffff';
    // The adoption date is in the stored document only; each document is read once.
    const adopted = new Map<string, string | null>();
    tests.push((s, o) => {
      const docs = states[s]!.source.meta.docs;
      const d = docOrdinalOfClause(docs, o);
      const key = `${s}:${d}`;
      let date = adopted.get(key);
      if (date === undefined) {
        date = adoptedOf(states[s]!.source.docLine(d));
        adopted.set(key, date);
      }
      return date !== null && date >= since && date <= until;
    });
  }
  if (tests.length === 0) return null;
  return (s, o) => tests.every((test) => test(s, o));
}

function adoptedOf(docLine: string): string | null {
  try {
    const value = (JSON.parse(docLine) as { adopted?: unknown }).adopted;
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/**
 * The best `limit` clauses, kept in a bounded heap whose root is the worst
 * kept: a search with many matches never sorts them all.
 */
class TopClauses {
  private readonly heap: Scored[] = [];

  constructor(
    private readonly limit: number,
    private readonly states: SegmentState[],
  ) {}

  private tieKey(r: Scored): [string, number] {
    const docs = this.states[r.segment]!.source.meta.docs;
    const doc = docs[docOrdinalOfClause(docs, r.ordinal)]!;
    return [doc.id, r.ordinal - doc.clauseStart];
  }

  /** Negative when a ranks before b. Ties go by document id, then clause order: never by segment layout. */
  compare(a: Scored, b: Scored): number {
    if (a.matched !== b.matched) return b.matched - a.matched;
    if (a.bm25 !== b.bm25) return b.bm25 - a.bm25;
    const [docA, clauseA] = this.tieKey(a);
    const [docB, clauseB] = this.tieKey(b);
    if (docA !== docB) return docA < docB ? -1 : 1;
    return clauseA - clauseB;
  }

  offer(candidate: Scored): void {
    const heap = this.heap;
    if (heap.length < this.limit) {
      heap.push(candidate);
      this.siftUp(heap.length - 1);
    } else if (this.compare(candidate, heap[0]!) < 0) {
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

interface WeightedTerm {
  field: Field;
  /** Live postings, indexed by segment (undefined where the segment lacks the term). */
  bySegment: Array<TermPostings | undefined>;
  /** idf over all live clauses, times the group's boost. */
  weight: number;
}

export function searchSegments(sources: SegmentSource[], plan: QueryPlan, filters: SearchFilters, limit: number): SearchOutcome {
  const states = sources.map(loadState);
  const filter = buildFilter(filters, states);
  const matchedTerms = new Map<string, number>();
  const stats = collectStats(states);
  if (stats.live === 0 || plan.groups.length === 0 || limit < 1) return { ranked: [], matchedTerms };

  // Global statistics first: a term's idf counts its live clauses in every segment.
  const groupTerms: WeightedTerm[][] = plan.groups.map((group, groupIndex) => {
    const terms: WeightedTerm[] = [];
    for (const [field, fieldTerms] of expandGroup(group, states)) {
      for (const term of fieldTerms) {
        const { lists, df } = livePostings(states, field, term);
        if (df === 0) continue;
        if (group.presence !== 'prohibited' && !matchedTerms.has(term)) matchedTerms.set(term, groupIndex);
        const bySegment = new Array<TermPostings | undefined>(states.length);
        for (const list of lists) bySegment[list.segment] = list;
        terms.push({ field, bySegment, weight: idf(df, stats.live) * group.boost });
      }
    }
    return terms;
  });
  const requiredCount = plan.groups.filter((g) => g.presence === 'required').length;
  const top = new TopClauses(limit, states);

  // Then each segment on its own, with dense per-clause accumulators.
  states.forEach((state, segment) => {
    const size = state.source.meta.clauseCount;
    const bm25 = new Float64Array(size);
    const matched = new Uint16Array(size);
    const required = new Uint16Array(size);
    const prohibited = new Uint8Array(size);
    const best = new Float64Array(size);
    const touched: number[] = [];
    const candidates: number[] = [];
    plan.groups.forEach((group, g) => {
      for (const { field, bySegment, weight } of groupTerms[g]!) {
        const list = bySegment[segment];
        if (!list) continue;
        const lengths = lengthsOf(state, field);
        const average = stats.average[field] || 1;
        const { ordinals, tfs } = list;
        for (let i = 0; i < ordinals.length; i++) {
          const o = ordinals[i]!;
          const tf = tfs[i]!;
          // BM25 weights are always positive, so 0 marks "not seen yet".
          const score = (weight * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[o]!) / average));
          if (best[o] === 0) touched.push(o);
          if (score > best[o]!) best[o] = score;
        }
      }
      // A word counts once: its best variant in its best field.
      for (const o of touched) {
        if (group.presence === 'prohibited') {
          prohibited[o] = 1;
        } else {
          if (matched[o] === 0) candidates.push(o);
          bm25[o] = bm25[o]! + best[o]!;
          matched[o] = matched[o]! + 1;
          if (group.presence === 'required') required[o] = required[o]! + 1;
        }
        best[o] = 0;
      }
      touched.length = 0;
    });
    for (const o of candidates) {
      if (prohibited[o] || required[o]! < requiredCount) continue;
      if (filter && !filter(segment, o)) continue;
      top.offer({ segment, ordinal: o, matched: matched[o]!, bm25: bm25[o]! });
    }
  });

  const ranked = top.sorted().map((r): RankedClause => {
    const docs = states[r.segment]!.source.meta.docs;
    return { ...r, docOrdinal: docOrdinalOfClause(docs, r.ordinal), score: r.matched + r.bm25 / (r.bm25 + 1) };
  });
  return { ranked, matchedTerms };
}
