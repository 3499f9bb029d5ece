// The envelope of every large segment file: the data, cut in 4 KiB chunks,
// each with a CRC-32 kept in a table after the data, then a footer. A reader
// reads the chunks a range spans and checks exactly those (a flipped bit in
// what a search reads is damage, found there; nothing is hashed whole). The
// footer gives the data length, so a truncated or extended file is refused
// before anything in it is believed.
//
//   data (dataLength bytes) | u32 CRC per chunk | footer:
//   magic u32 | chunk size u32 | data length f64 | table CRC u32 | footer CRC u32

import type { Hash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { openRegularFile } from '../../files.js';
import { createSha256 } from '../../lazy-crypto.js';

export const CHUNK = 4096;
const MAGIC = 0x43524e55; // "UNRC"
export const FOOTER_BYTES = 24;
/** CRCs of the table read at once (4 KiB of it, covering 4 MiB of data). */
const CRC_PAGE = 1024;
/** The largest read served through a reader's reused scratch buffer (larger ones, merges' and salvage's, get their own). */
const SCRATCH_MAX = 1 << 20;

/** Where a writer's bytes go. */
export interface ByteSink {
  write(bytes: Uint8Array): void;
  /** Flushes and closes; returns the total bytes written. */
  close(): number;
}

/** A file opened for writing (created exclusively), buffered, fsynced on close. */
export class FileSink implements ByteSink {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(1 << 18);
  private used = 0;
  private total = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'wx', 0o644);
  }

  private flush(): void {
    let done = 0;
    while (done < this.used) done += writeSync(this.fd, this.buffer, done, this.used - done);
    this.used = 0;
  }

  write(bytes: Uint8Array): void {
    this.total += bytes.length;
    if (bytes.length > this.buffer.length - this.used) {
      this.flush();
      if (bytes.length > this.buffer.length) {
        let done = 0;
        while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done);
        return;
      }
    }
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  close(): number {
    try {
      this.flush();
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
    return this.total;
  }

  /** Closes without flushing (the file is being abandoned). */
  abandon(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}

export class MemorySink implements ByteSink {
  private readonly parts: Uint8Array[] = [];
  private total = 0;
  bytes: Uint8Array = new Uint8Array(0);

  write(bytes: Uint8Array): void {
    this.parts.push(bytes.slice());
    this.total += bytes.length;
  }

  close(): number {
    this.bytes = Buffer.concat(this.parts);
    this.parts.length = 0;
    return this.total;
  }
}

/** Random access to bytes: a file by positioned reads, or memory. */
export interface RandomAccess {
  readonly size: number;
  /** Exactly `length` bytes at `position` (the caller checked the bounds). */
  read(position: number, length: number): Uint8Array;
  /** The same bytes written into `into` from index `at` (memory the caller reuses: no fresh buffer per read). */
  readInto(position: number, length: number, into: Uint8Array, at: number): void;
  close(): void;
}

export class MemoryAccess implements RandomAccess {
  constructor(private readonly bytes: Uint8Array) {}
  get size(): number {
    return this.bytes.length;
  }
  read(position: number, length: number): Uint8Array {
    return this.bytes.subarray(position, position + length);
  }
  readInto(position: number, length: number, into: Uint8Array, at: number): void {
    into.set(this.bytes.subarray(position, position + length), at);
  }
  close(): void {}
}

export class FileAccess implements RandomAccess {
  readonly size: number;
  private fd: number | null;

  /** Opens `path`; throws the fs error (ENOENT and others) to the caller. */
  constructor(path: string) {
    // Only a regular file: a named pipe under a segment file's name would block the reader.
    this.fd = openRegularFile(path);
    try {
      this.size = fstatSync(this.fd).size;
    } catch (err) {
      closeSync(this.fd);
      throw err;
    }
  }

  read(position: number, length: number): Uint8Array {
    // A fresh ArrayBuffer (offset 0): typed views over it are aligned.
    const out = new Uint8Array(length);
    this.readInto(position, length, out, 0);
    return out;
  }

  readInto(position: number, length: number, into: Uint8Array, at: number): void {
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd!, into, at + done, length - done, position + done);
      if (n === 0) throw new RangeError('file ended early');
      done += n;
    }
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

export interface WrittenFile {
  bytes: number;
  sha256: string;
}

/** Streams data into chunks, checksums each, and appends the table and footer on finish. */
export class ChunkedWriter {
  private readonly chunk = new Uint8Array(CHUNK);
  private used = 0;
  private readonly crcs: number[] = [];
  private readonly hash: Hash = createSha256();
  /** Bytes of data written so far: the offset of the next byte. */
  position = 0;

  constructor(private readonly sink: ByteSink) {}

  private emit(bytes: Uint8Array): void {
    this.hash.update(bytes);
    this.sink.write(bytes);
  }

  write(bytes: Uint8Array): void {
    let from = 0;
    while (from < bytes.length) {
      const n = Math.min(CHUNK - this.used, bytes.length - from);
      this.chunk.set(bytes.subarray(from, from + n), this.used);
      this.used += n;
      from += n;
      if (this.used === CHUNK) this.flushChunk();
    }
    this.position += bytes.length;
  }

  private flushChunk(): void {
    if (this.used === 0) return;
    const data = this.chunk.subarray(0, this.used);
    this.crcs.push(crc32(data));
    this.emit(data);
    this.used = 0;
  }

  finish(): WrittenFile {
    this.flushChunk();
    const table = Buffer.alloc(this.crcs.length * 4);
    this.crcs.forEach((c, i) => table.writeUInt32LE(c, i * 4));
    this.emit(table);
    const footer = Buffer.alloc(FOOTER_BYTES);
    footer.writeUInt32LE(MAGIC, 0);
    footer.writeUInt32LE(CHUNK, 4);
    footer.writeDoubleLE(this.position, 8);
    footer.writeUInt32LE(crc32(table), 16);
    footer.writeUInt32LE(crc32(footer.subarray(0, 20)), 20);
    this.emit(footer);
    const bytes = this.sink.close();
    return { bytes, sha256: this.hash.digest('hex') };
  }
}

/** How a reader reports a problem: a damage error naming the file. */
export type Damage = (problem: string) => Error;

export interface Footer {
  dataLength: number;
  chunks: number;
  tableCrc: number;
}

/** Reads a footer; null when the file does not end in a sound one (truncated, extended, edited). */
export function readFooter(access: RandomAccess): Footer | null {
  if (access.size < FOOTER_BYTES) return null;
  const footer = Buffer.from(access.read(access.size - FOOTER_BYTES, FOOTER_BYTES));
  if (footer.readUInt32LE(0) !== MAGIC || footer.readUInt32LE(4) !== CHUNK) return null;
  if (crc32(footer.subarray(0, 20)) !== footer.readUInt32LE(20)) return null;
  const dataLength = footer.readDoubleLE(8);
  if (!Number.isSafeInteger(dataLength) || dataLength < 0) return null;
  const chunks = Math.ceil(dataLength / CHUNK);
  if (dataLength + chunks * 4 + FOOTER_BYTES !== access.size) return null;
  return { dataLength, chunks, tableCrc: footer.readUInt32LE(16) };
}

/** Reads ranges of a chunked file's data, checking the CRC of every chunk a range touches. */
export class ChunkedReader {
  readonly dataLength: number;
  private readonly chunks: number;

  constructor(
    private readonly access: RandomAccess,
    readonly file: string,
    private readonly damaged: Damage,
  ) {
    const footer = readFooter(access);
    if (!footer) throw damaged(`${file} is truncated or changed`);
    this.dataLength = footer.dataLength;
    this.chunks = footer.chunks;
  }

  /** Read-ahead for a reader that walks the file front to back (a merge): bytes loaded and verified at once. */
  private aheadBytes = 0;
  private window: Uint8Array = new Uint8Array(0);
  private windowStart = 0;

  /**
   * From now on reads load at least `bytes` (whole chunks, all verified) and
   * later reads inside what was loaded are served from it: a merge, which reads
   * every file in order, then costs one positioned read and one CRC per chunk
   * instead of several per term.
   */
  readAhead(bytes: number): void {
    this.aheadBytes = Math.max(0, Math.ceil(bytes / CHUNK) * CHUNK);
  }

  /** `length` bytes of data at `offset`, verified, in memory of their own (the caller may keep them). */
  read(offset: number, length: number): Uint8Array {
    if (length === 0) return new Uint8Array(0);
    this.checkRange(offset, length);
    if (this.aheadBytes === 0) return this.readVerified(offset, length, null);
    if (offset < this.windowStart || offset + length > this.windowStart + this.window.length) {
      const start = Math.floor(offset / CHUNK) * CHUNK;
      const end = Math.min(this.dataLength, Math.max(offset + length, start + this.aheadBytes));
      // Memory of its own per window: views of the last one stay valid for whoever holds them.
      this.window = this.readVerified(start, end - start, null);
      this.windowStart = start;
    }
    return this.window.subarray(offset - this.windowStart, offset - this.windowStart + length);
  }

  /**
   * `length` bytes of data at `offset`, verified, read into `buffer` (from
   * its start, with the rest of the chunks the range spans) when it is large
   * enough, else into a new buffer: the view of the range is returned, and its
   * `.buffer` is the memory to pass the next time. A reader that keeps a window
   * (a postings cursor) so reads into the same memory every time: on this kind
   * of machine the first touch of a fresh page costs more than the read, and a
   * search of common words reads hundreds of windows.
   */
  readWithin(offset: number, length: number, buffer: Uint8Array): Uint8Array {
    if (length === 0) return new Uint8Array(0);
    this.checkRange(offset, length);
    if (this.aheadBytes > 0) {
      const target = buffer.length >= length ? buffer : new Uint8Array(length);
      target.set(this.read(offset, length));
      return target.subarray(0, length);
    }
    return this.readVerified(offset, length, buffer);
  }

  /** `length` bytes of data at `offset`, verified, written into `into` from index `at` (through this reader's reused buffer). */
  readInto(offset: number, length: number, into: Uint8Array, at: number): void {
    into.set(this.peek(offset, length), at);
  }

  /**
   * `length` bytes of data at `offset`, verified, as a view of a buffer this
   * reader reuses: valid only until its next peek or readInto (for bytes used
   * at once: a skip table parsed, a page copied where it belongs).
   */
  peek(offset: number, length: number): Uint8Array {
    if (length === 0) return new Uint8Array(0);
    this.checkRange(offset, length);
    if (this.aheadBytes > 0) return this.read(offset, length);
    const data = this.readVerified(offset, length, this.scratch);
    // Kept when it grew, up to SCRATCH_MAX (a larger read's memory is dropped with it).
    if (data.buffer !== this.scratch.buffer && data.buffer.byteLength <= SCRATCH_MAX) this.scratch = new Uint8Array(data.buffer);
    return data;
  }

  /** peek's and readInto's buffer. */
  private scratch: Uint8Array = new Uint8Array(0);

  private checkRange(offset: number, length: number): void {
    if (!(offset >= 0 && length > 0 && offset + length <= this.dataLength)) throw this.damaged(`${this.file} range out of bounds`);
  }

  /**
   * The data of [offset, offset + length), every chunk it spans read and
   * checked: into `buffer` from its start when it holds them, else into a new
   * buffer of the span's size. Returns the view of the range.
   */
  private readVerified(offset: number, length: number, buffer: Uint8Array | null): Uint8Array {
    const first = Math.floor(offset / CHUNK);
    const last = Math.floor((offset + length - 1) / CHUNK);
    const start = first * CHUNK;
    const end = Math.min(this.dataLength, (last + 1) * CHUNK);
    let data: Uint8Array;
    try {
      data = buffer && buffer.length >= end - start ? buffer : new Uint8Array(end - start);
      this.access.readInto(start, end - start, data, 0);
    } catch {
      throw this.damaged(`${this.file} is truncated or changed`);
    }
    for (let c = first; c <= last; c++) {
      const from = (c - first) * CHUNK;
      const to = Math.min(end - start, from + CHUNK);
      if (crc32(data.subarray(from, to)) !== this.chunkCrc(c)) {
        throw this.damaged(`${this.file} fails its checksum`);
      }
    }
    return data.subarray(offset - start, offset - start + length);
  }

  /** CRC table pages read so far (a read then costs one positioned read, not two). */
  private readonly crcPages = new Map<number, Uint32Array>();

  /** The CRC of chunk c, from the table read a page of CRC_PAGE entries at a time. */
  private chunkCrc(c: number): number {
    const p = Math.floor(c / CRC_PAGE);
    let page = this.crcPages.get(p);
    if (!page) {
      const first = p * CRC_PAGE;
      const n = Math.min(CRC_PAGE, this.chunks - first);
      let bytes: Uint8Array;
      try {
        bytes = this.access.read(this.dataLength + first * 4, n * 4);
      } catch {
        throw this.damaged(`${this.file} is truncated or changed`);
      }
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      page = new Uint32Array(n);
      for (let i = 0; i < n; i++) page[i] = view.getUint32(i * 4, true);
      this.crcPages.set(p, page);
    }
    return page[c - p * CRC_PAGE]!;
  }

  /** The whole data, verified (merges and salvage). */
  readAll(): Uint8Array {
    return this.read(0, this.dataLength);
  }

  close(): void {
    this.access.close();
  }
}
