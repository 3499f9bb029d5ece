// The shape a document must have to be stored: what the index and the hits
// rely on. A document that fails is counted as failed, never stored.

import type { UnresDocument } from '../types.js';

const isString = (v: unknown): v is string => typeof v === 'string';
const isNullableString = (v: unknown): boolean => v === null || v === undefined || typeof v === 'string';

/** A one-line problem, or null when the document can be stored. */
export function documentProblem(value: unknown): string | null {
  const doc = value as UnresDocument;
  if (typeof doc !== 'object' || doc === null) return 'not a document object';
  if (!isString(doc.id) || doc.id.trim() === '') return 'document has no id';
  if (typeof doc.source !== 'object' || doc.source === null || !isString(doc.source.path) || !isString(doc.source.sha256)) {
    return `document ${doc.id}: source needs a path and a sha256`;
  }
  if (!isString(doc.kind)) return `document ${doc.id}: kind is missing`;
  if (!isNullableString(doc.title) || !isNullableString(doc.symbol)) return `document ${doc.id}: title and symbol must be text or null`;
  if (!Array.isArray(doc.clauses)) return `document ${doc.id}: clauses must be a list`;
  for (const [i, c] of doc.clauses.entries()) {
    if (typeof c !== 'object' || c === null || !isString(c.id) || !isString(c.kind) || !isString(c.text)) {
      return `document ${doc.id}: clause ${i + 1} needs an id, a kind and a text`;
    }
    if (!isNullableString(c.lead) || !isNullableString(c.section)) return `document ${doc.id}: clause ${c.id} has a bad lead or section`;
    if (c.footnotes !== undefined && !Array.isArray(c.footnotes)) return `document ${doc.id}: clause ${c.id} has bad footnotes`;
  }
  if (doc.citations !== undefined && !Array.isArray(doc.citations)) return `document ${doc.id}: citations must be a list`;
  for (const c of doc.citations ?? []) {
    if (typeof c !== 'object' || c === null || !isString(c.symbol) || !isString(c.clause)) {
      return `document ${doc.id}: a citation needs a symbol and a clause`;
    }
  }
  return null;
}
