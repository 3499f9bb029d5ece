// The clause stage: walks the text lines in order and splits them into clauses.
//
// Modes follow the document: header -> preamble (after an enacting formula) ->
// operative (from paragraph 1) -> closing ("الجلسة العامة"); reports go
// header -> report (headings, numbered paragraphs, recommendations). A line that
// does not open anything continues the clause before it when that clause has
// not ended its sentence, which joins what page breaks, footnote bodies and
// furniture cut. Numbering continuity decides whether a numbered line is the
// next paragraph or a list inside the current one.

import type { ClauseKind } from '../types.js';
import {
  articleHeading,
  enactingFormula,
  headingLevel,
  itemLabel,
  numberLabel,
  plenaryMeeting,
  preambleFormula,
  recommendationHeading,
  recommendsDraft,
  verbLead,
} from './recognisers.js';
import type { LineNode } from './tree.js';

export interface Segment {
  label: string | null;
  text: string;
}

export interface DraftClause {
  kind: ClauseKind;
  number: number | null;
  lead: string | null;
  segments: Segment[];
  footnotes: number[];
  section: string | null;
  /** The organ of the enacting formula the clause stands under. */
  enactingBody: string | null;
}

export interface Structure {
  clauses: DraftClause[];
  /** Text lines before the first structural line: title, organ, agenda item... */
  header: LineNode[];
  /** Lines after the plenary-meeting line: the adoption date. */
  closing: LineNode[];
  enactingBodies: string[];
  /** The text recommended a draft for adoption by another organ. */
  recommendsDraft: boolean;
}

type Mode = 'header' | 'preamble' | 'operative' | 'report' | 'articles' | 'closing';

// A sentence is over at a full stop or semicolon, with closing quotes or brackets after it.
const HARD_END = '.؛;!?؟';
// In a preamble a comma also ends the clause ("وإذ تشير ...،").
const PREAMBLE_END = '.؛;!?؟،,';
const CLOSERS = '"\'»”’)]';

/** `text` ends with one of `stops`, closing quotes or brackets after it. Reads back
 * from the end only: a regex anchored with `$` scans the whole text, which made
 * joining N lines into one clause quadratic. */
export function endsSentence(text: string, stops: string = HARD_END): boolean {
  let at = text.length - 1;
  while (at >= 0 && CLOSERS.includes(text[at]!)) at--;
  return at >= 0 && stops.includes(text[at]!);
}

class ClauseSplitter {
  private mode: Mode = 'header';
  private readonly clauses: DraftClause[] = [];
  private current: DraftClause | null = null;
  private readonly lastNumber = new Map<ClauseKind, number>();
  private chapter: string | null = null;
  private section: string | null = null;
  private enactingBody: string | null = null;
  /** The text last added to the current clause's last segment: the joined segment ends with it. */
  private tail = '';
  /** The last number of a numbered list inside the current clause, which a colon introduced. */
  private innerNumber: number | null = null;
  private readonly result: Structure = {
    clauses: this.clauses,
    header: [],
    closing: [],
    enactingBodies: [],
    recommendsDraft: false,
  };

  take(line: LineNode): void {
    const text = line.value;
    // A line that held only footnote markers ("^(١)" wrapped onto a line of its
    // own) is empty now: its markers belong to the clause before it.
    if (text === '') {
      this.addMarkers(line);
      return;
    }
    if (this.mode === 'closing') {
      this.takeInClosing(line);
      return;
    }
    if (plenaryMeeting(text)) {
      this.close();
      this.mode = 'closing';
      this.result.closing.push(line);
      return;
    }
    const level = headingLevel(text);
    if (level) {
      this.openHeading(level, text);
      return;
    }
    const enacting = enactingFormula(text);
    if (enacting) {
      this.openEnacting(enacting);
      return;
    }
    if (recommendsDraft(text)) {
      this.close();
      this.result.recommendsDraft = true;
      return;
    }
    const recommendation = recommendationHeading(text);
    if (recommendation) {
      this.openClause('recommendation', recommendation.number, null, recommendation.rest, line);
      this.mode = 'report';
      return;
    }
    const article = articleHeading(text);
    if (article) {
      this.openClause('article', article.number, null, article.rest, line);
      this.mode = 'articles';
      return;
    }
    const label = numberLabel(text);
    if (label) {
      // "١ - تحث الدول على ما يلي:" then "١ - ...", "٢ - ...": while an inner list
      // counts on, its "٢" is an item of the clause, not the clause after it.
      const inner = this.innerNumber !== null && label.number === this.innerNumber + 1;
      if (!inner && this.openNumbered(label.number, label.rest, line)) return;
      if (inner || (label.number === 1 && this.current !== null && this.tail.endsWith(':'))) {
        this.innerNumber = label.number;
      }
    }

    const item = itemLabel(text);
    if (item && this.current) {
      this.current.segments.push({ label: item.label, text: item.rest });
      this.tail = item.rest;
      this.addMarkers(line);
      return;
    }
    if (this.mode === 'header' || this.mode === 'preamble') {
      const formula = preambleFormula(text);
      if (formula && (this.mode === 'header' || this.currentEnded())) {
        this.mode = 'preamble';
        this.openClause('preamble', null, formula, text, line);
        return;
      }
    }
    this.takeText(line);
  }

