// Decoding stage: the bytes of one input file become text, or an InputError that
// says in one line what the file looks like instead. Order matters: container
// signatures first (a PDF can be valid UTF-8 up to its first binary stream),
// then byte-order marks, then NUL bytes, then UTF-8, and legacy Arabic 8-bit
// code pages last, since any byte string decodes in them.

import { CUT_SHORT_ENCODING, cutShortUtf8 } from './cut-short.js';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';

export interface Decoded {
  text: string;
  encoding: string;
}

/** Why the bytes are not text; `sniffable` marks verdicts file-type may name more precisely. */
interface NotText {
  problem: string;
  sniffable: boolean;
}

type Verdict = { decoded: Decoded } | { notText: NotText };

/** bytes of one input file -> text. Throws InputError(name, problem) for input that is not text. */
export async function decodeBytes(bytes: Uint8Array, name: string): Promise<Decoded> {
  const verdict = inspectBytes(bytes);
  if ('decoded' in verdict) return verdict.decoded;
  const problem = verdict.notText.sniffable
    ? ((await problemFromFileType(bytes)) ?? verdict.notText.problem)
    : verdict.notText.problem;
  throw new InputError(name, problem);
}

/** Synchronous variant without file-type sniffing beyond the built-in signature checks (used by hot paths and property tests). */
export function decodeBytesSync(bytes: Uint8Array, name: string): Decoded {
  const verdict = inspectBytes(bytes);
  if ('decoded' in verdict) return verdict.decoded;
  throw new InputError(name, verdict.notText.problem);
}

function inspectBytes(bytes: Uint8Array): Verdict {
  if (bytes.length === 0) return notText('is empty');
  const container = containerProblem(bytes);
  if (container) return { notText: container };
  const decoded = decodeByBom(bytes) ?? decodeWithoutBom(bytes);
  if ('notText' in decoded) return decoded;
  if (decoded.decoded.text.trim() === '') return notText('is empty: it holds only whitespace');
  return decoded;
}

function notText(problem: string, sniffable = false): { notText: NotText } {
  return { notText: { problem, sniffable } };
}

// ---------------------------------------------------------------------------
// Signatures of files that are not text

const OFFICE_ADVICE = 'save it as plain text (UTF-8) first';
const IMAGE_ADVICE = 'an image holds no text to read: run OCR on it first';

interface Signature {
  magic: readonly number[];
  problem: string;
}

const ascii = (s: string): number[] => Array.from(s, (ch) => ch.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { magic: ascii('%PDF-'), problem: 'looks like a PDF document, not text: convert it to text first' },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    problem: `looks like a legacy Microsoft Office document (DOC, XLS or PPT), not text: ${OFFICE_ADVICE}`,
  },
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], problem: `looks like a PNG image, not text: ${IMAGE_ADVICE}` },
  { magic: [0xff, 0xd8, 0xff], problem: `looks like a JPEG image, not text: ${IMAGE_ADVICE}` },
  { magic: ascii('GIF87a'), problem: `looks like a GIF image, not text: ${IMAGE_ADVICE}` },
  { magic: ascii('GIF89a'), problem: `looks like a GIF image, not text: ${IMAGE_ADVICE}` },
  { magic: ascii('{\\rtf'), problem: `looks like an RTF document, not text: ${OFFICE_ADVICE}` },
  // UTF-32 marks come before the UTF-16 check: FF FE 00 00 also starts with the UTF-16LE mark.
  { magic: [0xff, 0xfe, 0x00, 0x00], problem: 'is UTF-32 text, which unres does not read: save it as UTF-8 first' },
  { magic: [0x00, 0x00, 0xfe, 0xff], problem: 'is UTF-32 text, which unres does not read: save it as UTF-8 first' },
];

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04] as const;
/** Local file header, empty archive, spanned archive. */
const ZIP_MAGICS: readonly (readonly number[])[] = [ZIP_LOCAL_HEADER, [0x50, 0x4b, 0x05, 0x06], [0x50, 0x4b, 0x07, 0x08]];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((byte, i) => bytes[at + i] === byte);
}

