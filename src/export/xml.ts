// A small XML tree and serializer: enough for the Akoma Ntoso export, with
// escaping done in one place. Elements holding text are written on one line
// (whitespace inside mixed content would change the text); elements holding
// only elements are indented, one child per line.

export type XmlNode = XmlElement | string;

export interface XmlElement {
  name: string;
  /** Written in insertion order; undefined and null values are left out. */
  attributes: Record<string, string | undefined | null>;
  children: XmlNode[];
}

export function element(
  name: string,
  attributes: Record<string, string | undefined | null> = {},
  children: XmlNode[] = [],
): XmlElement {
  return { name, attributes, children };
}

export function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== 'string';
}

// Characters XML 1.0 forbids outright (C0 controls but tab/LF/CR, lone
// surrogates, U+FFFE/U+FFFF). They cannot be escaped, only dropped.
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function dropInvalidXmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** Text content. A raw CR would reach readers as LF (end-of-line handling), so it goes as a reference. */
export function escapeText(text: string): string {
  return dropInvalidXmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** For double-quoted attribute values; tab and LF as references so attribute normalisation keeps them. */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

const NAME = /^[A-Za-z_][A-Za-z0-9._:-]*$/;

function assertName(name: string): void {
  if (!NAME.test(name)) throw new Error(`not an XML name: '${name}'`);
}

function openTag(node: XmlElement): string {
  assertName(node.name);
  let tag = `<${node.name}`;
  for (const [key, value] of Object.entries(node.attributes)) {
    if (value === undefined || value === null) continue;
    assertName(key);
    tag += ` ${key}="${escapeAttribute(value)}"`;
  }
  return tag;
}

function writeInline(node: XmlNode): string {
  if (!isElement(node)) return escapeText(node);
  if (node.children.length === 0) return `${openTag(node)}/>`;
  return `${openTag(node)}>${node.children.map(writeInline).join('')}</${node.name}>`;
}

interface Layout {
  indent: string;
  /** Elements whose content is text-like even when it holds only elements (a `p` that is all one `ref`). */
  inline: ReadonlySet<string>;
}

function writeBlock(node: XmlElement, depth: number, layout: Layout): string {
  const pad = layout.indent.repeat(depth);
  const holdsText = node.children.some((child) => !isElement(child));
  if (holdsText || node.children.length === 0 || layout.inline.has(node.name)) return pad + writeInline(node);
  const inner = node.children.map((child) => writeBlock(child as XmlElement, depth + 1, layout)).join('\n');
  return `${pad}${openTag(node)}>\n${inner}\n${pad}</${node.name}>`;
}

/** The whole document: declaration, root, final newline. */
export function serializeXml(root: XmlElement, inline: ReadonlySet<string> = new Set(), indent = '  '): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${writeBlock(root, 0, { indent, inline })}\n`;
}

/** The text content of a node, as a reader of the XML would see it. */
export function textOf(node: XmlNode): string {
  return isElement(node) ? node.children.map(textOf).join('') : node;
}
