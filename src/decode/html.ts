// HTML -> the text shape the parser reads: one paragraph per line with a blank
// line between paragraphs, bold as **...**, footnote markers as ^(N) and
// footnote bodies as "(N) text" lines. Only the document's main text is kept:
// the page's <main> or single <article> when it has one, and never scripts,
// navigation, forms, share buttons, cookie banners or hidden elements.
// The same walk reads the HTML mammoth makes of a DOCX (see docx.ts).

import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

/** Elements that are never the document's text. */
const NOT_TEXT = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'nav', 'form', 'button', 'select', 'input', 'textarea', 'label', 'aside', 'dialog', 'menu', 'head', 'img', 'picture',
]);

/** Elements that start and end a paragraph of their own. */
const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'section', 'article', 'main', 'header', 'footer',
  'tr', 'dd', 'dt', 'pre', 'table', 'ol', 'ul', 'dl', 'figure', 'figcaption', 'address', 'center', 'body', 'html', 'hr',
  'caption', 'details', 'summary', 'fieldset',
]);

const BOLD = new Set(['b', 'strong']);

/** Words in a class, id or role that mark site furniture rather than the document. */
const FURNITURE_NAME =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|cookies?|banner|sidebar|skip|toolbar|pager|pagination|related|comments?|advert|ads|popup|modal|print-?links?|language-?switcher)(?:$|[\s_-])/i;
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar', 'toolbar', 'complementary', 'dialog']);

/** A footnote marker as printed inside <sup>: 1, (1), [1], ١ — up to three digits. */
const MARKER_TEXT = /^[[(]?\s*([0-9\u0660-\u0669\u06f0-\u06f9]{1,3})\s*[)\]]?$/;
/** Back-links at the end of a footnote body ("↑", "↩", "^"). */
const BACK_LINK_TEXT = /^[\s↑↩⬆^]*$/;
const SPACE_RUN = /[ \t\n\r\f\u00a0]+/g;

export function parseHtml(html: string): Root {
  return unified().use(rehypeParse).parse(html);
}

/** The main text of an HTML document as lines for the parser. */
export function htmlToText(html: string): string {
  return hastToText(parseHtml(html));
}

export function hastToText(root: Root): string {
  const writer = new Writer();
  const main = mainContent(root);
  writer.walkChildren(main, { inMain: main !== root, pre: false, listIndex: null });
  return writer.finish();
}

interface Context {
  /** Inside <main> or <article>: their <header>/<footer> are the document's, not the site's. */
  inMain: boolean;
  pre: boolean;
  /** The printed number of the current <li> of an <ol>. */
  listIndex: number | null;
}

// ---------------------------------------------------------------------------
// Finding the main content

function elementsOf(node: Root | Element): Element[] {
  return (node.children as Array<RootContent | ElementContent>).filter((c): c is Element => c.type === 'element');
}

function findAll(node: Root | Element, test: (e: Element) => boolean, found: Element[] = []): Element[] {
  for (const child of elementsOf(node)) {
    if (test(child)) found.push(child);
    else findAll(child, test, found);
  }
  return found;
}

function attr(e: Element, name: string): string {
  const value = e.properties?.[name];
  if (Array.isArray(value)) return value.join(' ');
  return value === undefined || value === null ? '' : String(value);
}

/** <main>, or role="main", or the one <article>; else the whole document. */
function mainContent(root: Root): Root | Element {
  const main = findAll(root, (e) => e.tagName === 'main' || attr(e, 'role') === 'main');
  if (main.length === 1) return main[0]!;
  const articles = findAll(root, (e) => e.tagName === 'article');
  if (articles.length === 1) return articles[0]!;
  return root;
}

function isFurniture(e: Element, ctx: Context): boolean {
  if (NOT_TEXT.has(e.tagName)) return true;
  if ((e.tagName === 'header' || e.tagName === 'footer') && !ctx.inMain) return true;
  if (e.properties?.hidden !== undefined && e.properties.hidden !== false && e.properties.hidden !== null) return true;
  if (attr(e, 'ariaHidden') === 'true') return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(attr(e, 'style'))) return true;
  if (FURNITURE_ROLES.has(attr(e, 'role'))) return true;
  const names = `${attr(e, 'className')} ${attr(e, 'id')}`;
  return names.trim() !== '' && FURNITURE_NAME.test(names);
}

