// One merge of committed segments into a new segment: what a commit does when
// the merge policy asks (commit.ts), and what a merge running beside an ingest
// does on its own thread (background-merges.ts, merge-worker.ts). The sources
// are read as the manifest entries given describe them, deletions included;
// the result says where each source's documents went, so deletions made after
// the merge began can be carried over to the merged segment.

import { type Pause, mergeSegments } from '../index/merge.js';
import type { ManifestSegment } from './manifest.js';
import { DiskSegment, type StreamedSegment, streamSegment } from './segment-files.js';

export interface MergeJob {
  /** The index folder. */
  dir: string;
  identity: string;
  /** The segments to merge, as committed when the merge began, in index order. */
  sources: ManifestSegment[];
  /** The merged segment's name. */
  name: string;
}

export async function runMergeJob(job: MergeJob, pause?: Pause): Promise<StreamedSegment> {
  const sources: DiskSegment[] = [];
  try {
    for (const entry of job.sources) sources.push(new DiskSegment(job.dir, entry, job.identity));
    return await streamSegment(job.dir, job.name, (open) => mergeSegments(sources, job.identity, open, pause));
  } finally {
    for (const s of sources) s.close();
  }
}
