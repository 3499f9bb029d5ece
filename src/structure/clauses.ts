// The clause stage: walks the text lines in order and splits them into clauses.
//
// Modes follow the document: header -> preamble (after an enacting formula) ->
// operative (from paragraph 1) -> closing ("الجلسة العامة"); reports go
// header -> report (headings, numbered paragraphs, recommendations). A line that
// does not open anything continues the clause before it when that clause has
// not ended its sentence, which joins what page breaks, footnote bodies and
// furniture cut. Numbering continuity decides whether a numbered line is the
// next paragraph or a list inside the current one.

import { LINE_OPENERS, alternation } from '../un/formulas.js';
import { wrapContinuations } from './wraps.js';
import type { ArticleDesignation, ClauseKind, FootnoteRef } from '../types.js';
import {
  articleHeading,
  closingLine,
  declarantsFormula,
  enactingOpening,
  HEADING_DEPTH,
  headingLevel,
  type HeadingFound,
  headingShaped,
  instrumentFormula,
  readHeading,
  itemLabel,
  knownHeading,
  numberLabel,
  operativeVerb,
  plenaryMeeting,
  preambleFormula,
  recommendationHeading,
  recommendsDraft,
  verbLead,
  type HeadingLevel,
} from './recognisers.js';
import { fold } from './folded.js';
import type { LineNode } from './tree.js';

export interface Segment {
  label: string | null;
  text: string;
  /** The label as printed ("1-", "أ -"), when it was not printed "(label)". */
  printed?: string;
  /** Footnote markers that stood in `text`, with their offsets into it. */
  refs?: FootnoteRef[];
}

export interface DraftClause {
  kind: ClauseKind;
  number: number | null;
  lead: string | null;
  segments: Segment[];
  footnotes: number[];
  section: string | null;
  /** The heading the clause stands under (its `section`), with its level; null outside any. */
  heading: HeadingNode | null;
  /** The organ of the enacting formula the clause stands under. */
  enactingBody: string | null;
  /** An article printed as a principle or a rule ("المبدأ 2"). */
  designation?: ArticleDesignation;
  /** Formula lines printed just before the clause that no clause holds (an enacting formula, "يعلن ما يلي:"). */
  formula?: LineNode[];
}

/** A heading found in the text: the container the clauses after it stand in. */
export interface HeadingNode {
  level: HeadingLevel;
  /** Nesting depth: 0 for an annex, 1 part, 2 chapter, 3 section, 4 and more below. */
  depth: number;
  text: string;
  /** Printed with numbering ("الفصل الأول", "ألف -") rather than recognised by its place alone. */
  numbered: boolean;
  /** The numbering as printed ("أولاً", "الفصل الأول"); null for an unnumbered heading. */
  label: string | null;
  /** The numbering's value (ثانياً → 2, باء → 2), when it has one. */
  number: number | null;
  /** The words after the numbering (the whole text of an unnumbered heading); null when none. */
  title: string | null;
  /** The heading this one stands under; null at the top. */
  parent: HeadingNode | null;
}

