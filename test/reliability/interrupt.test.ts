// Issue 14 (ingest): Ctrl-C during an ingest stops reading, keeps what was
// read (committed as usual), says `interrupted: N documents kept, M files not
// read` and exits 130. The ingest reads standard input first and is held
// there; SIGINT is sent once it has said its first line (a link leading out
// of the folder: said after Ctrl-C is watched), then standard input arrives.
// Whatever the moment, the counts must agree with the index.
// A second Ctrl-C leaves at once (exit 130, `interrupted again: stopped at
// once; N documents kept`), or, during a write to the index, as that write
// ends: whatever the moment, every document committed before stays, the
// index stays sound and its write lock is gone (the next writer, told not to
// wait, gets in).
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, listIds, setUpCli, start, tearDownCli, unres } from './support/cli.js';

const seedNames = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

let scratch = '';
beforeAll(async () => {
  scratch = await setUpCli('interrupt');
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

describe('Ctrl-C twice during ingest', { timeout: 300_000 }, () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  let index = '';
  let trial = 0;

  beforeAll(async () => {
    index = join(scratch, 'twice-index');
    const first = join(scratch, 'twice-first');
    mkdirSync(first);
    for (const name of seedNames.slice(0, 3)) writeFileSync(join(first, name), readFileSync(join(SEEDS, name)));
    expect((await unres(['ingest', first, '--index', index])).code).toBe(0);
  });

  /** Starts an ingest of standard input and `files` new texts; resolves once Ctrl-C is watched. */
  async function startIngest(files: number) {
    const dir = join(scratch, `twice-${++trial}`);
    mkdirSync(dir);
    const seed = readFileSync(join(SEEDS, seedNames[4]!), 'utf8');
    for (let i = 0; i < files; i++) writeFileSync(join(dir, `t${i}.txt`), `${seed}\n\n${i + 1} - تقرر أن تبقي المسألة ${trial}-${i} قيد نظرها.\n`);
    writeFileSync(join(scratch, `outside-${trial}.txt`), 'x');
    symlinkSync(join(scratch, `outside-${trial}.txt`), join(dir, 'link.txt'));
    const run = start(['ingest', '-', dir, '--index', index], { keepStdinOpen: true });
    let stderr = '';
    await new Promise<void>((resolve) => {
      run.child.stderr!.on('data', (s: string) => {
        stderr += s;
        if (stderr.includes('skipped: a symbolic link leading out')) resolve();
      });
    });
    return run;
  }

  async function expectSound(before: string[], kept: number): Promise<string[]> {
    const after = await listIds(index);
    expect(after).toEqual(expect.arrayContaining(before));
    // The line says exactly what the index gained.
    expect(after.length - before.length).toBe(kept);
    expect((await unres(['search', 'الاتجار', '--limit', '1', '--index', index])).code).toBe(0);
    // The lock went with the process: a writer that will not wait gets in.
    const next = join(scratch, `next-${trial}.txt`);
    writeFileSync(next, `قرار ${trial}\n\nإن الجمعية العامة،\n\n١ - تقرر أن تبقي المسألة ${trial} قيد نظرها.\n`);
    const ingested = await unres(['ingest', next, '--index', index], { env: { UNRES_LOCK_WAIT_MS: '0' } });
    expect(ingested.code, ingested.stderr).toBe(0);
    return listIds(index);
  }

  it('held on standard input: out at once, exit 130, nothing lost', async () => {
    const before = await listIds(index);
    const run = await startIngest(3);
    await sleep(500);
    run.child.kill('SIGINT');
    await sleep(200);
    run.child.kill('SIGINT');
    // Standard input is never sent: the second Ctrl-C does not wait for it.
    const result = await run.done;
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toMatch(/^unres: interrupted again: stopped at once; 0 documents kept$/m);
    expect(result.stdout).toBe('');
    await expectSound(before, 0);
  });

  it.each([
    [50, 10],
    [400, 30],
    [550, 30],
    [900, 100],
    [200, 1500],
  ])('at any moment (%i ms, then %i ms later): every document committed before stays', async (firstMs, secondMs) => {
    const before = await listIds(index);
    const run = await startIngest(30);
    // A text of its own: every document of the run is new, so documents kept = documents added.
    run.child.stdin!.end(`${readFileSync(join(SEEDS, seedNames[3]!), 'utf8')}\n\n99 - تقرر أن تبقي المسألة ${trial} قيد نظرها.\n`);
    await sleep(firstMs);
    run.child.kill('SIGINT');
    await sleep(secondMs);
    run.child.kill('SIGINT');
    const result = await run.done;
    expect([0, 130], result.stderr).toContain(result.code);
    // Before the write: at once. During it: when it ends (its documents counted). After it: the first Ctrl-C's line.
    const said = /^unres: interrupted(?: again: stopped (?:at once|after the write under way);|:) (\d+) documents? kept/m.exec(result.stderr);
    if (result.code === 130) expect(said, result.stderr).not.toBeNull();
    console.log(`Ctrl-C twice at ${firstMs} + ${secondMs} ms: exit ${result.code}, ${said?.[0] ?? result.stdout.trim()}`);
    // Done before the first Ctrl-C (a fast machine): the summary says what was added.
    const added = /^(\d+) added/.exec(result.stdout);
    await expectSound(before, Number(said?.[1] ?? added?.[1] ?? 0));
  });

  // The run has said what it kept; the process winds down (parse workers ending). Node's own teardown
  // after an empty event loop put Ctrl-C back to its default action (death by the signal, no exit code):
  // sent 0-40 ms after that line, 33 of 40 such runs died so before finishProcess left by process.exit.
  it.each([0, 15, 30])('once the run has said what it kept (%i ms after that line): exit 130', async (afterMs) => {
    const before = await listIds(index);
    const run = await startIngest(30);
    run.child.stdin!.end(`${readFileSync(join(SEEDS, seedNames[3]!), 'utf8')}\n\n99 - تقرر أن تبقي المسألة ${trial} قيد نظرها.\n`);
    let stderr = '';
    const saidKept = new Promise<void>((resolve) => {
      run.child.stderr!.on('data', (s: string) => {
        stderr += s;
        if (/^unres: interrupted: .*kept/m.test(stderr)) resolve();
      });
    });
    // Early enough that the run is still reading on a fast machine.
    await sleep(300);
    run.child.kill('SIGINT');
    await Promise.race([saidKept, run.done]);
    await sleep(afterMs);
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code, result.stderr).toBe(130);
    const said = /^unres: interrupted(?: again: stopped (?:at once|after the write under way);|:) (\d+) documents? kept/m.exec(result.stderr);
    expect(said, result.stderr).not.toBeNull();
    await expectSound(before, Number(said![1]));
  });
});
