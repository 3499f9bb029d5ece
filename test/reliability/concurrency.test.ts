// Several `unres ingest` processes on one index at once: all succeed (they
// queue on the write lock), or fail cleanly with exit 3 and one line when told
// not to wait; afterwards every document is there exactly once. Readers
// running meanwhile never fail. See docs/reliability.md ("Concurrency").
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineFailure, setUpCli, tearDownCli, unres } from './support/cli.js';
import { docId, expectExactly, parseSummary, range, readWhile, writeDocuments } from './support/writers.js';

const PROCESSES = 6;
const PER_PROCESS = 4;
/** Fewer in the update trial, which also runs readers: the slow suite runs more. */
const UPDATERS = 4;

let scratch: string;

beforeAll(async () => {
  scratch = await setUpCli('concurrency');
}, 120_000);

afterAll(tearDownCli);

describe(`${PROCESSES} processes ingesting into one index at once`, () => {
  it('all succeed; each document is there once, a file given to all of them too', async () => {
    const index = join(scratch, 'together');
    const expected = new Map<string, string>();
    const shared = join(scratch, 'together-shared');
    for (const [id, sha] of writeDocuments(shared, [999], 1)) expected.set(id, sha);
    const runs = range(0, PROCESSES).map((p) => {
      const dir = join(scratch, `together-${p}`);
      for (const [id, sha] of writeDocuments(dir, range(p * 100, PER_PROCESS), 1)) expected.set(id, sha);
      return unres(['ingest', dir, join(shared, `${docId(999)}.txt`), '--index', index]);
    });
    const results = await Promise.all(runs);
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    const summaries = results.map(parseSummary);
    // The shared file is added by exactly one of them; the others find it there.
    expect(summaries.reduce((n, s) => n + s.added, 0)).toBe(PROCESSES * PER_PROCESS + 1);
    expect(summaries.reduce((n, s) => n + s.unchanged, 0)).toBe(PROCESSES - 1);
    await expectExactly(index, expected);
  }, 60_000);

  it('fail cleanly with exit 3 when told not to wait for the lock; what they wrote is whole, and a retry succeeds', async () => {
    const index = join(scratch, 'impatient');
    const dirs = range(0, PROCESSES).map((p) => join(scratch, `impatient-${p}`));
    const versions = dirs.map((dir, p) => writeDocuments(dir, range(p * 100, PER_PROCESS), 1));
    const results = await Promise.all(dirs.map((dir) => unres(['ingest', dir, '--index', index], { env: { UNRES_LOCK_WAIT_MS: '0' } })));
    const expected = new Map<string, string>();
    const retry: number[] = [];
    for (const [p, result] of results.entries()) {
      if (result.code === 0) {
        expect(result.stdout).toBe(`${PER_PROCESS} added, 0 updated, 0 unchanged, 0 failed\n`);
        for (const [id, sha] of versions[p]!) expected.set(id, sha);
      } else {
        expect(expectOneLineFailure(result, 3)).toMatch(/locked by another unres process \(waited 0\.0 s\): try again when it has finished, or set UNRES_LOCK_WAIT_MS/);
        retry.push(p);
      }
    }
    console.log(`with UNRES_LOCK_WAIT_MS=0: ${PROCESSES - retry.length} of ${PROCESSES} got the lock, ${retry.length} exited 3`);
    // Only the runs that succeeded left documents, each whole.
    await expectExactly(index, expected);

    const retried = await Promise.all(retry.map((p) => unres(['ingest', dirs[p]!, '--index', index])));
    for (const result of retried) expect(result.stdout, result.stderr).toBe(`${PER_PROCESS} added, 0 updated, 0 unchanged, 0 failed\n`);
    for (const shas of versions) for (const [id, sha] of shas) expected.set(id, sha);
    await expectExactly(index, expected);
  }, 60_000);

  it('update documents while readers run: no reader ever fails, every document ends in its last version', async () => {
    const index = join(scratch, 'updating');
    const dirs = range(0, UPDATERS).map((p) => join(scratch, `updating-${p}`));
    const expected = new Map<string, string>();
    dirs.forEach((dir, p) => writeDocuments(dir, range(p * 100, PER_PROCESS), 1));
    const first = await unres(['ingest', ...dirs, '--index', index]);
    expect(first.stdout, first.stderr).toBe(`${UPDATERS * PER_PROCESS} added, 0 updated, 0 unchanged, 0 failed\n`);
    const ids = [...range(0, UPDATERS)].flatMap((p) => range(p * 100, PER_PROCESS).map(docId));

    // Each process replaces its documents twice: replaced segments are swept under the readers.
    const writers = Promise.all(
      dirs.map(async (dir, p) => {
        for (const version of [2, 3]) {
          const shas = writeDocuments(dir, range(p * 100, PER_PROCESS), version);
          const result = await unres(['ingest', dir, '--index', index]);
          expect(result.stdout, result.stderr).toBe(`0 added, ${PER_PROCESS} updated, 0 unchanged, 0 failed\n`);
          for (const [id, sha] of shas) expected.set(id, sha);
        }
      }),
    );
    const readers = [await readWhile(index, writers, () => ids)];
    await writers;
    const failures = readers.flatMap((r) => r.failures);
    expect(failures).toEqual([]);
    const runs = readers.reduce((n, r) => n + r.runs, 0);
    console.log(`${UPDATERS} updaters x 2 versions, ${runs} reader runs meanwhile, none failed`);
    expect(runs).toBeGreaterThan(0);
    await expectExactly(index, expected);
  }, 60_000);
});