export interface Structure {
  clauses: DraftClause[];
  /** Text lines before the first structural line: title, organ, agenda item... */
  header: LineNode[];
  /** The declarants' formula ("نحن شعوب الأمم المتحدة ..."), which ends the header and no clause holds: with the header, the document's preface. */
  declarants: LineNode | null;
  /** Lines after the plenary-meeting line: the adoption date. */
  closing: LineNode[];
  enactingBodies: string[];
  /** The text recommended a draft for adoption by another organ. */
  recommendsDraft: boolean;
  /** Every heading, in document order. */
  headings: HeadingNode[];
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

// Numbering alone: up to three words, no separator before a title.
const BARE_HEADING = /^[^\s:\-\u2013\u2014]+(?: [^\s:\-\u2013\u2014]+){0,2}$/;
const LETTER_OR_DIGIT = /[\u0621-\u064a0-9\u0660-\u0669\u06f0-\u06f9A-Za-z]/;

class ClauseSplitter {
  private mode: Mode = 'header';
  private readonly clauses: DraftClause[] = [];
  private current: DraftClause | null = null;
  private readonly lastNumber = new Map<ClauseKind, number>();
  /** The open headings, outermost first. */
  private readonly open: HeadingNode[] = [];
  private enactingBody: string | null = null;
  /** The text last added to the current clause's last segment: the joined segment ends with it. */
  private tail = '';
  /** The last number of a numbered list inside the current clause, which a colon introduced. */
  private innerNumber: number | null = null;
  /** A numbered heading printed without its title ("الجزء الثاني"): the next short line may be the title. */
  private untitled: HeadingNode | null = null;
  /** Inside an instrument's closing formula ("قد قررنا ...", "ولهذا فإن ..."): text is no clause. */
  private inFormula = false;
  /** Formula lines since the last clause, kept for the next clause opened (or the conclusions, if none is). */
  private formulaLines: LineNode[] = [];
  /** The line being taken continues a line cut by a hard wrap (see wraps.ts). */
  private wrapped = false;
  /** The heading opened by the line just taken: a hard wrap may have cut it. */
  private lastHeading: HeadingNode | null = null;
  /** The line just taken was kept as a formula line: a hard wrap may have cut it. */
  private lastFormula = false;
  private readonly result: Structure = {
    clauses: this.clauses,
    header: [],
    declarants: null,
    closing: [],
    enactingBodies: [],
    recommendsDraft: false,
    headings: [],
  };

  constructor(private readonly continuations: Set<LineNode> = new Set()) {}

