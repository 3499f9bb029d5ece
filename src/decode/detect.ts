// Which format a file is in, by its content: magic bytes for the containers
// (PDF, the ZIP of a DOCX, the compound file of a .doc), the opening markup for
// HTML. The file name is only a hint, used where content cannot decide (a
// fragment of HTML with no <html> element). Everything else is text, for the
// plain-text decoder to judge (it names images, archives and other non-text).

import { extname } from 'node:path';
import type { SourceFormat } from '../types.js';

export type { SourceFormat };

export const SOURCE_FORMATS: readonly SourceFormat[] = ['text', 'html', 'pdf', 'docx', 'doc'];

/** What `--format` accepts: the formats, plus the common names users type for them. */
const FORMAT_NAMES: ReadonlyMap<string, SourceFormat> = new Map([
  ['text', 'text'],
  ['txt', 'text'],
  ['md', 'text'],
  ['markdown', 'text'],
  ['html', 'html'],
  ['htm', 'html'],
  ['pdf', 'pdf'],
  ['docx', 'docx'],
  ['doc', 'doc'],
]);

export function formatFromName(name: string): SourceFormat | null {
  return FORMAT_NAMES.get(name.trim().toLowerCase()) ?? null;
}

/** Extensions folder ingest reads, by format. */
export const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.md', '.html', '.htm', '.pdf', '.docx', '.doc']);

const ascii = (s: string): number[] => Array.from(s, (ch) => ch.charCodeAt(0));
const PDF_MAGIC = ascii('%PDF-');
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
/** PDF readers accept the header anywhere in the first kilobyte (after junk a mailer added). */
const PDF_HEADER_WINDOW = 1024;
/** Enough of the start of a file to find its HTML opening markup after a comment or two. */
const HTML_SNIFF_BYTES = 2048;

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

function indexOfMagic(bytes: Uint8Array, magic: readonly number[], window: number): number {
  const end = Math.min(bytes.length - magic.length, window);
  for (let at = 0; at <= end; at++) if (startsWith(bytes, magic, at)) return at;
  return -1;
}

/** Does the ZIP hold word/document.xml (the part every DOCX has)? Reads the local headers, then the central directory. */
function zipHoldsWordDocument(bytes: Uint8Array): boolean {
  const needle = Buffer.from('word/document.xml', 'latin1');
  // The name sits in the clear in both the local header and the central directory.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) !== -1;
}

const HTML_OPENING = /^(?:\s|<!--[^]{0,1000}?-->|<\?xml[^>]{0,200}>)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]/i;
const HTML_ANYWHERE = /<(?:p|div|br|h[1-6]|sup|span|table|article|section)[\s>/]/i;

function looksLikeHtml(bytes: Uint8Array, name: string): boolean {
  let start = bytes.subarray(0, HTML_SNIFF_BYTES);
  if (startsWith(start, [0xef, 0xbb, 0xbf])) start = start.subarray(3);
  const head = Buffer.from(start).toString('latin1');
  if (HTML_OPENING.test(head)) return true;
  // A fragment saved under an HTML name: markup near the start is enough.
  const ext = extname(name).toLowerCase();
  return (ext === '.html' || ext === '.htm') && head.trimStart().startsWith('<') && HTML_ANYWHERE.test(head);
}

/** The format of one file, from its bytes (its name only breaks ties for HTML fragments). */
export function detectFormat(bytes: Uint8Array, name: string): SourceFormat {
  if (indexOfMagic(bytes, PDF_MAGIC, PDF_HEADER_WINDOW) !== -1) return 'pdf';
  if (startsWith(bytes, CFB_MAGIC)) return isWordCompoundFile(bytes) ? 'doc' : 'text';
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) return zipHoldsWordDocument(bytes) ? 'docx' : 'text';
  if (looksLikeHtml(bytes, name)) return 'html';
  return 'text';
}

/**
 * A compound file is a Word document when it has a "WordDocument" stream. Its
 * directory entry names are UTF-16LE; finding the name is enough to tell Word
 * from Excel ("Workbook") and PowerPoint ("PowerPoint Document").
 */
function isWordCompoundFile(bytes: Uint8Array): boolean {
  const needle = Buffer.from('WordDocument', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) !== -1;
}
