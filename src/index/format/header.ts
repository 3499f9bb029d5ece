// segment.bin: the small header that says what a segment is. Read whole and
// checked by its CRC when a segment is opened; no JSON.
//
//   "UNRESSEG" | u32 format version | index identity (varint length, UTF-8) |
//   varint documents | varint clauses | f64 field total per field (ALL_FIELDS
//   order) | per field: varint terms, blocks, sparse offset, sparse bytes |
//   u32 CRC-32 of all before

import { crc32 } from 'node:zlib';
import { ALL_FIELDS, type Field } from '../../search/fields.js';
import { ByteReader, ByteWriter, MalformedError } from './bytes.js';
import { MAX_ORDINALS } from './postings.js';
import type { FieldTermsInfo } from './terms.js';

/**
 * 3: the clause fields notes and ref (more field totals, terms, norms and document-row sums).
 * 4: documents in id order within the segment (ordinal order is the search's tie order).
 * 5: stored documents compressed in blocks of documents with Brotli (stored.ts; a row names its slot).
 * 6: the document field years (its total, terms and postings); a clause list of two blocks or more ends
 *    with a kind table (postings.ts: per block, its clause kinds and their competitive pairs).
 * 7: clause lengths in one byte each, longer ones (255 words and more) in an overflow table (norms.ts).
 * 8: a postings list of two blocks or more gives its competitive pairs ahead of its skip entries,
 *    and its kind table its pairs per kind ahead of its block entries (postings.ts), so a search bounds
 *    a long list without decoding either table whole.
 */
export const SEGMENT_FORMAT_VERSION = 8;
const MAGIC = 'UNRESSEG';

export interface SegmentHeader {
  /** The identity of the index the segment was written for. */
  identity: string;
  docCount: number;
  clauseCount: number;
  /** Sum of each field's length over all clauses (title: per clause, its document's), for BM25's average length. */
  fieldTotals: Record<Field, number>;
  terms: Record<Field, FieldTermsInfo>;
}

export function encodeHeader(h: SegmentHeader): Uint8Array {
  // Ordinals stay below the cursors' end mark (postings.ts).
  if (h.docCount >= MAX_ORDINALS || h.clauseCount >= MAX_ORDINALS) throw new Error(`a segment holds fewer than ${MAX_ORDINALS} documents and clauses`);
  const w = new ByteWriter(256);
  for (let i = 0; i < MAGIC.length; i++) w.u8(MAGIC.charCodeAt(i));
  w.u32(SEGMENT_FORMAT_VERSION);
  w.string(h.identity);
  w.varint(h.docCount);
  w.varint(h.clauseCount);
  for (const f of ALL_FIELDS) w.f64(h.fieldTotals[f]);
  for (const f of ALL_FIELDS) {
    const t = h.terms[f];
    w.varint(t.termCount);
    w.varint(t.blockCount);
    w.varint(t.sparseOffset);
    w.varint(t.sparseBytes);
  }
  w.u32(crc32(w.view()));
  return w.take();
}

/** The segment format a header names (even one this version does not read), or null when it is no segment header. */
export function segmentFormatOf(bytes: Uint8Array): number | null {
  if (bytes.length < MAGIC.length + 4) return null;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) return null;
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(MAGIC.length, true);
}

/** The header, or a one-word reason it cannot be read: 'checksum' or 'version N'. */
export function decodeHeader(bytes: Uint8Array): SegmentHeader | { problem: string } {
  if (bytes.length < MAGIC.length + 8) return { problem: 'is truncated or changed' };
  const body = bytes.subarray(0, bytes.length - 4);
  const crc = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 4, true);
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) return { problem: 'is not a segment header' };
  if (crc32(body) !== crc) return { problem: 'fails its checksum' };
  try {
    const r = new ByteReader(body, MAGIC.length);
    const version = r.u32();
    if (version !== SEGMENT_FORMAT_VERSION) return { problem: `has segment format ${version}` };
    const identity = r.string();
    const docCount = r.varint();
    const clauseCount = r.varint();
    if (docCount >= MAX_ORDINALS || clauseCount >= MAX_ORDINALS) return { problem: 'is truncated or changed' };
    const fieldTotals = {} as Record<Field, number>;
    for (const f of ALL_FIELDS) fieldTotals[f] = r.f64();
    const terms = {} as Record<Field, FieldTermsInfo>;
    for (const f of ALL_FIELDS) terms[f] = { termCount: r.varint(), blockCount: r.varint(), sparseOffset: r.varint(), sparseBytes: r.varint() };
    if (!r.done) return { problem: 'is truncated or changed' };
    return { identity, docCount, clauseCount, fieldTotals, terms };
  } catch (err) {
    if (err instanceof MalformedError) return { problem: 'is truncated or changed' };
    throw err;
  }
}
