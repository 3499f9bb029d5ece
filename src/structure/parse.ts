// The parse pipeline, as a unified processor:
//   bytes -> decode -> repair -> lines (parser)
//         -> furniture -> run-ins -> footnotes -> clauses (transformers)
//         -> Document JSON (compiler).
// Each stage is a plain function with its own tests; the plugins only wire them.

import { readFile } from 'node:fs/promises';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import { detectFormat, type SourceFormat } from '../decode/detect.js';
import { decodeBytesSync } from '../text/decode.js';
import { repairText } from '../text/repair.js';
import type { SourceInfo, UnresDocument } from '../types.js';
import { splitClauses, type Structure } from './clauses.js';
import { compileDocument } from './compile.js';
import { emptyFurniture, findFurniture, type FurnitureFacts } from './furniture.js';
import { findFootnotes } from './footnotes.js';
import { forgetFoldings } from './folded.js';
import { readLines } from './lines.js';
import { splitRunIns } from './run-ins.js';
import type { LinesRoot } from './tree.js';
import { sha256Hex } from '../lazy-crypto.js';

declare module 'vfile' {
  interface DataMap {
    source: SourceInfo;
    furniture: FurnitureFacts;
    structure: Structure;
  }
}

declare module 'unified' {
  interface CompileResultMap {
    UnresDocument: UnresDocument;
  }
}

const unresLines: Plugin<[], string, LinesRoot> = function () {
  this.parser = (text) => readLines(text);
};

const unresFurniture: Plugin<[], LinesRoot> = () => (tree, file) => {
  file.data.furniture = findFurniture(tree);
};

const unresRunIns: Plugin<[], LinesRoot> = () => (tree) => {
  splitRunIns(tree);
};

const unresFootnotes: Plugin<[], LinesRoot> = () => (tree) => {
  findFootnotes(tree);
};

const unresClauses: Plugin<[], LinesRoot> = () => (tree, file) => {
  file.data.structure = splitClauses(tree.children);
};

const unresDocument: Plugin<[], LinesRoot, UnresDocument> = function () {
  this.compiler = (tree, file) =>
    compileDocument(tree as LinesRoot, file.data.structure!, file.data.furniture ?? emptyFurniture(), file.data.source!);
};

export const processor = unified()
  .use(unresLines)
  .use(unresFurniture)
  .use(unresRunIns)
  .use(unresFootnotes)
  .use(unresClauses)
  .use(unresDocument)
  .freeze();

/** Parse already-decoded text. */
export function parseText(text: string, source: SourceInfo): UnresDocument {
  const file = new VFile({ value: repairText(text), path: source.path || undefined });
  file.data.source = source;
  forgetFoldings();
  try {
    return processor.processSync(file).result as UnresDocument;
  } finally {
    forgetFoldings();
  }
}

/** Parse the bytes of one file. Throws InputError for input that is not text. */
export function parseBytes(bytes: Uint8Array, path: string): UnresDocument {
  const decoded = decodeBytesSync(bytes, path);
  return parseText(decoded.text, { path, sha256: sha256Hex(bytes), encoding: decoded.encoding, format: 'text' });
}

/**
 * Parse the bytes of a file in any format unres reads: text, HTML, PDF, DOCX,
 * DOC. The format is found from the content unless given (`--format`); the
 * decoder of a binary format is loaded only when such a file comes.
 */
export async function parseDocumentBytes(bytes: Uint8Array, path: string, format?: SourceFormat): Promise<UnresDocument> {
  const found = format ?? detectFormat(bytes, path);
  if (found === 'text') return parseBytes(bytes, path);
  const { decodeDocument } = await import('../decode/index.js');
  const decoded = await decodeDocument(bytes, path, found);
  return parseText(decoded.text, { path, sha256: sha256Hex(bytes), encoding: decoded.encoding, format: found });
}

export async function parseFile(path: string): Promise<UnresDocument> {
  return parseDocumentBytes(await readFile(path), path);
}
