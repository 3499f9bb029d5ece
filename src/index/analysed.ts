// A document's analysed text, in a compact transferable form: what a segment
// builder posts for it. Ingest computes it on the parse workers (parse-pool.ts)
// so the thread that builds segments only files postings; rebuild and the
// library compute it in place. Either way the same function makes it, so a
// document is indexed the same wherever it was analysed.
//
//   terms: the document's distinct terms, in first-seen order
//   data:  per clause, for each of text, lead and section:
//            length (printed words that gave a term), n, then n times
//            term index, tf, tf word positions (increasing)
//          then the same for the document's title.

import { analyseText } from '../search/analysis/pipeline.js';
import type { UnresDocument } from '../types.js';

export interface AnalysedDocument {
  terms: string[];
  data: Int32Array;
}

/** The clause fields analysed per clause, in the order `data` holds them. */
export const ANALYSED_CLAUSE_FIELDS = ['text', 'lead', 'section'] as const;

class Encoder {
  readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();
  private out = new Int32Array(4096);
  length = 0;

  private push(v: number): void {
    if (this.length === this.out.length) {
      const grown = new Int32Array(this.out.length * 2);
      grown.set(this.out);
      this.out = grown;
    }
    this.out[this.length++] = v;
  }

  /** Appends one text: its length, then each term with its positions (terms in first-seen order). */
  text(text: string | null | undefined): void {
    const positions = new Map<number, number[]>();
    let words = 0;
    let lastWord = -1;
    if (text) {
      for (const t of analyseText(text)) {
        let id = this.ids.get(t.term);
        if (id === undefined) {
          id = this.terms.push(t.term) - 1;
          this.ids.set(t.term, id);
        }
        const list = positions.get(id);
        if (list) list.push(t.word);
        else positions.set(id, [t.word]);
        if (t.word !== lastWord) {
          words++;
          lastWord = t.word;
        }
      }
    }
    this.push(words);
    this.push(positions.size);
    for (const [id, list] of positions) {
      this.push(id);
      this.push(list.length);
      for (const p of list) this.push(p);
    }
  }

  finish(): AnalysedDocument {
    return { terms: this.terms, data: this.out.slice(0, this.length) };
  }
}

/** Analyses every clause field and the title of a document. */
export function analyseDocument(doc: UnresDocument): AnalysedDocument {
  const encoder = new Encoder();
  for (const clause of doc.clauses) {
    encoder.text(clause.text);
    encoder.text(clause.lead);
    encoder.text(clause.section);
  }
  encoder.text(doc.title);
  return encoder.finish();
}
