// A segment held in memory, read through the same interface as one on disk:
// used by tests, and for a segment just built.

import { type ClauseTable, type SegmentData, readClauseTable } from './segment.js';
import type { SegmentSource } from './searcher.js';

export function memorySource(data: SegmentData, name = 'memory', deletedDocs: ReadonlySet<number> = new Set()): SegmentSource {
  let table: ClauseTable | null = null;
  const decoder = new TextDecoder();
  return {
    name,
    meta: data.meta,
    deletedDocs,
    dictionary: () => data.dictionary,
    postingsBlock: (start, end) => data.postings.subarray(start, end),
    clauseTable: () => (table ??= readClauseTable(data.clauses, data.meta.clauseCount)),
    docLine: (docOrdinal) => {
      const doc = data.meta.docs[docOrdinal]!;
      return decoder.decode(data.docs.subarray(doc.offset, doc.offset + doc.bytes));
    },
  };
}
