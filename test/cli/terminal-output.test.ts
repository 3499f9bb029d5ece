// What a person at a terminal gets, run in-process with a fake terminal, so it
// does not depend on a pseudo-terminal tool being installed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from './fake-io.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
let scratch: string;
let index: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'unres-tty-'));
  index = join(scratch, 'index');
  const ingested = await runMain(['ingest', SEEDS, '--index', index]);
  expect(ingested.code).toBe(0);
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const search = ['search', 'الاتجار', '--limit', '2'];

describe('search on a terminal', () => {
  it('highlights matches in colour', async () => {
    const result = await runMain([...search, '--index', index], { stdoutIsTTY: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\x1b[1;31m');
  });

  it('uses no colour with NO_COLOR, nor in a pipe, nor with --json', async () => {
    expect((await runMain([...search, '--index', index], { stdoutIsTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\x1b[');
    expect((await runMain([...search, '--index', index])).stdout).not.toContain('\x1b[');
    const json = await runMain([...search, '--json', '--index', index], { stdoutIsTTY: true });
    expect(json.stdout).not.toContain('\x1b[');
    expect(JSON.parse(json.stdout)).toHaveLength(2);
  });

  it('shapes with --shape or UNRES_SHAPE=1, only on a terminal, never JSON', async () => {
    const presentationForms = /[\ufe70-\ufefc]/;
    expect((await runMain([...search, '--shape', '--index', index], { stdoutIsTTY: true })).stdout).toMatch(presentationForms);
    expect((await runMain([...search, '--index', index], { stdoutIsTTY: true, env: { UNRES_SHAPE: '1' } })).stdout).toMatch(presentationForms);
    expect((await runMain([...search, '--shape', '--index', index])).stdout).not.toMatch(presentationForms);
    expect((await runMain([...search, '--shape', '--json', '--index', index], { stdoutIsTTY: true })).stdout).not.toMatch(presentationForms);
  });
});

describe('errors', () => {
  it('add the stack only with UNRES_DEBUG=1', async () => {
    const missing = join(scratch, 'missing.txt');
    const quiet = await runMain(['parse', missing]);
    expect(quiet.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    const debug = await runMain(['parse', missing], { env: { UNRES_DEBUG: '1' } });
    expect(debug.code).toBe(2);
    expect(debug.stderr.split('\n')[0]).toBe(`unres: ${missing}: no such file or directory`);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
