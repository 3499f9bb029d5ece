// The analysed form of a document (src/index/analysed.ts), made on the ingest
// workers, must say exactly what analysing each text in place says: per text
// its length in words and each term with its positions, terms in first-seen order.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/index/analysed.js';
import { analyseText, setIndexMemoLimit } from '../../src/search/analysis/pipeline.js';
import { ANALYSED_CLAUSE_FIELDS, analysedFieldTexts, titleFieldText } from '../../src/search/fields.js';
import { parseBytes } from '../../src/structure/parse.js';
import { ROOT } from '../store/helpers/compiled.js';

function reference(texts: Array<string | null>): { terms: string[]; data: number[] } {
  const terms: string[] = [];
  const data: number[] = [];
  for (const text of texts) {
    const positions = new Map<string, number[]>();
    const words = new Set<number>();
    for (const t of text ? analyseText(text) : []) {
      if (!positions.has(t.term)) positions.set(t.term, []);
      positions.get(t.term)!.push(t.word);
      words.add(t.word);
    }
    data.push(words.size, positions.size);
    for (const [term, list] of positions) {
      if (!terms.includes(term)) terms.push(term);
      data.push(terms.indexOf(term), list.length, ...list);
    }
  }
  return { terms, data };
}

describe('analysed documents', () => {
  afterEach(() => setIndexMemoLimit(100_000));

  it('hold what analysing each field of each clause and the title field (symbol and title) says', () => {
    checkSeeds();
  });

  it('say the same when the index-time memo turns over between documents, again and again', () => {
    // A generation of 50 entries turns over at every document: tokens and terms kept from the old one must
    // still be numbered once per document.
    setIndexMemoLimit(50);
    checkSeeds();
    checkSeeds();
    setIndexMemoLimit(2000);
    checkSeeds();
    checkSeeds();
  });
});

function checkSeeds(): void {
    for (const name of readdirSync(join(ROOT, 'seeds')).sort()) {
      const doc = parseBytes(readFileSync(join(ROOT, 'seeds', name)), name);
      const texts = [...doc.clauses.flatMap((c) => ANALYSED_CLAUSE_FIELDS.map((f) => analysedFieldTexts(doc, c)[f])), titleFieldText(doc)];
      const analysed = analyseDocument(doc);
      const expected = reference(texts);
      expect(analysed.terms, name).toEqual(expected.terms);
      expect([...analysed.data], name).toEqual(expected.data);
    }
}
