// Runs a query plan over segments. Scores are BM25 (k1 1.2, b 0.75, as lunr)
// with statistics taken over all live clauses of all segments, so splitting an
// index into segments, or replacing documents, never changes a score: a
// segmented index and a one-segment index rank alike. Ranking: clauses that
// hold more of the query's words come first ("all words above some"), BM25
// within the same count. A word's variants and fields are alternatives: the
// best of them counts, once.

import { UsageError } from '../errors.js';
import { normaliseSymbol, pairKeyOfSymbol } from './analysis/symbols.js';
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
  /** A clause kind (preamble, operative, ...) or a document kind (resolution, report, ...). */
  kind?: string;
  /** A document id. */
  doc?: string;
  /** A cited symbol (A/RES/64/293) or number pair (64/293, either order). */
  cites?: string;
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
}

interface FieldStats {
  live: number;
  average: Record<Field, number>;
}

/** A clause across segments, as one number: segment in the high part. */
const SEGMENT_SHIFT = 2 ** 32;
const keyOf = (segment: number, ordinal: number): number => segment * SEGMENT_SHIFT + ordinal;

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

function collectStats(states: SegmentState[]): FieldStats {
  const totals = { text: 0, lead: 0, section: 0, cites: 0, title: 0 } as Record<Field, number>;
  let live = 0;
  for (const { source, deletedClause, table } of states) {
    for (const field of CLAUSE_FIELDS) {
      const lengths = table.lengths[field];
      for (let i = 0; i < lengths.length; i++) if (!deletedClause || !deletedClause[i]) totals[field] += lengths[i]!;
    }
    source.meta.docs.forEach((doc, d) => {
      if (source.deletedDocs.has(d)) return;
      live += doc.clauseCount;
      totals.title += doc.titleLength * doc.clauseCount;
    });
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
    const where = `segment ${source.name}`;
    const isDocField = field === 'title';
    const limit = isDocField ? source.meta.docs.length : source.meta.clauseCount;
    const block = source.postingsBlock(dictionary.offsets[at]!, dictionary.offsets[at + 1]!);
    const decoded = decodePostings(block, limit, where);
    const ordinals: number[] = [];
    const tfs: number[] = [];
    for (let i = 0; i < decoded.ordinals.length; i++) {
      const ordinal = decoded.ordinals[i]!;
      if (isDocField) {
        if (source.deletedDocs.has(ordinal)) continue;
        const doc = source.meta.docs[ordinal]!;
        for (let c = doc.clauseStart; c < doc.clauseStart + doc.clauseCount; c++) {
          ordinals.push(c);
          tfs.push(decoded.tfs[i]!);
        }
      } else {
        if (deletedClause && deletedClause[ordinal]) continue;
        ordinals.push(ordinal);
        tfs.push(decoded.tfs[i]!);
      }
    }
    df += ordinals.length;
    if (ordinals.length > 0) lists.push({ segment, ordinals: Uint32Array.from(ordinals), tfs: Uint32Array.from(tfs) });
  });
  return { lists, df };
}

function fieldLength(state: SegmentState, field: Field, ordinal: number): number {
  if (field === 'title') {
    const docs = state.source.meta.docs;
    return docs[docOrdinalOfClause(docs, ordinal)]!.titleLength;
  }
  return state.table.lengths[field][ordinal]!;
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

/** Best BM25 contribution of a group per clause key. */
function scoreGroup(
  group: QueryGroup,
  expanded: Map<Field, string[]>,
  states: SegmentState[],
  stats: FieldStats,
  onTerm: (term: string) => void,
): Map<number, number> {
  const best = new Map<number, number>();
  for (const [field, terms] of expanded) {
    const average = stats.average[field] || 1;
    for (const term of terms) {
      const { lists, df } = livePostings(states, field, term);
      if (df === 0) continue;
      onTerm(term);
      const weight = idf(df, stats.live) * group.boost;
      for (const { segment, ordinals, tfs } of lists) {
        const state = states[segment]!;
        for (let i = 0; i < ordinals.length; i++) {
          const tf = tfs[i]!;
          const length = fieldLength(state, field, ordinals[i]!);
          const score = (weight * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / average));
          const key = keyOf(segment, ordinals[i]!);
          const previous = best.get(key);
          if (previous === undefined || score > previous) best.set(key, score);
        }
      }
    }
  }
  return best;
}

