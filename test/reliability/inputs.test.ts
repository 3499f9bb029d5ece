// Issue 11, items 9, 11 and 14 (in part): links leaving the folder are not
// followed; non-regular and oversized inputs are refused with one line
// (exit 2); file names that are not UTF-8 are read.
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, expectOneLineFailure, setUpCli, tearDownCli, unres } from './support/cli.js';

const seedNames = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seed = (i: number) => readFileSync(join(SEEDS, seedNames[i]!));

let scratch = '';
beforeAll(async () => {
  scratch = await setUpCli('inputs-damage');
}, 120_000);
afterAll(() => tearDownCli());

describe('9: symbolic links leaving the folder', { timeout: 300_000 }, () => {
  it('are not followed: skipped with one line, never indexed', async () => {
    const dir = join(scratch, 'nine');
    const outside = join(scratch, 'secret.txt');
    mkdirSync(dir);
    writeFileSync(outside, seed(0));
    writeFileSync(join(dir, 'real.txt'), seed(2));
    symlinkSync(outside, join(dir, 'notes.txt'));
    symlinkSync(join(dir, 'real.txt'), join(dir, 'inside.txt'));
    const index = join(scratch, 'nine-index');
    const r = await unres(['ingest', dir, '--index', index]);
    // Two files read (real.txt and the link inside the folder: one text, two paths); the text outside is never read.
    expect(r.stdout).toBe('1 added, 0 updated, 0 unchanged, 1 duplicate, 0 failed; 1 skipped: not a format unres reads\n');
    expect(r.stderr).toBe(`unres: ${join(dir, 'notes.txt')}: skipped: a symbolic link leading out of ${dir}\n`);
    const listed = JSON.parse((await unres(['list', '--json', '--index', index])).stdout) as { paths: string[] }[];
    expect(listed.flatMap((d) => d.paths).sort()).toEqual([join(dir, 'inside.txt'), join(dir, 'real.txt')]);
  });
});

describe('11: inputs that are not regular files, or too large', { timeout: 300_000 }, () => {
  it('ingest /dev/zero is refused at once with one line, exit 2, no lock left', async () => {
    const index = join(scratch, 'eleven-index');
    const r = await unres(['ingest', '/dev/zero', '--index', index]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('unres: /dev/zero: is not a regular file (a device, FIFO or socket): give a text file\n');
    expect(existsSync(join(index, 'write.lock'))).toBe(false);
  });

  it('a file over UNRES_MAX_INPUT_MB is refused with one line, exit 2; the others are ingested', async () => {
    const dir = join(scratch, 'eleven');
    mkdirSync(dir);
    writeFileSync(join(dir, 'big.txt'), Buffer.alloc(2 * 1024 * 1024, 0x61));
    writeFileSync(join(dir, 'small.txt'), seed(0));
    const index = join(scratch, 'eleven-cap-index');
    const r = await unres(['ingest', dir, '--index', index], { env: { UNRES_MAX_INPUT_MB: '1' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('1 added, 0 updated, 0 unchanged, 1 failed\n');
    expect(r.stderr).toBe(`unres: ${join(dir, 'big.txt')}: is 2.0 MB, over the input limit of 1.0 MB: raise UNRES_MAX_INPUT_MB to read it\n`);
    const piped = await unres(['ingest', '-', '--index', index], { env: { UNRES_MAX_INPUT_MB: '1' }, stdin: Buffer.alloc(2 * 1024 * 1024, 0x61) });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toMatch(/^unres: stdin\.txt: is more than 1\.0 MB, over the input limit of 1\.0 MB/);
  });
});

describe('14: file names that are not UTF-8', { timeout: 300_000 }, () => {
  it('are read from a folder', async () => {
    const dir = join(scratch, 'fourteen');
    mkdirSync(dir);
    writeFileSync(Buffer.concat([Buffer.from(join(dir, 'caf')), Buffer.from([0xe9]), Buffer.from('.txt')]), seed(0));
    const r = await unres(['ingest', dir, '--index', join(scratch, 'fourteen-index')]);
    expect(r.stdout, r.stderr).toBe('1 added, 0 updated, 0 unchanged, 0 failed\n');
  });
});
