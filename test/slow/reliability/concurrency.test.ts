// Concurrency at size (npm run test:slow): eight `unres ingest` processes at
// once, three rounds (add, replace, replace and add), with readers (search,
// list, show) running the whole time; then eight impatient writers. Every
// document ends there once, in its last version; no reader ever fails.
// See docs/reliability.md ("Concurrency").
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineFailure, setUpCli, tearDownCli, unres } from '../../reliability/support/cli.js';
import { docId, expectExactly, parseSummary, range, readWhile, writeDocuments } from '../../reliability/support/writers.js';

const WRITERS = 8;
const PER_WRITER = 6;
const READERS = 3;

let scratch: string;

beforeAll(async () => {
  scratch = await setUpCli('slow-concurrency');
}, 120_000);

afterAll(tearDownCli);

describe.skipIf(!process.env.UNRES_SLOW)(`${WRITERS} writers and ${READERS} readers on one index`, () => {
  it('three rounds: add, replace, replace and add; every document once in its last version, no reader fails', async () => {
    const index = join(scratch, 'rounds');
    const expected = new Map<string, string>();
    const dirs = range(0, WRITERS).map((w) => join(scratch, `writer-${w}`));
    // A first document, so readers have an index from the start.
    for (const [id, sha] of writeDocuments(join(scratch, 'first'), [9999], 1)) expected.set(id, sha);
    expect((await unres(['ingest', join(scratch, 'first'), '--index', index])).code).toBe(0);

    const rounds = [
      { version: 1, count: PER_WRITER, added: PER_WRITER, updated: 0 },
      { version: 2, count: PER_WRITER, added: 0, updated: PER_WRITER },
      { version: 3, count: PER_WRITER + 2, added: 2, updated: PER_WRITER },
    ];
    let readerRuns = 0;
    for (const round of rounds) {
      const writers = Promise.all(
        dirs.map(async (dir, w) => {
          const shas = writeDocuments(dir, range(w * 100, round.count), round.version);
          const result = await unres(['ingest', dir, '--index', index]);
          expect(result.stderr).toBe('');
          expect(parseSummary(result)).toEqual({ added: round.added, updated: round.updated, unchanged: 0, failed: 0 });
          for (const [id, sha] of shas) expected.set(id, sha);
        }),
      );
      const committed = [...expected.keys()];
      const readers = await Promise.all(range(0, READERS).map(() => readWhile(index, writers, () => committed)));
      await writers;
      expect(readers.flatMap((r) => r.failures)).toEqual([]);
      readerRuns += readers.reduce((n, r) => n + r.runs, 0);
      await expectExactly(index, expected);
    }
    console.log(`${WRITERS} writers x ${rounds.length} rounds, ${readerRuns} reader runs, ${expected.size} documents: all there once, no reader failed`);
  }, 240_000);

  it(`${WRITERS} impatient writers: those that find the lock taken exit 3 with one line and leave nothing half-written`, async () => {
    const index = join(scratch, 'impatient');
    const dirs = range(0, WRITERS).map((w) => join(scratch, `impatient-${w}`));
    const versions = dirs.map((dir, w) => writeDocuments(dir, range(w * 100, PER_WRITER), 1));
    const results = await Promise.all(dirs.map((dir) => unres(['ingest', dir, '--index', index], { env: { UNRES_LOCK_WAIT_MS: '0' } })));
    const expected = new Map<string, string>();
    let refused = 0;
    for (const [w, result] of results.entries()) {
      if (result.code === 0) for (const [id, sha] of versions[w]!) expected.set(id, sha);
      else {
        expect(expectOneLineFailure(result, 3)).toMatch(/locked by another unres process/);
        refused++;
      }
    }
    await expectExactly(index, expected);
    console.log(`${WRITERS - refused} got the lock, ${refused} exited 3`);
    // The same writers again, patient this time: everything arrives, once.
    const again = await Promise.all(dirs.map((dir) => unres(['ingest', dir, '--index', index])));
    for (const result of again) expect(result.code, result.stderr).toBe(0);
    for (const shas of versions) for (const [id, sha] of shas) expected.set(id, sha);
    await expectExactly(index, expected);
    expect(expected.has(docId(0))).toBe(true);
  }, 120_000);
});
