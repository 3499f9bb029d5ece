// One UnresDocument as an Akoma Ntoso 3.0 file. Resolutions, decisions and
// drafts are `statement`s, reports (and documents of unknown kind) `doc`s;
// both are the schema's open structure: meta, preface, preamble, mainBody.
// Instruments are `act`s: meta, preface, preamble, and a hierarchical body.
//
// eIds follow the AKN naming convention: preamble clauses are
// preamble__recital_N, body clauses para_N (operative paragraphs and report
// paragraphs), recommendation_N (hcontainer) or art_N, lettered items
// <clause>__list_1__point_a. Clause numbers are unique in a document, so body
// clauses are not prefixed by the chapter or section they stand in.

import { toArabicIndicDigits } from '../text/digits.js';
import type { Clause, Footnote, UnresDocument } from '../types.js';
import { type CitationLink, itemEIdSuffix, itemNum, linkCitations, splitClause } from './akn-inline.js';
import { aknMeta } from './akn-meta.js';
import { aknConclusions, aknPreface } from './akn-preface.js';
import { type NotePlan, noteEId, planNotes } from './akn-notes.js';
import { type BodyNode, type Container, type ContainerLevel, groupBody } from './akn-sections.js';
import { aknDocumentType, workUriForSymbol } from './akn-uris.js';
import { element, serializeXml, type XmlElement, type XmlNode } from './xml.js';
import { fileStem } from './file-names.js';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** The eId abbreviation of each container (AKN naming convention). */
const CONTAINER_EID: Record<ContainerLevel, string> = { part: 'part', chapter: 'chp', section: 'sec', subsection: 'subsec', annex: 'annex' };

/** Elements written on one line even when they hold only elements. */
const INLINE_CONTENT = new Set(['p', 'num', 'heading', 'listIntroduction', 'listWrapUp']);

/** Hands out eIds, never the same one twice in a document (the schema makes them unique). */
class EIds {
  private readonly used = new Set<string>();

  claim(base: string): string {
    let eId = base;
    for (let n = 2; this.used.has(eId); n++) eId = `${base}-${n}`;
    this.used.add(eId);
    return eId;
  }
}

/** The tail of a clause id ("op7" → "7"), which is unique among clauses of one kind. */
function clauseSuffix(clause: Clause): string {
  const tail = clause.id.replace(/^[A-Za-z]+/, '').replace(/\s+/g, '');
  return tail === '' ? String(clause.index) : tail;
}

