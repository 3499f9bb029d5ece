// Features for learning a re-ranking (issue 12): for every judged query of queries/collection.json,
// unres's own candidates (the best RERANK_DEPTH of the engine's present order, from searchSegments and
// preferKind as the store calls them) with, per clause, a feature vector and its grade.
//
//   node dist/scripts/rank-features.js [--out FILE] [--depth N]   (FILE: $TMPDIR/unres-rank-features.json)
//
// Writes JSON: { features: [names], queries: [{ id, set, query, ideal, rows: [{ key, grade, x: [...] }] }] }
// where `ideal` is the query's ideal DCG@10 over every judged clause (as eval-search scores it) and rows
// are in the present order. scripts/train-rank.ts learns weights from it, cross-validated by set.
// Features come from what a search has at hand for its best candidates: the outcome (matched groups,
// BM25 raised by closeness), the clause's kind and lengths (norms), and the clause's own text, footnotes,
// heading and document title re-analysed as snippets are (findMatches).

import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseName } from '../src/files.js';
import { analyseText } from '../src/search/analysis/pipeline.js';
import { clauseKindCode } from '../src/search/fields.js';
import { preferKind, preferenceDepth } from '../src/search/prefer-kind.js';
import { RERANK_DEPTH } from '../src/search/proximity.js';
import { type QueryPlan, planQuery } from '../src/search/query.js';
import { type SearchOutcome, searchSegments } from '../src/search/searcher.js';
import { UnresIndex } from '../src/store/index.js';
import { IndexSnapshot } from '../src/store/reader.js';
import { parseFile } from '../src/structure/parse.js';
import { stripDiacritics } from '../src/text/arabic.js';
import { foldLetters } from '../src/text/letters.js';
import type { UnresDocument } from '../src/types.js';
import { fingerprint, projectRoot } from './collection.js';

interface CollectionQuery {
  id: string;
  set?: string;
  query: string;
}

/** Where the features go unless --out says otherwise (train-rank reads it by default). */
export const FEATURES_FILE = join(tmpdir(), 'unres-rank-features.json');

export const FEATURES = [
  'score', // present reported score: matched + BM25 squeezed (orders exactly as the present ranking)
  'recipRank', // 1 / present rank
  'matched', // groups matched (any field)
  'share', // matched / positive groups
  'bm25', // BM25 as re-ranked (closeness, preferred kind)
  'bm25Rel', // BM25 / best BM25 among the candidates
  'bm25RelCount', // BM25 / best BM25 among candidates of the same count
  'textShare', // groups found in the clause text / positive groups
  'idfCover', // idf of groups found in the text / idf of all positive groups
  'outsideText', // groups matched only outside the text (notes, heading, formula...) / positive groups
  'notesShare', // groups found in the footnotes / positive groups
  'headingShare', // groups found in the heading / positive groups
  'titleShare', // groups found in the document title / positive groups
  'preamble',
  'operative',
  'otherKind',
  'logLength', // log(1 + words of the text)
  'firstPos', // word index of the first match / words of the text
  'together', // most text-matched groups in one sentence / text-matched groups
  'density', // text-matched groups / narrowest window (words) holding them all
  'namedOnly', // groups found in the text only inside a name (a body's remit, an instrument's title) / positive groups
  'docHits', // log(candidates of the same document)
  'firstOfDoc', // 1 for the best-ranked candidate of its document
  'firstClause', // the document's first clause (it holds the preface and conclusions)
  'matchCount', // log(1 + matched words in the text) (repetition)
  'isReport', // the document is not a resolution/decision
  'exactShare', // query words printed in the text as typed (letters folded) / positive groups
  'bigramShare', // neighbouring query words standing next to each other, in order, in the text / neighbouring pairs
  'alternateOnly', // groups found in the text only through an equivalent wording or derived form / positive groups
  'coverDensity', // query words in the text / words of the text
  'docShare', // candidates of the same document / its clauses
  'neighbour', // the clause before or after it is a candidate too
  'rarePresent', // the query's rarest word (highest idf) is in the text
  'rareTf', // log(1 + occurrences of the rarest word in the text)
  'missingIdf', // idf of the positive groups absent from the text / idf of all positive groups
  'bm25Text', // BM25 of the query's words in each field (each group searched alone in that field), summed over groups
  'bm25Notes',
  'bm25Section',
  'bm25Matter',
  'bm25Ref',
  'bm25Other', // cites, lead
  'balance', // weakest matched group's BM25 / strongest group's
  'dominance', // strongest group's BM25 / all groups' (one word carrying the clause)
  'closeness', // BM25 as re-ranked / BM25 of the words alone, less 1 (proximity's raise, the preferred kind's)
] as const;

