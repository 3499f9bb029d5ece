// Finds a stored document by what a user is likely to type: its id, its UN
// symbol, or the name of the file it was ingested from.

import { UsageError } from '../errors.js';
import { normaliseSymbol } from '../search/analysis/symbols.js';
import type { UnresIndex } from '../store/index.js';
import type { UnresDocument } from '../types.js';

interface Listed {
  id: string;
  symbol?: string | null;
  source?: string | { path: string };
}

function baseName(source: Listed['source']): string {
  if (source === undefined) return '';
  const path = typeof source === 'string' ? source : source.path;
  return path.slice(path.lastIndexOf('/') + 1);
}

function noDocument(reference: string): UsageError {
  return new UsageError(`no document "${reference}" in the index (see 'unres list')`);
}

function matches(d: Listed, wanted: string): boolean {
  const lower = wanted.toLowerCase();
  if (d.id.toLowerCase() === lower || baseName(d.source).toLowerCase() === lower) return true;
  return d.symbol !== undefined && d.symbol !== null && normaliseSymbol(d.symbol) === normaliseSymbol(wanted);
}

/** The id of the document a user named, or a UsageError `no document "x"`. */
export async function resolveDocumentId(index: UnresIndex, reference: string, listed?: Listed[]): Promise<string> {
  const wanted = reference.trim();
  const all = listed ?? ((await index.list()) as Listed[]);
  const match = all.find((d) => d.id === wanted) ?? all.find((d) => matches(d, wanted));
  if (!match) throw noDocument(reference);
  return match.id;
}

export async function findDocument(index: UnresIndex, reference: string): Promise<UnresDocument> {
  const direct = await index.get(reference);
  if (direct) return direct;
  const found = await index.get(await resolveDocumentId(index, reference));
  if (found) return found;
  throw noDocument(reference);
}
