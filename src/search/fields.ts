// What a clause is indexed under. Clause fields are scored per clause; the
// title is a document field that every clause of the document shares.

export const CLAUSE_FIELDS = ['text', 'lead', 'section', 'cites'] as const;
export const DOC_FIELDS = ['title'] as const;
export const ALL_FIELDS = [...CLAUSE_FIELDS, ...DOC_FIELDS] as const;

export type ClauseField = (typeof CLAUSE_FIELDS)[number];
export type DocField = (typeof DOC_FIELDS)[number];
export type Field = (typeof ALL_FIELDS)[number];

/**
 * A term without `field:` looks in the clause text and in the symbols the
 * clause cites (directly or in its footnotes): `64/293` should find a clause
 * whose footnote cites the resolution. Titles and headings are only searched
 * when named, or every clause of a document would match its title.
 */
export const DEFAULT_FIELDS: readonly Field[] = ['text', 'cites'];

export function isField(name: string): name is Field {
  return (ALL_FIELDS as readonly string[]).includes(name);
}

export const CLAUSE_KINDS = ['preamble', 'operative', 'paragraph', 'recommendation', 'article'] as const;
export const DOCUMENT_KINDS = ['resolution', 'draft-resolution', 'decision', 'report', 'instrument', 'unknown'] as const;

/** Clause kinds stored as one byte per clause; 255 for a kind this version does not know. */
export function clauseKindCode(kind: string): number {
  const code = (CLAUSE_KINDS as readonly string[]).indexOf(kind);
  return code < 0 ? 255 : code;
}
