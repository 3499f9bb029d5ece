// Little-endian bytes and LEB128 varints, the atoms of every segment file.
// Varints carry integers up to 2^53 (file offsets of large segments).

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
// Eight bytes for float conversions: a DataView made per call was a measurable
// part of writing and reading document tables and analysed documents.
const scratch = new Uint8Array(8);
const scratchView = new DataView(scratch.buffer);

/** Is this machine little-endian, as the files are? Then arrays of uint16 or uint32 are copied as they are. */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Where the last readVarint stopped (module state: no object per read on the hot paths). */
export let varintEnd = 0;

/**
 * The LEB128 varint at bytes[pos] (at most 8 bytes, all before `end`), its end
 * in varintEnd; -1 when malformed (runs past `end`, or too long). A one-byte
 * varint, the common case in postings, is read first.
 */
export function readVarint(bytes: Uint8Array, pos: number, end: number): number {
  if (pos < end && bytes[pos]! < 0x80) {
    varintEnd = pos + 1;
    return bytes[pos]!;
  }
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 8; i++) {
    if (pos >= end) return -1;
    const byte = bytes[pos++]!;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) {
      varintEnd = pos;
      return value;
    }
    scale *= 128;
  }
  return -1;
}

/** A growable byte buffer written front to back. */
export class ByteWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  u8(value: number): void {
    this.ensure(1);
    this.buf[this.length++] = value;
  }

  varint(value: number): void {
    this.ensure(8);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.length++] = v;
  }

  u16(value: number): void {
    this.ensure(2);
    this.buf[this.length++] = value & 0xff;
    this.buf[this.length++] = (value >>> 8) & 0xff;
  }

  u32(value: number): void {
    this.ensure(4);
    const b = this.buf;
    b[this.length++] = value & 0xff;
    b[this.length++] = (value >>> 8) & 0xff;
    b[this.length++] = (value >>> 16) & 0xff;
    b[this.length++] = (value >>> 24) & 0xff;
  }

  f64(value: number): void {
    this.ensure(8);
    scratchView.setFloat64(0, value, true);
    this.buf.set(scratch, this.length);
    this.length += 8;
  }

  bytes(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }

  /** Appends `data[start .. end)`: a short run copied byte by byte, without a view allocated for it. */
  range(data: Uint8Array, start: number, end: number): void {
    this.ensure(end - start);
    const buf = this.buf;
    let at = this.length;
    for (let i = start; i < end; i++) buf[at++] = data[i]!;
    this.length = at;
  }

  /** A string as varint byte length, then UTF-8. */
  string(text: string): void {
    const bytes = encoder.encode(text);
    this.varint(bytes.length);
    this.bytes(bytes);
  }

  /** Null as 0, a string as its length + 1 then UTF-8. */
  nullableString(text: string | null): void {
    if (text === null) {
      this.varint(0);
      return;
    }
    const bytes = encoder.encode(text);
    this.varint(bytes.length + 1);
    this.bytes(bytes);
  }

  /** The bytes written so far (a view: copy before writing more if kept). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  /** A copy of the bytes written so far. */
  take(): Uint8Array {
    return this.buf.slice(0, this.length);
  }

  reset(): void {
    this.length = 0;
  }
}

/** Thrown by ByteReader on bytes that do not decode; callers turn it into a damage message. */
export class MalformedError extends Error {}

export class ByteReader {
  pos: number;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  u8(): number {
    if (this.pos >= this.end) throw new MalformedError('read past the end');
    return this.buf[this.pos++]!;
  }

  varint(): number {
    const value = readVarint(this.buf, this.pos, this.end);
    if (value < 0) throw new MalformedError('varint past the end or too long');
    this.pos = varintEnd;
    return value;
  }

  u16(): number {
    if (this.pos + 2 > this.end) throw new MalformedError('read past the end');
    const v = this.buf[this.pos]! | (this.buf[this.pos + 1]! << 8);
    this.pos += 2;
    return v;
  }

  u32(): number {
    if (this.pos + 4 > this.end) throw new MalformedError('read past the end');
    const b = this.buf;
    const p = this.pos;
    this.pos += 4;
    return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16)) + b[p + 3]! * 0x1000000;
  }

  f64(): number {
    if (this.pos + 8 > this.end) throw new MalformedError('read past the end');
    scratch.set(this.buf.subarray(this.pos, this.pos + 8));
    this.pos += 8;
    return scratchView.getFloat64(0, true);
  }

  bytes(length: number): Uint8Array {
    if (length < 0 || this.pos + length > this.end) throw new MalformedError('read past the end');
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  string(): string {
    return utf8(this.bytes(this.varint()));
  }

  nullableString(): string | null {
    const n = this.varint();
    return n === 0 ? null : utf8(this.bytes(n - 1));
  }
}

export function utf8(bytes: Uint8Array): string {
  // Ids, hashes, file names, kinds, symbols and dates are short ASCII: decoded
  // here without a call into TextDecoder (a catalog of 100,000 documents
  // decodes hundreds of thousands of them).
  if (bytes.length <= 64) {
    let ascii = true;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new MalformedError('bad UTF-8');
  }
}

export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}
