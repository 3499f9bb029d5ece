// The files of a segment directory (see the codecs beside this file).

export const SEGMENT_FILES = {
  header: 'segment.bin',
  terms: 'terms.bin',
  postings: 'postings.bin',
  norms: 'norms.bin',
  docs: 'docs.bin',
  stored: 'stored.bin',
} as const;

export type SegmentFileKey = keyof typeof SEGMENT_FILES;

/** The chunked files (all but the header), in the order a segment is written. */
export const CHUNKED_FILES = ['terms', 'postings', 'norms', 'docs', 'stored'] as const satisfies readonly SegmentFileKey[];
