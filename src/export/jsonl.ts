// JSON lines: one clause per line, in document order, for jq, pandas, DuckDB
// and the like.

import type { UnresDocument } from '../types.js';
import { clauseRecords } from './records.js';

// JSON.stringify leaves NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR raw; some
// readers (Python's splitlines, for one) break lines at them. They can only
// stand inside strings, where an escape means the same.
const LINE_BREAKS_JSON_KEEPS = /[\u0085\u2028\u2029]/g;

/** One value as one line, without its "\n". */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(LINE_BREAKS_JSON_KEEPS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The lines of one document, each ending in "\n"; "" for a document without clauses. */
export function documentToJsonl(doc: UnresDocument): string {
  return clauseRecords(doc)
    .map((record) => jsonLine(record) + '\n')
    .join('');
}
