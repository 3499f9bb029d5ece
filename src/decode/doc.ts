// Legacy Word (.doc) -> text, through word-extractor, which reads the compound
// file and the document's text pieces. Its cleaned text drops the footnote
// reference characters, so the raw pieces of the main text and of the
// footnote story are read instead: each reference character (0x02) becomes a
// ^(N) marker, N counting up as Word numbers them, and each note in the
// footnote story, which starts with the same character, becomes a "(N) text"
// body. A second reference to a note is, in Word, a raised number typed (or a
// cross-reference field) rather than a new note: word-extractor reads no
// character formatting, so the character runs (the CHPX pages) are read here
// for raised type (superscript, or a raised position), and a raised number
// of up to three digits becomes a ^(N) marker too. Bold and list numbers are
// not read.

import { createRequire } from 'node:module';
import { InputError } from '../errors.js';

interface Piece {
  text: string;
  startCp: number;
  endCp: number;
}

interface FilePiece extends Piece {
  startFilePos: number;
  bpc: number;
}

interface OleExtractor {
  extract(reader: unknown): Promise<{ getBody(): string; getFootnotes(): string }>;
  writeCharacterProperties(buffer: Buffer, table: Buffer): void;
  _pieces?: FilePiece[];
  _boundaries?: { ccpText?: number; ccpFtn?: number };
}

const FOOTNOTE_REFERENCE = '\u0002';
/** Stand-ins (private use) for markers while Word's control characters are cleaned. */
const NOTE_MARK = '\ue000';
const RAISED_OPEN = '\ue001';
const RAISED_CLOSE = '\ue002';
/** A raised footnote number as printed: up to three digits, perhaps in brackets. */
const RAISED_NUMBER = /^[[(]?([0-9\u0660-\u0669\u06f0-\u06f9]{1,3})[)\]]?$/;

