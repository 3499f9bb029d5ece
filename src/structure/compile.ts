// The compile step: the split structure and the header facts become the
// contract's Document JSON.

import { basename, extname } from 'node:path';
import type { Citation, Clause, ClauseKind, DocumentKind, Footnote, SourceInfo, UnresDocument } from '../types.js';
import { findCitations } from './citations.js';
import { endsSentence, type DraftClause, type Structure } from './clauses.js';
import { findArabicDate } from './dates.js';
import type { FurnitureFacts } from './furniture.js';
import { metadataLineCount, readHeader, type HeaderFacts } from './header.js';
import type { LineNode, LinesRoot } from './tree.js';

const ID_PREFIX: Record<ClauseKind, string> = {
  preamble: 'pp',
  operative: 'op',
  paragraph: 'para',
  recommendation: 'rec',
  article: 'art',
};

const RES_OR_DEC_SYMBOL = /^[AE]\/(?:[A-Z0-9.]+\/)*(?:RES|DEC)\/[0-9A-Z./-]+$/;

export function compileDocument(tree: LinesRoot, structure: Structure, furniture: FurnitureFacts, source: SourceInfo): UnresDocument {
  let drafts = structure.clauses;
  let headerLines = structure.header;
  if (drafts.length === 0) ({ drafts, headerLines } = unstructured(structure.header, structure.enactingBodies));

  const header = readHeader(headerLines, structure.enactingBodies);
  const body = structure.enactingBodies[0] ?? header.organ;
  const clauses = numberClauses(drafts);
  const footnotes = collectFootnotes(tree.children);
  // A printed English RES/DEC symbol is authoritative; the "N/M - title" line is read by heuristic.
  const symbol = furniture.symbols.find((s) => RES_OR_DEC_SYMBOL.test(s)) ?? header.symbol ?? furniture.symbols[0] ?? null;
  const kind = documentKind(header, structure, clauses);

  return {
    id: documentId(symbol, source),
    source,
    kind,
    symbol,
    title: header.title,
    body,
    adopted: kind === 'draft-resolution' ? null : (header.adopted ?? closingDate(structure.closing)),
    distributed: furniture.englishDates[0] ?? null,
    agendaItem: header.agendaItem,
    sponsors: header.sponsors,
    clauses,
    footnotes,
    citations: collectCitations(drafts, clauses, footnotes, body),
  };
}

function numberClauses(drafts: DraftClause[]): Clause[] {
  const perKind = new Map<ClauseKind, number>();
  const used = new Set<string>();
  return drafts.map((draft) => {
    const index = (perKind.get(draft.kind) ?? 0) + 1;
    perKind.set(draft.kind, index);
    let id = ID_PREFIX[draft.kind] + (draft.kind === 'preamble' ? index : (draft.number ?? index));
    if (used.has(id)) id = `${id}-${index}`;
    used.add(id);
    return {
      id,
      kind: draft.kind,
      number: draft.number,
      index,
      lead: draft.lead,
      text: draft.segments
        .map((s) => (s.label === null ? s.text : `(${s.label}) ${s.text}`))
        .filter((t) => t !== '')
        .join(' '),
      items: draft.segments.filter((s) => s.label !== null).map((s) => ({ label: s.label!, text: s.text })),
      footnotes: draft.footnotes,
      section: draft.section,
    };
  });
}

/** No structure found: the metadata lines stay header; after them a short
 * unterminated first line is the title (unless metadata gave one) and the rest
 * are paragraphs, wrapped lines joined. */
function unstructured(lines: LineNode[], enactingBodies: string[]): { drafts: DraftClause[]; headerLines: LineNode[] } {
  const metadata = metadataLineCount(lines, enactingBodies);
  const hasTitle = readHeader(lines.slice(0, metadata), enactingBodies).title !== null;
  const first = lines[metadata];
  const titled =
    !hasTitle && first !== undefined && first.value.length <= 200 && !endsSentence(first.value) && lines.length > metadata + 1;
  const bodyStart = metadata + (titled ? 1 : 0);
  const drafts: DraftClause[] = [];
  // The line joined last: the paragraph ends as it does (testing the joined text was quadratic).
  let tail = '';
  for (const line of lines.slice(bodyStart)) {
    const last = drafts[drafts.length - 1];
    const lastSegment = last?.segments[0];
    if (last && lastSegment && !endsSentence(tail)) {
      lastSegment.text += ` ${line.value}`;
      tail = line.value;
      for (const n of line.markers) if (!last.footnotes.includes(n)) last.footnotes.push(n);
      continue;
    }
    tail = line.value;
    drafts.push({
      kind: 'paragraph',
      number: null,
      lead: null,
      segments: [{ label: null, text: line.value }],
      footnotes: [...new Set(line.markers)],
      section: null,
      enactingBody: null,
    });
  }
  return { drafts, headerLines: lines.slice(0, bodyStart) };
}

function documentKind(header: HeaderFacts, structure: Structure, clauses: Clause[]): DocumentKind {
  if (header.draft) return header.decision ? 'decision' : 'draft-resolution';
  if (header.decision) return 'decision';
  const kinds = new Set(clauses.map((c) => c.kind));
  if (structure.enactingBodies.length > 0 || kinds.has('preamble') || kinds.has('operative')) return 'resolution';
  if (kinds.has('recommendation') || clauses.some((c) => c.kind === 'paragraph' && c.number !== null)) return 'report';
  if (header.title?.startsWith('تقرير')) return 'report';
  return 'unknown';
}

function collectFootnotes(lines: LineNode[]): Footnote[] {
  return lines
    .filter((line) => line.role === 'footnote' && line.footnote !== undefined)
    .map((line) => ({ number: line.footnote!, text: line.value }));
}

function collectCitations(drafts: DraftClause[], clauses: Clause[], footnotes: Footnote[], body: string | null): Citation[] {
  const citations: Citation[] = [];
  clauses.forEach((clause, i) => {
    for (const found of findCitations(clause.text, drafts[i]!.enactingBody ?? body)) {
      citations.push({ ...found, clause: clause.id });
    }
  });
  for (const footnote of footnotes) {
    const citing = clauses.find((c) => c.footnotes.includes(footnote.number));
    for (const found of findCitations(footnote.text, body)) {
      citations.push({ ...found, clause: citing?.id ?? `fn${footnote.number}` });
    }
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
  if (symbol) return symbol.replace(/[^A-Za-z0-9.]+/g, '-');
  if (source.path === '-' || source.path === '') return `stdin-${source.sha256.slice(0, 12)}`;
  return basename(source.path, extname(source.path));
}