  take(line: LineNode, next: LineNode | undefined): void {
    this.wrapped = this.continuations.has(line);
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
    // A line with no letter or digit opens nothing ("(", "-", "***"): skip the recognisers.
    if (!LETTER_OR_DIGIT.test(text)) {
      this.takeText(line);
      return;
    }
    if (this.untitled && this.current === null && headingShaped(text) && !opensSomething(text)) {
      // "الجزء الثاني" / "الإدارة والتمويل": the title printed under a bare numbered heading.
      this.untitled.text = `${this.untitled.text} ${text}`;
      this.untitled.title = this.untitled.title === null ? text : `${this.untitled.title} ${text}`;
      this.untitled = null;
      return;
    }
    this.untitled = null;
    const heading = this.lastHeading;
    const formula = this.lastFormula;
    this.lastHeading = null;
    this.lastFormula = false;
    if (this.wrapped && this.current === null && (heading || formula)) {
      // The rest of a heading or a formula line a hard wrap cut.
      if (heading) {
        heading.text = `${heading.text} ${text}`;
        heading.title = heading.title === null ? text : `${heading.title} ${text}`;
        this.lastHeading = heading;
      } else {
        this.keepFormula(line);
      }
      return;
    }
    if (this.wrapped && this.current !== null && !this.currentEnded() && !this.tail.endsWith(':')) {
      // A hard wrap in mid-sentence: whatever the line starts with ("المادة 63." of a
      // cross-reference, a date's day), it goes on with the sentence.
      this.takeText(line);
      return;
    }
    if (plenaryMeeting(text) || (this.mode !== 'header' && closingLine(text))) {
      this.close();
      this.mode = 'closing';
      this.result.closing.push(line);
      return;
    }
    const found = readHeading(text);
    if (found) {
      this.openHeading(found.level, text, found);
      return;
    }
    if ((knownHeading(text) || this.markedHeading(line)) && this.atParagraphEnd()) {
      this.openHeading('section', text, null);
      return;
    }
    const enacting = enactingOpening(text);
    if (enacting) {
      this.keepFormula(enacting.rest === '' ? line : withValue(line, text.slice(0, text.length - enacting.rest.length).trim()));
      this.openEnacting(enacting.body);
      if (enacting.rest !== '') this.take(withValue(line, enacting.rest), next);
      return;
    }
    if (this.mode === 'header' && declarantsFormula(text)) {
      // "نحن شعوب الأمم المتحدة ...": an instrument's own enacting words, kept with the preface.
      this.result.declarants = line;
      this.close();
      this.mode = 'preamble';
      return;
    }
    if (recommendsDraft(text)) {
      this.close();
      this.keepFormula(line);
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
      if (article.designation) this.current!.designation = article.designation;
      this.mode = 'articles';
      return;
    }
    const label = numberLabel(text);
    if (label) {
      if (this.mode === 'articles' && this.current) {
        // Numbered paragraphs of an article are its items.
        this.addItem(String(label.number), label.rest, line, text.slice(0, text.length - label.rest.length).trim());
        return;
      }
      // "١ - تحث الدول على ما يلي:" then "١ - ...", "٢ - ...": while an inner list
      // counts on, its "٢" is an item of the clause, not the clause after it.
      const inner = this.innerNumber !== null && label.number === this.innerNumber + 1;
      if (!inner && this.openNumbered(label.number, label.rest, line)) return;
      if (inner || (label.number === 1 && this.current !== null && this.tail.endsWith(':'))) {
        this.innerNumber = label.number;
      }
    }

    const item = itemLabel(text);
    if (item && (this.mode === 'header' || this.mode === 'preamble')) {
      // "(أ) إذ تشير ...": a lettered preamble paragraph; the label is layout.
      const formula = preambleFormula(item.rest);
      if (formula && (this.mode === 'header' || this.currentEnded())) {
        this.mode = 'preamble';
        this.openClause('preamble', null, formula, item.rest, line);
        return;
      }
    }
    if (item && this.current) {
      const printed = text.slice(0, text.length - item.rest.length).trim();
      this.addItem(item.label, item.rest, line, printed.startsWith('(') ? undefined : printed);
      return;
    }
    if (this.mode === 'header' || this.mode === 'preamble') {
      const formula = preambleFormula(text);
      if (formula && (this.mode === 'header' ? !weakFormula(formula) : this.currentEnded() || strongFormula(formula))) {
        this.mode = 'preamble';
        this.openClause('preamble', null, formula, text, line);
        return;
      }
      if (this.mode === 'preamble' && this.currentEnded()) {
        const formulaKind = instrumentFormula(text);
        if (formulaKind) {
          this.close();
          this.keepFormula(line);
          this.inFormula = formulaKind === 'resolves';
          return;
        }
      }
    }
    if (this.opensUnnumberedOperative(line)) {
      this.mode = 'operative';
      this.openClause('operative', null, strongLead(line, text) ?? verbLead(text), text, line);
      return;
    }
    if (this.mode !== 'header' && this.loneHeading(text, next)) {
      this.openHeading('subsection', text, null);
      return;
    }
    this.takeText(line);
  }

  finish(): Structure {
    this.close();
    // Formula lines after the last clause stand before the closing lines.
    // concat, not unshift(...): a hostile text may hold 100,000 formula lines, past the arguments a call takes.
    if (this.formulaLines.length > 0) this.result.closing = this.formulaLines.concat(this.result.closing);
    this.formulaLines = [];
    return this.result;
  }

  /** A markdown heading ("# ..."), unless it is a clause's own heading: an article or a recommendation opens a clause. */
  private markedHeading(line: LineNode): boolean {
    return line.heading && this.mode !== 'header' && articleHeading(line.value) === null && recommendationHeading(line.value) === null;
  }

  /** A formula line no clause holds: printed text, kept with the clause it introduces. */
  private keepFormula(line: LineNode): void {
    if (line.value !== '') this.formulaLines.push(line);
    this.lastFormula = true;
  }