/** Which clauses the filters let through, as a predicate on (segment, ordinal). */
function buildFilter(filters: SearchFilters, states: SegmentState[]): ((segment: number, ordinal: number) => boolean) | null {
  const tests: Array<(segment: number, ordinal: number) => boolean> = [];
  if (filters.kind !== undefined) {
    const kind = filters.kind.trim().toLowerCase();
    if ((CLAUSE_KINDS as readonly string[]).includes(kind)) {
      const code = clauseKindCode(kind);
      tests.push((s, o) => states[s]!.table.kinds[o] === code);
    } else if ((DOCUMENT_KINDS as readonly string[]).includes(kind)) {
      tests.push((s, o) => {
        const docs = states[s]!.source.meta.docs;
        return docs[docOrdinalOfClause(docs, o)]!.kind === kind;
      });
    } else {
      throw new UsageError(
        `unknown kind '${filters.kind}': use a clause kind (${CLAUSE_KINDS.join(', ')}) or a document kind (${DOCUMENT_KINDS.join(', ')})`,
      );
    }
  }
  if (filters.doc !== undefined) {
    const id = filters.doc;
    tests.push((s, o) => {
      const docs = states[s]!.source.meta.docs;
      return docs[docOrdinalOfClause(docs, o)]!.id === id;
    });
  }
  if (filters.cites !== undefined) {
    const value = filters.cites.trim();
    const term = /[a-z]/i.test(value) ? normaliseSymbol(value).toLowerCase() : pairKeyOfSymbol(value);
    if (!term) throw new UsageError(`bad --cites '${value}': give a symbol like A/RES/64/293 or a pair like 64/293`);
    const allowed = new Set<number>();
    for (const { segment, ordinals } of livePostings(states, 'cites', term).lists) {
      for (const o of ordinals) allowed.add(keyOf(segment, o));
    }
    tests.push((s, o) => allowed.has(keyOf(s, o)));
  }
  if (tests.length === 0) return null;
  return (s, o) => tests.every((test) => test(s, o));
}

export function searchSegments(sources: SegmentSource[], plan: QueryPlan, filters: SearchFilters, limit: number): SearchOutcome {
  const states = sources.map(loadState);
  const filter = buildFilter(filters, states);
  const matchedTerms = new Map<string, number>();
  const stats = collectStats(states);
  if (stats.live === 0 || plan.groups.length === 0) return { ranked: [], matchedTerms };

  const bm25 = new Map<number, number>();
  const matched = new Map<number, number>();
  const requiredHits = new Map<number, number>();
  const prohibited = new Set<number>();
  let requiredCount = 0;

  plan.groups.forEach((group, groupIndex) => {
    const expanded = expandGroup(group, states);
    const positive = group.presence !== 'prohibited';
    const best = scoreGroup(group, expanded, states, stats, (term) => {
      if (positive && !matchedTerms.has(term)) matchedTerms.set(term, groupIndex);
    });
    if (group.presence === 'prohibited') {
      for (const key of best.keys()) prohibited.add(key);
      return;
    }
    if (group.presence === 'required') requiredCount++;
    for (const [key, score] of best) {
      bm25.set(key, (bm25.get(key) ?? 0) + score);
      matched.set(key, (matched.get(key) ?? 0) + 1);
      if (group.presence === 'required') requiredHits.set(key, (requiredHits.get(key) ?? 0) + 1);
    }
  });

  const ranked: RankedClause[] = [];
  for (const [key, score] of bm25) {
    if (prohibited.has(key)) continue;
    if (requiredCount > 0 && (requiredHits.get(key) ?? 0) < requiredCount) continue;
    const segment = Math.floor(key / SEGMENT_SHIFT);
    const ordinal = key - segment * SEGMENT_SHIFT;
    if (filter && !filter(segment, ordinal)) continue;
    const count = matched.get(key)!;
    const docs = states[segment]!.source.meta.docs;
    ranked.push({
      segment,
      ordinal,
      docOrdinal: docOrdinalOfClause(docs, ordinal),
      matched: count,
      bm25: score,
      score: count + score / (score + 1),
    });
  }

  // Ties (equal words and BM25) go by document id, then clause order: never by segment layout.
  const tieKey = (r: RankedClause): [string, number] => {
    const doc = states[r.segment]!.source.meta.docs[r.docOrdinal]!;
    return [doc.id, r.ordinal - doc.clauseStart];
  };
  ranked.sort((a, b) => {
    if (a.matched !== b.matched) return b.matched - a.matched;
    if (a.bm25 !== b.bm25) return b.bm25 - a.bm25;
    const [docA, clauseA] = tieKey(a);
    const [docB, clauseB] = tieKey(b);
    if (docA !== docB) return docA < docB ? -1 : 1;
    return clauseA - clauseB;
  });
  return { ranked: ranked.slice(0, Math.max(0, limit)), matchedTerms };
}
