// Issue 11, item 9 (second half): the index folder and its files get the
// user's umask-restricted modes, and are never wider than the sources they
// hold (src/store/modes.ts). Runs unres as child processes, which inherit the
// umask this test sets.
import { chmodSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, setUpCli, tearDownCli, unres } from './support/cli.js';

const seedNames = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seed = (i: number) => readFileSync(join(SEEDS, seedNames[i]!));

let scratch = '';
const umask = process.umask();
beforeAll(async () => {
  scratch = await setUpCli('modes');
}, 120_000);
afterEach(() => {
  process.umask(umask);
});
afterAll(() => tearDownCli());

/** The widest permission bits of the index folder and of anything inside it (files and folders apart). */
function widest(index: string): { folder: number; files: number; folders: number } {
  let files = 0;
  let folders = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const mode = statSync(path).mode & 0o777;
      if (entry.isDirectory()) {
        folders |= mode;
        walk(path);
      } else files |= mode;
    }
  };
  walk(index);
  return { folder: statSync(index).mode & 0o777, files, folders };
}

describe('9: modes of the index folder and its files', { timeout: 300_000 }, () => {
  it('follow the umask', async () => {
    process.umask(0o027);
    const dir = join(scratch, 'umask');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), seed(0), { mode: 0o644 });
    writeFileSync(join(dir, 'b.txt'), seed(1), { mode: 0o644 });
    const index = join(scratch, 'umask-index');
    expect((await unres(['ingest', dir, '--index', index])).code).toBe(0);
    const modes = widest(index);
    expect(modes.folder).toBe(0o750);
    expect(modes.files & ~0o640).toBe(0);
    expect(modes.folders & ~0o750).toBe(0);
  });

  it('are never wider than the sources: a file others may not read closes the index to them, for good', async () => {
    process.umask(0o022);
    const dir = join(scratch, 'private');
    mkdirSync(dir);
    writeFileSync(join(dir, 'open.txt'), seed(0));
    chmodSync(join(dir, 'open.txt'), 0o644);
    const index = join(scratch, 'private-index');
    expect((await unres(['ingest', dir, '--index', index])).code).toBe(0);
    expect(widest(index).folder).toBe(0o755);

    // A source the group may read but others may not.
    writeFileSync(join(dir, 'group.txt'), seed(1));
    chmodSync(join(dir, 'group.txt'), 0o640);
    expect((await unres(['ingest', dir, '--index', index])).code).toBe(0);
    let modes = widest(index);
    expect(modes.folder).toBe(0o750);
    expect(modes.files & 0o007).toBe(0);
    expect(modes.folders & 0o007).toBe(0);

    // A source only its owner may read (notes.txt -> a private file, as in the issue).
    writeFileSync(join(dir, 'notes.txt'), seed(2));
    chmodSync(join(dir, 'notes.txt'), 0o600);
    expect((await unres(['ingest', dir, '--index', index])).code).toBe(0);
    modes = widest(index);
    expect(modes.folder).toBe(0o700);
    expect(modes.files & 0o077).toBe(0);
    expect(modes.folders & 0o077).toBe(0);

    // Later writes and a rebuild stay within the folder's mode.
    writeFileSync(join(dir, 'later.txt'), seed(3));
    chmodSync(join(dir, 'later.txt'), 0o644);
    expect((await unres(['ingest', dir, '--index', index])).code).toBe(0);
    expect((await unres(['ingest', '--rebuild', '--index', index])).code).toBe(0);
    modes = widest(index);
    expect(modes.folder).toBe(0o700);
    expect(modes.files & 0o077).toBe(0);
    expect(modes.folders & 0o077).toBe(0);
  });
});
