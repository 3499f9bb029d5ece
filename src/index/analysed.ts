// A document's analysed text, in a compact transferable form: what a segment
// builder posts for it. Ingest computes it on the parse workers (parse-pool.ts)
// so the thread that builds segments only files postings; rebuild and the
// library compute it in place. Either way the same function makes it, so a
// document is indexed the same wherever it was analysed.
//
//   terms: the document's distinct terms, in first-seen order
//   data:  per clause, for each analysed clause field in the order of
//          ANALYSED_CLAUSE_FIELDS (src/search/fields.ts: text, lead, section, notes, matter):
//            length (printed words that gave a term), n, then n times
//            term index, tf, tf word positions (increasing)
//          then the same for the document's title field (its symbol and title).

import { type IndexTerm, beginIndexDocument, indexTermsOf } from '../search/analysis/pipeline.js';
import { tokenize } from '../search/analysis/tokenizer.js';
import { ANALYSED_CLAUSE_FIELDS, analysedFieldTexts, titleFieldText } from '../search/fields.js';
import type { UnresDocument } from '../types.js';

export { ANALYSED_CLAUSE_FIELDS };

export interface AnalysedDocument {
  terms: string[];
  data: Int32Array;
}


/** Stamps of encoders, one per document: an IndexTerm marked with this encoder's stamp has its id here. */
let encoders = 0;

class Encoder {
  readonly terms: string[] = [];
  private readonly stamp = ++encoders;
  private out = new Int32Array(4096);
  length = 0;
  // One text's (term id, word) pairs, and per term id its count there: reused from text to text.
  private pairIds: number[] = [];
  private pairWords: number[] = [];
  private order: number[] = [];
  private counts = new Int32Array(256);
  private offsets = new Int32Array(256);

  constructor() {
    beginIndexDocument();
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.out.length) return;
    let size = this.out.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Int32Array(size);
    grown.set(this.out.subarray(0, this.length));
    this.out = grown;
  }

  /** The term's id in this document, given on first sight. */
  private idOf(term: IndexTerm): number {
    if (term.document === this.stamp) return term.id;
    const id = this.terms.push(term.term) - 1;
    term.document = this.stamp;
    term.id = id;
    if (id >= this.counts.length) {
      const counts = new Int32Array(this.counts.length * 2);
      counts.set(this.counts);
      this.counts = counts;
      this.offsets = new Int32Array(counts.length);
    }
    return id;
  }

  /** Appends one text: its length, then each term with its positions (terms in first-seen order). */
  text(text: string | null | undefined): void {
    const { pairIds, pairWords, order } = this;
    pairIds.length = 0;
    pairWords.length = 0;
    order.length = 0;
    let words = 0;
    if (text) {
      // As analyseText (pipeline.ts) gives them: each token's terms, with the token's index as their word.
      const raws = tokenize(text);
      for (let word = 0; word < raws.length; word++) {
        const raw = raws[word]!;
        const terms = indexTermsOf(raw.text, raw.type);
        if (terms.length === 0) continue;
        words++;
        for (let k = 0; k < terms.length; k++) {
          const id = this.idOf(terms[k]!);
          if (this.counts[id] === 0) order.push(id);
          this.counts[id]!++;
          pairIds.push(id);
          pairWords.push(word);
        }
      }
    }
    this.reserve(2 + 2 * order.length + pairIds.length);
    const out = this.out;
    out[this.length++] = words;
    out[this.length++] = order.length;
    // Each term's entry: id, tf, then its positions, which the pairs give in word order.
    let at = this.length;
    for (const id of order) {
      out[at] = id;
      out[at + 1] = this.counts[id]!;
      this.offsets[id] = at + 2;
      at += 2 + this.counts[id]!;
    }
    for (let k = 0; k < pairIds.length; k++) out[this.offsets[pairIds[k]!]!++] = pairWords[k]!;
    this.length = at;
    for (const id of order) this.counts[id] = 0;
  }

  finish(): AnalysedDocument {
    return { terms: this.terms, data: this.out.slice(0, this.length) };
  }
}

/** Analyses every clause field and the title of a document. */
export function analyseDocument(doc: UnresDocument): AnalysedDocument {
  const encoder = new Encoder();
  for (const clause of doc.clauses) {
    const texts = analysedFieldTexts(doc, clause);
    for (const field of ANALYSED_CLAUSE_FIELDS) encoder.text(texts[field]);
  }
  encoder.text(titleFieldText(doc));
  return encoder.finish();
}
