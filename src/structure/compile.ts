// The compile step: the split structure and the header facts become the
// contract's Document JSON.

import { basename, extname } from 'node:path';
import type { Citation, Clause, ClauseKind, DocumentKind, Footnote, FootnoteRef, Heading, SourceInfo, UnresDocument } from '../types.js';
import { organNamed } from '../un/organs.js';
import { baseSymbol, ecosocSymbol, symbolId } from '../un/symbols.js';
import { findCitationCandidates, type CitationCandidate, type FoundCitation } from './citations.js';
import { endsSentence, type DraftClause, type HeadingNode, type Segment, type Structure } from './clauses.js';
import { findArabicDate } from './dates.js';
import { fold, Folded } from './folded.js';
import type { FurnitureFacts } from './furniture.js';
import { metadataLineCount, readHeader, type HeaderFacts } from './header.js';
import { majorityOrder, readPair, type PairContext, type PairOrder } from './symbols.js';
import type { LineNode, LinesRoot } from './tree.js';
import { CLAUSE_ID_PREFIX } from '../un/clause-references.js';


const RES_OR_DEC_SYMBOL = /^[AE]\/(?:[A-Z0-9.]+\/)*(?:RES|DEC)\/[0-9A-Z./-]+$/;

export function compileDocument(tree: LinesRoot, structure: Structure, furniture: FurnitureFacts, source: SourceInfo): UnresDocument {
  let drafts = structure.clauses;
  let headerLines = structure.header;
  let prefaceLines = structure.declarants ? [...structure.header, structure.declarants] : structure.header;
  if (drafts.length === 0) {
    ({ drafts, headerLines } = unstructured(structure.header, structure.enactingBodies));
    // Lines the unstructured reading made paragraphs are theirs; a cover page with no paragraph stays preface whole.
    if (drafts.length > 0) prefaceLines = headerLines;
  }
  prefaceLines = withContents(tree, prefaceLines);

  const header = readHeader(headerLines, structure.enactingBodies);
  const body = organAsPrinted(structure.enactingBodies[0] ?? header.organ);
  const headings = headingList(structure.headings);
  const clauses = numberClauses(drafts, headings.ids);
  const footnotes = collectFootnotes(tree.children);
  const kind = documentKind(header, structure, clauses, furniture);
  const dated = header.adopted ?? (kind === 'resolution' ? header.dateLine : null) ?? closingDate(structure.closing);
  const adopted = kind === 'draft-resolution' ? null : dated;

  const found = collectCitations(drafts, clauses, footnotes, headerLines, body);
  const documentOrder = majorityOrder(found.flatMap((c) => ('reading' in c && c.reading ? [c.reading] : [])));
  // A printed English RES/DEC symbol is authoritative; the header's own number is read on the evidence.
  const symbol =
    furniture.symbols.find((s) => RES_OR_DEC_SYMBOL.test(s)) ??
    header.symbol ??
    ownSymbol(header, body, adopted, documentOrder) ??
    furniture.symbols[0] ??
    null;
  const citations = resolveCitations(found, { ownSession: ownSession(symbol, body, adopted), documentOrder }, symbol);

  return {
    id: documentId(symbol, source),
    source,
    kind,
    symbol,
    title: header.title,
    body,
    adopted,
    distributed: furniture.englishDates[0] ?? null,
    agendaItem: header.agendaItem,
    sponsors: header.sponsors,
    clauses,
    footnotes,
    citations,
    headings: headings.list,
    preface: joinedLines(prefaceLines),
    conclusions: joinedLines(structure.closing),
  };
}

/** The preface's lines with the table of contents among them, in document order (no clause holds a contents line). */
function withContents(tree: LinesRoot, preface: LineNode[]): LineNode[] {
  if (!tree.children.some((line) => line.role === 'contents')) return preface;
  const kept = new Set(preface);
  return tree.children.filter((line) => line.role === 'contents' || kept.has(line));
}