const SPLIT_FIELDS = ['text', 'notes', 'section', 'matter', 'ref'] as const;

/**
 * Each positive group's BM25 in each of its fields, per candidate (segment:ordinal): the group searched
 * alone in that one field (one group: no proximity), every matching clause kept.
 */
function bm25ByGroupField(sources: IndexSnapshot['segments'], plan: QueryPlan, positive: number[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const g of positive) {
    const group = plan.groups[g]!;
    for (const field of group.fields) {
      const single: QueryPlan = { groups: [{ ...group, fields: [field], presence: 'optional' }], phrases: [] };
      for (const r of searchSegments(sources, single, {}, 1_000_000).ranked) {
        const key = `${r.segment}:${r.ordinal}`;
        if (!out.has(key)) out.set(key, new Map());
        out.get(key)!.set(`${g}|${field}`, r.bm25);
      }
    }
  }
  return out;
}

// Names a clause cites rather than states (prototype from exp/rank15-about, folded letters).
const REMIT = new Set(['المعني', 'المعنية', 'المعنيين', 'المعنيه']);
const HEADS = new Set(['اتفاقية', 'الاتفاقية', 'اتفاقيه', 'بروتوكول', 'البروتوكول', 'العهد', 'اعلان', 'الاعلان']);
const BREAK = /[،,؛;.:()[\]«»"“”\n]/;
const strip = (w: string): string => stripDiacritics(foldLetters(w));

/** Word ranges [first, last] of names in analysed text (word indexes). */
function nameWords(text: string, words: Array<{ text: string; start: number; end: number }>): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < words.length; i++) {
    const w = strip(words[i]!.text);
    const bare = w.replace(/^(?:و|ف)?(?:ل|ب|ك)?/, '');
    const remit = REMIT.has(w);
    const title = HEADS.has(w) || HEADS.has(bare);
    if (!remit && !title) continue;
    const most = remit ? 4 : 8;
    let last = i;
    for (let j = i + 1; j < words.length && j - i <= most; j++) {
      if (BREAK.test(text.slice(words[j - 1]!.end, words[j]!.start))) break;
      last = j;
    }
    if (last > i) spans.push([remit ? i + 1 : i, last]);
  }
  return spans;
}

const SENTENCE_BREAK = /[.؛;:]|\([\u0621-\u064a]\)/;

interface Match {
  group: number;
  word: number;
  start: number;
}

/** Matches of the outcome's terms in a text, with word indexes. */
function matchesIn(text: string, terms: ReadonlyMap<string, number>): { matches: Match[]; words: number } {
  const analysed = analyseText(text);
  const matches: Match[] = [];
  let words = 0;
  for (const t of analysed) {
    words = Math.max(words, t.word + 1);
    const group = terms.get(t.term);
    if (group === undefined) continue;
    if (matches.length > 0 && matches[matches.length - 1]!.word === t.word && matches[matches.length - 1]!.group === group) continue;
    matches.push({ group, word: t.word, start: t.start });
  }
  return { matches, words };
}

function groupsIn(text: string | null | undefined, terms: ReadonlyMap<string, number>): Set<number> {
  if (!text) return new Set();
  return new Set(matchesIn(text, terms).matches.map((m) => m.group));
}

