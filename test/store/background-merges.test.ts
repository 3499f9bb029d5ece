// Merges beside a long ingest (src/store/background-merges.ts): a batch's
// commit starts the merge the policy asks for and goes on; a later commit takes
// the merged segment in, with the documents replaced meanwhile still replaced.
// The merge is held running by a runner the test releases.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { MergeRunner } from '../../src/store/background-merges.js';
import type { UnresIndex } from '../../src/store/index.js';
import { runMergeJob } from '../../src/store/merge-job.js';
import type { UnresDocument } from '../../src/types.js';
import { TempIndexes } from '../search/helpers/temp-indexes.js';
import { OPERATIVE_POOL, doc, ops } from '../search/helpers/docs.js';

const temp = new TempIndexes('bgmerge');
afterEach(() => temp.cleanUp());

/** A merge every 3 segments of one document each (segments cut every 2 clauses). */
const options = { segmentClauses: 2, mergePolicy: { mergeFactor: 3, levelBase: 1_000_000, expungeRatio: 1 } };

function document(n: number, version = 0): UnresDocument {
  const text = OPERATIVE_POOL[(n + version) % OPERATIVE_POOL.length]!;
  return doc(`A/RES/70/${100 + n}`, ops([`${text} ${'نسخة'.repeat(version + 1)}`, OPERATIVE_POOL[n % OPERATIVE_POOL.length]!]));
}

/** A runner that writes the merged segment, then waits for release() before answering. */
function heldRunner(): { runner: MergeRunner; started: () => number; written: Promise<void>; release: () => void; fail: () => void } {
  let started = 0;
  let release: (ok: boolean) => void = () => {};
  let wrote: () => void = () => {};
  const written = new Promise<void>((resolve) => (wrote = resolve));
  return {
    runner: async (job) => {
      started++;
      const wait = new Promise<boolean>((resolve) => (release = resolve));
      const done = await runMergeJob(job);
      wrote();
      if (!(await wait)) throw new Error('merge failed (test)');
      return done;
    },
    started: () => started,
    written,
    release: () => release(true),
    fail: () => release(false),
  };
}

async function hits(index: UnresIndex, query: string) {
  return (await index.search(query, { limit: 50 })).map((h) => [h.doc, h.clause, h.score]);
}

function segmentFolders(index: UnresIndex): string[] {
  return readdirSync(join(index.dir, 'segments')).sort();
}

