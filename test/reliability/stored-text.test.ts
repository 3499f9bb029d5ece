// Issue 11, item 6: a changed byte in a stored document is damage that is
// found (show exits 3), never laundered by rebuild (the record is dropped and
// named), and never trusted by ingest (the file's text is stored again even
// though its sha256 is recorded).
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, expectOneLineFailure, setUpCli, tearDownCli, unres } from './support/cli.js';

const seedNames = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seed = (i: number) => readFileSync(join(SEEDS, seedNames[i]!));

let scratch = '';
beforeAll(async () => {
  scratch = await setUpCli('stored-text');
}, 120_000);
afterAll(() => tearDownCli());

async function ids(index: string): Promise<string[]> {
  const r = await unres(['list', '--json', '--index', index]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { id: string }[]).map((d) => d.id);
}

describe('6: a changed byte in the stored text', { timeout: 300_000 }, () => {
  it('show is exit 3; rebuild drops and names the record; ingesting the file stores it again', async () => {
    const dir = join(scratch, 'six');
    const index = join(scratch, 'six-index');
    mkdirSync(dir);
    writeFileSync(join(dir, 'res.txt'), seed(3));
    writeFileSync(join(dir, 'other.txt'), seed(1));
    expect((await unres(['ingest', dir, '--index', index])).code).toBe(0);
    const all = await ids(index);
    expect(all).toHaveLength(2);
    const [segment] = readdirSync(join(index, 'segments'));
    const stored = join(index, 'segments', segment!, 'stored.bin');
    const bytes = readFileSync(stored);
    bytes[100] = bytes[100]! ^ 0x01; // inside the first document's compressed frame
    writeFileSync(stored, bytes);

    // The damage is found where the text is read.
    const failing: string[] = [];
    for (const id of all) {
      const shown = await unres(['show', id, '--index', index]);
      if (shown.code === 0) continue;
      expect(expectOneLineFailure(shown, 3)).toMatch(/stored document \S+ fails its checksum|stored\.bin/);
      failing.push(id);
    }
    expect(failing.length).toBeGreaterThanOrEqual(1);

    // An ingest of the same files does not call them unchanged: the damaged records are stored again.
    const copy = join(scratch, 'six-index-copy');
    cpSync(index, copy, { recursive: true });
    const reingest = await unres(['ingest', dir, '--index', copy]);
    expect(reingest.code, reingest.stderr).toBe(0);
    expect(reingest.stdout).toBe(`${failing.length} added, 0 updated, ${2 - failing.length} unchanged, 0 failed\n`);
    for (const id of failing) expect(reingest.stderr).toContain(`unres: warning: stored document ${id} failed its checksum; stored again from`);
    for (const id of all) expect((await unres(['show', id, '--index', copy])).code).toBe(0);

    // Rebuild drops and names every record that fails, and serves no altered text.
    const rebuilt = await unres(['ingest', '--rebuild', '--index', index]);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    const kept = 2 - failing.length;
    expect(rebuilt.stdout).toBe(`rebuilt index: ${kept} document${kept === 1 ? '' : 's'}\n`);
    expect(rebuilt.stderr).toBe(
      failing
        .sort()
        .map((id) => `unres: warning: stored document ${id} fails its checksum and was dropped: ingest its file again\n`)
        .join(''),
    );
    expect((await ids(index)).sort()).toEqual(all.filter((id) => !failing.includes(id)).sort());
    // The original file is not "unchanged": its record is gone, it is stored again, and reads back sound.
    const again = await unres(['ingest', dir, '--index', index]);
    expect(again.stdout, again.stderr).toBe(`${failing.length} added, 0 updated, ${kept} unchanged, 0 failed\n`);
    for (const id of all) expect((await unres(['show', id, '--index', index])).code).toBe(0);
  });
});