/** Narrowest window of words holding every group of the matches. */
function narrowest(matches: Match[], groups: number): number {
  if (groups === 0) return 0;
  const counts = new Map<number, number>();
  let distinct = 0;
  let best = Infinity;
  let left = 0;
  for (let right = 0; right < matches.length; right++) {
    const g = matches[right]!.group;
    counts.set(g, (counts.get(g) ?? 0) + 1);
    if (counts.get(g) === 1) distinct++;
    while (distinct === groups) {
      best = Math.min(best, matches[right]!.word - matches[left]!.word + 1);
      const lg = matches[left]!.group;
      counts.set(lg, counts.get(lg)! - 1);
      if (counts.get(lg) === 0) distinct--;
      left++;
    }
  }
  return best;
}

/** The per-field sums, balance, dominance and closeness features from a candidate's group-by-field BM25. */
function fieldScores(scores: Map<string, number>, positive: number[], reranked: number): number[] {
  const byField = new Map<string, number>();
  const best: number[] = [];
  for (const g of positive) {
    let top = 0;
    for (const [key, v] of scores) {
      const [group, field] = key.split('|');
      if (Number(group) !== g) continue;
      const name = (SPLIT_FIELDS as readonly string[]).includes(field!) ? field! : 'other';
      byField.set(name, (byField.get(name) ?? 0) + v);
      top = Math.max(top, v);
    }
    if (top > 0) best.push(top);
  }
  const total = best.reduce((a, b) => a + b, 0);
  const strongest = Math.max(0, ...best);
  return [
    ...SPLIT_FIELDS.map((f) => byField.get(f) ?? 0),
    byField.get('other') ?? 0,
    strongest > 0 ? Math.min(...best) / strongest : 0,
    total > 0 ? strongest / total : 0,
    total > 0 ? reranked / total - 1 : 0,
  ];
}