// ---------------------------------------------------------------------------
// Writing text

class Writer {
  private readonly blocks: string[] = [];
  private current = '';
  /** A list item's printed number, written before its first text. */
  private pending = '';

  /** Ends the paragraph being written. */
  flush(): void {
    const lines = this.current.split('\n').map((line) => line.replace(SPACE_RUN, ' ').trim());
    const text = lines.filter((line) => line !== '').join('\n');
    if (text !== '') this.blocks.push(text);
    this.current = '';
  }

  write(text: string): void {
    if (this.pending !== '' && text.trim() !== '') {
      this.current += this.pending;
      this.pending = '';
    }
    this.current += text;
  }

  finish(): string {
    this.flush();
    return this.blocks.join('\n\n') + '\n';
  }

  walkChildren(node: Root | Element, ctx: Context): void {
    let listIndex = node.type === 'element' && node.tagName === 'ol' ? startOf(node) : null;
    for (const child of node.children as Array<RootContent | ElementContent>) {
      if (child.type === 'text') {
        this.write(ctx.pre ? child.value : child.value.replace(SPACE_RUN, ' '));
      } else if (child.type === 'element') {
        const isItem = listIndex !== null && child.tagName === 'li';
        this.walkElement(child, { ...ctx, listIndex: isItem ? listIndex : null });
        if (isItem) listIndex!++;
      }
    }
  }

  walkElement(e: Element, ctx: Context): void {
    if (isFurniture(e, ctx)) return;
    const tag = e.tagName;
    if (tag === 'br') {
      this.write('\n');
      return;
    }
    if (tag === 'sup' && this.writeMarker(e)) return;
    if (tag === 'a' && isBackLink(e)) return;
    const inner: Context = {
      ...ctx,
      inMain: ctx.inMain || tag === 'main' || tag === 'article',
      pre: ctx.pre || tag === 'pre',
    };
    if (BOLD.has(tag)) {
      this.writeBold(e, inner);
      return;
    }
    if (!BLOCKS.has(tag)) {
      if (tag === 'td' || tag === 'th') this.write(' ');
      this.walkChildren(e, inner);
      return;
    }
    this.flush();
    if (tag === 'li' && ctx.listIndex !== null) this.pending = itemPrefix(e, ctx.listIndex);
    this.walkChildren(e, { ...inner, listIndex: null });
    this.flush();
  }

  /** <sup>N</sup>: a body's number at the start of a paragraph, else a marker. */
  private writeMarker(e: Element): boolean {
    const match = MARKER_TEXT.exec(textOf(e).trim());
    if (!match) return false;
    const atStart = this.pending === '' && (this.current.trim() === '' || this.current.endsWith('\n'));
    this.write(atStart ? `(${match[1]}) ` : `^(${match[1]})`);
    return true;
  }

  private writeBold(e: Element, ctx: Context): void {
    const outer = this.current;
    this.current = '';
    this.walkChildren(e, ctx);
    const inside = this.current;
    this.current = outer;
    const trimmed = inside.trim();
    if (trimmed === '' || inside.includes('\n') || trimmed.includes('**')) {
      this.write(inside);
      return;
    }
    const lead = inside.slice(0, inside.length - inside.trimStart().length);
    const trail = inside.slice(inside.trimEnd().length);
    this.write(`${lead}**${trimmed}**${trail}`);
  }
}

function startOf(ol: Element): number {
  const start = attr(ol, 'start').trim();
  return /^[0-9]{1,6}$/.test(start) ? Number(start) : 1;
}

/** An item of an ordered list is printed with its number; a footnote list's items are footnote bodies. */
function itemPrefix(li: Element, n: number): string {
  const id = attr(li, 'id');
  if (/(?:^|[-_])(?:foot|end)?note/i.test(id) || /^fn/i.test(id)) return `(${n}) `;
  return `${n}- `;
}

function isBackLink(a: Element): boolean {
  const role = attr(a, 'role');
  if (role === 'doc-backlink') return true;
  return attr(a, 'href').startsWith('#') && BACK_LINK_TEXT.test(textOf(a)) && textOf(a).trim() !== '';
}

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(textOf).join('');
}
