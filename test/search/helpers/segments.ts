// Segments built and merged in memory, for tests of the segment format and merges.
import { SegmentBuilder, type SegmentData } from '../../../src/index/builder.js';
import { MemorySink } from '../../../src/index/format/chunked.js';
import { SEGMENT_FILES, type SegmentFileKey } from '../../../src/index/format/files.js';
import { mergeSegments } from '../../../src/index/merge.js';
import type { SegmentReader } from '../../../src/index/segment-reader.js';
import type { UnresDocument } from '../../../src/types.js';

/** One segment holding `docs`, in memory. */
export function buildSegment(docs: UnresDocument[]): SegmentData {
  const b = new SegmentBuilder();
  for (const d of docs) b.add(d);
  return b.finish('test');
}

/** The segment a merge of `sources` writes, in memory. */
export async function mergeInMemory(sources: SegmentReader[]): Promise<SegmentData> {
  const sinks = new Map<SegmentFileKey, MemorySink>();
  const merged = await mergeSegments(sources, 'test', (key) => {
    const sink = new MemorySink();
    sinks.set(key, sink);
    return sink;
  });
  const files = Object.fromEntries((Object.keys(SEGMENT_FILES) as SegmentFileKey[]).map((k) => [k, sinks.get(k)!.bytes])) as SegmentData['files'];
  return { header: merged.header, files };
}