function containerProblem(bytes: Uint8Array): NotText | null {
  const signature = SIGNATURES.find((s) => startsWith(bytes, s.magic));
  if (signature) return { problem: signature.problem, sniffable: false };
  if (!ZIP_MAGICS.some((magic) => startsWith(bytes, magic))) return null;
  const office = officeKindInZip(bytes);
  if (office) return { problem: `looks like ${office}, not text: ${OFFICE_ADVICE}`, sniffable: false };
  return {
    problem: 'looks like a ZIP archive (perhaps an Office document such as DOCX, XLSX or ODT), not text: convert it to text first',
    sniffable: true,
  };
}

// ---------------------------------------------------------------------------
// A light walk over ZIP local file headers, so the sync variant can tell the
// common Office containers apart without file-type.

const ZIP_ENTRY_LIMIT = 64;
const ZIP_HEADER_SIZE = 30;
const ZIP_FLAG_DATA_DESCRIPTOR = 0x08;

const OOXML_FOLDERS: ReadonlyArray<readonly [string, string]> = [
  ['word/', 'a Word document (DOCX)'],
  ['xl/', 'an Excel workbook (XLSX)'],
  ['ppt/', 'a PowerPoint presentation (PPTX)'],
];

const ODF_MIMETYPES: ReadonlyMap<string, string> = new Map([
  ['application/vnd.oasis.opendocument.text', 'an OpenDocument text (ODT)'],
  ['application/vnd.oasis.opendocument.spreadsheet', 'an OpenDocument spreadsheet (ODS)'],
  ['application/vnd.oasis.opendocument.presentation', 'an OpenDocument presentation (ODP)'],
  ['application/epub+zip', 'an EPUB e-book'],
]);

const readU16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const readU32 = (b: Uint8Array, at: number): number => (readU16(b, at) + readU16(b, at + 2) * 0x10000) >>> 0;
const latin1 = (b: Uint8Array, from: number, to: number): string => Buffer.from(b.subarray(from, to)).toString('latin1');

function officeKindInZip(bytes: Uint8Array): string | null {
  let at = 0;
  for (let entry = 0; entry < ZIP_ENTRY_LIMIT && startsWith(bytes, ZIP_LOCAL_HEADER, at); entry++) {
    const flags = readU16(bytes, at + 6);
    const storedSize = readU32(bytes, at + 18);
    const nameStart = at + ZIP_HEADER_SIZE;
    const nameEnd = nameStart + readU16(bytes, at + 26);
    const dataStart = nameEnd + readU16(bytes, at + 28);
    const kind = officeKindOfEntry(latin1(bytes, nameStart, nameEnd), bytes, dataStart, storedSize);
    if (kind) return kind;
    // With a data descriptor the size comes after the data: the walk cannot go on.
    if (flags & ZIP_FLAG_DATA_DESCRIPTOR && storedSize === 0) return null;
    at = dataStart + storedSize;
  }
  return null;
}

function officeKindOfEntry(entryName: string, bytes: Uint8Array, dataStart: number, size: number): string | null {
  const folder = OOXML_FOLDERS.find(([prefix]) => entryName.startsWith(prefix));
  if (folder) return folder[1];
  if (entryName !== 'mimetype') return null;
  // ODF stores its mimetype entry first and uncompressed, so its bytes are readable as is.
  return ODF_MIMETYPES.get(latin1(bytes, dataStart, dataStart + Math.min(size, 100)).trim()) ?? null;
}

// ---------------------------------------------------------------------------
// file-type, for the async variant: names ZIP flavours and binary formats the
// built-in table does not know.

