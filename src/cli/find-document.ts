// Finds a stored document by what a user is likely to type: its id, its UN
// symbol, or the name (or path) of any file recorded as holding its text.

import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { normaliseSymbol } from '../search/analysis/symbols.js';
import type { UnresIndex } from '../store/index.js';
import type { UnresDocument } from '../types.js';
import { baseName } from '../files.js';
import { trimHyphens } from '../un/symbols.js';

interface Listed {
  id: string;
  symbol?: string | null;
  source?: string | { path: string };
  paths?: string[];
}

function sourcePath(source: Listed['source']): string {
  if (source === undefined) return '';
  return typeof source === 'string' ? source : source.path;
}

function noDocument(reference: string): UsageError {
  return new UsageError(`no document "${reference}" in the index (see 'unres list')`);
}

/** The document a reference names, most specific first; undefined when none. */
function lookUp(all: Listed[], reference: string): Listed | undefined {
  const wanted = reference.trim();
  const lower = wanted.toLowerCase();
  const absolute = resolve(wanted);
  const symbol = normaliseSymbol(wanted);
  // Id, then symbol, then a file recorded as holding the text, then the name it was first read from.
  const tiers: ((d: Listed) => boolean)[] = [
    (d) => d.id === wanted,
    (d) => d.id.toLowerCase() === lower,
    // An id typed with or without the trailing `-` older versions gave it.
    (d) => trimHyphens(d.id).toLowerCase() === trimHyphens(lower),
    (d) => d.symbol !== undefined && d.symbol !== null && normaliseSymbol(d.symbol) === symbol,
    (d) => (d.paths ?? []).some((p) => p === absolute),
    (d) => (d.paths ?? []).some((p) => baseName(p).toLowerCase() === lower),
    (d) => baseName(sourcePath(d.source)).toLowerCase() === lower,
  ];
  for (const tier of tiers) {
    const found = all.find(tier);
    if (found) return found;
  }
  return undefined;
}

/** The id of the document a reference names, or undefined. */
export async function findDocumentId(index: UnresIndex, reference: string, listed?: Listed[]): Promise<string | undefined> {
  // An exact id is the first tier: found without listing every document.
  if (!listed && index.holds(reference.trim())) return reference.trim();
  return lookUp(listed ?? ((await index.list()) as Listed[]), reference)?.id;
}

/** The id of the document a user named, or a UsageError `no document "x"`. */
export async function resolveDocumentId(index: UnresIndex, reference: string, listed?: Listed[]): Promise<string> {
  const id = await findDocumentId(index, reference, listed);
  if (id === undefined) throw noDocument(reference);
  return id;
}

export async function findDocument(index: UnresIndex, reference: string): Promise<UnresDocument> {
  const direct = await index.get(reference);
  if (direct) return direct;
  const found = await index.get(await resolveDocumentId(index, reference));
  if (found) return found;
  throw noDocument(reference);
}