export async function decodeDoc(bytes: Uint8Array, name: string): Promise<string> {
  // word-extractor is CommonJS; its OLE extractor is used directly so the raw pieces stay reachable.
  const require = createRequire(import.meta.url);
  const WordOleExtractor = require('word-extractor/lib/word-ole-extractor.js') as new () => OleExtractor;
  const BufferReader = require('word-extractor/lib/buffer-reader.js') as new (buffer: Buffer) => unknown;
  let raised: Array<[number, number]> = [];
  // Its character-property pass (which marks deleted revisions) is followed by one that finds raised type.
  const extractor = new (class extends WordOleExtractor {
    override writeCharacterProperties(buffer: Buffer, table: Buffer): void {
      super.writeCharacterProperties(buffer, table);
      try {
        raised = raisedRanges(buffer, table, this._pieces ?? []);
      } catch {
        raised = []; // formatting that cannot be read costs the raised markers, not the text
      }
    }
  })();
  let document;
  try {
    document = await extractor.extract(new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
  } catch (err) {
    throw new InputError(name, `is a Word document (DOC) that cannot be read: ${oneLine(err)}`);
  }
  const pieces = extractor._pieces;
  const textLength = extractor._boundaries?.ccpText;
  if (!pieces || textLength === undefined) return plainParagraphs(document.getBody());
  const body = markRaisedNumbers(textRange(pieces, 0, textLength), raised);
  const notes = textRange(pieces, textLength, textLength + (extractor._boundaries?.ccpFtn ?? 0));
  let n = 0;
  const text = cleanWordText(body.split(FOOTNOTE_REFERENCE).join(NOTE_MARK))
    .replace(/\ue000/g, () => `^(${++n})`)
    .replace(/\ue001([^\ue002]*)\ue002/g, (_, digits: string) => `^(${digits})`);
  const bodies = notes
    .split(FOOTNOTE_REFERENCE)
    .slice(1)
    .map((note, i) => `(${i + 1}) ${cleanWordText(note).replace(/\s+/g, ' ').trim()}`);
  return [text.trim(), ...bodies].join('\n\n') + '\n';
}

/**
 * A raised run (in the main text) that is only a number of up to three
 * digits is wrapped in stand-ins, to become a ^(N) marker once cleaned. A
 * raised run that is a note's own reference character is left to it.
 */
export function markRaisedNumbers(body: string, raised: Array<[number, number]>): string {
  let out = '';
  let at = 0;
  for (const [start, end] of raised) {
    if (start < at || start >= body.length) continue;
    const stop = Math.min(end, body.length);
    const match = RAISED_NUMBER.exec(body.slice(start, stop).trim());
    if (!match) continue;
    out += body.slice(at, start) + RAISED_OPEN + match[1]! + RAISED_CLOSE;
    at = stop;
  }
  return out + body.slice(at);
}

const SPRM_C_ISS = 0x2a48; // superscript / subscript: operand 1 is superscript
const SPRM_C_HPS_POS = 0x4845; // raised (positive) or lowered position, in half points
const FKP_SIZE = 512;

/**
 * The character positions of raised type: the bin table of character
 * properties (FIB fcPlcfbteChpx) names 512-byte pages of the WordDocument
 * stream, each a list of runs (file positions) with their property changes
 * (SPRMs). File positions are turned into character positions through the
 * piece table. Adjacent raised runs are merged.
 */
export function raisedRanges(word: Buffer, table: Buffer, pieces: readonly FilePiece[]): Array<[number, number]> {
  const fc = word.readUInt32LE(0x00fa);
  const lcb = word.readUInt32LE(0x00fe);
  if (lcb < 12 || fc + lcb > table.length) return [];
  const count = (lcb - 4) / 8;
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) {
    const page = table.readUInt32LE(fc + (count + 1) * 4 + i * 4);
    if ((page + 1) * FKP_SIZE > word.length) continue;
    const fkp = word.subarray(page * FKP_SIZE, (page + 1) * FKP_SIZE);
    const runs = fkp.readUInt8(FKP_SIZE - 1);
    for (let j = 0; j < runs && (runs + 1) * 4 + j < FKP_SIZE - 1; j++) {
      const offset = fkp.readUInt8((runs + 1) * 4 + j) * 2;
      if (offset === 0 || !isRaised(fkp.subarray(offset + 1, offset + 1 + fkp.readUInt8(offset)))) continue;
      const start = cpOfFc(pieces, fkp.readUInt32LE(j * 4));
      const end = cpOfFc(pieces, fkp.readUInt32LE((j + 1) * 4));
      if (start === null || end === null || end <= start) continue;
      const last = ranges.at(-1);
      if (last && last[1] === start) last[1] = end;
      else ranges.push([start, end]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** Whether a run's property changes make it superscript or raise it. */
function isRaised(grpprl: Buffer): boolean {
  let raised = false;
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(at);
    at += 2;
    if (sprm === SPRM_C_ISS && at < grpprl.length) raised = grpprl.readUInt8(at) === 1;
    else if (sprm === SPRM_C_HPS_POS && at + 2 <= grpprl.length) raised = grpprl.readInt16LE(at) > 0;
    const size = operandSize(sprm, grpprl, at);
    if (size < 0) break;
    at += size;
  }
  return raised;
}

/** The size of a SPRM's operand, from its spra bits (-1 when it cannot be known). */
function operandSize(sprm: number, grpprl: Buffer, at: number): number {
  switch ((sprm >> 13) & 7) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    case 6:
      // sprmTDefTable and sprmPChgTabs have their own size rules; none of them is a character property.
      return at < grpprl.length ? grpprl.readUInt8(at) + 1 : -1;
    default:
      return -1;
  }
}

function cpOfFc(pieces: readonly FilePiece[], fc: number): number | null {
  for (const piece of pieces) {
    const length = piece.endCp - piece.startCp;
    const offset = fc - piece.startFilePos;
    if (offset >= 0 && offset <= length * piece.bpc) return piece.startCp + Math.floor(offset / piece.bpc);
  }
  return null;
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
 * NUL is dropped (word-extractor writes it over deleted revisions and
 * empty header stories); private-use stand-ins for markers are kept.
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
    else if (code >= 0x20) out += ch;
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