const FILE_TYPE_DOCUMENTS: ReadonlyMap<string, string> = new Map([
  ['docx', 'a Word document (DOCX)'],
  ['xlsx', 'an Excel workbook (XLSX)'],
  ['pptx', 'a PowerPoint presentation (PPTX)'],
  ['odt', 'an OpenDocument text (ODT)'],
  ['ods', 'an OpenDocument spreadsheet (ODS)'],
  ['odp', 'an OpenDocument presentation (ODP)'],
  ['epub', 'an EPUB e-book'],
  ['cfb', 'a legacy Microsoft Office document (DOC, XLS or PPT)'],
]);

/** Answers that say no more than the built-in verdict ("zip" for a ZIP). */
const FILE_TYPE_UNHELPFUL: ReadonlySet<string> = new Set(['zip']);

async function problemFromFileType(bytes: Uint8Array): Promise<string | null> {
  try {
    // Loaded on demand so the sync hot path never pays for it.
    const { fileTypeFromBuffer } = await import('file-type');
    const found = await fileTypeFromBuffer(bytes);
    if (!found || FILE_TYPE_UNHELPFUL.has(found.ext)) return null;
    const document = FILE_TYPE_DOCUMENTS.get(found.ext);
    if (document) return `looks like ${document}, not text: ${OFFICE_ADVICE}`;
    return `looks like a ${found.ext.toUpperCase()} file (${found.mime}), not text`;
  } catch {
    // A sniffer failure must not hide the verdict we already have.
    return null;
  }
}

// ---------------------------------------------------------------------------
// Byte-order marks

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const UTF16LE_BOM = [0xff, 0xfe] as const;
const UTF16BE_BOM = [0xfe, 0xff] as const;

function decodeByBom(bytes: Uint8Array): Verdict | null {
  if (startsWith(bytes, UTF8_BOM)) {
    const text = strictUtf8(bytes.subarray(UTF8_BOM.length));
    if (text === null) return notText('starts with a UTF-8 byte-order mark but is not valid UTF-8');
    return { decoded: { text, encoding: 'utf-8-bom' } };
  }
  if (startsWith(bytes, UTF16LE_BOM)) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, UTF16BE_BOM)) return decodeUtf16(swapByteOrder(bytes.subarray(2)), 'utf-16be');
  return null;
}

function decodeUtf16(littleEndian: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Verdict {
  let text: string;
  try {
    text = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(littleEndian);
  } catch {
    return notText(`starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`);
  }
  if (text.includes('\u0000')) return notText('contains NUL characters: binary data, not text');
  return { decoded: { text, encoding } };
}

/** Big-endian UTF-16 as little-endian, so one decoder serves both (works without full ICU). */
function swapByteOrder(bigEndian: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bigEndian.length);
  const pairs = bigEndian.length - (bigEndian.length % 2);
  for (let i = 0; i < pairs; i += 2) {
    swapped[i] = bigEndian[i + 1]!;
    swapped[i + 1] = bigEndian[i]!;
  }
  // A dangling odd byte is kept, so the strict decoder still rejects it.
  if (pairs < bigEndian.length) swapped[pairs] = bigEndian[pairs]!;
  return swapped;
}

// ---------------------------------------------------------------------------
// No byte-order mark: NUL bytes, UTF-8, legacy Arabic code pages

function decodeWithoutBom(bytes: Uint8Array): Verdict {
  if (bytes.indexOf(0) !== -1) return notText(nulProblem(bytes), true);
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { decoded: { text: utf8, encoding: 'utf-8' } };
  const head = cutShortUtf8(bytes, (part) => strictUtf8(part) !== null);
  if (head) return { decoded: { text: strictUtf8(head)!, encoding: CUT_SHORT_ENCODING } };
  return { decoded: decodeLegacyArabic(bytes) };
}

/**
 * The bytes as UTF-8, or null when they are not valid UTF-8 (a BOM is kept).
 * Validated by Node's native isUtf8 (the rules of a fatal TextDecoder, which
 * took longer to validate than this takes to validate and decode).
 */
function strictUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  return LITTLE_ENDIAN ? validUtf8ToString(bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Code units of the last texts decoded, reused up to MAX_SCRATCH units. */
const MAX_SCRATCH = 1 << 22;
let scratch = new Uint16Array(1 << 15);

/**
 * Bytes that isUtf8 accepted, as a string. Node's own UTF-8 decoding of Arabic
 * (two-byte sequences) ran at half the speed of this loop, which writes the
 * UTF-16 code units and makes the string in one copy (Buffer's UTF-16LE
 * slice). Valid input has one decoding, so the text is the same; an ASCII
 * text is decoded by Node (a one-byte string).
 */
function validUtf8ToString(bytes: Uint8Array): string {
  const n = bytes.length;
  let units = scratch;
  if (units.length < n) {
    units = new Uint16Array(n);
    if (n <= MAX_SCRATCH) scratch = units;
  }
  let j = 0;
  let high = 0;
  for (let i = 0; i < n; ) {
    const c = bytes[i]!;
    high |= c;
    if (c < 0x80) {
      units[j++] = c;
      i++;
    } else if (c < 0xe0) {
      units[j++] = ((c & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      i += 2;
    } else if (c < 0xf0) {
      units[j++] = ((c & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      i += 3;
    } else {
      const point = (((c & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f)) - 0x10000;
      units[j++] = 0xd800 | (point >> 10);
      units[j++] = 0xdc00 | (point & 0x3ff);
      i += 4;
    }
  }
  if (high < 0x80) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return Buffer.from(units.buffer, units.byteOffset, j * 2).toString('utf16le');
}

/** Share of NUL bytes above which NULs all on one side of byte pairs mean UTF-16. */
const UTF16_NUL_SHARE = 0.05;

function nulProblem(bytes: Uint8Array): string {
  if (looksLikeUtf16WithoutBom(bytes)) {
    return 'contains NUL bytes: looks like UTF-16 text without a byte-order mark, save it as UTF-8 first';
  }
  return 'contains NUL bytes: binary data, not text';
}

/** ASCII characters in UTF-16 leave a NUL in every pair on the same side; binary data scatters them. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  if (bytes.length % 2 !== 0) return false;
  let nulsAtEven = 0;
  let nulsAtOdd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) nulsAtEven++;
      else nulsAtOdd++;
    }
  }
  const onOneSide = nulsAtEven === 0 || nulsAtOdd === 0;
  return onOneSide && (nulsAtEven + nulsAtOdd) / bytes.length >= UTF16_NUL_SHARE;
}

// ---------------------------------------------------------------------------
// Windows-1256 or ISO-8859-6. Both tables put ASCII below 0x80 and agree on the
// letters at 0xC1-0xD6, but diverge elsewhere: ISO-8859-6 has C1 controls at
// 0x80-0x9F, few assigned bytes at 0xA0-0xC0, nothing at 0xDB-0xDF or 0xF3-0xFF,
// and its letters from 0xE0 up (tatweel, feh .. yeh, harakat) sit where
// Windows-1256 keeps French accented letters. A histogram of high bytes, weighed
// with what each table makes of them, says which reading is more Arabic. Short
// lines can hold only bytes that are Arabic letters in both tables (lam is 0xE1
// in one, 0xE4 in the other); there the definite article, the commonest word
// start in Arabic, decides.

type LegacyEncoding = 'windows-1256' | 'iso-8859-6';

/** Ties go to Windows-1256: it is what Arabic Windows and Office wrote. */
const LEGACY_ENCODINGS: readonly LegacyEncoding[] = ['windows-1256', 'iso-8859-6'];

const WEIGHT_ARABIC_LETTER = 2;
const WEIGHT_ARABIC_SIGN = 1;
const WEIGHT_NOT_TEXT = -4;
/** A word-initial alef-lam reads as the article: two letters' worth of evidence. */
const WEIGHT_ARTICLE = 2 * WEIGHT_ARABIC_LETTER;

interface LegacyTable {
  encoding: LegacyEncoding;
  /** Evidence weight of each byte 0x80-0xFF under this table. */
  weights: Int8Array;
  /** Index into the word-initial pair counts for alef followed by lam. */
  articlePair: number;
}

let legacyTables: LegacyTable[] | null = null;

/** Built from iconv-lite's own tables, so no code point is typed in by hand. */
function getLegacyTables(): LegacyTable[] {
  legacyTables ??= LEGACY_ENCODINGS.map((encoding) => {
    const weights = new Int8Array(256);
    for (let byte = 0x80; byte <= 0xff; byte++) {
      const char = iconv.decode(Buffer.from([byte]), encoding, { stripBOM: false });
      weights[byte] = weightOf(char.codePointAt(0) ?? 0xfffd);
    }
    const [alef = 0, lam = 0] = iconv.encode('\u0627\u0644', encoding);
    return { encoding, weights, articlePair: pairIndex(alef, lam) };
  });
  return legacyTables;
}

function weightOf(codePoint: number): number {
  const isArabicLetter =
    (codePoint >= 0x0621 && codePoint <= 0x063a) ||
    (codePoint >= 0x0641 && codePoint <= 0x064a) ||
    (codePoint >= 0x0671 && codePoint <= 0x06d3);
  if (isArabicLetter) return WEIGHT_ARABIC_LETTER;
  const isArabicSign =
    codePoint === 0x060c || codePoint === 0x061b || codePoint === 0x061f || (codePoint >= 0x0640 && codePoint <= 0x0652);
  if (isArabicSign) return WEIGHT_ARABIC_SIGN;
  const isControlOrUnassigned = (codePoint >= 0x80 && codePoint <= 0x9f) || codePoint === 0xfffd;
  return isControlOrUnassigned ? WEIGHT_NOT_TEXT : 0;
}

const pairIndex = (first: number, second: number): number => (first << 8) | second;

/** ASCII that is not a letter or digit ends a word in either table. */
function endsWord(byte: number): boolean {
  if (byte >= 0x80) return false;
  const isDigit = byte >= 0x30 && byte <= 0x39;
  const isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a;
  return !isDigit && !isLetter;
}

interface ByteCounts {
  highBytes: Float64Array;
  /** Pairs of high bytes that start a word, indexed by pairIndex. */
  wordInitialPairs: Uint32Array;
}

function countBytes(bytes: Uint8Array): ByteCounts {
  const highBytes = new Float64Array(256);
  const wordInitialPairs = new Uint32Array(256 * 256);
  let atWordStart = true;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte >= 0x80) {
      highBytes[byte]!++;
      const next = bytes[i + 1] ?? 0;
      if (atWordStart && next >= 0x80) wordInitialPairs[pairIndex(byte, next)]!++;
    }
    atWordStart = endsWord(byte);
  }
  return { highBytes, wordInitialPairs };
}

function scoreOf(table: LegacyTable, counts: ByteCounts): number {
  let score = WEIGHT_ARTICLE * counts.wordInitialPairs[table.articlePair]!;
  for (let byte = 0x80; byte <= 0xff; byte++) score += counts.highBytes[byte]! * table.weights[byte]!;
  return score;
}

function chooseLegacyEncoding(bytes: Uint8Array): LegacyEncoding {
  const counts = countBytes(bytes);
  let best: LegacyEncoding = LEGACY_ENCODINGS[0]!;
  let bestScore = -Infinity;
  for (const table of getLegacyTables()) {
    const score = scoreOf(table, counts);
    if (score > bestScore) {
      best = table.encoding;
      bestScore = score;
    }
  }
  return best;
}

function decodeLegacyArabic(bytes: Uint8Array): Decoded {
  const encoding = chooseLegacyEncoding(bytes);
  return { text: iconv.decode(bytes, encoding, { stripBOM: false }), encoding };
}
