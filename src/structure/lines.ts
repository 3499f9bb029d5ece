// The parse step: repaired text -> a tree of lines. Block markdown that matters
// here is a line prefix (list bullets, headings, quotes), read by a linear scan;
// inline markup goes through remark-parse (see inline-markdown.ts). Numbering
// such as "1." stays in the text: the clause stage reads and removes labels.

import { readInlineMarkdown } from './inline-markdown.js';
import type { LineNode, LinesRoot } from './tree.js';

const QUOTE = /^>\s?/;
const HEADING = /^#{1,6}(?:\s+|$)/;
const CLOSING_HASHES = /\s+#+$/;
// Hyphen bullets and the bullet glyphs PDF extraction leaves behind.
const BULLET = /^[-*+•●▪◦‣]\s+/;
const THEMATIC_BREAK = /^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/;
const CODE_FENCE = /^(?:```|~~~)/;
const SPACE_RUNS = /\s{2,}/g;

export function readLines(text: string): LinesRoot {
  const children: LineNode[] = [];
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const node = readLine(rows[i]!, i + 1);
    if (node) children.push(node);
  }
  return { type: 'root', children };
}

function readLine(raw: string, lineNumber: number): LineNode | null {
  let rest = raw.trim();
  if (rest === '' || THEMATIC_BREAK.test(rest) || CODE_FENCE.test(rest)) return null;

  while (QUOTE.test(rest)) rest = rest.replace(QUOTE, '');
  let heading = false;
  if (HEADING.test(rest)) {
    heading = true;
    rest = rest.replace(HEADING, '').replace(CLOSING_HASHES, '');
  }
  let bullet = false;
  if (BULLET.test(rest)) {
    bullet = true;
    rest = rest.replace(BULLET, '');
  }
  const inline = readInlineMarkdown(rest);
  const value = inline.value.replace(SPACE_RUNS, ' ').trim();
  if (value === '') return null;
  return {
    type: 'line',
    value,
    bullet,
    heading,
    strong: value === inline.value ? inline.strong : [],
    markers: [],
    role: 'text',
    position: {
      start: { line: lineNumber, column: 1 },
      end: { line: lineNumber, column: raw.length + 1 },
    },
  };
}
