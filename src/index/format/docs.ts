// The document table of a segment, fixed-width where a search needs speed:
//   u32 document count
//   u32 clause start per document, and one past the last (the clause ranges)
//   one row per document (52 bytes): stored frame offset f64, stored bytes u32,
//     strings offset f64, strings bytes u32, title length u16, kind code u8,
//     slot in the stored block u8 (stored.ts), then the summed lengths of its clauses' fields in CLAUSE_FIELDS
//     order (u32 each: BM25 statistics without the deleted ones)
//   u32 per document: the document ordinals ordered by the sha256 of their
//     source (with documents in id order, src/index/builder.ts, an id or a
//     source's sha256 is found by binary search: adding one file to a large
//     index reads a few pages, not every document)
//   the strings: per document id, sha256, source name, kind, symbol, title,
//     adoption date (varint length + 1 and UTF-8, 0 for null)

import { firstAtLeast } from '../sorted.js';
import { CLAUSE_FIELDS, DOCUMENT_KINDS } from '../../search/fields.js';
import { ByteReader, ByteWriter, LITTLE_ENDIAN, MalformedError } from './bytes.js';
import type { ChunkedReader, ChunkedWriter, Damage } from './chunked.js';
import { DocKeyIndex, keyHash } from './doc-keys.js';
import type { StoredRef } from './stored.js';

export const DOC_ROW_BYTES = 28 + 4 * CLAUSE_FIELDS.length;
const ROWS_PER_PAGE = Math.floor(4096 / DOC_ROW_BYTES); // ~4 KiB of rows per read
const STRINGS_PAGE = 16 * 1024;

/** Everything the index keeps about a document outside its stored JSON. */
export interface DocEntry {
  id: string;
  /** sha256 of the source file's bytes: an unchanged file is not ingested again. */
  sha256: string;
  /** The source file's base name, as hits report it. */
  source: string;
  kind: string;
  symbol: string | null;
  title: string | null;
  /** Adoption date (YYYY-MM-DD), for date filters. */
  adopted: string | null;
  clauseStart: number;
  clauseCount: number;
  /** Words in the analysed title (the document field's length). */
  titleLength: number;
  stored: StoredRef;
  /** Summed lengths of the document's clause fields, in CLAUSE_FIELDS order. */
  sums: number[];
}

/** The fixed-width part of a row. */
export interface DocRow {
  clauseStart: number;
  clauseCount: number;
  titleLength: number;
  kindCode: number;
  stored: StoredRef;
  sums: number[];
  stringsOffset: number;
  stringsBytes: number;
}

export function documentKindCode(kind: string): number {
  const code = (DOCUMENT_KINDS as readonly string[]).indexOf(kind);
  return code < 0 ? 255 : code;
}

/** Collects rows in memory (DOC_ROW_BYTES and the strings per document), written at the end. */
export class DocTableWriter {
  private readonly rows = new ByteWriter(4096);
  private readonly strings = new ByteWriter(4096);
  private readonly starts: number[] = [0];
  private readonly hashes: string[] = [];

  get count(): number {
    return this.starts.length - 1;
  }

  add(entry: Omit<DocEntry, 'clauseStart'>): void {
    const clauseStart = this.starts[this.starts.length - 1]!;
    this.starts.push(clauseStart + entry.clauseCount);
    const stringsOffset = this.strings.length;
    this.hashes.push(entry.sha256);
    this.strings.string(entry.id);
    this.strings.string(entry.sha256);
    this.strings.string(entry.source);
    this.strings.string(entry.kind);
    this.strings.nullableString(entry.symbol);
    this.strings.nullableString(entry.title);
    this.strings.nullableString(entry.adopted);
    this.rows.f64(entry.stored.offset);
    this.rows.u32(entry.stored.bytes);
    this.rows.f64(stringsOffset);
    this.rows.u32(this.strings.length - stringsOffset);
    this.rows.u16(entry.titleLength);
    this.rows.u8(documentKindCode(entry.kind));
    this.rows.u8(entry.stored.slot);
    for (let f = 0; f < CLAUSE_FIELDS.length; f++) this.rows.u32(entry.sums[f]!);
  }

