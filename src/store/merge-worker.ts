// The thread of a merge running beside an ingest (background-merges.ts): runs
// one merge job and answers with its result, or with the error's message.

import { parentPort, workerData } from 'node:worker_threads';
import { type MergeJob, runMergeJob } from './merge-job.js';

// No pauses: nothing else runs on this thread.
runMergeJob(workerData as MergeJob, async () => {}).then(
  (done) => parentPort!.postMessage({ done }, done.docMaps.map((m) => m.buffer as ArrayBuffer)),
  (err: unknown) => parentPort!.postMessage({ failure: (err as Error)?.message ?? String(err) }),
);
