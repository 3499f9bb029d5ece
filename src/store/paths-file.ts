// One file of the paths table (src/store/paths.ts): for some documents, the
// absolute paths of the files holding their text, looked up by document id
// and by path with binary searches, so a lookup reads a few pages of a large
// table, not all of it. In the chunked envelope of the segment files
// (src/index/format/chunked.ts): a CRC per 4 KiB chunk, so what is read is
// verified and nothing is hashed whole.
//
//   u32 record count R | u32 path count P
//   u32 per record: its offset in the records area (records are in id order)
//   u32 pair per path, in path order: its record, the offset of its string in the records area
//   records: per document: id, varint path count n, n paths (sorted)
//
// A record with no paths says the document holds none any more (a later file
// of the table overrides an earlier one; the oldest file keeps none of them).
// Strings are a varint (byte length × 2, + 1 for UTF-16LE) and the bytes:
// UTF-8, or UTF-16LE for a file name that is not UTF-8 (its bytes are kept as
// lone surrogates, src/files.ts, which UTF-8 cannot carry).

import { ByteReader, ByteWriter, MalformedError, utf8 } from '../index/format/bytes.js';
import { type ChunkedReader, ChunkedWriter, FileSink, type WrittenFile } from '../index/format/chunked.js';

const HEAD_BYTES = 8;
const OFFSETS_PER_PAGE = 1024;
const PAIRS_PER_PAGE = 512;
const RECORDS_PAGE = 16 * 1024;

/** Whether a string holds a lone surrogate (a byte of a file name that is not UTF-8). */
function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return true;
  }
  return false;
}

function writeString(out: ByteWriter, text: string): void {
  const wide = hasLoneSurrogate(text);
  const bytes = wide ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf8');
  out.varint(bytes.length * 2 + (wide ? 1 : 0));
  out.bytes(bytes);
}

