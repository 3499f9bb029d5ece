// Text inside the AKN blocks: cited resolutions wrapped in `ref`, and a
// clause's text cut into the part before its lettered items, the items, and
// whatever follows them.

import type { Clause, ClauseItem } from '../types.js';
import { itemLetterIndex } from '../un/numbering.js';
import { element, type XmlNode } from './xml.js';

export interface CitationLink {
  /** As printed: "٢٩٣/٦٤". */
  text: string;
  href: string;
}

// A citation is a number pair; "١/٧٢" must not be found inside "٢٠١/٧٢" or "١/٧٢٣".
const NUMBER_PART = /[\p{Nd}/]/u;

function boundedAt(text: string, start: number, length: number): boolean {
  const before = text[start - 1];
  const after = text[start + length];
  return (before === undefined || !NUMBER_PART.test(before)) && (after === undefined || !NUMBER_PART.test(after));
}

interface Match {
  start: number;
  end: number;
  href: string;
}

function findMatches(text: string, links: readonly CitationLink[]): Match[] {
  const matches: Match[] = [];
  for (const link of links) {
    if (link.text === '') continue;
    for (let at = text.indexOf(link.text); at >= 0; at = text.indexOf(link.text, at + 1)) {
      if (boundedAt(text, at, link.text.length)) matches.push({ start: at, end: at + link.text.length, href: link.href });
    }
  }
  // Earliest first, longest first at the same start; overlapping ones are dropped.
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Match[] = [];
  for (const match of matches) {
    const last = kept[kept.length - 1];
    if (!last || match.start >= last.end) kept.push(match);
  }
  return kept;
}

/** The text as inline nodes, every occurrence of a cited symbol wrapped in `<ref href>`. */
export function linkCitations(text: string, links: readonly CitationLink[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  let cursor = 0;
  for (const match of findMatches(text, links)) {
    if (match.start > cursor) nodes.push(text.slice(cursor, match.start));
    nodes.push(element('ref', { href: match.href }, [text.slice(match.start, match.end)]));
    cursor = match.end;
  }
  if (cursor < text.length) nodes.push(text.slice(cursor));
  return nodes;
}

export interface ClauseParts {
  /** Text before the first item; may be empty. */
  intro: string;
  items: { label: string; text: string }[];
  /** Text after the last item; may be empty. */
  wrapUp: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An item label without the brackets it may be given with: "(أ)" → "أ". */
export function bareLabel(label: string): string {
  return label.trim().replace(/^\(\s*/, '').replace(/\s*\)$/, '');
}

/** "(أ)", "أ)" or "أ-" standing alone just before an item, with its spacing ("مبدأ" keeps its final letter). */
function labelBefore(label: string): RegExp {
  return new RegExp(`(?:^|(?<=[\\s(]))\\(?\\s*${escapeRegExp(bareLabel(label))}\\s*[)\\-–.]?\\s*$`, 'u');
}

/**
 * A clause cut at its items. The clause text holds the items as printed, so
 * each item's text is looked up in order and the label in front of it cut off.
 * Null when an item cannot be found: the caller then keeps the text whole,
 * because losing words is worse than losing structure.
 */
export function splitClause(clause: Pick<Clause, 'text' | 'items'>): ClauseParts | null {
  if (clause.items.length === 0) return { intro: clause.text, items: [], wrapUp: '' };
  const text = clause.text;
  const items: ClauseParts['items'] = [];
  let intro = '';
  let cursor = 0;
  for (const [i, item] of clause.items.entries()) {
    const itemText = item.text.trim();
    const at = itemText === '' ? -1 : text.indexOf(itemText, cursor);
    if (at < 0) return null;
    const gap = text.slice(cursor, at).replace(labelBefore(item.label), '');
    if (i === 0) intro = gap.trim();
    else if (gap.trim() !== '') {
      // Words between two items belong to the earlier one (the parser cut it short).
      const previous = items[items.length - 1]!;
      previous.text = `${previous.text} ${gap.trim()}`;
    }
    items.push({ label: item.label, text: itemText });
    cursor = at + itemText.length;
  }
  return { intro, items, wrapUp: text.slice(cursor).trim() };
}

// Item letters go in the order of the English (a), (b), (c) ... of the same
// document (src/un/numbering.ts); the two past (z) are (aa), (bb).

/** The eId part of an item: (أ) → a, as the English text letters it; other labels as they are, else the position. */
export function itemEIdSuffix(item: ClauseItem, index: number): string {
  const bare = bareLabel(item.label);
  const position = itemLetterIndex(bare);
  if (position >= 0) return position < 26 ? String.fromCharCode(97 + position) : String.fromCharCode(97 + position - 26).repeat(2);
  return /^[A-Za-z0-9]+$/.test(bare) ? bare.toLowerCase() : String(index + 1);
}

/** Items are printed "(أ)"; the label may come with or without its brackets. */
export function itemNum(item: ClauseItem): string {
  return `(${bareLabel(item.label)})`;
}
