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

  it('--version, -V and version print the package version', async () => {
    for (const args of [['--version'], ['-V'], ['version']]) {
      const result = await runMain(args);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    }
  });

  it('unres alone prints the help: on stdout, exit 0 at a terminal; on stderr, exit 2 in a script', async () => {
    const atTerminal = await runMain([], { stdoutIsTTY: true });
    expect(atTerminal.code).toBe(0);
    expect(atTerminal.stdout).toMatch(/^Usage: unres/);
    expect(atTerminal.stdout).toContain('Exit codes:');
    expect(atTerminal.stderr).toBe('');
    const inScript = await runMain([]);
    expect(inScript.code).toBe(2);
    expect(inScript.stdout).toBe('');
    expect(inScript.stderr).toMatch(/^Usage: unres/);
  });

  it('every --help has examples, the query syntax, the kinds, the exit codes and the environment', async () => {
    for (const command of [[], ['ingest'], ['search'], ['parse'], ['show'], ['list'], ['export'], ['completion'], ['version']]) {
      const result = await runMain([...command, '--help']);
      expect(result.code).toBe(0);
      for (const heading of ['Examples:', 'Query syntax', 'Exit codes:', 'Environment:']) expect(result.stdout).toContain(heading);
      for (const variable of ['UNRES_INDEX', 'NO_COLOR', 'UNRES_SHAPE']) expect(result.stdout).toContain(variable);
      expect(result.stdout).toMatch(/\$ unres /);
    }
  });

  it('search --help names every clause and document kind the engine knows', async () => {
    const { CLAUSE_KINDS, DOCUMENT_KINDS } = await import('../../src/search/fields.js');
    const result = await runMain(['search', '--help']);
    const kindOption = result.stdout.slice(result.stdout.indexOf('--kind'), result.stdout.indexOf('--doc'));
    for (const kind of [...CLAUSE_KINDS, ...DOCUMENT_KINDS]) expect(kindOption).toContain(kind);
  });

  it('search options that take values check them', async () => {
    expectOneLineError(await runMain(['search', 'x', '--since', 'last year']), /--since.*YYYY/);
    expectOneLineError(await runMain(['search', 'x', '--until', '2019-13']), /--until/);
    expectOneLineError(await runMain(['search', 'x', '-C', 'two']), /-C|--context/);
    expectOneLineError(await runMain(['search', 'x', '--color', 'sometimes']), /--color/);
    expectOneLineError(await runMain(['search', 'x', '-c', '-l']), /--count|--documents/);
    expectOneLineError(await runMain(['search', 'x', '-c', '--json']), /JSON/);
    expectOneLineError(await runMain(['search', 'x', '--cites', 'nope']), /--cites "nope" is not a symbol/);
    expectOneLineError(await runMain(['search', 'x', '--since', '2019', '--until', '2015']), /--since 2019-01-01 is after --until 2015-12-31/);
  });
});

describe('completion', () => {
  it('prints a script for bash, zsh and fish naming every command and option', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const result = await runMain(['completion', shell]);
      expect(result.code).toBe(0);
      for (const word of ['ingest', 'search', 'show', 'list', 'export', 'completion', 'kind', 'no-heading', 'operative', 'draft-resolution']) {
        expect(result.stdout).toContain(word);
      }
    }
  });

  it('refuses another shell', async () => {
    expectOneLineError(await runMain(['completion', 'tcsh']), /tcsh/);
  });
});
