// Usage errors and help: no index or parser needed.
import { describe, expect, it } from 'vitest';
import { runMain } from './fake-io.js';

function expectOneLineError(result: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^unres: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
}

describe('usage errors: one line on stderr, exit 2', () => {
  it('missing command', async () => {
    expectOneLineError(await runMain([]), /missing command/);
  });

  it('unknown command, with a suggestion on the same line', async () => {
    expectOneLineError(await runMain(['serch', 'x']), /unknown command 'serch'.*search/);
  });

  it('unknown option', async () => {
    expectOneLineError(await runMain(['search', '--jsn', 'x']), /unknown option '--jsn'/);
  });

  it('missing query', async () => {
    expectOneLineError(await runMain(['search']), /missing required argument 'query'/);
  });

  it('bad --limit', async () => {
    expectOneLineError(await runMain(['search', '--limit', '0', 'x']), /--limit/);
    expectOneLineError(await runMain(['search', '--limit', 'ten', 'x']), /--limit/);
  });

  it('--json with --ndjson', async () => {
    expectOneLineError(await runMain(['search', '--json', '--ndjson', 'x']), /--json.*--ndjson/);
  });

  it('empty query', async () => {
    expectOneLineError(await runMain(['search', '  ']), /empty query/);
  });

  it('ingest without paths', async () => {
    expectOneLineError(await runMain(['ingest']), /at least one path/);
  });

  it('extra arguments', async () => {
    expectOneLineError(await runMain(['list', 'extra']), /too many arguments/);
  });

  it('a file that does not exist, for parse', async () => {
    expectOneLineError(await runMain(['parse', '/nonexistent/x.txt']), /\/nonexistent\/x\.txt: no such file/);
  });
});

describe('help and version', () => {
  it('--help goes to stdout and exits 0', async () => {
    const result = await runMain(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: unres/);
    for (const command of ['ingest', 'search', 'parse', 'show', 'list']) expect(result.stdout).toContain(command);
    expect(result.stderr).toBe('');
  });

  it('every command documents --index', async () => {
    for (const command of ['ingest', 'search', 'parse', 'show', 'list']) {
      const result = await runMain([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('--index <dir>');
    }
  });

  it('--version prints the package version', async () => {
    const result = await runMain(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
