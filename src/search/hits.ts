// From ranked clauses to the hits the CLI prints (SearchHit of the contract,
// plus `matches` for highlighting). Only the documents of the hits are read.

import { IndexError } from '../errors.js';
import type { SearchHit, UnresDocument } from '../types.js';
import type { SearchOutcome, SegmentSource } from './searcher.js';
import { makeSnippet } from './snippet.js';

export type EngineHit = SearchHit & { matches: Array<[number, number]> };

export function assembleHits(sources: SegmentSource[], outcome: SearchOutcome): EngineHit[] {
  const documents = new Map<string, UnresDocument>();
  const documentOf = (segment: number, docOrdinal: number): UnresDocument => {
    const key = `${segment}:${docOrdinal}`;
    let doc = documents.get(key);
    if (!doc) {
      const source = sources[segment]!;
      try {
        doc = JSON.parse(source.docLine(docOrdinal)) as UnresDocument;
      } catch (err) {
        if (err instanceof IndexError) throw err;
        throw new IndexError(`segment ${source.name} is damaged (stored document unreadable): run \`unres ingest --rebuild\``);
      }
      documents.set(key, doc);
    }
    return doc;
  };

  return outcome.ranked.map((r) => {
    const source = sources[r.segment]!;
    const entry = source.doc(r.docOrdinal);
    const doc = documentOf(r.segment, r.docOrdinal);
    const clause = doc.clauses[r.ordinal - entry.clauseStart];
    if (!clause || doc.id !== entry.id) {
      throw new IndexError(`segment ${source.name} is damaged (clause out of place): run \`unres ingest --rebuild\``);
    }
    const { snippet, matches } = makeSnippet(clause.text, outcome.matchedTerms);
    return {
      doc: doc.id,
      source: entry.source,
      title: doc.title,
      clause: clause.id,
      kind: clause.kind,
      number: clause.number,
      index: clause.index,
      score: Math.round(r.score * 1e6) / 1e6,
      text: clause.text,
      snippet,
      matches,
    };
  });
}
