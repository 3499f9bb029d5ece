// Legacy Word (.doc) -> text, through word-extractor, which reads the compound
// file and the document's text pieces. Its cleaned text drops the footnote
// reference characters, so the raw pieces of the main text and of the
// footnote story are read instead: each reference character (0x02) becomes a
// ^(N) marker, N counting up as Word numbers them, and each note in the
// footnote story, which starts with the same character, becomes a "(N) text"
// body. Formatting (bold, list numbers) is not in what word-extractor reads.

import { createRequire } from 'node:module';
import { InputError } from '../errors.js';

interface Piece {
  text: string;
  startCp: number;
  endCp: number;
}

interface OleExtractor {
  extract(reader: unknown): Promise<{ getBody(): string; getFootnotes(): string }>;
  _pieces?: Piece[];
  _boundaries?: { ccpText?: number; ccpFtn?: number };
}

const FOOTNOTE_REFERENCE = '\u0002';

export async function decodeDoc(bytes: Uint8Array, name: string): Promise<string> {
  // word-extractor is CommonJS; its OLE extractor is used directly so the raw pieces stay reachable.
  const require = createRequire(import.meta.url);
  const WordOleExtractor = require('word-extractor/lib/word-ole-extractor.js') as new () => OleExtractor;
  const BufferReader = require('word-extractor/lib/buffer-reader.js') as new (buffer: Buffer) => unknown;
  const extractor = new WordOleExtractor();
  let document;
  try {
    document = await extractor.extract(new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
  } catch (err) {
    throw new InputError(name, `is a Word document (DOC) that cannot be read: ${oneLine(err)}`);
  }
  const pieces = extractor._pieces;
  const textLength = extractor._boundaries?.ccpText;
  if (!pieces || textLength === undefined) return plainParagraphs(document.getBody());
  const body = textRange(pieces, 0, textLength);
  const notes = textRange(pieces, textLength, textLength + (extractor._boundaries?.ccpFtn ?? 0));
  let n = 0;
  const text = cleanWordText(body.split(FOOTNOTE_REFERENCE).join('\u0000')).replace(/\u0000/g, () => `^(${++n})`);
  const bodies = notes
    .split(FOOTNOTE_REFERENCE)
    .slice(1)
    .map((note, i) => `(${i + 1}) ${cleanWordText(note).replace(/\s+/g, ' ').trim()}`);
  return [text.trim(), ...bodies].join('\n\n') + '\n';
}

/** The characters from one character position to another, across the pieces that hold them. */
function textRange(pieces: Piece[], start: number, end: number): string {
  let out = '';
  for (const piece of pieces) {
    if (piece.endCp <= start || piece.startCp >= end) continue;
    out += piece.text.slice(Math.max(0, start - piece.startCp), Math.min(piece.text.length, end - piece.startCp));
  }
  return out;
}

const FIELD_BEGIN = 0x13;
const FIELD_SEPARATOR = 0x14;
const FIELD_END = 0x15;

/**
 * Word's control characters as the parser's text: paragraph marks (CR) end a
 * paragraph, line breaks (VT) and page or section breaks (FF) end a line,
 * fields keep their shown result and lose their code, cell marks are spaces.
 * NUL is kept (it stands for a footnote reference here).
 */
export function cleanWordText(raw: string): string {
  let out = '';
  // Per open field: whether its result (after the separator) is being shown.
  const fields: boolean[] = [];
  for (const ch of raw) {
    const code = ch.charCodeAt(0);
    if (code === FIELD_BEGIN) {
      fields.push(false);
      continue;
    }
    if (code === FIELD_SEPARATOR) {
      if (fields.length > 0) fields[fields.length - 1] = true;
      continue;
    }
    if (code === FIELD_END) {
      fields.pop();
      continue;
    }
    if (fields.length > 0 && !fields[fields.length - 1]) continue;
    if (code === 0x0d) out += '\n\n';
    else if (code === 0x0b || code === 0x0c) out += '\n';
    else if (code === 0x07 || code === 0x09) out += ' ';
    else if (code === 0x1e) out += '-'; // non-breaking hyphen
    else if (code === 0x1f) continue; // optional hyphen
    else if (code === 0 || code >= 0x20) out += ch;
  }
  return out.replace(/\n{3,}/g, '\n\n');
}

function plainParagraphs(body: string): string {
  return body.replace(/\r\n?/g, '\n').replace(/\n/g, '\n\n');
}

function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!.slice(0, 200);
}
