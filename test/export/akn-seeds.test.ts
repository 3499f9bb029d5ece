// Every seed, parsed by the real parser, exported to Akoma Ntoso: valid
// against the schema, one recital or body element per clause, the clause text
// intact, each footnote body once at its first referencing clause, every
// citation a `ref` to the cited work.

import { describe, expect, it } from 'vitest';
import { documentToAkn } from '../../src/export/akn.js';
import { bareLabel } from '../../src/export/akn-inline.js';
import { frbrUris, workUriForSymbol } from '../../src/export/akn-uris.js';
import { parseHeading } from '../../src/export/akn-sections.js';
import type { Clause, UnresDocument } from '../../src/types.js';
import { seedDocuments } from './seed-documents.js';
import { ancestors, byEId, elementsNamed, isReadElement, type ReadElement, readXml, textContent } from './xml-reader.js';
import { hasXmllint, validateAkn, XMLLINT_MISSING } from './xmllint.js';

const seeds = seedDocuments();

function clauseEId(clause: Clause): string {
  const suffix = clause.id.replace(/^[A-Za-z]+/, '');
  if (clause.kind === 'preamble') return `preamble__recital_${suffix}`;
  if (clause.kind === 'recommendation') return `recommendation_${suffix}`;
  if (clause.kind === 'article') return `art_${suffix}`;
  return `para_${suffix}`;
}

function count(doc: UnresDocument, ...kinds: Clause['kind'][]): number {
  return doc.clauses.filter((c) => kinds.includes(c.kind)).length;
}

const NO_SPACE = /\s+/g;
const NOTES = new Set(['authorialNote', 'noteRef']);

/** The words of a clause element: everything but its own num and its footnotes. */
function clauseWords(element: ReadElement): string {
  return element.children
    .filter((child) => !(isReadElement(child) && child.name === 'num'))
    .map((child) => textContent(child, NOTES))
    .join('')
    .replace(NO_SPACE, '');
}

