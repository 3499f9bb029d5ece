// ActualText: a PDF's own statement of the text some glyphs stand for
// (`/Span <</ActualText (...)>> BDC ... EMC` in a content stream). A
// producer writes it where the glyphs' Unicode would mislead: a letter and
// its mark drawn as one cluster, a ligature, a glyph with no Unicode at all.
// pdf.js keeps the marked-content boundaries in its operator list but not
// the properties, so the file's content streams are read here for their
// ActualText spans: each is keyed by the character codes it shows, which the
// glyph reader (pdf-glyphs.ts) finds again inside pdf.js's span and replaces
// by the text given.
//
// Bounded: only streams that inflate (zlib, or stored plain) within a budget
// are read, and each is scanned once, in linear time. Streams that cannot be
// read (encrypted, other filters) are skipped: their glyphs keep their own
// Unicode.

import { inflateSync } from 'node:zlib';

/** The most one stream may inflate to, and all streams together. */
const MAX_STREAM_BYTES = 16 * 1024 * 1024;
const MAX_TOTAL_BYTES = 128 * 1024 * 1024;
/** How far before "stream" its dictionary is looked for. */
const DICT_REACH = 4096;

export type ActualTextIndex = Map<string, string[]>;

/** The key of a run of character codes: the same for the content stream's bytes and pdf.js's glyph codes. */
export function codesKey(codes: readonly number[]): string {
  return codes.join(',');
}

/**
 * Every ActualText span in the file's streams, by the codes it shows. A
 * span's string bytes are keyed both as one-byte codes and as two-byte codes
 * (composite fonts), since which one the font uses is known only to pdf.js.
 */
export function actualTextsOfFile(bytes: Uint8Array): ActualTextIndex {
  const index: ActualTextIndex = new Map();
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let at = 0;
  for (;;) {
    const keyword = data.indexOf('stream', at, 'latin1');
    if (keyword === -1) break;
    at = keyword + 6;
    // "endstream" also contains "stream"; a stream's data starts after "stream" and an end of line.
    if (keyword >= 3 && data.toString('latin1', keyword - 3, keyword) === 'end') continue;
    let start = at;
    if (data[start] === 0x0d) start++;
    if (data[start] === 0x0a) start++;
    if (start === at) continue;
    const end = data.indexOf('endstream', start, 'latin1');
    if (end === -1) break;
    at = end + 9;
    // The stream's dictionary: what precedes "stream", back to its "obj" (a bounded look back).
    const before = data.toString('latin1', Math.max(0, keyword - DICT_REACH), keyword);
    const dict = before.slice(before.lastIndexOf('obj') + 1);
    const content = streamContent(data.subarray(start, end), dict);
    if (content === null) continue;
    total += content.length;
    if (total > MAX_TOTAL_BYTES) break;
    if (content.indexOf('ActualText', 0, 'latin1') === -1) continue;
    for (const span of actualTextSpans(content)) {
      for (const key of [codesKey([...span.codes]), twoByteKey(span.codes)]) {
        if (key === null) continue;
        const list = index.get(key) ?? [];
        list.push(span.text);
        index.set(key, list);
      }
    }
  }
  return index;
}

function twoByteKey(bytes: Uint8Array): string | null {
  if (bytes.length % 2 !== 0) return null;
  const codes: number[] = [];
  for (let i = 0; i < bytes.length; i += 2) codes.push((bytes[i]! << 8) | bytes[i + 1]!);
  return codesKey(codes);
}