  finish(): Structure {
    this.close();
    return this.result;
  }

  private takeInClosing(line: LineNode): void {
    if (headingLevel(line.value) === 'annex') {
      this.openHeading('annex', line.value);
      return;
    }
    this.result.closing.push(line);
  }

  private openHeading(level: 'chapter' | 'section' | 'annex', text: string): void {
    this.close();
    if (level === 'section') {
      this.section = text;
    } else {
      this.chapter = text;
      this.section = null;
    }
    if (level === 'annex') this.lastNumber.clear();
    if (this.mode !== 'preamble') this.mode = 'report';
  }

  private openEnacting(body: string): void {
    this.close();
    // When a resolution recommends a draft, the draft's clauses are the document's.
    if (this.result.recommendsDraft) {
      this.clauses.length = 0;
      this.lastNumber.clear();
    }
    this.result.enactingBodies.push(body);
    this.enactingBody = body;
    this.mode = 'preamble';
  }

  /** A numbered line opens a paragraph only when its number continues the sequence. */
  private openNumbered(number: number, rest: string, line: LineNode): boolean {
    if (this.mode === 'articles') return false;
    const kind: ClauseKind = this.mode === 'preamble' || this.mode === 'operative' ? 'operative' : 'paragraph';
    const last = this.lastNumber.get(kind);
    const fits =
      last === undefined
        ? kind === 'paragraph' || number === 1
        : number === last + 1 || (number === last + 2 && this.currentEnded());
    if (!fits) return false;
    this.mode = kind === 'operative' ? 'operative' : 'report';
    const lead = kind === 'operative' ? (strongLead(line, rest) ?? verbLead(rest)) : null;
    this.openClause(kind, number, lead, rest, line);
    return true;
  }

  private takeText(line: LineNode): void {
    const text = line.value;
    if (this.mode === 'header') {
      this.result.header.push(line);
      return;
    }
    const current = this.current;
    if (current && !this.currentEnded()) {
      appendToLast(current, text);
      this.tail = text;
      this.addMarkers(line);
      return;
    }
    const lead = strongLead(line, text);
    if (lead && (this.mode === 'preamble' || this.mode === 'operative')) {
      // A bold verb opens an operative paragraph even without a number.
      this.mode = 'operative';
      this.openClause('operative', null, lead, text, line);
      return;
    }
    if (this.mode === 'preamble') {
      // Between the enacting line and paragraph 1 everything is preamble, even when
      // OCR garbled the opening formula ("وراء تشير" for "وإذ تشير").
      this.openClause('preamble', null, firstWords(text, 2), text, line);
      return;
    }
    if (current) {
      current.segments.push({ label: null, text });
      this.tail = text;
      this.addMarkers(line);
    } else {
      this.openClause('paragraph', null, null, text, line);
    }
  }

  private currentEnded(): boolean {
    const current = this.current;
    if (!current) return true;
    // Testing the tail, not the joined segment: reading a long joined string again
    // for each line made joining quadratic.
    if (this.tail === '') return false;
    return endsSentence(this.tail, current.kind === 'preamble' ? PREAMBLE_END : HARD_END);
  }

  private openClause(kind: ClauseKind, number: number | null, lead: string | null, text: string, line: LineNode): void {
    this.close();
    if (number !== null) this.lastNumber.set(kind, number);
    this.current = {
      kind,
      number,
      lead,
      segments: [{ label: null, text }],
      footnotes: [],
      section: this.section ?? this.chapter,
      enactingBody: this.enactingBody,
    };
    this.tail = text;
    this.addMarkers(line);
  }

  private addMarkers(line: LineNode): void {
    if (!this.current) return;
    for (const n of line.markers) {
      if (!this.current.footnotes.includes(n)) this.current.footnotes.push(n);
    }
  }

  private close(): void {
    if (this.current) this.clauses.push(this.current);
    this.current = null;
    this.innerNumber = null;
  }
}

function appendToLast(clause: DraftClause, text: string): void {
  const last = clause.segments[clause.segments.length - 1]!;
  last.text = last.text === '' ? text : `${last.text} ${text}`;
}

/** The bold span that opens `rest` (the line after its label), as printed. */
function strongLead(line: LineNode, rest: string): string | null {
  const offset = line.value.length - rest.length;
  for (const [start, end] of line.strong) {
    if (start === offset || (start > offset && line.value.slice(offset, start).trim() === '')) {
      const lead = line.value.slice(start, end).trim();
      if (lead !== '') return lead;
    }
  }
  return null;
}

function firstWords(text: string, count: number): string | null {
  const words = text.split(' ').slice(0, count).join(' ').replace(/[،,؛:.]+$/, '');
  return words === '' ? null : words;
}

export function splitClauses(lines: LineNode[]): Structure {
  const splitter = new ClauseSplitter();
  for (const line of lines) {
    if (line.role === 'text') splitter.take(line);
  }
  return splitter.finish();
}
