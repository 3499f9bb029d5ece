// OpenSearch (and Elasticsearch) loading: an index body with the mapping, and
// bulk-API NDJSON, an action line then the clause record for every clause.
// Text fields use the engine's built-in `arabic` analyzer (normalisation,
// Arabic-Indic digits to ASCII, stop words, light stemming), the nearest thing
// a cluster has to the embedded engine's folding. The mapping is strict: a
// record field the mapping does not know is an error at load time, and a test
// keeps the two in step.

import type { UnresDocument } from '../types.js';
import { jsonLine } from './jsonl.js';
import { clauseRecords, type ClauseRecord } from './records.js';

export const DEFAULT_OPENSEARCH_INDEX = 'unres';

type FieldMapping = Record<string, unknown>;

const keyword: FieldMapping = { type: 'keyword' };
const integer: FieldMapping = { type: 'integer' };
const date: FieldMapping = { type: 'date', format: 'strict_date' };
const arabicText: FieldMapping = { type: 'text', analyzer: 'arabic' };
/** Searchable as Arabic text, and exact (filters, aggregations) through `.keyword`. */
const arabicTextAndKeyword: FieldMapping = { ...arabicText, fields: { keyword: { type: 'keyword', ignore_above: 1024 } } };

const PROPERTIES: Record<keyof ClauseRecord, FieldMapping> = {
  doc: keyword,
  source: keyword,
  symbol: keyword,
  title: arabicTextAndKeyword,
  docKind: keyword,
  body: arabicTextAndKeyword,
  adopted: date,
  distributed: date,
  agendaItem: keyword,
  sponsors: keyword,
  preface: arabicText,
  conclusions: arabicText,
  clause: keyword,
  kind: keyword,
  number: integer,
  index: integer,
  lead: arabicTextAndKeyword,
  formula: arabicText,
  text: arabicText,
  items: { properties: { label: keyword, text: arabicText } },
  section: arabicTextAndKeyword,
  footnotes: integer,
  notes: { properties: { number: integer, text: arabicText } },
  citations: { properties: { symbol: keyword, text: keyword, clause: keyword, basis: keyword } },
};

/** The body of `PUT /<index>`: mappings only, so shard and replica settings stay the cluster's. */
export function opensearchIndexBody(): { mappings: { dynamic: 'strict'; properties: typeof PROPERTIES } } {
  return { mappings: { dynamic: 'strict', properties: PROPERTIES } };
}

export function opensearchMappingJson(): string {
  return JSON.stringify(opensearchIndexBody(), null, 2) + '\n';
}

/** "<doc>#<clause>": the same reference `unres show` takes. */
export function opensearchId(record: Pick<ClauseRecord, 'doc' | 'clause'>): string {
  return `${record.doc}#${record.clause}`;
}

/** Bulk NDJSON for one document: two lines per clause, each ending in "\n" (the bulk API needs the last one too). */
export function documentToBulk(doc: UnresDocument, indexName = DEFAULT_OPENSEARCH_INDEX): string {
  return clauseRecords(doc)
    .map((record) => `${jsonLine({ index: { _index: indexName, _id: opensearchId(record) } })}\n${jsonLine(record)}\n`)
    .join('');
}
