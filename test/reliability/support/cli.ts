// The real bin/unres.js as child processes, for the reliability suites: the
// package is compiled into a temporary tree (test/cli/run-bin.ts), every run
// gets a clean environment and an explicit --index.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { BIN, buildPackage, removePackage, ROOT } from '../../cli/run-bin.js';

export { ROOT, SEEDS } from '../../cli/run-bin.js';

export interface Result {
  code: number;
  /** The signal that ended the process, if one did. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  stdin?: string | Buffer;
  /** Run as this user (and group): how a root test run gets a folder it cannot write. */
  uid?: number;
}

export interface Running {
  child: ChildProcess;
  done: Promise<Result>;
}

let scratch = '';

/** Compiles the package and makes a scratch folder; call from beforeAll. */
export function setUpCli(prefix: string): string {
  buildPackage();
  // Readable by another user too (the read-only index test may run unres as nobody).
  chmodSync(dirname(dirname(BIN)), 0o755);
  scratch = mkdtempSync(join(tmpdir(), `unres-${prefix}-`));
  chmodSync(scratch, 0o755);
  return scratch;
}

export function tearDownCli(): void {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  removePackage();
}

export function start(args: string[], options: RunOptions = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH, HOME: scratch || tmpdir(), LANG: 'C.UTF-8', ...options.env },
    cwd: ROOT,
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const done = new Promise<Result>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
  child.stdin!.on('error', () => undefined); // a child killed before reading its stdin
  child.stdin!.end(options.stdin ?? '');
  return { child, done };
}

export function unres(args: string[], options: RunOptions = {}): Promise<Result> {
  return start(args, options).done;
}

/** Exit `code`, nothing on stdout, and exactly one line on stderr: `unres: ...`, no stack. */
export function expectOneLineFailure(result: Result, code: number): string {
  expect(result.code, `stderr: ${result.stderr}`).toBe(code);
  expect(result.stderr).toMatch(/^unres: [^\n]+\n$/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return result.stderr.trimEnd();
}

export interface Listed {
  id: string;
  source: string;
}

export async function listIds(index: string): Promise<string[]> {
  const result = await unres(['list', '--json', '--index', index]);
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as Listed[]).map((d) => d.id);
}
