import { describe, expect, it } from 'vitest';
import { clauseRecords } from '../../src/export/records.js';
import { documentToBulk, opensearchIndexBody, opensearchMappingJson } from '../../src/export/opensearch.js';
import { awkwardResolution } from './sample-document.js';
import { seedDocuments } from './seed-documents.js';

interface Action {
  index: { _index: string; _id: string };
}

function bulkPairs(ndjson: string): [Action, Record<string, unknown>][] {
  expect(ndjson.endsWith('\n')).toBe(true);
  const lines = ndjson.slice(0, -1).split('\n').map((line) => JSON.parse(line) as unknown);
  expect(lines.length % 2).toBe(0);
  const pairs: [Action, Record<string, unknown>][] = [];
  for (let i = 0; i < lines.length; i += 2) pairs.push([lines[i] as Action, lines[i + 1] as Record<string, unknown>]);
  return pairs;
}

type Mapping = { type?: string; analyzer?: string; properties?: Record<string, Mapping> };

/** Every field path of a value that the mapping does not declare. */
function unmapped(value: unknown, mapping: Record<string, Mapping>, path = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  const objects = Array.isArray(value) ? value : [value];
  return objects.flatMap((object) =>
    typeof object !== 'object' || object === null
      ? []
      : Object.entries(object as Record<string, unknown>).flatMap(([key, inner]) => {
          const field = mapping[key];
          if (!field) return [`${path}${key}`];
          if (field.properties) return unmapped(inner, field.properties, `${path}${key}.`);
          return [];
        }),
  );
}

describe.each(seedDocuments())('OpenSearch bulk export of $file', ({ doc }) => {
  const pairs = bulkPairs(documentToBulk(doc));

  it('has an index action and a source for every clause, once', () => {
    expect(pairs.map(([action]) => action.index._id)).toEqual(doc.clauses.map((c) => `${doc.id}#${c.id}`));
    expect(new Set(pairs.map(([action]) => action.index._id)).size).toBe(doc.clauses.length);
    for (const [action, source] of pairs) {
      expect(action.index._index).toBe('unres');
      expect(`${source.doc}#${source.clause}`).toBe(action.index._id);
    }
  });

  it('sends the same records as the JSONL export, every field mapped', () => {
    expect(pairs.map(([, source]) => source)).toEqual(JSON.parse(JSON.stringify(clauseRecords(doc))));
    for (const [, source] of pairs) expect(unmapped(source, opensearchIndexBody().mappings.properties as never)).toEqual([]);
  });
});

describe('the index mapping', () => {
  const body = JSON.parse(opensearchMappingJson()) as { mappings: { dynamic: string; properties: Record<string, Mapping> } };
  const properties = body.mappings.properties;

  it('analyses the Arabic text with the built-in arabic analyzer', () => {
    for (const field of ['text', 'title', 'lead', 'section', 'body']) expect(properties[field]).toMatchObject({ type: 'text', analyzer: 'arabic' });
    expect(properties.items!.properties!.text).toMatchObject({ analyzer: 'arabic' });
    expect(properties.notes!.properties!.text).toMatchObject({ analyzer: 'arabic' });
  });

  it('keeps ids, symbols and kinds exact, numbers as integers and dates as dates', () => {
    for (const field of ['doc', 'source', 'symbol', 'docKind', 'clause', 'kind', 'agendaItem', 'sponsors']) expect(properties[field]!.type).toBe('keyword');
    for (const field of ['number', 'index', 'footnotes']) expect(properties[field]!.type).toBe('integer');
    for (const field of ['adopted', 'distributed']) expect(properties[field]!.type).toBe('date');
    expect(properties.citations!.properties!.symbol!.type).toBe('keyword');
  });

  it('is strict, so a field the mapping lacks fails loudly instead of being guessed', () => {
    expect(body.mappings.dynamic).toBe('strict');
  });
});

describe('documentToBulk', () => {
  it('uses the index name it is given', () => {
    const [action] = bulkPairs(documentToBulk(awkwardResolution, 'un-docs'))[0]!;
    expect(action.index).toEqual({ _index: 'un-docs', _id: 'A-RES-70-1#pp1' });
  });
});
