// The project's seed documents, parsed once per test file by the real parser.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBytes } from '../../src/structure/parse.js';
import type { UnresDocument } from '../../src/types.js';

export const projectRoot = join(import.meta.dirname, '..', '..');
export const schemaPath = join(projectRoot, 'schemas', 'akomantoso30.xsd');

let cache: { file: string; doc: UnresDocument }[] | undefined;

export function seedDocuments(): { file: string; doc: UnresDocument }[] {
  if (!cache) {
    const dir = join(projectRoot, 'seeds');
    cache = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((file) => ({ file, doc: parseBytes(readFileSync(join(dir, file)), join('seeds', file)) }));
  }
  return cache;
}