export function featuresOf(
  snapshot: IndexSnapshot,
  outcome: SearchOutcome,
  plan: QueryPlan,
  positive: number[],
  groupIdf: number[],
): number[][] {
  const split = bm25ByGroupField(snapshot.segments, plan, positive);
  const typed = plan.groups.map((g) => {
    if (g.matcher.kind !== 'exact') return null;
    const other = new Set([...(g.matcher.alternates ?? []), ...(g.matcher.derived ?? [])]);
    return other;
  });
  const surface = new Map<string, number>();
  plan.groups.forEach((g, i) => {
    if (g.presence !== 'prohibited') surface.set(strip(g.source), i);
  });
  const sources = snapshot.segments;
  const ranked = outcome.ranked;
  const terms = outcome.matchedTerms;
  const P = Math.max(1, positive.length);
  const idfTotal = positive.reduce((s, g) => s + (groupIdf[g] ?? 0), 0) || 1;
  const bestBm25 = Math.max(1e-9, ...ranked.map((r) => r.bm25));
  const bestOfCount = new Map<number, number>();
  for (const r of ranked) bestOfCount.set(r.matched, Math.max(bestOfCount.get(r.matched) ?? 0, r.bm25));
  const docCount = new Map<string, number>();
  for (const r of ranked) docCount.set(`${r.segment}:${r.docOrdinal}`, (docCount.get(`${r.segment}:${r.docOrdinal}`) ?? 0) + 1);
  const seenDoc = new Set<string>();
  const ordinals = new Set(ranked.map((r) => `${r.segment}:${r.ordinal}`));
  const rarest = positive.reduce((best, g) => ((groupIdf[g] ?? 0) > (groupIdf[best] ?? -1) ? g : best), positive[0] ?? -1);
  const docs = new Map<string, UnresDocument>();
  const preambleCode = clauseKindCode('preamble');
  const operativeCode = clauseKindCode('operative');
  return ranked.map((r, i) => {
    const source = sources[r.segment]!;
    const entry = source.doc(r.docOrdinal);
    const dk = `${r.segment}:${r.docOrdinal}`;
    let doc = docs.get(dk);
    if (!doc) docs.set(dk, (doc = JSON.parse(source.docLine(r.docOrdinal)) as UnresDocument));
    const clause = doc.clauses[r.ordinal - entry.clauseStart]!;
    const { matches, words } = matchesIn(clause.text, terms);
    const inText = new Set(matches.map((m) => m.group));
    const notes = doc.footnotes.filter((f) => clause.footnotes.includes(f.number)).map((f) => f.text).join('\n');
    const inNotes = groupsIn(notes, terms);
    const inHeading = groupsIn(clause.section, terms);
    const inTitle = groupsIn(`${doc.symbol ?? ''} ${doc.title ?? ''}`, terms);
    const kind = source.norms().kinds().get(r.ordinal);
    // Sentences: the most text-matched groups standing in one.
    let together = 0;
    let current = new Set<number>();
    let lastEnd = 0;
    for (const m of matches) {
      if (SENTENCE_BREAK.test(clause.text.slice(lastEnd, m.start))) current = new Set();
      current.add(m.group);
      together = Math.max(together, current.size);
      lastEnd = m.start;
    }
    const tokens = analyseText(clause.text);
    const printed: Array<{ text: string; start: number; end: number }> = [];
    for (const t of tokens) if (printed.length === t.word) printed.push({ text: clause.text.slice(t.start, t.end), start: t.start, end: t.end });
    const names = nameWords(clause.text, printed);
    const outside = new Map<number, boolean>();
    for (const m of matches) outside.set(m.group, (outside.get(m.group) ?? true) && names.some(([a, b]) => m.word >= a && m.word <= b));
    let namedOnly = 0;
    for (const v of outside.values()) if (v) namedOnly++;
    const window = narrowest(matches, inText.size);
    const printedForms = new Set(printed.map((w) => strip(w.text)));
    let exact = 0;
    for (const form of surface.keys()) if (printedForms.has(form)) exact++;
    // Neighbouring query words (in plan order) next to each other in the text.
    const at = new Map<number, Set<number>>();
    for (const m of matches) {
      if (!at.has(m.group)) at.set(m.group, new Set());
      at.get(m.group)!.add(m.word);
    }
    let pairs = 0;
    let adjacent = 0;
    for (let k = 1; k < positive.length; k++) {
      pairs++;
      const a = at.get(positive[k - 1]!);
      const b = at.get(positive[k]!);
      if (a && b && [...a].some((w) => b.has(w + 1) || b.has(w + 2))) adjacent++;
    }
    // Groups whose text matches are all alternates/derived terms.
    const viaTyped = new Set<number>();
    for (const t of tokens) {
      const g = terms.get(t.term);
      if (g !== undefined && !typed[g]?.has(t.term)) viaTyped.add(g);
    }
    let alternateOnly = 0;
    for (const g of inText) if (!viaTyped.has(g)) alternateOnly++;
    const first = !seenDoc.has(dk);
    seenDoc.add(dk);
    const textIdf = [...inText].reduce((s, g) => s + (groupIdf[g] ?? 0), 0);
    return [
      r.score,
      1 / (i + 1),
      r.matched,
      r.matched / P,
      r.bm25,
      r.bm25 / bestBm25,
      r.bm25 / Math.max(1e-9, bestOfCount.get(r.matched)!),
      inText.size / P,
      textIdf / idfTotal,
      Math.max(0, r.matched - inText.size) / P,
      inNotes.size / P,
      inHeading.size / P,
      inTitle.size / P,
      kind === preambleCode ? 1 : 0,
      kind === operativeCode ? 1 : 0,
      kind !== preambleCode && kind !== operativeCode ? 1 : 0,
      Math.log1p(words),
      matches.length > 0 && words > 0 ? matches[0]!.word / words : 1,
      inText.size > 0 ? together / inText.size : 0,
      inText.size > 0 && window > 0 ? inText.size / window : 0,
      namedOnly / P,
      Math.log(docCount.get(dk)!),
      first ? 1 : 0,
      r.ordinal === entry.clauseStart ? 1 : 0,
      Math.log1p(matches.length),
      /resolution|decision/.test(entry.kind) ? 0 : 1,
      exact / P,
      pairs > 0 ? adjacent / pairs : 0,
      alternateOnly / P,
      words > 0 ? matches.length / words : 0,
      docCount.get(dk)! / Math.max(1, entry.clauseCount),
      ordinals.has(`${r.segment}:${r.ordinal - 1}`) || ordinals.has(`${r.segment}:${r.ordinal + 1}`) ? 1 : 0,
      inText.has(rarest) ? 1 : 0,
      Math.log1p(matches.filter((m) => m.group === rarest).length),
      1 - textIdf / idfTotal,
      ...fieldScores(split.get(`${r.segment}:${r.ordinal}`) ?? new Map(), positive, r.bm25),
    ];
  });
}

