// Issue 11, item 8: a segment swapped in from another index is refused as
// damage, and rebuild never imports it: it names the foreign segment, says how
// many of this index's documents could not be read, and keeps the others.
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, expectOneLineFailure, listIds, setUpCli, tearDownCli, unres } from './support/cli.js';

const seedNames = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seed = (i: number) => join(SEEDS, seedNames[i]!);

let scratch = '';
beforeAll(async () => {
  scratch = await setUpCli('foreign-segment');
}, 120_000);
afterAll(() => tearDownCli());

describe('8: a segment swapped in from another index', { timeout: 300_000 }, () => {
  it('is damage; rebuild does not import it, names it, and counts what it displaced', async () => {
    const ours = join(scratch, 'ours');
    const theirs = join(scratch, 'theirs');
    expect((await unres(['ingest', seed(0), seed(1), '--index', ours])).code).toBe(0);
    expect((await unres(['ingest', seed(2), '--index', ours])).code).toBe(0);
    expect((await unres(['ingest', seed(3), seed(4), '--index', theirs])).code).toBe(0);
    const ownIds = await listIds(ours);
    const theirIds = await listIds(theirs);
    const [first] = readdirSync(join(ours, 'segments')).filter((n) => n.startsWith('s')).sort();
    const [foreign] = readdirSync(join(theirs, 'segments')).filter((n) => n.startsWith('s'));
    // Their segment's files under our first segment's name.
    rmSync(join(ours, 'segments', first!), { recursive: true });
    cpSync(join(theirs, 'segments', foreign!), join(ours, 'segments', first!), { recursive: true });

    const search = expectOneLineFailure(await unres(['search', 'الأمم', '--index', ours]), 3);
    expect(search).toMatch(/belongs to another index|truncated or changed|does not match the manifest/);

    const rebuilt = await unres(['ingest', '--rebuild', '--index', ours]);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toBe('rebuilt index: 1 document\n');
    expect(rebuilt.stderr).toBe(
      `unres: warning: segment ${first} belongs to another index: not imported\n` +
        'unres: warning: 2 stored documents could not be read (damaged or missing segment files): ingest their files again\n',
    );
    const kept = await listIds(ours);
    expect(kept).toHaveLength(1);
    for (const id of theirIds) expect(kept).not.toContain(id);
    // What was displaced comes back from its files.
    const again = await unres(['ingest', seed(0), seed(1), seed(2), '--index', ours]);
    expect(again.stdout, again.stderr).toBe('2 added, 0 updated, 1 unchanged, 0 failed\n');
    expect((await listIds(ours)).sort()).toEqual([...ownIds].sort());
  });
});
