// One flat record per clause, carrying its document's metadata: the line of
// the JSONL export and the source of each OpenSearch document. Field names
// follow the search hit of the contract (doc, source, clause, kind, number,
// index, text), so a script written against `search --ndjson` reads these too.

import type { Citation, ClauseItem, DocumentKind, UnresDocument } from '../types.js';
import { baseName } from '../files.js';

export interface ClauseRecord {
  doc: string;
  /** The file's base name, as in search hits. */
  source: string;
  symbol: string | null;
  title: string | null;
  docKind: DocumentKind;
  body: string | null;
  adopted: string | null;
  distributed: string | null;
  agendaItem: string | null;
  sponsors: string[];
  /** The document's preface and conclusions (the text no clause holds), on each of its clauses as its title is; null when none or not kept. */
  preface: string | null;
  conclusions: string | null;
  clause: string;
  kind: string;
  number: number | null;
  index: number;
  lead: string | null;
  /** The formula printed just before the clause that no clause holds; null when none. */
  formula: string | null;
  text: string;
  items: ClauseItem[];
  section: string | null;
  /** Numbers of the footnotes the clause references, as in the Document JSON. */
  footnotes: number[];
  /** Those footnotes with their text. */
  notes: { number: number; text: string }[];
  /** Citations standing in the clause, or in a footnote it references (`clause` says which). */
  citations: Citation[];
}

export function clauseRecords(doc: UnresDocument): ClauseRecord[] {
  const footnoteText = new Map(doc.footnotes.map((f) => [f.number, f.text]));
  return doc.clauses.map((clause) => {
    const noteIds = new Set(clause.footnotes.map((n) => `fn${n}`));
    return {
      doc: doc.id,
      source: baseName(doc.source.path),
      symbol: doc.symbol,
      title: doc.title,
      docKind: doc.kind,
      body: doc.body,
      adopted: doc.adopted,
      distributed: doc.distributed,
      agendaItem: doc.agendaItem,
      sponsors: doc.sponsors,
      preface: doc.preface ?? null,
      conclusions: doc.conclusions ?? null,
      clause: clause.id,
      kind: clause.kind,
      number: clause.number,
      index: clause.index,
      lead: clause.lead,
      formula: clause.formula ?? null,
      text: clause.text,
      items: clause.items,
      section: clause.section,
      footnotes: clause.footnotes,
      notes: clause.footnotes.flatMap((number) => {
        const text = footnoteText.get(number);
        return text === undefined ? [] : [{ number, text }];
      }),
      citations: doc.citations.filter((c) => c.clause === clause.id || noteIds.has(c.clause)),
    };
  });
}
