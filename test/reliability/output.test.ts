// Issue 11, items 12, 13 and 14: output that cannot be written fails loudly;
// export file names are injective, bounded and never written through a link;
// paths that would hang (a folder on /proc, a named pipe for the manifest)
// or confuse (a folder for the manifest) end in one line.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Result, SEEDS, type RunOptions, expectOneLineFailure, setUpCli, start, tearDownCli, unres } from './support/cli.js';

let scratch = '';
let seedsIndex = '';

/** A run that must end by itself: killed (and failed) after `ms`, since hanging is the bug these tests look for. */
async function ends(args: string[], options: RunOptions = {}, ms = 60_000): Promise<Result> {
  const running = start(args, options);
  const timer = setTimeout(() => running.child.kill('SIGKILL'), ms);
  const result = await running.done;
  clearTimeout(timer);
  expect(result.signal, `unres ${args.join(' ')} did not end within ${ms} ms`).toBeNull();
  return result;
}

/** A text with no symbol: its id comes from its file name. */
const UNNAMED_TEXT = 'إن الجمعية العامة،\n\n1 - تقرر أن تبقي المسألة قيد نظرها.\n';

beforeAll(async () => {
  scratch = await setUpCli('output');
  seedsIndex = join(scratch, 'seeds-index');
  const r = await unres(['ingest', SEEDS, '--index', seedsIndex]);
  expect(r.code, r.stderr).toBe(0);
}, 300_000);
afterAll(() => tearDownCli());

const hasDevFull = existsSync('/dev/full');

describe('12: output that cannot be written', { timeout: 300_000 }, () => {
  it.skipIf(!hasDevFull).each([
    ['search', ['search', 'الاتجار']],
    ['search --json', ['search', 'الاتجار', '--json']],
    ['list', ['list']],
    ['export jsonl', ['export', '--format', 'jsonl']],
  ])('%s > /dev/full: exit 2, one line saying so', async (_, args) => {
    const r = await ends([...args, '--index', seedsIndex], { stdoutPath: '/dev/full' });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/unres: cannot write to standard output: no space left on device\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('export --out with a file size limit reached (as on a full disk): exit 2, the file named, no partial file, no path printed for it', async () => {
    const out = join(scratch, 'full-disk');
    const r = await ends(['export', '--format', 'akn', '--out', out, '--index', seedsIndex], { fileSizeLimit: 16 });
    const line = expectOneLineFailure({ ...r, stdout: '' }, 2);
    expect(line).toMatch(/\.akn\.xml: file too large/);
    // Only whole files are left, and only those were announced.
    const announced = r.stdout.split('\n').filter(Boolean);
    const left = readdirSync(out);
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(left.sort()).toEqual(announced.map((p) => p.slice(out.length + 1)).sort());
    for (const path of announced) expect(readFileSync(path, 'utf8')).toMatch(/<\/akomaNtoso>\s*$/);
  });
});

describe('13: export file names', { timeout: 300_000 }, () => {
  it('x\\y and x_y, and a 251-character id, each get their own bounded file', async () => {
    const dir = join(scratch, 'names');
    mkdirSync(dir);
    const long = 'a'.repeat(251);
    for (const name of ['x\\y', 'x_y', long]) writeFileSync(join(dir, `${name}.txt`), UNNAMED_TEXT + name.slice(0, 3) + '\n');
    const index = join(scratch, 'names-index');
    expect((await unres(['ingest', dir, '--index', index])).code).toBe(0);
    const out = join(scratch, 'names-out');
    const r = await ends(['export', '--format', 'akn', '--out', out, '--index', index]);
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(out);
    expect(files).toHaveLength(3);
    expect(new Set(files).size).toBe(3);
    for (const file of files) expect(Buffer.byteLength(file)).toBeLessThanOrEqual(200);
    expect(files).toContain('x_y.akn.xml');
  });

  it('an existing symbolic link under the target name is refused, and what it points to is untouched', async () => {
    const out = join(scratch, 'link-out');
    mkdirSync(out);
    const victim = join(scratch, 'victim.txt');
    writeFileSync(victim, 'keep me\n');
    symlinkSync(victim, join(out, 'unres.jsonl'));
    const r = await ends(['export', '--format', 'jsonl', '--out', out, '--index', seedsIndex]);
    expect(expectOneLineFailure(r, 2)).toMatch(/unres\.jsonl: is a symbolic link/);
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
    expect(lstatSync(join(out, 'unres.jsonl')).isSymbolicLink()).toBe(true);
  });
});

describe('14: paths that would hang or confuse', { timeout: 300_000 }, () => {
  it.skipIf(!existsSync('/proc/self'))('--index /proc/self/x and export --out /proc/self/x end at once with one line', async () => {
    const ingest = await ends(['ingest', SEEDS, '--index', '/proc/self/x'], {}, 30_000);
    expect(expectOneLineFailure(ingest, ingest.code)).toMatch(/cannot create the folder \/proc\/self\/x/);
    expect(ingest.code).toBeGreaterThanOrEqual(2);
    const exported = await ends(['export', '--format', 'jsonl', '--out', '/proc/self/x', '--index', seedsIndex], {}, 30_000);
    expect(expectOneLineFailure(exported, 2)).toMatch(/cannot create the folder \/proc\/self\/x/);
  });

  for (const [what, make] of [
    ['a named pipe', (path: string) => execFileSync('mkfifo', [path])],
    ['a directory', (path: string) => mkdirSync(path)],
  ] as const) {
    it(`manifest.json as ${what}: readers end with one line (exit 3) and rebuild repairs it`, async () => {
      const index = join(scratch, `manifest-${what.replace(/\W/g, '')}`);
      expect((await unres(['ingest', SEEDS, '--index', index])).code).toBe(0);
      const manifest = join(index, 'manifest.json');
      renameSync(manifest, join(scratch, `saved-${what.replace(/\W/g, '')}.json`));
      make(manifest);
      for (const args of [['search', 'الاتجار'], ['list'], ['show', 'E-RES-2017-18']]) {
        const r = await ends([...args, '--index', index], {}, 30_000);
        expect(expectOneLineFailure(r, 3)).toMatch(new RegExp(`manifest\\.json is ${what}, not a file\\): run \`unres ingest --rebuild\``));
      }
      const rebuilt = await ends(['ingest', '--rebuild', '--index', index], {}, 120_000);
      expect(rebuilt.code, rebuilt.stderr).toBe(0);
      const listed = await unres(['list', '--json', '--index', index]);
      expect(listed.code, listed.stderr).toBe(0);
      expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).length);
      rmSync(join(scratch, `saved-${what.replace(/\W/g, '')}.json`));
    });
  }
});
