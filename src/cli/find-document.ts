// Finds a stored document by what a user is likely to type: its id, its UN
// symbol, or the name of the file it was ingested from.

import { UsageError } from '../errors.js';
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

export async function findDocument(index: UnresIndex, reference: string): Promise<UnresDocument> {
  const direct = await index.get(reference);
  if (direct) return direct;
  const wanted = reference.toLowerCase();
  const listed = (await index.list()) as Listed[];
  const match = listed.find(
    (d) => d.id.toLowerCase() === wanted || d.symbol?.toLowerCase() === wanted || baseName(d.source).toLowerCase() === wanted,
  );
  const found = match ? await index.get(match.id) : undefined;
  if (found) return found;
  throw new UsageError(`no document '${reference}' in the index (see 'unres list')`);
}
