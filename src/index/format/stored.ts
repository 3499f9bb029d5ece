// Stored documents: each document's JSON, compressed in blocks of up to
// BLOCK_DOCS documents (or BLOCK_BYTES of JSON) with Brotli (node:zlib), so
// what documents share (a resolution's formulas, JSON keys) is stored about
// once per block, as Lucene compresses stored fields in chunks of documents.
// Read only for the hits a search prints, for `show` and for rebuild: a read
// decompresses one block (a search caches the last few). A merge copies a
// full block whose documents all survive as it is, and compresses the others
// again. The frames can also be walked without the document table, so rebuild
// recovers what a damaged segment still holds (a block cut short yields the
// documents before the cut).
//
//   frame = u32 compressed length | Brotli stream of:
//           varint document count n | varint JSON byte length × n | the n JSON texts (UTF-8)
//
// A document's row (docs.ts) names its frame (offset and compressed length)
// and its slot in the block.

import { brotliCompressSync, brotliDecompressSync, constants, inflateSync } from 'node:zlib';
import { ByteReader, ByteWriter, MalformedError, utf8, utf8Bytes } from './bytes.js';
import { type ChunkedReader, type ChunkedWriter, type RandomAccess, readFooter } from './chunked.js';

/**
 * Documents per block at most, and JSON bytes after which a block is closed.
 * A printed hit decompresses its whole block, and a cold search prints ten
 * hits from about ten blocks. Blocks of 128 KiB (about 5 documents of the
 * bench corpus's ~24 KB of JSON) instead of 256 KiB: at 100,000 documents the
 * blocks of w1 and w3 took 24 ms instead of 35 ms of a search's CPU (--cpu-prof,
 * 6 runs each, load 6.5), for a stored.bin 24% larger (349 MB against 280 MB;
 * the whole index 0.54 × the input instead of 0.50).
 */
export const BLOCK_DOCS = 8;
const BLOCK_BYTES = 128 * 1024;
/**
 * Output buffer of a block's decompression: room for a whole block (closed
 * past BLOCK_BYTES) in one piece. With node:zlib's default 16 KB a block of
 * ~270 KB came out in 17 pieces joined at the end, and each decompression in
 * a cold search process took about 2.5 times as long (10 blocks at 100,000
 * documents: ~28 ms against ~11 ms); a larger block still decodes, in pieces.
 */
const DECODE_CHUNK = 2 * BLOCK_BYTES;
/** A block holding fewer documents is compressed again by a merge (with its neighbours), not copied. */
const FULL_BLOCK_DOCS = BLOCK_DOCS / 2;

const BROTLI = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 4,
    [constants.BROTLI_PARAM_LGWIN]: 20,
  },
};

export interface StoredRef {
  /** The frame's offset in the file. */
  offset: number;
  /** The frame's compressed length. */
  bytes: number;
  /** The document's place in its block. */
  slot: number;
}

/** A document's stored form before compression: its JSON as UTF-8 (parse workers compute it off the main thread). */
export function encodeDocument(json: string): Uint8Array {
  // A fresh buffer of its own (never Node's shared pool): workers transfer it.
  return utf8Bytes(json);
}

/** Collects documents into blocks and writes each block as one frame; the refs it hands out are complete once their block is written. */
export class StoredWriter {
  private pending: { json: Uint8Array; ref: StoredRef }[] = [];
  private pendingBytes = 0;

  constructor(private readonly out: ChunkedWriter) {}

  /** Adds a document's JSON (UTF-8); its ref's offset is set when its block is written. */
  add(json: Uint8Array): StoredRef {
    const ref: StoredRef = { offset: -1, bytes: 0, slot: this.pending.length };
    this.pending.push({ json, ref });
    this.pendingBytes += json.length;
    if (this.pending.length >= BLOCK_DOCS || this.pendingBytes >= BLOCK_BYTES) this.flush();
    return ref;
  }

  /** Bytes of JSON held for the block under way. */
  get heldBytes(): number {
    return this.pendingBytes;
  }

  /** Writes a compressed frame of another segment as it is (merges); returns its offset. */
  copyFrame(compressed: Uint8Array): number {
    return this.writeFrame(compressed);
  }

  private writeFrame(compressed: Uint8Array): number {
    const offset = this.out.position;
    const head = Buffer.alloc(4);
    head.writeUInt32LE(compressed.length, 0);
    this.out.write(head);
    this.out.write(compressed);
    return offset;
  }