  write(out: ChunkedWriter): void {
    const head = new ByteWriter(4 + this.starts.length * 4);
    head.u32(this.count);
    for (const s of this.starts) head.u32(s);
    out.write(head.view());
    out.write(this.rows.view());
    const hashes = this.hashes;
    const order = Array.from(hashes.keys()).sort((a, b) => (hashes[a]! < hashes[b]! ? -1 : hashes[a]! > hashes[b]! ? 1 : a - b));
    const byHash = new ByteWriter(4 * order.length + 4);
    for (const d of order) byHash.u32(d);
    out.write(byHash.view());
    out.write(this.strings.view());
  }
}

/** The fixed-width row of document d, at `at` in `bytes` (the one place that knows the row's layout on reading). */
function decodeRow(bytes: Uint8Array, at: number, starts: Uint32Array, d: number): DocRow {
  const r = new ByteReader(bytes, at, at + DOC_ROW_BYTES);
  const stored = { offset: r.f64(), bytes: r.u32(), slot: 0 };
  const stringsOffset = r.f64();
  const stringsBytes = r.u32();
  const titleLength = r.u16();
  const kindCode = r.u8();
  stored.slot = r.u8();
  const sums = CLAUSE_FIELDS.map(() => r.u32());
  return { clauseStart: starts[d]!, clauseCount: starts[d + 1]! - starts[d]!, titleLength, kindCode, stored, sums, stringsOffset, stringsBytes };
}

/**
 * Is every value at least the one before? Answered by native code (a sorted
 * copy compared byte for byte): a search checks a large segment's 50,000
 * clause starts in a new process, where a plain loop over them runs
 * interpreted and costs several milliseconds.
 */
function ascending(values: Uint32Array): boolean {
  const sorted = values.slice().sort();
  return Buffer.compare(Buffer.from(sorted.buffer, sorted.byteOffset, sorted.byteLength), Buffer.from(values.buffer, values.byteOffset, values.byteLength)) === 0;
}

export class DocTableReader {
  readonly count: number;
  private startsCache: Uint32Array | null = null;
  private readonly pages = new Map<number, Uint8Array>();
  private readonly entries = new Map<number, DocEntry>();
  private readonly stringsBase: number;
  private readonly byHashBase: number;
  private byHashPages = new Map<number, Uint8Array>();

  constructor(
    private readonly file: ChunkedReader,
    expectedCount: number,
    private readonly damaged: Damage,
  ) {
    if (file.dataLength < 4) throw this.bad();
    const head = file.read(0, 4);
    this.count = new DataView(head.buffer, head.byteOffset).getUint32(0, true);
    if (this.count !== expectedCount) throw this.bad();
    this.byHashBase = 4 + (this.count + 1) * 4 + this.count * DOC_ROW_BYTES;
    this.stringsBase = this.byHashBase + this.count * 4;
    if (this.stringsBase > file.dataLength) throw this.bad();
  }

  private bad(): Error {
    return this.damaged('docs.bin holds a malformed document table');
  }