async function main(argv: string[]): Promise<void> {
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const root = projectRoot();
  const depth = Number(option('--depth') ?? RERANK_DEPTH);
  const out = option('--out') ?? FEATURES_FILE;
  const queries = JSON.parse(readFileSync(join(root, 'queries', 'collection.json'), 'utf8')) as CollectionQuery[];
  const judgments = JSON.parse(readFileSync(join(root, 'queries', 'judgments.json'), 'utf8')) as Record<string, Record<string, number>>;
  const docs: UnresDocument[] = [];
  for (const sub of ['seeds', join('fixtures', 'real')]) {
    const dir = join(root, sub);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) docs.push(await parseFile(join(dir, file)));
  }
  const work = mkdtempSync(join(tmpdir(), 'unres-rank-'));
  try {
    const index = await UnresIndex.open(work, { create: true });
    await index.ingest(docs);
    const snapshot = new IndexSnapshot(work);
    snapshot.load();
    const sources = snapshot.segments;
    const live = sources.reduce((s, x) => s + x.clauseCount, 0);
    const result: Array<{ id: string; set: string; query: string; ideal: number; rows: Array<{ key: string; grade: number; x: number[] }> }> = [];
    for (const q of queries) {
      const grades = judgments[q.id] ?? {};
      if (!Object.values(grades).some((g) => g >= 1)) continue;
      const ideal = Object.values(grades)
        .sort((a, b) => b - a)
        .slice(0, 10)
        .reduce((s, g, i) => s + g / Math.log2(i + 2), 0);
      let plan = planQuery(q.query);
      let outcome: SearchOutcome | null = null;
      // As IndexSnapshot.search and UnresIndex.search run it: the preferred kind's re-ranking, the fallback plan.
      for (let attempt = 0; attempt < 2; attempt++) {
        const kind = plan.preferKind;
        const found = searchSegments(sources, plan, {}, kind ? preferenceDepth(depth) : depth);
        outcome = kind ? preferKind(sources, found, kind, depth) : found;
        if (outcome.ranked.length > 0 || !plan.fallback) break;
        plan = plan.fallback;
      }
      if (!outcome) continue;
      const positive = plan.groups.map((g, i) => (g.presence === 'prohibited' ? -1 : i)).filter((i) => i >= 0);
      // A group's idf: its rarest matched term's, over the clause text.
      const groupIdf = plan.groups.map(() => 0);
      for (const [term, g] of outcome.matchedTerms) {
        let df = 0;
        for (const s of sources) df += s.terms('text').lookup(term)?.df ?? 0;
        const value = df > 0 ? Math.log(1 + (live - df + 0.5) / (df + 0.5)) : 0;
        groupIdf[g] = Math.max(groupIdf[g]!, value);
      }
      const x = featuresOf(snapshot, outcome, plan, positive, groupIdf);
      const rows = outcome.ranked.map((r, i) => {
        const source = sources[r.segment]!;
        const entry = source.doc(r.docOrdinal);
        const doc = JSON.parse(source.docLine(r.docOrdinal)) as UnresDocument;
        const clause = doc.clauses[r.ordinal - entry.clauseStart]!;
        const key = `${baseName(doc.source.path)}|${fingerprint(clause.text)}`;
        return { key, grade: grades[key] ?? 0, x: x[i]!.map((v) => Math.round(v * 1e6) / 1e6) };
      });
      result.push({ id: q.id, set: q.set ?? 'original', query: q.query, ideal, rows });
    }
    writeFileSync(out, JSON.stringify({ features: FEATURES, queries: result }) + '\n');
    process.stderr.write(`rank-features: ${result.length} queries, ${result.reduce((s, q) => s + q.rows.length, 0)} candidates -> ${out}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`rank-features: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