/**
 * The text of lines no clause holds (the preface, the conclusions), as clause
 * text is made: repaired lines joined by spaces; furniture and footnote bodies
 * were never among them. Null when there are none.
 */
function joinedLines(lines: readonly LineNode[]): string | null {
  const text = lines.map((line) => line.value).join(' ');
  return text === '' ? null : text;
}

/** The headings as the contract writes them: ids in document order, parents by id. */
function headingList(nodes: HeadingNode[]): { list: Heading[]; ids: Map<HeadingNode, string> } {
  const ids = new Map<HeadingNode, string>();
  nodes.forEach((node, i) => ids.set(node, `h${i + 1}`));
  const list = nodes.map(
    (node): Heading => ({
      id: ids.get(node)!,
      level: node.level,
      depth: node.depth,
      label: node.label,
      number: node.number,
      title: node.title,
      text: node.text,
      parent: node.parent ? (ids.get(node.parent) ?? null) : null,
    }),
  );
  return { list, ids };
}

/** "الجمعية العامة للأمم المتحدة" -> "الجمعية العامة": a main organ's name as printed, without the words after it. */
function organAsPrinted(name: string | null): string | null {
  if (name === null) return null;
  const organ = organNamed(name);
  if (!organ || !['ga', 'ecosoc', 'sc', 'hrc'].includes(organ.key)) return name;
  const printed = Folded.of(name);
  const length = fold(organ.arabic).length;
  // The printed name may space words differently; fall back to the whole name.
  return printed.text.startsWith(fold(organ.arabic)) ? printed.printedSlice(0, length) : name;
}

/** The document's own symbol from the number pair its header prints, read on the evidence. */
function ownSymbol(header: HeaderFacts, body: string | null, adopted: string | null, documentOrder: PairOrder | null): string | null {
  const pair = header.ownPair;
  if (!pair) return null;
  const organ = organNamed(body)?.key;
  const year = ecosocSymbol(pair.first, pair.second, header.decision);
  if (year) return year;
  if (header.decision || (organ !== 'ga' && organ !== 'hrc')) return null;
  const read = readPair(
    { organ, first: pair.first, second: pair.second, part: null, date: adopted, latin: false },
    { documentOrder },
  );
  return read?.symbol ?? null;
}

/** The session of the document itself (its symbol, else its adoption year): nothing it cites is later. */
function ownSession(symbol: string | null, body: string | null, adopted: string | null): number | null {
  const own = symbol ? /^A\/(?:HRC\/)?RES\/(\d{1,3})\//.exec(symbol) : null;
  if (own) return Number(own[1]);
  if (adopted && organNamed(body)?.key === 'ga') return Number(adopted.slice(0, 4)) - 1945;
  return null;
}

function numberClauses(drafts: DraftClause[], headingIds: Map<HeadingNode, string>): Clause[] {
  const perKind = new Map<ClauseKind, number>();
  const used = new Set<string>();
  return drafts.map((draft) => {
    const index = (perKind.get(draft.kind) ?? 0) + 1;
    perKind.set(draft.kind, index);
    let id = CLAUSE_ID_PREFIX[draft.kind] + (draft.kind === 'preamble' ? index : (draft.number ?? index));
    if (used.has(id)) id = `${id}-${index}`;
    used.add(id);
    const { text, footnoteRefs } = joinSegments(draft.segments);
    return {
      id,
      kind: draft.kind,
      number: draft.number,
      index,
      lead: draft.lead,
      text,
      items: draft.segments.filter((s) => s.label !== null).map((s) => ({ label: s.label!, text: s.text })),
      footnotes: draft.footnotes,
      section: draft.section,
      heading: draft.heading ? (headingIds.get(draft.heading) ?? null) : null,
      footnoteRefs,
      ...(draft.designation ? { designation: draft.designation } : {}),
      ...(draft.formula ? { formula: joinedLines(draft.formula) } : {}),
    };
  });
}

