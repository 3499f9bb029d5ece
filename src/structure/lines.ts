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

// Markup that pages copied from the web carry: table pipes, markdown images and
// links, BBCode tags, wiki bold and links, wiki headings. Each bracket pattern
// excludes its own brackets, so a run of brackets is read in linear time.
const MAY_HOLD_WEB_MARKUP = /[|[\]'{=!]/;
const LEADING_PIPES = /^\|+\s*/;
const INNER_PIPES = /\s*\|\s*/g;

/**
 * A table row's closing pipes and the spaces before them, cut by a scan from
 * the end: the pattern /\s*\|+$/ retries at every pipe of a long inner run
 * (quadratic on a line of pipes), a scan reads each character once.
 */
function withoutTrailingPipes(line: string): string {
  let end = line.length;
  while (end > 0 && line[end - 1] === '|') end--;
  if (end === line.length) return line;
  while (end > 0 && /\s/.test(line[end - 1]!)) end--;
  return line.slice(0, end);
}
const IMAGE = /!\[[^[\]\n]{0,300}\]\([^()\s]{0,1000}(?:\s+"[^"]{0,200}")?\)/g;
const LINK = /\[([^[\]\n]{1,300})\]\((?:https?:|\/|www\.|#)[^()\s]{0,1000}\)/g;
const BBCODE = /\[\/?(?:b|i|u|s|url|img|quote|center|right|left|justify|size|color|font|code|list|li|h[1-6]|\*)(?:=[^[\]\n]{0,200})?\]/gi;
const WIKI_LINK = /\[\[(?:[^[\]|\n]{0,200}\|)?([^[\]|\n]{1,300})\]\]/g;
const WIKI_TEMPLATE = /\{\{[^{}\n]{0,500}\}\}/g;
const WIKI_EMPHASIS = /'{2,5}/g;
const WIKI_HEADING = /^(={2,6})\s*([^=]{1,300}?)\s*={2,6}$/;

/** The line without web markup, and whether it was a wiki heading. */
function stripWebMarkup(line: string): { value: string; heading: boolean } {
  if (!MAY_HOLD_WEB_MARKUP.test(line)) return { value: line, heading: false };
  let value = line;
  if (value.startsWith('|') || value.endsWith('|')) value = withoutTrailingPipes(value.replace(LEADING_PIPES, '')).replace(INNER_PIPES, ' ');
  value = value.replace(IMAGE, '').replace(LINK, '$1').replace(BBCODE, '').replace(WIKI_LINK, '$1').replace(WIKI_TEMPLATE, '').replace(WIKI_EMPHASIS, '');
  const wiki = WIKI_HEADING.exec(value.trim());
  return wiki ? { value: wiki[2]!, heading: true } : { value: value.trim(), heading: false };
}

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
  const web = stripWebMarkup(rest);
  rest = web.value;
  if (web.heading) heading = true;
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
