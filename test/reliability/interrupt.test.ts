// Issue 14 (ingest): Ctrl-C during an ingest stops reading, keeps what was
// read (committed as usual), says `interrupted: N documents kept, M files not
// read` and exits 130. The ingest reads standard input first and is held
// there; SIGINT is sent once it has said its first line (a link leading out
// of the folder: said after Ctrl-C is watched), then standard input arrives.
// Whatever the moment, the counts must agree with the index.
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, listIds, setUpCli, start, tearDownCli } from './support/cli.js';

const seedNames = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

let scratch = '';
beforeAll(() => {
  scratch = setUpCli('interrupt');
}, 120_000);
afterAll(() => tearDownCli());

describe('Ctrl-C during ingest', { timeout: 300_000 }, () => {
  it('keeps what was read, says how much, exits 130', async () => {
    const dir = join(scratch, 'docs');
    mkdirSync(dir);
    for (const name of seedNames.slice(0, 3)) writeFileSync(join(dir, name), readFileSync(join(SEEDS, name)));
    writeFileSync(join(scratch, 'outside.txt'), readFileSync(join(SEEDS, seedNames[4]!)));
    symlinkSync(join(scratch, 'outside.txt'), join(dir, 'link.txt'));
    const index = join(scratch, 'index');
    const run = start(['ingest', '-', dir, '--index', index], { keepStdinOpen: true });
    let stderr = '';
    await new Promise<void>((resolve) => {
      run.child.stderr!.on('data', (s: string) => {
        stderr += s;
        if (stderr.includes('skipped: a symbolic link leading out')) resolve();
      });
    });
    // Most likely now waiting on standard input.
    await new Promise((r) => setTimeout(r, 1000));
    run.child.kill('SIGINT');
    // Standard input then arrives: what was read before the stop is kept.
    run.child.stdin!.end(readFileSync(join(SEEDS, seedNames[3]!)));
    const result = await run.done;
    expect(result.code, result.stderr).toBe(130);
    const said = /^unres: interrupted: (\d+) documents? kept, (\d+) files? not read$/m.exec(result.stderr);
    expect(said, result.stderr).not.toBeNull();
    const kept = Number(said![1]);
    expect(kept + Number(said![2])).toBe(4);
    expect(result.stdout).toBe(`${kept} added, 0 updated, 0 unchanged, 0 failed; 1 skipped: not a format unres reads\n`);
    console.log(`interrupted ingest: ${kept} of 4 documents kept`);
    if (kept > 0) expect(await listIds(index)).toHaveLength(kept);
  });
});