const ARABIC_LETTER = /\p{Script=Arabic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/** Footnotes are sometimes printed in English ("United Nations, Treaty Series ..."). */
function languageOf(text: string): string | undefined {
  return !ARABIC_LETTER.test(text) && LATIN_LETTER.test(text) ? 'en' : undefined;
}

/** Numbers are printed in the digits the document itself uses. */
function digitStyle(doc: UnresDocument): (n: number) => string {
  let arabicIndic = 0;
  let ascii = 0;
  for (const clause of doc.clauses) {
    arabicIndic += (clause.text.match(/[\u0660-\u0669]/g) ?? []).length;
    ascii += (clause.text.match(/[0-9]/g) ?? []).length;
  }
  return arabicIndic > ascii ? (n) => toArabicIndicDigits(String(n)) : (n) => String(n);
}

class AknBuilder {
  private readonly eIds = new EIds();
  private readonly digits: (n: number) => string;
  private readonly notes: NotePlan;
  private readonly clauseLinks = new Map<string, CitationLink[]>();
  private readonly footnoteLinks = new Map<number, CitationLink[]>();
  private readonly preambleClauses: Clause[];
  /** Formulas written so far (their eIds count them: formula_1, formula_2, ...). */
  private formulas = 0;
  private readonly bodyClauses: Clause[];

  constructor(private readonly doc: UnresDocument) {
    this.digits = digitStyle(doc);
    this.preambleClauses = doc.clauses.filter((c) => c.kind === 'preamble');
    this.bodyClauses = doc.clauses.filter((c) => c.kind !== 'preamble');
    // Notes are placed in the order the clauses are written out.
    this.notes = planNotes([...this.preambleClauses, ...this.bodyClauses], doc.footnotes);
    this.collectLinks();
  }

  /** A citation is looked for in its clause, and in the footnotes that clause references (where the parser may have found it). */
  private collectLinks(): void {
    const add = <K>(map: Map<K, CitationLink[]>, key: K, link: CitationLink): void => {
      const list = map.get(key) ?? [];
      if (!list.some((l) => l.text === link.text && l.href === link.href)) list.push(link);
      map.set(key, list);
    };
    const footnotesOf = new Map(this.doc.clauses.map((c) => [c.id, c.footnotes]));
    for (const citation of this.doc.citations) {
      const link = { text: citation.text, href: workUriForSymbol(citation.symbol) };
      const inFootnote = /^fn(\d+)$/.exec(citation.clause);
      if (inFootnote) {
        add(this.footnoteLinks, Number(inFootnote[1]), link);
        continue;
      }
      add(this.clauseLinks, citation.clause, link);
      for (const number of footnotesOf.get(citation.clause) ?? []) add(this.footnoteLinks, number, link);
    }
  }

  build(): XmlElement {
    const parts: XmlElement[] = [aknMeta(this.doc)];
    const preface = aknPreface(this.doc, (base) => this.eIds.claim(base));
    if (preface) parts.push(preface);
    if (this.preambleClauses.length > 0 || this.bodyClauses[0]?.formula) parts.push(this.preamble());
    const type = aknDocumentType(this.doc.kind);
    parts.push(type === 'act' ? this.body() : this.mainBody());
    const conclusions = aknConclusions(this.doc, (base) => this.eIds.claim(base));
    if (conclusions) parts.push(conclusions);
    const root = element(type, { name: this.doc.kind }, parts);
    return element('akomaNtoso', { xmlns: AKN_NAMESPACE }, [root]);
  }

  /**
   * The preamble: its clauses as recitals, and the formulas no clause holds where they stand (the schema's
   * <formula>): before a recital, between recitals, and at the end the one that introduces the first body
   * clause ("يعلن ما يلي:", "قد قررنا ...").
   */
  private preamble(): XmlElement {
    const eId = this.eIds.claim('preamble');
    const children: XmlElement[] = [];
    let recitals: XmlElement[] = [];
    const endRecitals = (): void => {
      if (recitals.length > 0) children.push(element('recitals', {}, recitals));
      recitals = [];
    };
    const formula = (text: string): void => {
      endRecitals();
      children.push(element('formula', { name: 'formula', eId: this.eIds.claim(`${eId}__formula_${++this.formulas}`) }, [element('p', {}, [text])]));
    };
    for (const clause of this.preambleClauses) {
      if (clause.formula) formula(clause.formula);
      recitals.push(this.recital(clause, eId));
    }
    const introducing = this.bodyClauses[0]?.formula;
    if (introducing) formula(introducing);
    endRecitals();
    return element('preamble', { eId, 'xml:lang': 'ar' }, children);
  }

  private mainBody(): XmlElement {
    const counter = { last: 0 };
    const children = groupBody(this.bodyClauses, this.doc.headings).flatMap((node) => this.bodyNode(node, '', counter));
    if (this.notes.unreferenced.length > 0) {
      const holder = element('p', {}, this.notes.unreferenced.map((f) => this.noteBody(f)));
      children.push(element('container', { name: 'unreferencedFootnotes', eId: this.eIds.claim('unreferencedFootnotes') }, [holder]));
    }
    // The schema wants at least one child; a document without body clauses gets an empty paragraph.
    if (children.length === 0) children.push(element('p'));
    return element('mainBody', { 'xml:lang': 'ar' }, children);
  }

  /** An act's body holds only hierarchical elements: footnotes no clause references, or nothing at all, go in an hcontainer. */
  private body(): XmlElement {
    const counter = { last: 0 };
    const children = groupBody(this.bodyClauses, this.doc.headings).flatMap((node) => this.bodyNode(node, '', counter));
    if (this.notes.unreferenced.length > 0) {
      const holder = element('p', {}, this.notes.unreferenced.map((f) => this.noteBody(f)));
      children.push(
        element('hcontainer', { name: 'unreferencedFootnotes', eId: this.eIds.claim('unreferencedFootnotes') }, [element('content', {}, [holder])]),
      );
    }
    if (children.length === 0) {
      children.push(element('hcontainer', { name: 'noProvisions', eId: this.eIds.claim('noProvisions') }, [element('content', {}, [element('p')])]));
    }
    return element('body', { 'xml:lang': 'ar' }, children);
  }

  /** `counter` numbers containers that print no number, among their siblings. */
  private bodyNode(node: BodyNode, prefix: string, counter: { last: number }): XmlElement[] {
    if (node.type !== 'clause') return [this.container(node, prefix, counter)];
    const clause = node.clause;
    // The first body clause's formula ends the preamble; a later one stands before its clause (a body holds no <formula>).
    if (!clause.formula || clause === this.bodyClauses[0]) return [this.bodyClause(clause)];
    const formula = element('hcontainer', { name: 'formula', eId: this.eIds.claim(`${prefix}formula_${++this.formulas}`) }, [element('content', {}, [element('p', {}, [clause.formula])])]);
    return [formula, this.bodyClause(clause)];
  }

  private container(node: Container, prefix: string, counter: { last: number }): XmlElement {
    const number = node.heading?.rank ?? counter.last + 1;
    counter.last = number;
    const eId = this.eIds.claim(`${prefix}${CONTAINER_EID[node.level]}_${number}`);
    const head: XmlElement[] = [];
    if (node.heading?.num) head.push(element('num', {}, [node.heading.num]));
    if (node.heading?.heading) head.push(element('heading', {}, [node.heading.heading]));
    const inner = { last: 0 };
    const children = node.children.flatMap((child) => this.bodyNode(child, `${eId}__`, inner));
    // An annex within the body is an hcontainer (AKN keeps <attachment> for separate documents).
    const attributes = node.level === 'annex' ? { name: 'annex', eId } : { eId };
    return element(node.level === 'annex' ? 'hcontainer' : node.level, attributes, [...head, ...children]);
  }

  private bodyClause(clause: Clause): XmlElement {
    const suffix = clauseSuffix(clause);
    if (clause.kind === 'recommendation') {
      return this.hierarchy('hcontainer', { name: 'recommendation' }, this.eIds.claim(`recommendation_${suffix}`), clause);
    }
    if (clause.kind === 'article') return this.hierarchy('article', {}, this.eIds.claim(`art_${suffix}`), clause);
    return this.hierarchy('paragraph', {}, this.eIds.claim(`para_${suffix}`), clause);
  }

  private num(clause: Clause): XmlElement[] {
    return clause.number === null ? [] : [element('num', {}, [this.digits(clause.number)])];
  }

  /**
   * One paragraph of a clause's text (the whole clause, its intro, an item or
   * its wrap-up, written in that order). Notes whose marker stood inside it
   * (the clause's footnoteRefs) are placed where the marker stood.
   */
  private paragraph(text: string, clause: Clause): XmlElement {
    const links = this.clauseLinks.get(clause.id) ?? [];
    const notes = this.notesWithin(text, clause);
    if (notes.length === 0) return element('p', {}, linkCitations(text, links));
    const children: XmlNode[] = [];
    let from = 0;
    for (const note of notes) {
      children.push(...linkCitations(text.slice(from, note.at), links), note.node);
      from = note.at;
    }
    children.push(...linkCitations(text.slice(from), links));
    return element('p', {}, children);
  }

  /** The notes of `clause` still to place, with where their marker stood in its text (null: not known). */
  private pending: Array<{ number: number; at: number | null; body: boolean }> = [];
  /** Where the next paragraph of the clause is looked for in its text. */
  private cursor = 0;

  /** Before writing a clause: its notes (planNotes says body or reference), at their first marker. */
  private beginNotes(clause: Clause): void {
    const notes = this.notes.byClause.get(clause.id);
    this.cursor = 0;
    this.pending = [];
    if (!notes) return;
    const firstAt = (number: number): number | null => clause.footnoteRefs?.find((r) => r.number === number)?.at ?? null;
    for (const footnote of notes.bodies) this.pending.push({ number: footnote.number, at: firstAt(footnote.number), body: true });
    for (const number of notes.references) this.pending.push({ number, at: firstAt(number), body: false });
  }

  /** The pending notes whose marker stands within `text` (found in the clause from the cursor on), in text order; they are placed. */
  private notesWithin(text: string, clause: Clause): Array<{ at: number; node: XmlElement }> {
    if (text === '' || this.pending.every((n) => n.at === null)) return [];
    const start = clause.text.indexOf(text, this.cursor);
    if (start < 0) return [];
    this.cursor = start + text.length;
    const inside = this.pending.filter((n) => n.at !== null && n.at >= start && n.at <= start + text.length);
    this.pending = this.pending.filter((n) => !inside.includes(n));
    return inside
      .sort((a, b) => a.at! - b.at!)
      .map((n) => ({ at: n.at! - start, node: this.noteNode(n.number, n.body) }));
  }

  private noteNode(number: number, body: boolean): XmlElement {
    const footnote = body ? this.doc.footnotes.find((f) => f.number === number) : undefined;
    return footnote ? this.noteBody(footnote) : element('noteRef', { marker: this.digits(number), href: `#${noteEId(number)}` });
  }

  /** A body clause: num and content, or num and a list of its lettered items. */
  private hierarchy(name: string, attributes: Record<string, string>, eId: string, clause: Clause): XmlElement {
    this.beginNotes(clause);
    const parts = splitClause(clause);
    if (!parts || parts.items.length === 0) {
      const p = this.paragraph(parts?.intro ?? clause.text, clause);
      this.attachNotes(p);
      return element(name, { ...attributes, eId }, [...this.num(clause), element('content', {}, [p])]);
    }
    const listEId = this.eIds.claim(`${eId}__list_1`);
    const listChildren: XmlElement[] = [];
    if (parts.intro) listChildren.push(element('intro', {}, [this.paragraph(parts.intro, clause)]));
    let last: XmlElement | undefined;
    for (const [i, item] of parts.items.entries()) {
      last = this.paragraph(item.text, clause);
      const point = element('point', { eId: this.eIds.claim(`${listEId}__point_${itemEIdSuffix(item, i)}`) }, [
        element('num', {}, [itemNum(item)]),
        element('content', {}, [last]),
      ]);
      listChildren.push(point);
    }
    if (parts.wrapUp) {
      last = this.paragraph(parts.wrapUp, clause);
      listChildren.push(element('wrapUp', {}, [last]));
    }
    this.attachNotes(last!);
    return element(name, { ...attributes, eId }, [...this.num(clause), element('list', { eId: listEId }, listChildren)]);
  }

  /** A preamble clause: recitals hold blocks only, so lettered items become a blockList. */
  private recital(clause: Clause, preambleEId: string): XmlElement {
    const eId = this.eIds.claim(`${preambleEId}__recital_${clauseSuffix(clause)}`);
    this.beginNotes(clause);
    const parts = splitClause(clause);
    const blocks: XmlElement[] = [];
    let last: XmlElement;
    if (!parts || parts.items.length === 0) {
      last = this.paragraph(parts?.intro ?? clause.text, clause);
      blocks.push(last);
    } else {
      if (parts.intro) blocks.push(this.paragraph(parts.intro, clause));
      const listEId = this.eIds.claim(`${eId}__list_1`);
      const items = parts.items.map((item, i) => {
        last = this.paragraph(item.text, clause);
        return element('item', { eId: this.eIds.claim(`${listEId}__item_${itemEIdSuffix(item, i)}`) }, [
          element('num', {}, [itemNum(item)]),
          last,
        ]);
      });
      blocks.push(element('blockList', { eId: listEId }, items));
      if (parts.wrapUp) {
        last = this.paragraph(parts.wrapUp, clause);
        blocks.push(last);
      }
    }
    this.attachNotes(last!);
    return element('recital', { eId }, [...this.num(clause), ...blocks]);
  }

  /** Notes whose marker's place is not known (or not in any paragraph) go at the end of the clause's last paragraph. */
  private attachNotes(p: XmlElement): void {
    const rest = this.pending;
    this.pending = [];
    for (const note of rest.filter((n) => n.body)) p.children.push(this.noteNode(note.number, true));
    for (const note of rest.filter((n) => !n.body)) p.children.push(this.noteNode(note.number, false));
  }

  private noteBody(footnote: Footnote): XmlElement {
    const text = linkCitations(footnote.text, this.footnoteLinks.get(footnote.number) ?? []);
    return element(
      'authorialNote',
      { marker: this.digits(footnote.number), placement: 'bottom', eId: this.eIds.claim(noteEId(footnote.number)), 'xml:lang': languageOf(footnote.text) },
      [element('p', {}, text)],
    );
  }
}

/** The Akoma Ntoso XML of one document. */
export function documentToAkn(doc: UnresDocument): string {
  return serializeXml(new AknBuilder(doc).build(), INLINE_CONTENT);
}

export const AKN_EXTENSION = '.akn.xml';

/** The file a document is written to on its own: its id, made safe, bounded and distinct (src/export/file-names.ts). */
export function aknFileName(doc: Pick<UnresDocument, 'id'>): string {
  return fileStem(doc.id) + AKN_EXTENSION;
}