function readString(r: ByteReader): string {
  const n = r.varint();
  const bytes = r.bytes(Math.floor(n / 2));
  if (n % 2 === 0) return utf8(bytes);
  if (bytes.length % 2 !== 0) throw new MalformedError('odd UTF-16');
  return Buffer.from(bytes).toString('utf16le');
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Writes entries (any order; each id once) to a new file at `path`, fsynced.
 * Empty path lists are written as they are (they override an older file).
 */
export function writePathsFile(path: string, entries: Iterable<readonly [string, readonly string[]]>): WrittenFile {
  const sorted = [...entries].sort((a, b) => byString(a[0], b[0]));
  const records = new ByteWriter(4096);
  const recordOffsets: number[] = [];
  const pairs: { path: string; record: number; offset: number }[] = [];
  sorted.forEach(([id, paths], k) => {
    recordOffsets.push(records.length);
    writeString(records, id);
    const list = [...paths].sort(byString);
    records.varint(list.length);
    for (const p of list) {
      pairs.push({ path: p, record: k, offset: records.length });
      writeString(records, p);
    }
  });
  pairs.sort((a, b) => byString(a.path, b.path));
  const index = new ByteWriter(HEAD_BYTES + 4 * recordOffsets.length + 8 * pairs.length);
  index.u32(sorted.length);
  index.u32(pairs.length);
  for (const o of recordOffsets) index.u32(o);
  for (const p of pairs) {
    index.u32(p.record);
    index.u32(p.offset);
  }
  const out = new ChunkedWriter(new FileSink(path));
  out.write(index.view());
  out.write(records.view());
  return out.finish();
}

/** Reads one paths file by positioned, verified reads. */
export class PathsFileReader {
  readonly records: number;
  readonly pathCount: number;
  private readonly pairsBase: number;
  private readonly recordsBase: number;
  private readonly offsetPages = new Map<number, Uint8Array>();
  private readonly pairPages = new Map<number, Uint8Array>();
  private readonly recordPages = new Map<number, Uint8Array>();

  constructor(
    private readonly file: ChunkedReader,
    private readonly bad: () => Error,
  ) {
    if (file.dataLength < HEAD_BYTES) throw bad();
    const head = new ByteReader(file.read(0, HEAD_BYTES));
    this.records = head.u32();
    this.pathCount = head.u32();
    this.pairsBase = HEAD_BYTES + 4 * this.records;
    this.recordsBase = this.pairsBase + 8 * this.pathCount;
    if (this.recordsBase > file.dataLength) throw bad();
  }

  private page(cache: Map<number, Uint8Array>, from: number, pageBytes: number, page: number, end: number): Uint8Array {
    let bytes = cache.get(page);
    if (!bytes) {
      const start = from + page * pageBytes;
      bytes = this.file.read(start, Math.min(pageBytes, end - start));
      if (cache.size > 256) cache.clear();
      cache.set(page, bytes);
    }
    return bytes;
  }

  private u32At(cache: Map<number, Uint8Array>, base: number, width: number, perPage: number, k: number, field: number, count: number): number {
    const page = Math.floor(k / perPage);
    const bytes = this.page(cache, base, perPage * width, page, base + count * width);
    const at = (k % perPage) * width + field * 4;
    if (at + 4 > bytes.length) throw this.bad();
    return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at, true);
  }

  /** A reader of the records area from `offset` (a page, or a direct read for what crosses pages). */
  private recordsAt(offset: number): ByteReader {
    const end = this.file.dataLength - this.recordsBase;
    if (!(offset >= 0 && offset < end)) throw this.bad();
    const page = Math.floor(offset / RECORDS_PAGE);
    const bytes = this.page(this.recordPages, this.recordsBase, RECORDS_PAGE, page, this.file.dataLength);
    return new ByteReader(bytes, offset - page * RECORDS_PAGE);
  }

  /** Decodes with `read` from `offset`; retried over a direct read when the value crosses a page. */
  private decodeAt<T>(offset: number, read: (r: ByteReader) => T): T {
    try {
      try {
        return read(this.recordsAt(offset));
      } catch (err) {
        if (!(err instanceof MalformedError)) throw err;
        const rest = this.file.dataLength - this.recordsBase - offset;
        try {
          return read(new ByteReader(this.file.read(this.recordsBase + offset, Math.min(rest, 64 * 1024))));
        } catch (again) {
          if (!(again instanceof MalformedError) || rest <= 64 * 1024) throw again;
          return read(new ByteReader(this.file.read(this.recordsBase + offset, rest)));
        }
      }
    } catch (err) {
      if (err instanceof MalformedError) throw this.bad();
      throw err;
    }
  }

  private recordOffset(k: number): number {
    return this.u32At(this.offsetPages, HEAD_BYTES, 4, OFFSETS_PER_PAGE, k, 0, this.records);
  }

  private idAt(k: number): string {
    return this.decodeAt(this.recordOffset(k), readString);
  }

  private record(k: number): [string, string[]] {
    return this.decodeAt(this.recordOffset(k), (r) => {
      const id = readString(r);
      const n = r.varint();
      const paths: string[] = [];
      for (let i = 0; i < n; i++) paths.push(readString(r));
      return [id, paths];
    });
  }

  /** The paths this file records for `id` ([] when it records that there are none), or undefined when it says nothing of it. */
  find(id: string): string[] | undefined {
    let lo = 0;
    let hi = this.records;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.idAt(mid) < id) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.records) return undefined;
    const [found, paths] = this.record(lo);
    return found === id ? paths : undefined;
  }

  /** The id this file records as holding `path`, if any. */
  holder(path: string): string | undefined {
    const pathAt = (k: number) => this.decodeAt(this.u32At(this.pairPages, this.pairsBase, 8, PAIRS_PER_PAGE, k, 1, this.pathCount), readString);
    let lo = 0;
    let hi = this.pathCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pathAt(mid) < path) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.pathCount || pathAt(lo) !== path) return undefined;
    const record = this.u32At(this.pairPages, this.pairsBase, 8, PAIRS_PER_PAGE, lo, 0, this.pathCount);
    if (record >= this.records) throw this.bad();
    return this.idAt(record);
  }

  /** Every record, in id order (one read of the records area). */
  entries(): [string, string[]][] {
    const out: [string, string[]][] = [];
    const r = new ByteReader(this.file.read(this.recordsBase, this.file.dataLength - this.recordsBase));
    try {
      for (let k = 0; k < this.records; k++) {
        const id = readString(r);
        const n = r.varint();
        const paths: string[] = [];
        for (let i = 0; i < n; i++) paths.push(readString(r));
        out.push([id, paths]);
      }
      if (!r.done) throw new MalformedError('trailing bytes');
    } catch (err) {
      if (err instanceof MalformedError) throw this.bad();
      throw err;
    }
    return out;
  }

  close(): void {
    this.file.close();
  }
}