/** A clause's text: its segments, each item with its label as printed, joined by spaces; the markers' offsets moved into it. */
function joinSegments(segments: readonly Segment[]): { text: string; footnoteRefs: FootnoteRef[] } {
  const pieces: string[] = [];
  const footnoteRefs: FootnoteRef[] = [];
  let at = 0;
  for (const s of segments) {
    const piece = s.label === null ? s.text : `${s.printed ?? `(${s.label})`} ${s.text}`;
    const start = piece === '' ? Math.max(at - 1, 0) : at;
    const offset = start + piece.length - s.text.length;
    for (const ref of s.refs ?? []) footnoteRefs.push({ number: ref.number, at: offset + ref.at });
    if (piece === '') continue;
    pieces.push(piece);
    at += piece.length + 1;
  }
  return { text: pieces.join(' '), footnoteRefs };
}

/** No structure found: the metadata lines stay header; after them a short
 * unterminated first line is the title (unless metadata gave one) and the rest
 * are paragraphs, wrapped lines joined. */
const COVER_LINE = 120;

function unstructured(lines: LineNode[], enactingBodies: string[]): { drafts: DraftClause[]; headerLines: LineNode[] } {
  const metadata = metadataLineCount(lines, enactingBodies);
  const hasTitle = readHeader(lines.slice(0, metadata), enactingBodies).title !== null;
  const first = lines[metadata];
  const titled =
    !hasTitle && first !== undefined && first.value.length <= 200 && !endsSentence(first.value) && lines.length > metadata + 1;
  const bodyStart = metadata + (titled ? 1 : 0);
  const drafts: DraftClause[] = [];
  // A cover page or a list of titles: short lines, not one sentence among them. No clauses.
  const body = lines.slice(bodyStart);
  if (body.every((line) => line.value.length <= COVER_LINE && !endsSentence(line.value))) return { drafts, headerLines: lines.slice(0, bodyStart) };
  // The line joined last: the paragraph ends as it does (testing the joined text was quadratic).
  let tail = '';
  for (const line of lines.slice(bodyStart)) {
    const last = drafts[drafts.length - 1];
    const lastSegment = last?.segments[0];
    if (last && lastSegment && !endsSentence(tail)) {
      const base = lastSegment.text.length + 1;
      lastSegment.text += ` ${line.value}`;
      tail = line.value;
      for (const n of line.markers) if (!last.footnotes.includes(n)) last.footnotes.push(n);
      if (line.markers.length > 0) (lastSegment.refs ??= []).push(...lineRefs(line, base));
      continue;
    }
    tail = line.value;
    drafts.push({
      kind: 'paragraph',
      number: null,
      lead: null,
      segments: [{ label: null, text: line.value, refs: lineRefs(line, 0) }],
      footnotes: [...new Set(line.markers)],
      section: null,
      heading: null,
      enactingBody: null,
    });
  }
  return { drafts, headerLines: lines.slice(0, bodyStart) };
}

/** A whole line's markers, with their offsets moved by `base`. */
function lineRefs(line: LineNode, base: number): FootnoteRef[] {
  return line.markers.map((number, i) => ({ number, at: base + (line.markerOffsets?.[i] ?? line.value.length) }));
}

function documentKind(header: HeaderFacts, structure: Structure, clauses: Clause[], furniture: FurnitureFacts): DocumentKind {
  if (header.draft) return header.decision ? 'decision' : 'draft-resolution';
  if (header.decision) return 'decision';
  const kinds = new Set(clauses.map((c) => c.kind));
  if (isInstrument(header, structure, kinds)) return 'instrument';
  if (structure.enactingBodies.length > 0 || kinds.has('preamble') || kinds.has('operative')) return 'resolution';
  if (kinds.has('recommendation') || clauses.some((c) => c.kind === 'paragraph' && c.number !== null)) return 'report';
  if (header.title?.startsWith('تقرير')) return 'report';
  // A table of contents is what reports print.
  if (furniture.contents) return 'report';
  return 'unknown';
}