function streamContent(raw: Buffer, dict: string): Buffer | null {
  if (/\/Subtype\s*\/Image|\/Type\s*\/(?:XRef|ObjStm)/.test(dict)) return null;
  const filters = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict)?.[1] ?? '';
  const names = filters.match(/\/\w+/g) ?? [];
  if (names.length === 0) return raw.length <= MAX_STREAM_BYTES ? raw : null;
  if (names.length !== 1 || (names[0] !== '/FlateDecode' && names[0] !== '/Fl')) return null;
  try {
    return inflateSync(raw, { maxOutputLength: MAX_STREAM_BYTES, finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a missing end */ });
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// Content stream tokens

interface Span {
  /** The bytes of the strings shown inside the span, in order. */
  codes: Uint8Array;
  text: string;
}

type Token =
  | { kind: 'string'; bytes: number[] }
  | { kind: 'name'; value: string }
  | { kind: 'op'; value: string }
  | { kind: 'open' | 'close' | 'dictOpen' | 'dictClose' }
  | { kind: 'number' };

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITER = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const SHOW_OPERATORS = new Set(['Tj', 'TJ', "'", '"']);

/** The ActualText spans of one content stream, with the codes each shows. */
export function actualTextSpans(content: Uint8Array): Span[] {
  const spans: Span[] = [];
  /** Open marked content: the ActualText of each level (null for a level without one) and the codes shown since. */
  const open: Array<{ text: string | null; codes: number[] }> = [];
  let operands: Token[] = [];
  const tokens = tokenize(content);
  for (const token of tokens) {
    if (token.kind !== 'op') {
      operands.push(token);
      continue;
    }
    switch (token.value) {
      case 'BDC':
        open.push({ text: actualTextOf(operands), codes: [] });
        break;
      case 'BMC':
        open.push({ text: null, codes: [] });
        break;
      case 'EMC': {
        const level = open.pop();
        if (level && level.text !== null && level.codes.length > 0) spans.push({ codes: Uint8Array.from(level.codes), text: level.text });
        break;
      }
      default:
        if (SHOW_OPERATORS.has(token.value) && open.some((level) => level.text !== null)) {
          const shown = operands.flatMap((t) => (t.kind === 'string' ? t.bytes : []));
          for (const level of open) if (level.text !== null) level.codes.push(...shown);
        }
    }
    operands = [];
  }
  return spans;
}

/** The ActualText of an inline property dictionary among a BDC's operands. */
function actualTextOf(operands: Token[]): string | null {
  for (let i = 0; i + 1 < operands.length; i++) {
    const key = operands[i]!;
    const value = operands[i + 1]!;
    if (key.kind === 'name' && key.value === 'ActualText' && value.kind === 'string') return textString(value.bytes);
  }
  return null;
}

/** A PDF text string: UTF-16 (big-endian, with its byte order mark) or PDFDocEncoding (Latin-1 for what matters here). */
function textString(bytes: number[]): string {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return out;
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return Buffer.from(bytes.slice(3)).toString('utf8');
  return String.fromCharCode(...bytes);
}

function* tokenize(s: Uint8Array): Generator<Token> {
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s[i]!;
    if (WHITE.has(c)) {
      i++;
      continue;
    }
    if (c === 0x25) {
      // comment
      while (i < n && s[i] !== 0x0a && s[i] !== 0x0d) i++;
      continue;
    }
    if (c === 0x28) {
      const bytes: number[] = [];
      i = literalString(s, i + 1, bytes);
      yield { kind: 'string', bytes };
      continue;
    }
    if (c === 0x3c) {
      if (s[i + 1] === 0x3c) {
        i += 2;
        yield { kind: 'dictOpen' };
        continue;
      }
      const bytes: number[] = [];
      let high = -1;
      i++;
      while (i < n && s[i] !== 0x3e) {
        const digit = hexValue(s[i]!);
        i++;
        if (digit < 0) continue;
        if (high < 0) high = digit;
        else {
          bytes.push((high << 4) | digit);
          high = -1;
        }
      }
      if (high >= 0) bytes.push(high << 4);
      i++;
      yield { kind: 'string', bytes };
      continue;
    }
    if (c === 0x3e) {
      i += s[i + 1] === 0x3e ? 2 : 1;
      yield { kind: 'dictClose' };
      continue;
    }
    if (c === 0x5b || c === 0x5d) {
      i++;
      yield { kind: c === 0x5b ? 'open' : 'close' };
      continue;
    }
    if (c === 0x7b || c === 0x7d || c === 0x29) {
      i++;
      continue;
    }
    const start = i;
    if (c === 0x2f) i++;
    while (i < n && !WHITE.has(s[i]!) && !DELIMITER.has(s[i]!)) i++;
    const word = Buffer.from(s.subarray(c === 0x2f ? start + 1 : start, i)).toString('latin1');
    if (c === 0x2f) yield { kind: 'name', value: word };
    else if (/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(word)) yield { kind: 'number' };
    else if (word === 'ID') {
      // An inline image's data runs to "EI" between white space; it is not content to read.
      i++;
      while (i < n && !(s[i] === 0x45 && s[i + 1] === 0x49 && WHITE.has(s[i - 1]!) && (i + 2 >= n || WHITE.has(s[i + 2]!)))) i++;
      i += 2;
    } else if (word !== '') yield { kind: 'op', value: word };
    else i++;
  }
}

const ESCAPES = new Map([
  [0x6e, 0x0a],
  [0x72, 0x0d],
  [0x74, 0x09],
  [0x62, 0x08],
  [0x66, 0x0c],
  [0x28, 0x28],
  [0x29, 0x29],
  [0x5c, 0x5c],
]);

/** A literal string's bytes, from after its "(" to after its ")"; returns the position after it. */
function literalString(s: Uint8Array, i: number, bytes: number[]): number {
  let depth = 1;
  while (i < s.length) {
    const c = s[i]!;
    if (c === 0x5c) {
      const next = s[i + 1];
      i += 2;
      if (next === undefined) break;
      const simple = ESCAPES.get(next);
      if (simple !== undefined) bytes.push(simple);
      else if (next >= 0x30 && next <= 0x37) {
        let value = next - 0x30;
        for (let k = 0; k < 2 && s[i]! >= 0x30 && s[i]! <= 0x37; k++, i++) value = value * 8 + (s[i]! - 0x30);
        bytes.push(value & 0xff);
      } else if (next === 0x0d) {
        if (s[i] === 0x0a) i++;
      } else if (next !== 0x0a) bytes.push(next);
      continue;
    }
    i++;
    if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) break;
    bytes.push(c);
  }
  return i;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}
