import { describe, expect, it } from 'vitest';
import { documentToJsonl, jsonLine } from '../../src/export/jsonl.js';
import { awkwardResolution, documentWith } from './sample-document.js';
import { seedDocuments } from './seed-documents.js';

function lines(text: string): string[] {
  expect(text === '' || text.endsWith('\n')).toBe(true);
  return text === '' ? [] : text.slice(0, -1).split('\n');
}

describe.each(seedDocuments())('JSONL export of $file', ({ doc }) => {
  const records = lines(documentToJsonl(doc)).map((line) => JSON.parse(line) as Record<string, unknown>);

  it('has one line per clause, every clause once, in document order', () => {
    expect(records.map((r) => r.clause)).toEqual(doc.clauses.map((c) => c.id));
  });

  it('carries the clause as parsed and its document metadata', () => {
    for (const [i, record] of records.entries()) {
      const clause = doc.clauses[i]!;
      expect(record).toMatchObject({
        doc: doc.id,
        source: doc.source.path.split('/').pop(),
        symbol: doc.symbol,
        title: doc.title,
        docKind: doc.kind,
        body: doc.body,
        adopted: doc.adopted,
        distributed: doc.distributed,
        agendaItem: doc.agendaItem,
        sponsors: doc.sponsors,
        kind: clause.kind,
        number: clause.number,
        index: clause.index,
        lead: clause.lead,
        text: clause.text,
        items: clause.items,
        section: clause.section,
        footnotes: clause.footnotes,
      });
    }
  });

  it('gives each clause its footnote texts and the citations standing in it or its footnotes', () => {
    for (const record of records) {
      const clause = doc.clauses.find((c) => c.id === record.clause)!;
      const notes = record.notes as { number: number }[];
      expect(notes.map((n) => n.number)).toEqual(clause.footnotes.filter((n) => doc.footnotes.some((f) => f.number === n)));
      for (const citation of record.citations as { clause: string }[]) {
        expect([clause.id, ...clause.footnotes.map((n) => `fn${n}`)]).toContain(citation.clause);
      }
    }
    const inClauses = records.flatMap((r) => (r.citations as { clause: string }[]).filter((c) => !c.clause.startsWith('fn')));
    expect(inClauses).toHaveLength(doc.citations.filter((c) => !c.clause.startsWith('fn')).length);
  });
});

describe('JSON lines', () => {
  it('is empty for a document without clauses', () => {
    expect(documentToJsonl(documentWith({}))).toBe('');
  });

  it('escapes the separators some readers take for line breaks', () => {
    const line = jsonLine({ text: 'a\u2028b\u2029c\u0085d\ne' });
    expect(line).toBe('{"text":"a\\u2028b\\u2029c\\u0085d\\ne"}');
    expect(line.split(/\r\n|[\n\r\u0085\u2028\u2029]/)).toHaveLength(1);
    expect(JSON.parse(line)).toEqual({ text: 'a\u2028b\u2029c\u0085d\ne' });
  });

  it('keeps markup characters and Arabic as they are', () => {
    const [first] = lines(documentToJsonl(awkwardResolution));
    expect(JSON.parse(first!).text).toBe(awkwardResolution.clauses[0]!.text);
    expect(first).toContain('إذ تشير');
  });
});
