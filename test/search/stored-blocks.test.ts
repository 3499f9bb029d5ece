// Stored documents live in compressed blocks of several documents: every
// document reads back exactly, after a merge too (full whole blocks copied,
// the survivors of others compressed again, deleted documents gone), and the
// frames can be walked without the document table, a block cut short giving
// the documents before the cut.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ChunkedWriter, MemoryAccess, MemorySink } from '../../src/index/format/chunked.js';
import { BLOCK_DOCS, StoredWriter, encodeDocument, walkStored } from '../../src/index/format/stored.js';
import { type SegmentReader, memorySource } from '../../src/index/segment-reader.js';
import type { UnresDocument } from '../../src/types.js';
import { doc, ops } from './helpers/docs.js';
import { buildSegment, mergeInMemory } from './helpers/segments.js';

function documents(from: number, count: number): UnresDocument[] {
  return Array.from({ length: count }, (_, i) => doc(`D${String(from + i).padStart(4, '0')}`, ops([`يحث الدول ${from + i} على حماية الأطفال`, 'يقرر أن يبقي المسألة قيد نظره'])));
}

const build = buildSegment;
const merge = mergeInMemory;

function storedOf(source: SegmentReader): Map<string, UnresDocument> {
  const out = new Map<string, UnresDocument>();
  for (let d = 0; d < source.docCount; d++) if (!source.deletedDocs.has(d)) out.set(source.doc(d).id, JSON.parse(source.docLine(d)) as UnresDocument);
  return out;
}

const blocksOf = (source: SegmentReader): number => new Set(source.docs().all().map((e) => e.stored.offset)).size;

describe('stored documents in blocks', () => {
  it('read back exactly, several documents to a block', () => {
    const docs = documents(0, 3 * BLOCK_DOCS + 5);
    const segment = memorySource(build(docs));
    expect(blocksOf(segment)).toBe(4);
    const stored = storedOf(segment);
    for (const d of docs) expect(stored.get(d.id)).toEqual(JSON.parse(JSON.stringify(d)));
  });

  it('survive a merge: full blocks copied, partial and deleted-from blocks compressed again, deleted documents gone', async () => {
    const a = documents(0, 2 * BLOCK_DOCS + 3); // two full blocks and a small one
    const b = documents(1000, BLOCK_DOCS); // one full block, one document of it deleted
    const c = documents(2000, 2); // one small block
    const sa = memorySource(build(a), 'a');
    const built = build(b);
    const deleted = memorySource(built, 'b').docs().findId(b[3]!.id);
    const sb = memorySource(built, 'b', new Set(deleted));
    const sc = memorySource(build(c), 'c');
    const mergedData = await merge([sa, sb, sc]);
    const merged = memorySource(mergedData, 'merged');
    const want = new Map([...a, ...b.filter((_, i) => i !== 3), ...c].map((d) => [d.id, JSON.parse(JSON.stringify(d)) as UnresDocument]));
    expect(storedOf(merged)).toEqual(want);
    // The two full blocks of a are copied as they are; the 3 + 15 + 2 others go into new blocks.
    const rawA = new Set(sa.docs().all().map((e) => Buffer.from(sa.storedRaw(e)).toString('hex')));
    const rawMerged = merged.docs().all().map((e) => Buffer.from(merged.storedRaw(e)).toString('hex'));
    expect(new Set(rawMerged.filter((r) => rawA.has(r))).size).toBe(2);
    expect(blocksOf(merged)).toBe(2 + Math.ceil((3 + BLOCK_DOCS - 1 + 2) / BLOCK_DOCS));
    // And again: a merge of the merged segment keeps them all.
    expect(storedOf(memorySource(await merge([merged]), 'again'))).toEqual(want);
  });

  it('are walked without the document table; a block cut short gives the documents before the cut', () => {
    const docs = documents(0, BLOCK_DOCS + 4);
    const data = build(docs).files.stored;
    const texts = [...walkStored(new MemoryAccess(data), null)];
    expect(texts.map((t) => (JSON.parse(t!) as UnresDocument).id)).toEqual(docs.map((d) => d.id));
    // Cut inside the last block (the footer and checksums gone too): its first documents come back.
    const sink = new MemorySink();
    const writer = new StoredWriter(new ChunkedWriter(sink));
    // Long titles of letters in no pattern (compressed little, so the block spans several of Brotli's meta-blocks).
    let x = 1;
    const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(0x621 + ((x = (x * 1103515245 + 12345) % 2147483648) >> 16) % 30)).join('');
    const big = documents(0, 4).map((d) => ({ ...d, title: letters(20_000) }));
    for (const d of big) writer.add(encodeDocument(JSON.stringify(d)));
    writer.finish();
    const whole = sink.bytes;
    const cut = whole.subarray(0, whole.length - 24 - 4 - 60);
    const recovered = [...walkStored(new MemoryAccess(cut), null)].filter((t) => t !== null).map((t) => (JSON.parse(t!) as UnresDocument).id);
    expect(recovered.length).toBeGreaterThanOrEqual(1);
    expect(recovered.length).toBeLessThan(4);
    expect(recovered).toEqual(big.slice(0, recovered.length).map((d) => d.id));
  });

  it('of a segment format before 5 (one zlib stream per document) are walked by rebuild', () => {
    const docs = documents(0, 3);
    const sink = new MemorySink();
    const out = new ChunkedWriter(sink);
    for (const d of docs) {
      const body = deflateSync(Buffer.from(JSON.stringify(d)));
      const head = Buffer.alloc(4);
      head.writeUInt32LE(body.length, 0);
      out.write(head);
      out.write(body);
    }
    out.finish();
    const texts = [...walkStored(new MemoryAccess(sink.bytes), null, true)];
    expect(texts.map((t) => (JSON.parse(t!) as UnresDocument).id)).toEqual(docs.map((d) => d.id));
  });
});