  /** Clause start of every document, and one past the last. */
  starts(): Uint32Array {
    if (!this.startsCache) {
      const bytes = this.file.read(4, (this.count + 1) * 4);
      let starts: Uint32Array;
      // A view of the bytes read when they lie aligned (reads land in a fresh buffer: they do), not a
      // copy: at 100,000 documents each large segment's table is 200 KB of fresh pages to fault in.
      if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) starts = new Uint32Array(bytes.buffer, bytes.byteOffset, this.count + 1);
      else {
        starts = new Uint32Array(this.count + 1);
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        for (let i = 0; i <= this.count; i++) starts[i] = view.getUint32(i * 4, true);
      }
      if (!ascending(starts) || starts[0] !== 0) throw this.bad();
      this.startsCache = starts;
    }
    return this.startsCache;
  }

  /** The document holding a clause ordinal. */
  docOfClause(ordinal: number): number {
    // The last document starting at or before the ordinal (the first starts at 0).
    return firstAtLeast(this.starts(), ordinal + 1, 1, this.count) - 1;
  }

  private rowBytes(d: number): { bytes: Uint8Array; at: number } {
    if (!(d >= 0 && d < this.count)) throw this.damaged(`no document ${d}`);
    const page = Math.floor(d / ROWS_PER_PAGE);
    let bytes = this.pages.get(page);
    if (!bytes) {
      const first = page * ROWS_PER_PAGE;
      const n = Math.min(ROWS_PER_PAGE, this.count - first);
      bytes = this.file.read(4 + (this.count + 1) * 4 + first * DOC_ROW_BYTES, n * DOC_ROW_BYTES);
      if (this.pages.size > 1024) this.pages.clear();
      this.pages.set(page, bytes);
    }
    return { bytes, at: (d % ROWS_PER_PAGE) * DOC_ROW_BYTES };
  }

  row(d: number): DocRow {
    const { bytes, at } = this.rowBytes(d);
    return decodeRow(bytes, at, this.starts(), d);
  }

  private decodeStrings(row: DocRow, bytes: Uint8Array, at: number): DocEntry {
    try {
      const r = new ByteReader(bytes, at, at + row.stringsBytes);
      const entry: DocEntry = {
        id: r.string(),
        sha256: r.string(),
        source: r.string(),
        kind: r.string(),
        symbol: r.nullableString(),
        title: r.nullableString(),
        adopted: r.nullableString(),
        clauseStart: row.clauseStart,
        clauseCount: row.clauseCount,
        titleLength: row.titleLength,
        stored: row.stored,
        sums: row.sums,
      };
      if (!r.done) throw new MalformedError('trailing bytes');
      return entry;
    } catch (err) {
      if (err instanceof MalformedError) throw this.bad();
      throw err;
    }
  }

  /** A document's id and source sha256 only (the first two of its strings). */
  keys(d: number): { id: string; sha256: string } {
    return this.entries.get(d) ?? this.readStrings(d, (r) => ({ id: r.string(), sha256: r.string() }));
  }

  /** A document's id, source name and symbol only (its title is not decoded). */
  names(d: number): { id: string; source: string; symbol: string | null } {
    return (
      this.entries.get(d) ??
      this.readStrings(d, (r) => {
        const id = r.string();
        r.bytes(r.varint()); // sha256
        const source = r.string();
        r.bytes(r.varint()); // kind
        return { id, source, symbol: r.nullableString() };
      })
    );
  }

  /** Reads the start of document d's strings with `read`; a malformed record is damage. */
  private readStrings<T>(d: number, read: (r: ByteReader) => T): T {
    const row = this.row(d);
    if (this.stringsBase + row.stringsOffset + row.stringsBytes > this.file.dataLength) throw this.bad();
    const { bytes, at } = this.stringsAt(row.stringsOffset, row.stringsBytes);
    try {
      return read(new ByteReader(bytes, at, at + row.stringsBytes));
    } catch (err) {
      if (err instanceof MalformedError) throw this.bad();
      throw err;
    }
  }

  /** The k-th document in sha256 order. */
  private byHash(k: number): number {
    const perPage = 1024;
    const page = Math.floor(k / perPage);
    let bytes = this.byHashPages.get(page);
    if (!bytes) {
      const first = page * perPage;
      bytes = this.file.read(this.byHashBase + first * 4, Math.min(perPage, this.count - first) * 4);
      this.byHashPages.set(page, bytes);
    }
    const d = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32((k % perPage) * 4, true);
    if (d >= this.count) throw this.bad();
    return d;
  }

  /** Ordinals of the documents with this id (documents are in id order: a binary search). */
  findId(id: string): number[] {
    return this.equalRange(this.count, (k) => k, (d) => this.keys(d).id, id);
  }

  /** Ordinals of the documents whose source has this sha256 (a binary search in the sha256 order). */
  findSha256(sha256: string): number[] {
    return this.equalRange(this.count, (k) => this.byHash(k), (d) => this.keys(d).sha256, sha256);
  }

  /** The documents at positions k of an order where key(at(k)) ascends, whose key equals `wanted`. */
  private equalRange(n: number, at: (k: number) => number, key: (d: number) => string, wanted: string): number[] {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(at(mid)) < wanted) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let k = lo; k < n; k++) {
      const d = at(k);
      if (key(d) !== wanted) break;
      out.push(d);
    }
    return out;
  }

  entry(d: number): DocEntry {
    const known = this.entries.get(d);
    if (known) return known;
    const entry = this.readEntry(d);
    if (this.entries.size > 4096) this.entries.clear();
    this.entries.set(d, entry);
    return entry;
  }

  private readEntry(d: number): DocEntry {
    const row = this.row(d);
    if (this.stringsBase + row.stringsOffset + row.stringsBytes > this.file.dataLength) throw this.bad();
    const { bytes, at } = this.stringsAt(row.stringsOffset, row.stringsBytes);
    return this.decodeStrings(row, bytes, at);
  }

  private readonly stringPages = new Map<number, Uint8Array>();

  /**
   * The strings of one document, from a cached 16 KiB page of the strings area
   * (a search that breaks ties reads the ids of thousands of documents, most
   * of them neighbours): one verified read per page, not one per document.
   */
  private stringsAt(offset: number, length: number): { bytes: Uint8Array; at: number } {
    const page = Math.floor(offset / STRINGS_PAGE);
    if (offset + length > (page + 1) * STRINGS_PAGE) return { bytes: this.file.read(this.stringsBase + offset, length), at: 0 };
    let bytes = this.stringPages.get(page);
    if (!bytes) {
      const from = this.stringsBase + page * STRINGS_PAGE;
      bytes = this.file.read(from, Math.min(STRINGS_PAGE, this.file.dataLength - from));
      if (this.stringPages.size > 256) this.stringPages.clear();
      this.stringPages.set(page, bytes);
    }
    return { bytes, at: offset - page * STRINGS_PAGE };
  }

  /** The id and sha256 of every document, hashed, as two key indexes (two reads). */
  keyIndexes(): { id: DocKeyIndex; sha256: DocKeyIndex } {
    const rowsFrom = 4 + (this.count + 1) * 4;
    const rows = this.file.read(rowsFrom, this.count * DOC_ROW_BYTES);
    const strings = this.file.read(this.stringsBase, this.file.dataLength - this.stringsBase);
    const starts = this.starts();
    const ids = new Float64Array(this.count);
    const shas = new Float64Array(this.count);
    try {
      for (let d = 0; d < this.count; d++) {
        const { stringsOffset, stringsBytes } = decodeRow(rows, d * DOC_ROW_BYTES, starts, d);
        if (stringsOffset + stringsBytes > strings.length) throw this.bad();
        const s = new ByteReader(strings, stringsOffset, stringsOffset + stringsBytes);
        const idLength = s.varint();
        ids[d] = keyHash(strings, s.pos, s.pos + idLength);
        s.bytes(idLength);
        const shaLength = s.varint();
        shas[d] = keyHash(strings, s.pos, s.pos + shaLength);
        s.bytes(shaLength);
      }
    } catch (err) {
      if (err instanceof MalformedError) throw this.bad();
      throw err;
    }
    return { id: DocKeyIndex.fromHashes(ids), sha256: DocKeyIndex.fromHashes(shas) };
  }

  /** Every entry, read in two reads (catalogs, merges). */
  all(): DocEntry[] {
    const rowsFrom = 4 + (this.count + 1) * 4;
    const rows = this.file.read(rowsFrom, this.count * DOC_ROW_BYTES);
    const strings = this.file.read(this.stringsBase, this.file.dataLength - this.stringsBase);
    const starts = this.starts();
    const out: DocEntry[] = [];
    for (let d = 0; d < this.count; d++) {
      const row = decodeRow(rows, d * DOC_ROW_BYTES, starts, d);
      if (row.stringsOffset + row.stringsBytes > strings.length) throw this.bad();
      out.push(this.decodeStrings(row, strings, row.stringsOffset));
    }
    return out;
  }
}
