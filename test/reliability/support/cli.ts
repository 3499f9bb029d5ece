// The real bin/unres.js as child processes, for the reliability suites: the
// package is compiled once into a temporary tree laid out like the published
// one, every run gets a clean environment and an explicit --index.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { ROOT, compilePackage } from '../../cli/run-bin.js';

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
  /** Standard output goes to this file (e.g. /dev/full) instead of a pipe; `stdout` is then empty. */
  stdoutPath?: string;
  /** `ulimit -f` for the process (in the shell's blocks): writes past it fail with EFBIG, as on a full disk. */
  fileSizeLimit?: number;
  /** Leave standard input open (the test writes and ends it through `child.stdin`). */
  keepStdinOpen?: boolean;
}

export interface Running {
  child: ChildProcess;
  done: Promise<Result>;
}

const PACKAGE_PREFIX = 'unres-reliability-';
/** A compiled tree unused for this long belongs to no running test: removed. */
const PACKAGE_UNUSED_MS = 60 * 60 * 1000;

let BIN = '';
let scratch = '';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** What the compiled package depends on: the sources, the compiler settings, the entry point. */
function sourceHash(): string {
  // The checkout's own path too: two checkouts of the same sources (git worktrees, a clean
  // clone beside a working copy) must not share a tree whose node_modules link points into
  // only one of them.
  const hash = createHash('sha256').update(ROOT).update('\0');
  const files = [...filesUnder(join(ROOT, 'src')), ...['package.json', 'tsconfig.json', 'bin/unres.js', 'bin/package.json', 'scripts/bundle.ts'].map((f) => join(ROOT, f))].sort();
  for (const file of files) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/**
 * The package (bin/, dist/, package.json, node_modules linked) compiled into
 * a temporary folder named by the hash of the sources, so the reliability
 * files of one run (and runs on unchanged sources) compile once: each file
 * compiling its own cost seconds of CPU apiece. Never the shared dist/.
 */
async function compiledPackage(): Promise<string> {
  const dir = join(tmpdir(), PACKAGE_PREFIX + sourceHash());
  const bin = join(dir, 'bin', 'unres.js');
  if (!existsSync(join(dir, 'ready'))) {
    const build = mkdtempSync(join(tmpdir(), `${PACKAGE_PREFIX}build-`));
    try {
      await compilePackage(build);
      writeFileSync(join(build, 'ready'), '');
      // Readable by another user too (the read-only index test may run unres as nobody).
      chmodSync(build, 0o755);
      renameSync(build, dir);
    } catch (err) {
      rmSync(build, { recursive: true, force: true });
      // Another test file compiled the same sources first: use theirs.
      if (!existsSync(join(dir, 'ready'))) throw err;
    }
  }
  const now = new Date();
  utimesSync(dir, now, now);
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PACKAGE_PREFIX) || join(tmpdir(), name) === dir) continue;
    try {
      if (now.getTime() - statSync(join(tmpdir(), name)).mtimeMs > PACKAGE_UNUSED_MS) rmSync(join(tmpdir(), name), { recursive: true, force: true });
    } catch {
      // another run removed it
    }
  }
  return bin;
}

/** Compiles the package (or finds it compiled) and makes a scratch folder; call from beforeAll. */
export async function setUpCli(prefix: string): Promise<string> {
  BIN = await compiledPackage();
  scratch = mkdtempSync(join(tmpdir(), `unres-${prefix}-`));
  chmodSync(scratch, 0o755);
  return scratch;
}

export function tearDownCli(): void {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}

export function start(args: string[], options: RunOptions = {}): Running {
  const [command, argv] =
    options.fileSizeLimit === undefined
      ? [process.execPath, [BIN, ...args]]
      : ['/bin/sh', ['-c', `ulimit -f ${options.fileSizeLimit} && exec "$@"`, 'sh', process.execPath, BIN, ...args]];
  const stdoutFd = options.stdoutPath === undefined ? null : openSync(options.stdoutPath, 'w');
  const child = spawn(command, argv, {
    env: { PATH: process.env.PATH, HOME: scratch || tmpdir(), LANG: 'C.UTF-8', ...options.env },
    cwd: ROOT,
    stdio: ['pipe', stdoutFd ?? 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  if (stdoutFd !== null) closeSync(stdoutFd);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const done = new Promise<Result>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
  child.stdin!.on('error', () => undefined); // a child killed before reading its stdin
  if (!options.keepStdinOpen) child.stdin!.end(options.stdin ?? '');
  return { child, done };
}

export function unres(args: string[], options: RunOptions = {}): Promise<Result> {
  return start(args, options).done;
}

/**
 * unres run by /bin/sh: `script` calls it as "$UNRES" and may build arguments
 * Node cannot pass itself (a file name that is not UTF-8, from printf).
 */
export function unresInShell(script: string, cwd: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', script], {
      env: { PATH: process.env.PATH, HOME: scratch || tmpdir(), LANG: 'C.UTF-8', UNRES_NODE: process.execPath, UNRES_BIN: BIN },
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
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
