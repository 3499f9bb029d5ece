// `unres search` starts from src/cli/search-main.ts (bin/unres.js picks it
// when the first argument is `search`): for any argv that starts with
// `search`, it must print and exit exactly as the whole CLI (main.ts) does.
// In process, on the seeds: hits in every format, filters, help and errors.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as searchMain } from '../../src/cli/search-main.js';
import { runMain } from './fake-io.js';
import { SEEDS } from './run-bin.js';

let dir: string;
let index: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unres-search-main-'));
  index = join(dir, 'index');
  const ingest = await runMain(['ingest', SEEDS, '--index', index]);
  expect(ingest.code, ingest.stderr).toBe(0);
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('search-main runs search as main does', () => {
  const cases: string[][] = [
    ['search', 'الأطفال', '--json'],
    ['search', 'الأطفال', '--ndjson', '--limit', '3'],
    ['search', 'طفل', '--kind', 'operative', '--json'],
    ['search', 'الاتجار', '-c'],
    ['search', 'الاتجار', '-l'],
    ['search', 'الأطفال', '--no-heading', '-C', '1'],
    ['search', 'الأطفال'],
    ['search', 'كلمةلاتوجد', '--json'],
    ['search', 'الأطفال', '--doc', 'no-such-document'],
    ['search', 'الأطفال', '--cites', 'not a symbol'],
    ['search', '"unclosed', '--json'],
    ['search', 'x', '--jsn'],
    ['search', '--limit', '0', 'x'],
    ['search'],
    ['search', '--help'],
    ['search', '-h'],
  ];
  for (const args of cases) {
    it(args.join(' '), async () => {
      const withIndex = args.includes('--help') || args.includes('-h') ? args : [...args, '--index', index];
      const env = { NO_COLOR: '1' };
      const whole = await runMain(withIndex, { env });
      const alone = await runMain(withIndex, { env }, searchMain);
      // The summary line on stderr names the time taken.
      const untimed = (s: string): string => s.replace(/\(\d+\.\d+ s\)/g, '(t)');
      expect({ ...alone, stderr: untimed(alone.stderr) }).toEqual({ ...whole, stderr: untimed(whole.stderr) });
    });
  }

  it('the cases cover hits, no hits and failures', async () => {
    const codes = new Set<number>();
    for (const args of [['search', 'الأطفال', '--json'], ['search', 'كلمةلاتوجد', '--json'], ['search', 'x', '--jsn']]) {
      codes.add((await runMain([...args, '--index', index], {}, searchMain)).code);
    }
    expect([...codes].sort()).toEqual([0, 1, 2]);
  });

  it('a missing index is exit 3 from either entry', async () => {
    const args = ['search', 'x', '--index', join(dir, 'none')];
    const alone = await runMain(args, {}, searchMain);
    expect(alone.code).toBe(3);
    expect(alone).toEqual(await runMain(args, {}));
  });
});
