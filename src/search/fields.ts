// What a clause is indexed under. Clause fields are scored per clause; the
// title is a document field that every clause of the document shares.
//   text     the clause text (analysed, with word positions)
//   lead     its opening formula (analysed)
//   section  the heading it stands under (analysed)
//   cites    symbols it cites, itself or in its footnotes (exact keys, src/index/builder.ts)
//   notes    the text of the footnotes it references (analysed, with word positions)
//   ref      the reference keys of its kind and number (`art:51`, `op:3`; src/un/clause-references.ts)
//   matter   the text no clause holds (analysed, with word positions): the formula printed before the
//            clause, and on the document's first clause its preface and conclusions
//   title    the document's own symbol and title (analysed; per document)
//   years    the years the document is of (exact keys; per document)

import { referenceKeysOfClause } from '../un/clause-references.js';
import { resolveIbid } from '../un/ibid.js';
import { isYear } from '../un/symbols.js';
import type { Clause, UnresDocument } from '../types.js';

export const CLAUSE_FIELDS = ['text', 'lead', 'section', 'cites', 'notes', 'ref', 'matter'] as const;
export const DOC_FIELDS = ['title', 'years'] as const;
export const ALL_FIELDS = [...CLAUSE_FIELDS, ...DOC_FIELDS] as const;

export type ClauseField = (typeof CLAUSE_FIELDS)[number];
export type DocField = (typeof DOC_FIELDS)[number];
export type Field = (typeof ALL_FIELDS)[number];

/** Is the field a document's (its postings are documents, shared by the document's clauses)? */
export function isDocField(field: Field): field is DocField {
  return (DOC_FIELDS as readonly Field[]).includes(field);
}

/** Clause fields whose text goes through the analysis chain (positions are word positions there). */
export const ANALYSED_CLAUSE_FIELDS = ['text', 'lead', 'section', 'notes', 'matter'] as const;
export type AnalysedClauseField = (typeof ANALYSED_CLAUSE_FIELDS)[number];

/**
 * A term without `field:` looks in the clause text, in the symbols the clause
 * cites (directly or in its footnotes), in its footnotes' text and in the
 * heading it stands under: `64/293` should find a clause whose footnote cites
 * the resolution, a word printed only in a footnote finds the clause that
 * references it, and a heading names the topic of the clauses under it (the
 * Charter's "تعديل الميثاق" over Articles 108 and 109), weighted below the
 * clause's own text. Titles are only searched when named, or every clause of
 * a document would match its title. `ref` is searched when the query names a clause (`المادة 51`,
 * `art51`; see query.ts). A document symbol (`E/C.12/UZB/CO/1`) is also looked
 * for in `title`, which holds the document's own symbol: the document itself is
 * found, with the clauses citing it. The text a document prints before its first clause and after
 * its last (`matter`: meeting numbers, sponsors, the adoption line, "done at") is searched too: a
 * query only it answers finds the document's first clause.
 */
export const DEFAULT_FIELDS: readonly Field[] = ['text', 'cites', 'notes', 'section', 'matter'];

/** Fields a quoted phrase and proximity are looked for in (they hold word positions). */
export const POSITIONAL_FIELDS: readonly Field[] = ['text', 'notes', 'matter'];

/**
 * Weight of a match in each field, times the term's idf (BM25 per field, the
 * best field of a word counting once). A word found only in a footnote or in
 * the heading counts for less than one in the clause; the clause a query names by its reference
 * counts for more than a clause that merely mentions the number.
 */
export const FIELD_WEIGHTS: Readonly<Record<Field, number>> = {
  text: 1,
  lead: 1,
  section: 0.5,
  cites: 1,
  notes: 0.5,
  ref: 2,
  // Below the title's: the preface repeats the title among lines of every kind.
  matter: 0.5,
  title: 1,
  years: 1,
};

/** Weight of a term found through an equivalent wording (src/un/equivalents.ts), against 1 for the word typed. */
export const ALTERNATE_WEIGHT = 0.5;

export function isField(name: string): name is Field {
  return (ALL_FIELDS as readonly string[]).includes(name);
}

/** The text of each analysed field of a clause (null: the field is empty). */
// A document's footnote texts by number, made once per document, not once per clause.
const footnotesByNumber = new WeakMap<UnresDocument, Map<number, string>>();

function footnoteTexts(doc: UnresDocument): Map<number, string> {
  let byNumber = footnotesByNumber.get(doc);
  if (!byNumber) {
    // An "ibid." footnote is indexed with the work it stands for (src/un/ibid.ts).
    const texts = resolveIbid(doc.footnotes.map((f) => f.text));
    footnotesByNumber.set(doc, (byNumber = new Map(doc.footnotes.map((f, i) => [f.number, texts[i]!]))));
  }
  return byNumber;
}

export function analysedFieldTexts(doc: UnresDocument, clause: Clause): Record<AnalysedClauseField, string | null> {
  let notes: string | null = null;
  if ((clause.footnotes ?? []).length > 0 && (doc.footnotes ?? []).length > 0) {
    const byNumber = footnoteTexts(doc);
    const texts = clause.footnotes.map((n) => byNumber.get(n)).filter((t): t is string => t !== undefined);
    if (texts.length > 0) notes = texts.join('\n');
  }
  return { text: clause.text, lead: clause.lead, section: clause.section, notes, matter: clauseMatter(doc, clause) };
}

