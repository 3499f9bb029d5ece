// Rebuild reads the stored documents of every segment format it meets: per-document zlib streams in formats
// 2 to 4, blocks from format 5 on. The test once compared with the current format, so bumping the format
// (6 -> 7) made rebuild take every format-6 segment of an index being upgraded for the old kind.
import { describe, expect, it } from 'vitest';
import { SEGMENT_FORMAT_VERSION } from '../../src/index/format/header.js';
import { storesDocumentStreams } from '../../src/store/salvage.js';

describe('stored documents by segment format', () => {
  it('are per-document streams in formats 2 to 4 only', () => {
    for (const format of [2, 3, 4]) expect(storesDocumentStreams(format), `format ${format}`).toBe(true);
    for (const format of [5, 6, 7, SEGMENT_FORMAT_VERSION]) expect(storesDocumentStreams(format), `format ${format}`).toBe(false);
    expect(storesDocumentStreams(1)).toBe(false);
  });
});
