// Inline markdown (bold, emphasis, code, escapes) read with remark-parse.
//
// remark is run only on the window of a line that holds markup characters:
// running it over whole documents costs ~1.5 µs per character (7.6 s for 5 MB,
// measured) and grows faster than linearly on hostile bracket runs. A window
// keeps the work proportional to the markup; a window too large or too dense
// for that falls back to a linear strip of the markers.

import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { PhrasingContent, Root } from 'mdast';

export interface InlineText {
  value: string;
  /** Bold spans in `value`, [start, end). */
  strong: Array<[number, number]>;
}

const MARKUP_CHARS = /[*_`\\]/;
const MARKUP_CHARS_GLOBAL = /[*_`\\]/g;
const MAX_WINDOW = 4_000;
const MAX_MARKUP = 200;
const WHITESPACE = /\s/;

const markdown = unified().use(remarkParse);

// Windows repeat across a document (the same bold verbs open many paragraphs),
// and remark's set-up per call dominates short windows: remember them, bounded.
const MEMO_LIMIT = 2_000;
const memo = new Map<string, InlineText | null>();

function renderWindowMemo(source: string): InlineText | null {
  const known = memo.get(source);
  if (known !== undefined) return known && { value: known.value, strong: known.strong.map(([s, e]) => [s, e]) };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const rendered = renderWindow(source);
  memo.set(source, rendered);
  return rendered && { value: rendered.value, strong: rendered.strong.map(([s, e]) => [s, e]) };
}

export function readInlineMarkdown(line: string): InlineText {
  if (!MARKUP_CHARS.test(line)) return { value: line, strong: [] };
  const window = markupWindow(line);
  const markupCount = line.slice(window.start, window.end).match(MARKUP_CHARS_GLOBAL)?.length ?? 0;
  if (window.end - window.start > MAX_WINDOW || markupCount > MAX_MARKUP) return stripMarkers(line);

  const inner = renderWindowMemo(line.slice(window.start, window.end));
  if (inner === null) return stripMarkers(line);
  const before = line.slice(0, window.start);
  return {
    value: before + inner.value + line.slice(window.end),
    strong: inner.strong.map(([s, e]) => [s + before.length, e + before.length]),
  };
}

/** From the first to the last markup character, plus one neighbour each side
 * when it is not a space (emphasis rules look at the neighbouring character;
 * a line edge counts as a space, so a space neighbour can be left out). */
function markupWindow(line: string): { start: number; end: number } {
  // Char codes, not a pattern per character (a string and a match for each).
  let first = 0;
  while (first < line.length && !isMarkupChar(line.charCodeAt(first))) first++;
  if (first === line.length) first = -1;
  let last = line.length - 1;
  while (last >= 0 && !isMarkupChar(line.charCodeAt(last))) last--;
  let start = first;
  let end = last + 1;
  while (start > 0 && !WHITESPACE.test(line[start - 1]!)) start--;
  while (end < line.length && !WHITESPACE.test(line[end]!)) end++;
  return { start, end };
}

/** * _ ` \\ (MARKUP_CHARS). */
function isMarkupChar(code: number): boolean {
  return code === 0x2a || code === 0x5f || code === 0x60 || code === 0x5c;
}

const UNPAIRED_STRONG = /\*{2,}/g;

function renderWindow(source: string): InlineText | null {
  const tree = markdown.parse(source) as Root;
  if (tree.children.length !== 1) return null;
  const block = tree.children[0]!;
  if (block.type !== 'paragraph') return null;
  const out: InlineText = { value: '', strong: [] };
  appendPhrasing(block.children, out);
  // A window is cut at spaces, so markdown's trimming of paragraph edges loses nothing.
  return out;
}

function appendPhrasing(nodes: PhrasingContent[], out: InlineText): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        // A "**" remark could not pair (bold cut by a line break: "**تحث الدول" /
        // "الأعضاء**") is markup all the same; a single "*" may be a printed asterisk.
        out.value += node.value.replace(UNPAIRED_STRONG, '');
        break;
      case 'inlineCode':
      case 'html':
        out.value += node.value;
        break;
      case 'break':
        out.value += ' ';
        break;
      case 'strong': {
        const start = out.value.length;
        appendPhrasing(node.children, out);
        out.strong.push([start, out.value.length]);
        break;
      }
      case 'emphasis':
      case 'delete':
      case 'link':
      case 'linkReference':
        appendPhrasing(node.children, out);
        break;
      default:
        // Images and footnote references carry no prose worth keeping.
        break;
    }
  }
}

const BOLD_PAIR = /\*\*([^*]*)\*\*/g;
const STRAY_MARKERS = /[*`]/g;

/** Linear fallback for pathological lines: bold pairs become spans, other markers go. */
function stripMarkers(line: string): InlineText {
  const strong: Array<[number, number]> = [];
  let value = '';
  let last = 0;
  for (const match of line.matchAll(BOLD_PAIR)) {
    value += line.slice(last, match.index).replace(STRAY_MARKERS, '');
    const start = value.length;
    value += match[1]!.replace(STRAY_MARKERS, '');
    strong.push([start, value.length]);
    last = match.index + match[0].length;
  }
  value += line.slice(last).replace(STRAY_MARKERS, '');
  return { value, strong };
}
