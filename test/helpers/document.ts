// A Document JSON with every field empty but the ones a test sets: the one
// factory the hand-made documents of the export, search and reliability tests
// start from.

import type { UnresDocument } from '../../src/types.js';

export function documentWith(fields: Partial<UnresDocument>): UnresDocument {
  return {
    id: 'sample',
    source: { path: '/data/in/sample.txt', sha256: 'cd'.repeat(32), encoding: 'utf-8' },
    kind: 'resolution',
    symbol: null,
    title: null,
    body: null,
    adopted: null,
    distributed: null,
    agendaItem: null,
    sponsors: [],
    clauses: [],
    footnotes: [],
    citations: [],
    ...fields,
  };
}
