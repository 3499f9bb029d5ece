// Merges that run beside a long ingest, as Lucene's concurrent merge
// scheduler: a batch's commit publishes its new segments at once, and the
// merge the policy asks for runs on a thread of its own while the next files
// are parsed. A later commit (under the write lock) takes the merged segment
// in place of its sources, carrying over the deletions made on them since the
// merge began. If another writer merged or dropped a source meanwhile, or
// swept the unfinished output, the merge is simply dropped: the policy asks
// again. A merge that failed (out of memory, a disk error) is not tried again
// in the background: the run's last commit merges in place. One merge runs at
// a time; the last commit of a run waits for it.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SEGMENT_FILES, type SegmentFileKey } from '../index/format/files.js';
import { segmentFilePath } from './layout.js';
import type { ManifestBody, ManifestSegment } from './manifest.js';
import { type MergeJob, runMergeJob } from './merge-job.js';
import type { StreamedSegment } from './segment-files.js';

export type MergeRunner = (job: MergeJob) => Promise<StreamedSegment>;

const WORKER_FILE = fileURLToPath(new URL('./merge-worker.js', import.meta.url));

/** Heap of the merge thread: a merge holds one term's postings and a few bytes per clause. */
const MERGE_HEAP_MB = 256;

interface Running {
  job: MergeJob;
  /** Settles once, never rejects. */
  outcome: Promise<StreamedSegment | Error>;
  settled: StreamedSegment | Error | null;
  worker: Worker | null;
}

/**
 * The merge thread: started by the first merge of a run and kept for the
 * next ones. A new thread per merge compiled the merge code afresh each time
 * (a 10,000-document ingest spent several CPU-seconds optimising mergeSegments
 * alone, 23 times over its threads), and at 100,000 documents a run merges
 * twenty-odd times. Idle, it does not keep the process alive.
 */
let thread: Worker | null = null;

function mergeThread(): Worker {
  if (thread) return thread;
  const worker = new Worker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: MERGE_HEAP_MB } });
  worker.unref();
  worker.once('exit', () => {
    if (thread === worker) thread = null;
  });
  thread = worker;
  return worker;
}

let jobs = 0;

/** Runs one job on the merge thread; settles once, never rejects. The thread is dropped when it fails (out of memory). */
function runOnThread(job: MergeJob): { outcome: Promise<StreamedSegment | Error>; worker: Worker } {
  const worker = mergeThread();
  const id = ++jobs;
  const outcome = new Promise<StreamedSegment | Error>((resolve) => {
    const settle = (result: StreamedSegment | Error): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(result);
    };
    const onMessage = (m: { id: number; done?: StreamedSegment; failure?: string }): void => {
      if (m.id === id) settle(m.done ?? new Error(m.failure ?? 'the merge failed'));
    };
    const onError = (err: Error): void => {
      if (thread === worker) thread = null;
      settle(err);
    };
    const onExit = (code: number): void => settle(new Error(`the merge thread stopped (exit ${code})`));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
  worker.postMessage({ id, job });
  return { outcome, worker };
}

/** Per merge thread, how many callers wait on one of its jobs. */
const holds = new Map<Worker, number>();

/**
 * Waits for a job of the merge thread, the thread keeping the process alive
 * meanwhile; when no caller waits any more (an ingest that stops early does
 * not wait for its background merge) it does not. Counted, so that one wait
 * ending does not let go of the thread while another still waits on it.
 */
export async function held<T>(worker: Worker, outcome: Promise<T>): Promise<T> {
  const n = holds.get(worker) ?? 0;
  holds.set(worker, n + 1);
  if (n === 0) worker.ref();
  try {
    return await outcome;
  } finally {
    const left = holds.get(worker)! - 1;
    if (left > 0) holds.set(worker, left);
    else {
      holds.delete(worker);
      worker.unref();
    }
  }
}

function threadAvailable(): boolean {
  return import.meta.url.endsWith('.js') && existsSync(WORKER_FILE);
}

/** Runs a merge job on the merge thread (compiled JavaScript), else on this thread between other work. */
function startJob(job: MergeJob, runner: MergeRunner | null): { outcome: Promise<StreamedSegment | Error>; worker: Worker | null } {
  if (runner || !threadAvailable()) {
    return { outcome: (runner ?? runMergeJob)(job).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err)))), worker: null };
  }
  // An ingest that stops early does not wait for its merge; the last commit refs the thread while it waits.
  return runOnThread(job);
}