/** A clause's `matter`: the formula printed before it, and on the first clause the document's preface and conclusions. */
function clauseMatter(doc: UnresDocument, clause: Clause): string | null {
  const formula = clause.formula ? clip(clause.formula) : null;
  if (doc.clauses[0] !== clause) return formula;
  const matter = matterFieldText(doc);
  return formula === null ? matter : matter === null ? formula : `${formula}\n${matter}`;
}

const clip = (s: string): string => (s.length > MAX_MATTER_CHARS ? s.slice(0, MAX_MATTER_CHARS) : s);

/**
 * The text of the `matter` field: the document's preface and conclusions (null when it has neither,
 * as documents indexed before they were kept). One clause field of the first clause, not a document
 * field: a match reaches the document through its first clause without spreading over every clause
 * of it, and the search output keeps its shape (no new kind of hit).
 */
export function matterFieldText(doc: Pick<UnresDocument, 'title'> & Partial<Pick<UnresDocument, 'preface' | 'conclusions'>>): string | null {
  const parts = [withoutTitle(doc.preface, doc.title), doc.conclusions]
    .filter((s): s is string => typeof s === 'string' && s.trim() !== '')
    .map(clip);
  return parts.length > 0 ? parts.join('\n') : null;
}

/**
 * Front matter and closing lines are a few lines; past this many characters of either (a text whose
 * "closing" swallowed what followed, several documents in one file) the rest is kept in the document
 * but not searched: one field of one clause holding megabytes would cost ingest memory out of
 * proportion (test/slow/reliability/parser-memory.test.ts).
 */
const MAX_MATTER_CHARS = 20_000;

/**
 * The preface without the title it prints: the title is the `title` field's, searched only when
 * named (DEFAULT_FIELDS), or a topic query would find the first clause of every document it titles.
 */
function withoutTitle(preface: string | null | undefined, title: string | null): string | null | undefined {
  if (!preface || !title) return preface;
  const at = preface.indexOf(title);
  return at < 0 ? preface : `${preface.slice(0, at)}\n${preface.slice(at + title.length)}`;
}

/**
 * The text of a document's `title` field: its own symbol, then its title (null
 * when it has neither). A document printed without a symbol of its own (a
 * declaration, a convention) whose opening lines name the resolution that
 * adopted it ("اعتمد ... بموجب قرار الجمعية العامة رقم 61/295": a citation of
 * the header) is known by that resolution's symbol: it is added too.
 */
export function titleFieldText(doc: Pick<UnresDocument, 'symbol' | 'title'> & Partial<Pick<UnresDocument, 'citations'>>): string | null {
  const adoptedBy = doc.symbol ? [] : (doc.citations ?? []).filter((c) => c.clause === 'header').map((c) => c.symbol);
  const parts = [doc.symbol, ...adoptedBy, doc.title].filter((s): s is string => typeof s === 'string' && s !== '');
  return parts.length > 0 ? parts.join('\n') : null;
}

const YEAR_IN = /(?<![0-9])[0-9]{4}(?![0-9])/g;

/**
 * The keys of a document's `years` field: the year it was adopted, and a year its own symbol holds
 * (E/RES/2019/20, S/RES/338 (1973)), which the symbol, a whole token, does not answer to alone. A
 * year typed as a query looks there too (query.ts), so `2019` finds the documents of 2019 as well as
 * the clauses that print it. A field of their own, not a line of the title: there they lengthened
 * the title and lowered every title match (BM25 normalises by length), so a document's own clauses
 * fell behind the clauses citing its symbol. The field's norm is 1 for every clause: it holds one
 * or two keys, never a text.
 */
export function documentYears(doc: Partial<Pick<UnresDocument, 'symbol' | 'adopted'>>): string[] {
  const years = new Set<string>();
  const adopted = /^[0-9]{4}/.exec(doc.adopted ?? '');
  if (adopted) years.add(adopted[0]);
  for (const m of (doc.symbol ?? '').matchAll(YEAR_IN)) if (isYear(Number(m[0]))) years.add(m[0]);
  return [...years];
}

/**
 * The reference keys a clause is indexed under (field `ref`): its own, and those of the divisions it stands
 * under (`headingKeys`: headingReferenceKeys of its document's headings).
 */
export function referenceTerms(clause: Clause, headingKeys: ReadonlyMap<string, readonly string[]>): string[] {
  const keys = referenceKeysOfClause(clause.kind, clause.number, clause.index, clause.designation);
  const division = clause.heading ? (headingKeys.get(clause.heading) ?? []) : [];
  return division.length > 0 ? [...keys, ...division] : keys;
}

export const CLAUSE_KINDS = ['preamble', 'operative', 'paragraph', 'recommendation', 'article'] as const;
export const DOCUMENT_KINDS = ['resolution', 'draft-resolution', 'decision', 'report', 'instrument', 'unknown'] as const;

/** Clause kinds stored as one byte per clause; 255 for a kind this version does not know. */
export function clauseKindCode(kind: string): number {
  const code = (CLAUSE_KINDS as readonly string[]).indexOf(kind);
  return code < 0 ? 255 : code;
}
