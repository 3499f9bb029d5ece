// Stored documents: each document's JSON, compressed with zlib (node:zlib,
// whose Adler-32 is a second check), framed by its length. Read only for the
// hits a search prints, for `show` and for rebuild; a merge copies the frames
// as they are. The frames can also be walked without the document table, so
// rebuild recovers what a damaged segment still holds.
//
//   frame = u32 compressed length | zlib stream

import { deflateSync, inflateSync } from 'node:zlib';
import { ByteReader, utf8 } from './bytes.js';
import { type ChunkedReader, type ChunkedWriter, type RandomAccess, readFooter } from './chunked.js';

export interface StoredRef {
  offset: number;
  bytes: number;
}

/** The compressed form of a document's JSON (workers compute it off the main thread). */
export function compressDocument(json: string): Uint8Array {
  return deflateSync(Buffer.from(json, 'utf8'), { level: 6 });
}

export function writeStored(out: ChunkedWriter, compressed: Uint8Array): StoredRef {
  const offset = out.position;
  const head = Buffer.alloc(4);
  head.writeUInt32LE(compressed.length, 0);
  out.write(head);
  out.write(compressed);
  return { offset, bytes: compressed.length };
}

/** The compressed frame body at `ref` (verified by the file's CRCs), for merges. */
export function readStoredRaw(file: ChunkedReader, ref: StoredRef): Uint8Array | null {
  const frame = file.read(ref.offset, ref.bytes + 4);
  if (new DataView(frame.buffer, frame.byteOffset).getUint32(0, true) !== ref.bytes) return null;
  return frame.subarray(4);
}

/** The JSON text at `ref`, or null when it does not decompress. */
export function readStored(file: ChunkedReader, ref: StoredRef): string | null {
  const raw = readStoredRaw(file, ref);
  if (!raw) return null;
  try {
    return utf8(inflateSync(raw));
  } catch {
    return null;
  }
}

/**
 * Every frame that still decompresses, in order, without the document table
 * (rebuild). With a sound footer the chunks' CRCs are checked and a frame in a
 * bad chunk is dropped; without one (truncated) the frames are walked to where
 * they stop making sense, trusting zlib's own check.
 */
export function* walkStored(access: RandomAccess, reader: ChunkedReader | null): Generator<string | null> {
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
    if (length === 0 || pos + 4 + length > end) {
      yield null;
      return;
    }
    let text: string | null = null;
    try {
      const raw = reader && footer ? reader.read(pos + 4, length) : access.read(pos + 4, length);
      text = utf8(inflateSync(raw));
    } catch {
      text = null;
    }
    yield text;
    pos += 4 + length;
  }
}
