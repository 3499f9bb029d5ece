// A strict little XML reader for the tests: elements, double- or single-quoted
// attributes, text, the five named entities and character references, the
// declaration and comments. It throws on anything malformed, so reading the
// exporter's output is itself a well-formedness check that needs no xmllint.

export interface ReadElement {
  name: string;
  attributes: Record<string, string>;
  children: ReadNode[];
  parent: ReadElement | null;
}

export type ReadNode = ReadElement | string;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string, at: number): string {
  return text.replace(/&([^;&\s]*);?/g, (whole: string, body: string) => {
    if (!whole.endsWith(';')) throw new Error(`unterminated entity near offset ${at}: ${whole}`);
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const named = NAMED[body];
    if (named === undefined) throw new Error(`unknown entity &${body}; near offset ${at}`);
    return named;
  });
}

const NAME = '[A-Za-z_][A-Za-z0-9._:-]*';
const OPEN_TAG = new RegExp(`^<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g');
const CLOSE_TAG = new RegExp(`^</(${NAME})\\s*>`);

export function readXml(xml: string): ReadElement {
  let pos = 0;
  const skip = (pattern: RegExp): void => {
    const match = pattern.exec(xml.slice(pos));
    if (match) pos += match[0].length;
  };
  skip(/^\uFEFF?<\?xml[^?]*\?>\s*/);
  const document: ReadElement = { name: '#document', attributes: {}, children: [], parent: null };
  let current = document;

  while (pos < xml.length) {
    const rest = xml.slice(pos);
    if (rest.startsWith('<!--')) {
      const end = xml.indexOf('-->', pos);
      if (end < 0) throw new Error('unterminated comment');
      pos = end + 3;
      continue;
    }
    if (rest.startsWith('</')) {
      const match = CLOSE_TAG.exec(rest);
      if (!match || match[1] !== current.name) throw new Error(`unexpected close tag at ${pos}: expected </${current.name}>`);
      current = current.parent!;
      pos += match[0].length;
      continue;
    }
    if (rest.startsWith('<')) {
      const match = OPEN_TAG.exec(rest);
      if (!match) throw new Error(`bad tag at offset ${pos}: ${rest.slice(0, 40)}`);
      const attributes: Record<string, string> = {};
      for (const attr of match[2]!.matchAll(ATTRIBUTE)) {
        if (attr[1]! in attributes) throw new Error(`duplicate attribute ${attr[1]} at ${pos}`);
        attributes[attr[1]!] = decodeEntities(attr[2] ?? attr[3] ?? '', pos);
      }
      const node: ReadElement = { name: match[1]!, attributes, children: [], parent: current };
      if (current === document && document.children.some((c) => typeof c !== 'string')) throw new Error('second root element');
      current.children.push(node);
      if (match[3] !== '/') current = node;
      pos += match[0].length;
      continue;
    }
    const end = xml.indexOf('<', pos);
    const raw = xml.slice(pos, end < 0 ? xml.length : end);
    if (raw.includes(']]>')) throw new Error(`']]>' in text at ${pos}`);
    // End-of-line handling, as every XML reader does it.
    const text = decodeEntities(raw.replace(/\r\n?/g, '\n'), pos);
    if (current === document) {
      if (text.trim() !== '') throw new Error(`text outside the root at ${pos}`);
    } else current.children.push(text);
    pos += raw.length;
  }
  if (current !== document) throw new Error(`unclosed element <${current.name}>`);
  const root = document.children.find((c): c is ReadElement => typeof c !== 'string');
  if (!root) throw new Error('no root element');
  root.parent = null;
  return root;
}

export function isReadElement(node: ReadNode): node is ReadElement {
  return typeof node !== 'string';
}

/** Every element under (and including) `root` with this name ('*': any), in document order. */
export function elementsNamed(root: ReadElement, name: string): ReadElement[] {
  const found: ReadElement[] = [];
  const visit = (node: ReadElement): void => {
    if (name === '*' || node.name === name) found.push(node);
    for (const child of node.children) if (isReadElement(child)) visit(child);
  };
  visit(root);
  return found;
}

export function byEId(root: ReadElement, eId: string): ReadElement | undefined {
  let found: ReadElement | undefined;
  const visit = (node: ReadElement): void => {
    if (found) return;
    if (node.attributes.eId === eId) found = node;
    else for (const child of node.children) if (isReadElement(child)) visit(child);
  };
  visit(root);
  return found;
}

/** Text content, leaving out whole elements with the given names. */
export function textContent(node: ReadNode, without: ReadonlySet<string> = new Set()): string {
  if (!isReadElement(node)) return node;
  if (without.has(node.name)) return '';
  return node.children.map((child) => textContent(child, without)).join('');
}

export function ancestors(node: ReadElement): ReadElement[] {
  const list: ReadElement[] = [];
  for (let p = node.parent; p; p = p.parent) list.push(p);
  return list;
}