  /** Writes the block under way, if any. */
  flush(): void {
    if (this.pending.length === 0) return;
    const head = new ByteWriter(16 + 4 * this.pending.length);
    head.varint(this.pending.length);
    for (const p of this.pending) head.varint(p.json.length);
    const block = Buffer.concat([head.view(), ...this.pending.map((p) => p.json)]);
    const compressed = brotliCompressSync(block, { params: { ...BROTLI.params, [constants.BROTLI_PARAM_SIZE_HINT]: block.length } });
    const offset = this.writeFrame(compressed);
    for (const p of this.pending) {
      p.ref.offset = offset;
      p.ref.bytes = compressed.length;
    }
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Writes the last block and the file's table and footer. */
  finish(): ReturnType<ChunkedWriter['finish']> {
    this.flush();
    return this.out.finish();
  }
}

/** Whether a merge may copy a block as it is: every one of its documents survives and it is not a small block. */
export function copyableBlock(documentsInBlock: number, liveInBlock: number): boolean {
  return liveInBlock === documentsInBlock && documentsInBlock >= FULL_BLOCK_DOCS;
}

/** The compressed frame body at `ref` (verified by the file's CRCs), or null when its length disagrees. */
export function readStoredRaw(file: ChunkedReader, ref: StoredRef): Uint8Array | null {
  const frame = file.read(ref.offset, ref.bytes + 4);
  if (new DataView(frame.buffer, frame.byteOffset).getUint32(0, true) !== ref.bytes) return null;
  return frame.subarray(4);
}

/**
 * The documents of a decompressed block, as many as it holds whole (a block
 * cut short yields those before the cut); null when its head is unreadable.
 */
function splitBlock(block: Uint8Array): Uint8Array[] | null {
  try {
    const r = new ByteReader(block);
    const n = r.varint();
    if (n === 0 || n > BLOCK_DOCS * 64) return null;
    const lengths: number[] = [];
    for (let i = 0; i < n; i++) lengths.push(r.varint());
    const out: Uint8Array[] = [];
    let at = r.pos;
    for (const length of lengths) {
      if (at + length > block.length) break;
      out.push(block.subarray(at, at + length));
      at += length;
    }
    return out;
  } catch (err) {
    if (err instanceof MalformedError) return null;
    throw err;
  }
}

/** A frame body decompressed and split into its documents' JSON bytes; null when it does not decompress. */
export function decodeBlock(raw: Uint8Array): Uint8Array[] | null {
  let block: Uint8Array;
  try {
    block = brotliDecompressSync(raw, { chunkSize: DECODE_CHUNK });
  } catch {
    return null;
  }
  const docs = splitBlock(block);
  return docs && docs.length > 0 ? docs : null;
}

/** Decoded blocks a reader keeps (hits of one search often share blocks). */
export class BlockCache {
  private readonly blocks = new Map<number, Uint8Array[] | null>();
  constructor(private readonly size = 8) {}

  get(file: ChunkedReader, ref: StoredRef): Uint8Array[] | null {
    let docs = this.blocks.get(ref.offset);
    if (docs === undefined) {
      const raw = readStoredRaw(file, ref);
      docs = raw ? decodeBlock(raw) : null;
      if (this.blocks.size >= this.size) this.blocks.delete(this.blocks.keys().next().value!);
      this.blocks.set(ref.offset, docs);
    }
    return docs;
  }
}

/** The JSON text at `ref`, or null when it does not decompress or the block has no such slot. */
export function readStored(file: ChunkedReader, ref: StoredRef, cache: BlockCache = new BlockCache(1)): string | null {
  const docs = cache.get(file, ref);
  const json = docs?.[ref.slot];
  if (!json) return null;
  try {
    return utf8(json);
  } catch {
    return null;
  }
}

/**
 * Every document that still decompresses, in file order, without the
 * document table (rebuild; `legacy`: a segment of format 4 or older, whose
 * frames each hold one document compressed with zlib). With a sound footer the chunks' CRCs are checked
 * and a frame in a bad chunk is dropped; without one (truncated) the frames
 * are walked to where they stop making sense, trusting Brotli's own framing,
 * and a block cut short yields the documents before the cut.
 */
export function* walkStored(access: RandomAccess, reader: ChunkedReader | null, legacy = false): Generator<string | null> {
  const footer = readFooter(access);
  const end = footer ? footer.dataLength : access.size;
  let pos = 0;
  while (pos + 4 <= end) {
    let length: number;
    try {
      length = new ByteReader(access.read(pos, 4)).u32();
    } catch {
      return;
    }
    if (length === 0) {
      yield null;
      return;
    }
    const cut = pos + 4 + length > end;
    let docs: Uint8Array[] | null = null;
    try {
      if (legacy) {
        // Segment formats before 5 (rebuild converts them): one zlib stream per document.
        if (cut) {
          yield null;
          return;
        }
        docs = [inflateSync(reader && footer ? reader.read(pos + 4, length) : access.read(pos + 4, length))];
      } else if (cut) {
        // What is left of the last frame: Brotli gives what it can decode before the cut.
        const raw = access.read(pos + 4, end - pos - 4);
        docs = splitBlock(brotliDecompressSync(raw, { finishFlush: constants.BROTLI_OPERATION_FLUSH }));
      } else {
        const raw = reader && footer ? reader.read(pos + 4, length) : access.read(pos + 4, length);
        docs = decodeBlock(raw);
      }
    } catch {
      docs = null;
    }
    if (!docs) yield null;
    else {
      for (const json of docs) {
        let text: string | null = null;
        try {
          text = utf8(json);
        } catch {
          text = null;
        }
        yield text;
      }
    }
    if (cut) return;
    pos += 4 + length;
  }
}
