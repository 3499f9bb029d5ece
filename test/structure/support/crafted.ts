// Parsing crafted inputs: inline strings and files under fixtures/crafted/<stage>/.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBytes, parseText } from '../../../src/structure/parse.js';
import type { Clause, UnresDocument } from '../../../src/types.js';
import { projectRoot } from '../../helpers/gold.js';

export const craftedDir = join(projectRoot, 'fixtures', 'crafted');

/** Parse already-decoded text, as `unres parse` would after decoding. */
export function parseString(text: string, path = 'crafted.txt'): UnresDocument {
  return parseText(text, { path, sha256: '0'.repeat(64), encoding: 'utf-8' });
}

/** Parse one crafted fixture file through the whole pipeline, bytes first. */
export function parseCrafted(stage: string, name: string): UnresDocument {
  const path = join(craftedDir, stage, name);
  return parseBytes(readFileSync(path), name);
}

/** Parse text made of lines (joined with blank lines between them, as the seeds print). */
export function parseLines(...lines: string[]): UnresDocument {
  return parseString(lines.join('\n\n'));
}

/** id, kind, number of each clause: the shape most tests compare. */
export function shape(doc: UnresDocument): Array<[string, string, number | null]> {
  return doc.clauses.map((c: Clause) => [c.id, c.kind, c.number]);
}

export function clause(doc: UnresDocument, id: string): Clause {
  const found = doc.clauses.find((c) => c.id === id);
  if (!found) throw new Error(`no clause ${id} in ${doc.clauses.map((c) => c.id).join(', ')}`);
  return found;
}