export class BackgroundMerges {
  private running: Running | null = null;
  /** The settled merge the last takeIn() looked at: taken() forgets it. */
  private considered: Running | null = null;
  /**
   * A merge failed (its thread ran out of memory, a disk error): the policy
   * would ask for the same merge at every commit, so none is started again
   * and the run's last commit merges in place.
   */
  private failed = false;

  /** `runner` replaces the merge thread (tests). */
  constructor(private readonly runner: MergeRunner | null = null) {}

  /** Is a merge running or waiting to be taken in, or left to the run's last commit? */
  get active(): boolean {
    return this.running !== null || this.failed;
  }

  /** The run's last commit merged in place as the policy says: a later run may merge in the background again. */
  mergedInPlace(): void {
    this.failed = false;
  }

  /** Can a merge start once this commit is written: none running, or only the one this commit takes in. */
  get canStart(): boolean {
    return !this.failed && (this.running === null || this.running === this.considered);
  }

  /** A merge whose result waits to be taken in. */
  get settled(): boolean {
    return this.running?.settled != null;
  }

  /** Names a sweep must leave alone: the merge's output, finished or being written. */
  protectedNames(): string[] {
    return this.running ? [this.running.job.name] : [];
  }

  /** Starts merging `sources` (entries as committed now) into `name`. Only when none is active. */
  start(dir: string, identity: string, sources: ManifestSegment[], name: string): void {
    if (this.running) throw new Error('a background merge is already running');
    const job: MergeJob = { dir, identity, sources: sources.map((s) => ({ ...s, deleted: [...s.deleted] })), name };
    const { outcome, worker } = startJob(job, this.runner);
    const running: Running = { job, outcome, settled: null, worker };
    void outcome.then((result) => (running.settled = result));
    this.running = running;
  }

  /**
   * Runs a merge the run's last commit does in place, and waits for it: on the
   * merge thread, whose code earlier merges compiled, else (or should the
   * thread fail) on this thread.
   */
  async runNow(job: MergeJob): Promise<StreamedSegment> {
    if (this.runner || !threadAvailable()) return runMergeJob(job);
    const { outcome, worker } = runOnThread(job);
    const result = await held(worker, outcome);
    return result instanceof Error ? runMergeJob(job) : result;
  }

  /** Waits for the running merge, if any, to finish. */
  async wait(): Promise<void> {
    const running = this.running;
    if (!running || running.settled) return;
    running.settled = await (running.worker ? held(running.worker, running.outcome) : running.outcome);
  }

  /**
   * `body` with the finished merge taken in, when it can be: its sources all
   * still there, its files all there. Does not forget the merge (the commit
   * may still fail and be tried again): taken() does, once committed.
   */
  takeIn(body: ManifestBody): ManifestBody {
    const running = this.running;
    if (!running?.settled) return body;
    this.considered = running;
    if (running.settled instanceof Error) {
      this.failed = true;
      return body;
    }
    const { job } = running;
    const { entry, docMaps } = running.settled;
    if (body.identity !== job.identity) return body;
    const current = job.sources.map((source) => body.segments.find((s) => s.name === source.name));
    if (current.some((c) => c === undefined)) return body;
    if ((Object.keys(SEGMENT_FILES) as SegmentFileKey[]).some((key) => !existsSync(segmentFilePath(job.dir, entry.name, key)))) return body;
    // Documents replaced in a source since the merge began are replaced in the merged segment too.
    const deleted: number[] = [];
    job.sources.forEach((source, s) => {
      const before = new Set(source.deleted);
      for (const d of current[s]!.deleted) {
        const to = before.has(d) ? -1 : docMaps[s]![d]!;
        if (to >= 0) deleted.push(to);
      }
    });
    deleted.sort((a, b) => a - b);
    const names = new Set(job.sources.map((s) => s.name));
    const segments = body.segments.filter((s) => !names.has(s.name));
    if (deleted.length < entry.docs) {
      const at = body.segments.findIndex((s) => names.has(s.name));
      segments.splice(Math.min(at, segments.length), 0, { ...entry, deleted });
    }
    return { ...body, segments };
  }

  /** After a commit: a settled merge has been taken in (or could not be, and is dropped). */
  taken(): void {
    if (this.running !== null && this.running === this.considered) this.running = null;
    this.considered = null;
  }

  /** Stops the running merge without waiting for it (an interrupted ingest); its unfinished output is swept later. */
  async abandon(): Promise<void> {
    const running = this.running;
    this.running = null;
    this.considered = null;
    await running?.worker?.terminate();
  }
}