// What an instrument's title starts with (folded): conventions, covenants, the
// Charter, protocols, declarations, statutes, rules, principles, guidelines, codes.
const INSTRUMENT_TITLE =
  /^(?:ال)?(?:اتفاقية|عهد|ميثاق|بروتوكول|اعلان|نظام|قواعد|مبادئ|المبادئ|مدونة|معاهدة)(?:\s|$)|^(?:ال)?(?:مبادئ|قواعد) توجيهية/;
// Who enacts a resolution or decision rather than an instrument: organs, commissions, boards, conferences of the parties.
const RESOLVING_BODY = /^(?:الجمعية العامة|المجلس|مجلس|لجنة|اللجنة|مؤتمر الاطراف|الهيئة|هيئة|الفريق)/;

/**
 * An instrument: a convention, covenant, the Charter, a declaration printed on
 * its own, rules or guidelines. It has no operative paragraphs and is not
 * enacted by a resolving body (a declaration a resolution adopts is that
 * resolution); its title names an instrument or its provisions are articles.
 */
function isInstrument(header: HeaderFacts, structure: Structure, kinds: Set<ClauseKind>): boolean {
  if (kinds.has('operative') || kinds.has('recommendation')) return false;
  if (structure.enactingBodies.some((b) => RESOLVING_BODY.test(fold(b).trim()))) return false;
  const titled = header.title !== null && INSTRUMENT_TITLE.test(fold(header.title).trim());
  return titled || kinds.has('article');
}

function collectFootnotes(lines: LineNode[]): Footnote[] {
  return lines
    .filter((line) => line.role === 'footnote' && line.footnote !== undefined)
    .map((line) => ({ number: line.footnote!, text: line.value }));
}

type Placed = CitationCandidate & { clause: string };

/** Citations in the header lines, the clauses and the footnotes, in that order; pairs still to be read. */
function collectCitations(drafts: DraftClause[], clauses: Clause[], footnotes: Footnote[], headerLines: LineNode[], body: string | null): Placed[] {
  const found: Placed[] = [];
  for (const line of headerLines) {
    for (const c of findCitationCandidates(line.value, body)) found.push({ ...c, clause: 'header' });
  }
  clauses.forEach((clause, i) => {
    for (const c of findCitationCandidates(clause.text, drafts[i]!.enactingBody ?? body)) found.push({ ...c, clause: clause.id });
  });
  // The first clause that marks each footnote (one pass, not a search per footnote).
  const firstMarking = new Map<number, Clause>();
  for (const clause of clauses) for (const n of clause.footnotes) if (!firstMarking.has(n)) firstMarking.set(n, clause);
  for (const footnote of footnotes) {
    const citing = firstMarking.get(footnote.number);
    for (const c of findCitationCandidates(footnote.text, body)) found.push({ ...c, clause: citing?.id ?? `fn${footnote.number}` });
  }
  return found;
}

/** Read the pairs the facts left open with the document's evidence; drop the document's own symbol. */
function resolveCitations(found: Placed[], context: PairContext, own: string | null): Citation[] {
  const ownBase = own ? baseSymbol(own) : null;
  const citations: Citation[] = [];
  for (const c of found) {
    let decided: FoundCitation | null;
    if ('pair' in c) {
      const read = readPair(c.pair, context);
      decided = read ? { symbol: read.symbol, text: c.text, basis: read.basis } : null;
    } else {
      decided = c;
    }
    if (!decided) continue;
    if (ownBase !== null && baseSymbol(decided.symbol) === ownBase) continue;
    citations.push({ symbol: decided.symbol, text: decided.text, clause: c.clause, basis: decided.basis });
  }
  return citations;
}

function closingDate(lines: LineNode[]): string | null {
  for (const line of lines) {
    const date = findArabicDate(line.value);
    if (date) return date;
  }
  return null;
}

/** Stable: from the symbol when known, else from the file name. */
function documentId(symbol: string | null, source: SourceInfo): string {
  if (symbol) return symbolId(symbol);
  if (source.path === '-' || source.path === '') return `stdin-${source.sha256.slice(0, 12)}`;
  return basename(source.path, extname(source.path));
}