describe('background merges', () => {
  it('take the merged segment in later, carrying over replacements made while it ran', async () => {
    const held = heldRunner();
    // Segments of two documents each.
    const index = await temp.open('held', { ...options, segmentClauses: 4, mergeRunner: held.runner });
    for (let n = 0; n < 6; n += 2) await index.ingest([document(n), document(n + 1)], { mergeInBackground: true });
    // The third commit started a merge of the three segments, and did not wait for it.
    expect(held.started()).toBe(1);
    expect(index.stats().segments).toBe(3);
    // While it runs: a document of a source is replaced, and more come.
    await index.ingest([document(1, 1)], { mergeInBackground: true });
    expect(index.stats().deletedDocuments).toBe(1);
    await held.written;
    await index.ingest([document(6)], { mergeInBackground: true });
    expect(held.started()).toBe(1);
    // The merged segment is written, not yet committed: the commits' sweeps left it alone.
    expect(segmentFolders(index)).toHaveLength(index.stats().segments + 1);
    held.release();
    // The run's last batch waits for the merge and takes it in: the replaced document stays replaced.
    await index.ingest([document(7)]);
    const stats = index.stats();
    expect(stats.documents).toBe(8);
    expect(segmentFolders(index)).toHaveLength(stats.segments);

    // The same documents ingested plainly give the same answers.
    const plain = await temp.open('plain', options);
    for (const n of [0, 2, 3, 4, 5, 6, 7]) await plain.ingest([document(n)]);
    await plain.ingest([document(1, 1)]);
    expect(plain.stats().documents).toBe(8);
    for (const query of ['الأطفال', 'نسخة', 'نسخةنسخة', 'الاتجار بالأشخاص', 'الأمين العام']) {
      expect(await hits(index, query), query).toEqual(await hits(plain, query));
    }
    const replaced = await index.search('نسخةنسخة', { limit: 50 });
    expect(replaced.map((h) => h.doc)).toEqual([document(1).id]);
    expect((await index.search('نسخة', { limit: 50 })).map((h) => h.doc)).not.toContain(document(1).id);
  });

  it('drop a merge whose source lost all its documents meanwhile', async () => {
    const held = heldRunner();
    const index = await temp.open('emptied', { ...options, mergeRunner: held.runner });
    for (let n = 0; n < 3; n++) await index.ingest([document(n)], { mergeInBackground: true });
    await index.ingest([document(1, 1)], { mergeInBackground: true });
    held.release();
    await index.ingest([document(3)]);
    expect(index.stats().documents).toBe(4);
    expect(index.stats().deletedDocuments).toBe(0);
    expect((await index.search('نسخةنسخة', { limit: 50 })).map((h) => h.doc)).toEqual([document(1).id]);
    expect((await index.search('نسخة', { limit: 50 })).map((h) => h.doc)).not.toContain(document(1).id);
  });

  it('drop a merge whose sources another writer merged meanwhile', async () => {
    const held = heldRunner();
    const index = await temp.open('gone', { ...options, mergeRunner: held.runner });
    for (let n = 0; n < 3; n++) await index.ingest([document(n)], { mergeInBackground: true });
    expect(held.started()).toBe(1);
    // Another writer (another process, as far as the index is concerned) merges everything.
    const other = await (await import('../../src/store/index.js')).UnresIndex.open(index.dir);
    await other.optimize();
    held.release();
    await index.ingest([document(3)]);
    expect(index.stats().documents).toBe(4);
    expect(index.stats().deletedDocuments).toBe(0);
    expect(segmentFolders(index)).toHaveLength(index.stats().segments);
    expect((await index.search('الأطفال', { limit: 50 })).length).toBeGreaterThan(0);
  });

  it('drop a merge that failed, and merge at the run\'s end as the policy says', async () => {
    const held = heldRunner();
    const index = await temp.open('failed', { ...options, mergeRunner: held.runner });
    for (let n = 0; n < 3; n++) await index.ingest([document(n)], { mergeInBackground: true });
    held.fail();
    // Not started again by the next batches (the policy would ask for the same merge at every commit).
    await index.ingest([document(3)], { mergeInBackground: true });
    await index.ingest([document(4)], { mergeInBackground: true });
    expect(held.started()).toBe(1);
    await index.ingest([]);
    expect(index.stats().documents).toBe(5);
    // The last commit merged in place as the policy says: three into one, then that one and the other two.
    expect(index.stats().segments).toBe(1);
    expect(segmentFolders(index)).toHaveLength(1);
  });

  it('an interrupted run abandons its merge; the next writer sweeps what it wrote', async () => {
    const held = heldRunner();
    const index = await temp.open('abandon', { ...options, mergeRunner: held.runner });
    for (let n = 0; n < 3; n++) await index.ingest([document(n)], { mergeInBackground: true });
    await held.written;
    await index.abandonMerges();
    expect(index.mergesActive).toBe(false);
    held.release();
    await index.ingest([document(3)]);
    expect(index.stats().documents).toBe(4);
    expect(segmentFolders(index)).toHaveLength(index.stats().segments);
  });
});

describe('the merge thread kept alive while anyone waits on it', () => {
  /** A stand-in for the thread: records its ref() and unref() calls. */
  function fakeThread(): { calls: string[]; worker: Worker } {
    const calls: string[] = [];
    return { calls, worker: { ref: () => calls.push('ref'), unref: () => calls.push('unref') } as unknown as Worker };
  }

  it('refs the thread once for overlapping waits and lets it go only when the last ends', async () => {
    const { held } = await import('../../src/store/background-merges.js');
    const { calls, worker } = fakeThread();
    let endFirst!: () => void;
    let endSecond!: () => void;
    const first = held(worker, new Promise<void>((resolve) => (endFirst = resolve)));
    const second = held(worker, new Promise<void>((resolve) => (endSecond = resolve)));
    expect(calls).toEqual(['ref']);
    endFirst();
    await first;
    // Two indexes merging in one process: the first wait ending must not let the process exit under the second.
    expect(calls).toEqual(['ref']);
    endSecond();
    await second;
    expect(calls).toEqual(['ref', 'unref']);
  });

  it('lets go of the thread when the job fails too', async () => {
    const { held } = await import('../../src/store/background-merges.js');
    const { calls, worker } = fakeThread();
    await expect(held(worker, Promise.reject(new Error('out of memory')))).rejects.toThrow('out of memory');
    expect(calls).toEqual(['ref', 'unref']);
  });
});
