// Decoding a file in any format unres reads into the parser's text shape: one
// paragraph per line, a blank line between paragraphs, **bold**, ^(N) footnote
// markers and "(N) text" footnote bodies. Plain text stays with the text
// decoder (src/text/decode.ts); each other format's library is loaded only
// when a file of that format is read, so neither search nor plain-text parsing
// pays for pdf.js or mammoth.

import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import { decodeBytesSync } from '../text/decode.js';
import type { SourceFormat } from './detect.js';

export interface DecodedDocument {
  text: string;
  /** How the text was held: a text encoding for HTML, "unicode" for the containers that store Unicode themselves. */
  encoding: string;
}

/** Web pages over this size are refused: real UN pages are a few hundred kilobytes. */
export const HTML_MAX_BYTES = 16 * 1024 * 1024;

export async function decodeDocument(bytes: Uint8Array, name: string, format: Exclude<SourceFormat, 'text'>): Promise<DecodedDocument> {
  let text: string;
  let encoding = 'unicode';
  switch (format) {
    case 'html': {
      const page = decodeHtmlBytes(bytes, name);
      const { htmlToText } = await import('./html.js');
      text = htmlToText(page.text);
      encoding = page.encoding;
      break;
    }
    case 'docx':
      text = await (await import('./docx.js')).decodeDocx(bytes, name);
      break;
    case 'doc':
      text = await (await import('./doc.js')).decodeDoc(bytes, name);
      break;
    case 'pdf':
      text = await (await import('./pdf.js')).decodePdf(bytes, name);
      break;
  }
  if (text.trim() === '') throw new InputError(name, `is ${FORMAT_LABELS[format]} with no text in it`);
  return { text, encoding };
}

const FORMAT_LABELS: Record<Exclude<SourceFormat, 'text'>, string> = {
  html: 'an HTML page',
  docx: 'a Word document (DOCX)',
  doc: 'a Word document (DOC)',
  pdf: 'a PDF document',
};

const META_CHARSET = /<meta[^>]{0,300}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})/i;
const LEGACY_CHARSETS: ReadonlyMap<string, string> = new Map([
  ['windows-1256', 'windows-1256'],
  ['cp1256', 'windows-1256'],
  ['iso-8859-6', 'iso-8859-6'],
  ['iso8859-6', 'iso-8859-6'],
  ['arabic', 'iso-8859-6'],
]);

/** The page's characters: a declared Arabic 8-bit charset is honoured; otherwise the text decoder judges. */
function decodeHtmlBytes(bytes: Uint8Array, name: string): { text: string; encoding: string } {
  if (bytes.length > HTML_MAX_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw new InputError(name, `is an HTML page of ${mb} MB, more than the ${HTML_MAX_BYTES / 1024 / 1024} MB unres reads from a web page`);
  }
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const declared = LEGACY_CHARSETS.get(META_CHARSET.exec(head)?.[1]?.toLowerCase() ?? '');
  if (declared) return { text: iconv.decode(Buffer.from(bytes), declared), encoding: declared };
  const decoded = decodeBytesSync(bytes, name);
  return { text: decoded.text, encoding: decoded.encoding };
}