  /** "- يقرر ..." or "يدعو ..." after the preamble of a text whose operative paragraphs carry no numbers. */
  private opensUnnumberedOperative(line: LineNode): boolean {
    if (this.mode !== 'preamble' && this.mode !== 'operative') return false;
    if (this.lastNumber.has('operative')) return false;
    if (this.mode === 'operative' && this.current?.number !== null && this.current?.kind === 'operative') return false;
    if (!this.endedBeforeLine() && !(line.bullet && this.current?.kind === 'preamble')) return false;
    // A verb line that ends with a comma is a preamble paragraph whose formula OCR garbled.
    return line.bullet ? preambleFormula(line.value) === null : operativeVerb(line.value) && !endsSentence(line.value, '،,');
  }

  /** A short unnumbered line between a finished paragraph and a line that opens something. */
  private loneHeading(text: string, next: LineNode | undefined): boolean {
    if (!headingShaped(text)) return false;
    const leads = next !== undefined && opensSomething(next.value);
    // After a finished sentence, a short line that a hard wrap would have left there still
    // heads what follows when the next line opens something: a paragraph would go on.
    const wrappedHeading = this.wrapped && leads && this.tail !== '' && endsSentence(this.tail, HARD_END);
    if (!this.atParagraphEnd() && !wrappedHeading) return false;
    // In a report a short unpunctuated line after a finished paragraph is a heading; elsewhere it must lead to something.
    if (this.mode === 'report' && this.current !== null) return true;
    return leads;
  }

  /** No clause is open, or the open one finished its sentence: where a heading may stand. */
  private atParagraphEnd(): boolean {
    return this.current === null || (!this.wrapped && this.tail !== '' && endsSentence(this.tail, HARD_END));
  }

  /** The open clause ended before this line: its sentence ended, and no hard wrap cut the line above. */
  private endedBeforeLine(): boolean {
    return !this.wrapped && this.currentEnded();
  }

  private takeInClosing(line: LineNode): void {
    const found = readHeading(line.value);
    if (found?.level === 'annex') {
      this.openHeading('annex', line.value, found);
      return;
    }
    this.result.closing.push(line);
  }

  /** `found`: the numbering the recogniser read; null for a heading known by its words or its place. */
  private openHeading(level: HeadingLevel, text: string, found: HeadingFound | null): void {
    const numbered = found !== null;
    this.close();
    this.inFormula = false;
    let depth = HEADING_DEPTH[level];
    if (!numbered) {
      // An unnumbered heading nests under the numbered one before it, or takes the place of its unnumbered sibling.
      const top = this.open[this.open.length - 1];
      depth = top === undefined ? HEADING_DEPTH.section : top.numbered ? top.depth + 1 : top.depth;
    }
    while (this.open.length > 0 && this.open[this.open.length - 1]!.depth >= depth) this.open.pop();
    const heading: HeadingNode = {
      level,
      depth,
      text,
      numbered,
      label: found?.label ?? null,
      number: found?.number ?? null,
      title: found ? found.title : text,
      parent: this.open[this.open.length - 1] ?? null,
    };
    this.open.push(heading);
    this.untitled = numbered && BARE_HEADING.test(text) ? heading : null;
    this.result.headings.push(heading);
    this.lastHeading = heading;
    if (level === 'annex') this.lastNumber.clear();
    if (this.mode !== 'preamble' && this.mode !== 'articles') this.mode = 'report';
  }