describe.each(seeds)('AKN export of $file', ({ doc }) => {
  const xml = documentToAkn(doc);
  const root = readXml(xml);
  const elementOf = (clause: Clause): ReadElement => {
    const found = byEId(root, clauseEId(clause));
    if (!found) throw new Error(`no element for ${clause.id}`);
    return found;
  };

  it.skipIf(!hasXmllint)(hasXmllint ? 'validates against schemas/akomantoso30.xsd' : `validates against the schema — ${XMLLINT_MISSING}`, () => {
    const result = validateAkn(xml, `${doc.id}.akn.xml`);
    expect(result.output).toMatch(/validates$/);
    expect(result.ok).toBe(true);
  });

  it('is a statement for resolutions, decisions and drafts, a doc otherwise', () => {
    const type = root.children.find(isReadElement)!;
    expect(type.name).toBe(['resolution', 'decision', 'draft-resolution'].includes(doc.kind) ? 'statement' : 'doc');
    expect(type.attributes.name).toBe(doc.kind);
  });

  it('identifies the work, expression and manifestation', () => {
    const uris = frbrUris(doc);
    const [work] = elementsNamed(root, 'FRBRWork');
    const [expression] = elementsNamed(root, 'FRBRExpression');
    expect(elementsNamed(work!, 'FRBRuri')[0]!.attributes.value).toBe(uris.work);
    expect(elementsNamed(expression!, 'FRBRuri')[0]!.attributes.value).toBe(uris.expression);
    expect(elementsNamed(root, 'FRBRlanguage')[0]!.attributes.language).toBe('ara');
    expect(elementsNamed(root, 'identification')[0]!.attributes.source).toBe('#unres');
    if (doc.symbol) expect(elementsNamed(work!, 'FRBRnumber')[0]!.attributes.value).toBe(doc.symbol);
  });

  it('marks the Arabic text with xml:lang', () => {
    for (const name of ['preamble', 'mainBody']) {
      for (const element of elementsNamed(root, name)) expect(element.attributes['xml:lang']).toBe('ar');
    }
  });

  it('puts the title in the preface', () => {
    if (!doc.title) return;
    expect(textContent(elementsNamed(root, 'docTitle')[0]!)).toBe(doc.title);
  });

  it('has one recital per preamble clause and one body element per body clause', () => {
    expect(elementsNamed(root, 'recital')).toHaveLength(count(doc, 'preamble'));
    expect(elementsNamed(root, 'paragraph')).toHaveLength(count(doc, 'operative', 'paragraph'));
    expect(elementsNamed(root, 'hcontainer').filter((h) => h.attributes.name === 'recommendation')).toHaveLength(count(doc, 'recommendation'));
    expect(elementsNamed(root, 'article')).toHaveLength(count(doc, 'article'));
    expect(doc.clauses.length).toBeGreaterThan(0);
  });

  it('keeps every clause text whole and in order', () => {
    for (const clause of doc.clauses) expect(clauseWords(elementOf(clause)), clause.id).toBe(clause.text.replace(NO_SPACE, ''));
    const clauseEIds = new Set(doc.clauses.map(clauseEId));
    const written = elementsNamed(root, '*').filter((e) => clauseEIds.has(e.attributes.eId ?? '')).map((e) => e.attributes.eId);
    const expected = [...doc.clauses.filter((c) => c.kind === 'preamble'), ...doc.clauses.filter((c) => c.kind !== 'preamble')];
    expect(written).toEqual(expected.map(clauseEId));
  });

  it('gives lettered items their own sub-level', () => {
    for (const clause of doc.clauses.filter((c) => c.items.length > 0)) {
      const subLevel = clause.kind === 'preamble' ? 'item' : 'point';
      const items = elementsNamed(elementOf(clause), subLevel);
      expect(items.map((i) => textContent(i.children.find(isReadElement)!)), clause.id).toEqual(clause.items.map((i) => `(${bareLabel(i.label)})`));
    }
  });

  it('writes each footnote body once, at the first clause that references it', () => {
    const notes = elementsNamed(root, 'authorialNote');
    expect(notes).toHaveLength(doc.footnotes.length);
    for (const footnote of doc.footnotes) {
      const bodies = notes.filter((n) => n.attributes.eId === `note_${footnote.number}`);
      expect(bodies, `footnote ${footnote.number}`).toHaveLength(1);
      expect(textContent(bodies[0]!)).toBe(footnote.text);
      const referencing = doc.clauses.filter((c) => c.footnotes.includes(footnote.number));
      if (referencing.length === 0) continue;
      expect(ancestors(bodies[0]!)).toContain(elementOf(referencing[0]!));
      for (const later of referencing.slice(1)) {
        const refs = elementsNamed(elementOf(later), 'noteRef').filter((r) => r.attributes.href === `#note_${footnote.number}`);
        expect(refs, `${later.id} → footnote ${footnote.number}`).toHaveLength(1);
      }
    }
  });

  it('links every citation to the work it cites', () => {
    for (const citation of doc.citations) {
      const href = workUriForSymbol(citation.symbol);
      const inFootnote = /^fn(\d+)$/.exec(citation.clause);
      let scopes: ReadElement[];
      if (inFootnote) scopes = [byEId(root, `note_${inFootnote[1]}`)!];
      else {
        const clause = doc.clauses.find((c) => c.id === citation.clause)!;
        scopes = [elementOf(clause), ...clause.footnotes.map((n) => byEId(root, `note_${n}`)).filter((n) => n !== undefined)];
      }
      const refs = scopes.flatMap((scope) => elementsNamed(scope, 'ref'));
      expect(refs.some((r) => r.attributes.href === href && textContent(r) === citation.text), `${citation.clause}: ${citation.text}`).toBe(true);
    }
  });

  it('nests report clauses under their heading', () => {
    for (const clause of doc.clauses.filter((c) => c.section !== null)) {
      const headings = ancestors(elementOf(clause)).flatMap((a) => a.children.filter(isReadElement).filter((c) => c.name === 'heading'));
      expect(headings.map((h) => textContent(h)), clause.id).toContain(parseHeading(clause.section!).heading);
    }
  });
});
