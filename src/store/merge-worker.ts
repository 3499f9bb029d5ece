// The merge thread of a long ingest (background-merges.ts): runs the merge
// jobs it is sent, one at a time, and answers each with its result or its
// error's message. One thread serves the whole run, so the merge code is
// compiled once rather than in a new thread for every merge.

import { parentPort } from 'node:worker_threads';
import { type MergeJob, runMergeJob } from './merge-job.js';

parentPort!.on('message', ({ id, job }: { id: number; job: MergeJob }) => {
  // No pauses: nothing else runs on this thread.
  runMergeJob(job, async () => {}).then(
    (done) => parentPort!.postMessage({ id, done }, done.docMaps.map((m) => m.buffer as ArrayBuffer)),
    (err: unknown) => parentPort!.postMessage({ id, failure: (err as Error)?.message ?? String(err) }),
  );
});