  private openEnacting(body: string): void {
    this.close();
    this.inFormula = false;
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

  private addItem(label: string, text: string, line: LineNode, printed?: string): void {
    const segment: Segment = printed === undefined ? { label, text } : { label, text, printed };
    this.current!.segments.push(segment);
    this.tail = text;
    this.addMarkers(line, segment, text, 0);
  }

  private takeText(line: LineNode): void {
    const text = line.value;
    if (this.mode === 'header') {
      this.result.header.push(line);
      return;
    }
    if (this.inFormula) {
      this.keepFormula(line);
      return;
    }
    const current = this.current;
    if (current && !this.endedBeforeLine()) {
      const last = current.segments[current.segments.length - 1]!;
      const base = last.text === '' ? 0 : last.text.length + 1;
      appendToLast(current, text);
      this.tail = text;
      this.addMarkers(line, last, text, base);
      return;
    }
    const lead = strongLead(line, text);
    // In a preamble the bold word must be an operative verb, on a line that does not end
    // with a comma: a preamble paragraph may print its opening words in bold too.
    if (lead && (this.mode === 'operative' || (this.mode === 'preamble' && operativeVerb(text) && !endsSentence(text, '،,')))) {
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
      const segment: Segment = { label: null, text };
      current.segments.push(segment);
      this.tail = text;
      this.addMarkers(line, segment, text, 0);
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
    this.inFormula = false;
    if (number !== null) this.lastNumber.set(kind, number);
    const heading = this.open[this.open.length - 1] ?? null;
    const segment: Segment = { label: null, text };
    this.current = {
      kind,
      number,
      lead,
      segments: [segment],
      footnotes: [],
      section: heading?.text ?? null,
      heading,
      enactingBody: this.enactingBody,
    };
    if (this.formulaLines.length > 0) {
      this.current.formula = this.formulaLines;
      this.formulaLines = [];
    }
    this.tail = text;
    this.addMarkers(line, segment, text, 0);
  }

  /**
   * The line's footnote markers go to the current clause; their positions to
   * `segment`, whose text holds `text` (a suffix of the line) from `base` on.
   * Without a segment (a line of markers alone) they stand at the end of the
   * clause's last segment.
   */
  private addMarkers(line: LineNode, segment?: Segment, text = '', base = 0): void {
    if (!this.current || line.markers.length === 0) return;
    for (const n of line.markers) {
      if (!this.current.footnotes.includes(n)) this.current.footnotes.push(n);
    }
    const target = segment ?? this.current.segments[this.current.segments.length - 1]!;
    const shift = line.value.length - text.length;
    const refs = (target.refs ??= []);
    line.markers.forEach((number, i) => {
      const at = segment ? base + Math.min(Math.max((line.markerOffsets?.[i] ?? line.value.length) - shift, 0), text.length) : target.text.length;
      refs.push({ number, at });
    });
  }

  private close(): void {
    if (this.current) this.clauses.push(this.current);
    this.current = null;
    this.innerNumber = null;
  }
}

/** "وإذ تشير" opens a preamble paragraph even when the one before lacks its closing comma. */
/** "وقد نظرت", "واقتناعاً منها", "أن ننقذ": formulas that open a preamble paragraph only inside a preamble. */
function weakFormula(formula: string): boolean {
  return !HEADER_FORMULA.test(fold(formula));
}

const HEADER_FORMULA = new RegExp(`^${alternation(LINE_OPENERS)}\\s`);

function strongFormula(formula: string): boolean {
  return STRONG_FORMULA.test(fold(formula));
}

const STRONG_FORMULA = /^واذ\s+(?:[تي]\S|قد\s)/;

/** The line opens a clause, a heading or a formula: what may follow an unnumbered heading. */
function opensSomething(text: string): boolean {
  return (
    articleHeading(text) !== null ||
    numberLabel(text) !== null ||
    headingLevel(text) !== null ||
    recommendationHeading(text) !== null ||
    preambleFormula(text) !== null ||
    enactingOpening(text) !== null
  );
}

/** The line with `value` in place of its text: a suffix of it, bold spans moved along. */
function withValue(line: LineNode, value: string): LineNode {
  const shift = line.value.length - value.length;
  const strong = line.strong
    .map(([start, end]): [number, number] => [start - shift, end - shift])
    .filter(([start]) => start >= 0);
  const markerOffsets = line.markerOffsets?.map((at) => Math.max(at - shift, 0));
  return { ...line, value, strong, markerOffsets };
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
  const text = lines.filter((line) => line.role === 'text');
  const splitter = new ClauseSplitter(wrapContinuations(text));
  for (let i = 0; i < text.length; i++) splitter.take(text[i]!, text[i + 1]);
  return splitter.finish();
}
