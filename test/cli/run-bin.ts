// Runs the real bin/unres.js, built from src as `npm run build` does, as a child process.
// The project is compiled into a temporary tree laid out like the package
// (bin/, dist/, package.json, node_modules linked), never into the shared
// dist/, so test runs in the same checkout cannot trip over each other.
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect } from 'vitest';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEEDS = join(ROOT, 'seeds');

/** Set by buildPackage(): the copied bin/unres.js inside the compiled tree. */
export let BIN = '';
let packageDir = '';

const run = promisify(execFile);

/**
 * Compiles the project into `packageDir` as `npm run build` does (tsc, then
 * scripts/bundle.ts), with package.json and node_modules beside it so the
 * bundler and the built CLI resolve packages there. Type errors elsewhere in
 * the tree do not stop the emit; `npm run typecheck` is where they are caught.
 * Asynchronous: a test worker blocked for the whole compile (tens of seconds on
 * a loaded machine) cannot read vitest's replies, whose 60 s timeout then failed
 * a run whose every test had passed.
 */
export async function compilePackage(packageDir: string): Promise<void> {
  copyFileSync(join(ROOT, 'package.json'), join(packageDir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(packageDir, 'node_modules'), 'dir');
  const dist = join(packageDir, 'dist');
  try {
    await run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.json'), '--outDir', dist], { cwd: ROOT });
  } catch {
    // reported by typecheck
  }
  if (!existsSync(join(dist, 'src', 'cli', 'main.js'))) throw new Error('compiling produced no dist/src/cli/main.js');
  await run(process.execPath, [join(dist, 'scripts', 'bundle.js'), dist], { cwd: ROOT });
  mkdirSync(join(packageDir, 'bin'));
  copyFileSync(join(ROOT, 'bin', 'unres.js'), join(packageDir, 'bin', 'unres.js'));
  // What makes bin/unres.js CommonJS in a package whose type is module.
  copyFileSync(join(ROOT, 'bin', 'package.json'), join(packageDir, 'bin', 'package.json'));
}

export async function buildPackage(): Promise<void> {
  packageDir = mkdtempSync(join(tmpdir(), 'unres-package-'));
  await compilePackage(packageDir);
  BIN = join(packageDir, 'bin', 'unres.js');
}

export function removePackage(): void {
  if (packageDir) rmSync(packageDir, { recursive: true, force: true });
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  stdin?: string | Buffer;
}

/** A clean environment: no UNRES_* or colour settings leak in from the developer's shell. */
export function baseEnv(home: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8' };
}

export function unres(args: string[], options: RunOptions & { home: string }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...baseEnv(options.home), ...options.env }, cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** A resolution-shaped text for crafted inputs: an organ's opening line, then numbered operative paragraphs. */
export function resolution(paragraphs: readonly string[]): string {
  return ['إن الجمعية العامة،', '', ...paragraphs.flatMap((p, i) => [`${i + 1} - ${p}`, '']), ''].join('\n');
}


/** An index of crafted texts that one test file searches through bin/unres.js (craftedIndex). */
export interface CraftedIndex {
  /** `unres search <args> --json` on the index. */
  search(args: readonly string[]): Promise<RunResult>;
}

/**
 * The set-up of a test file over crafted texts: before its tests, the package built, a scratch folder, and
 * `texts` (file name -> text) ingested into an index there; after them, both removed.
 */
export function craftedIndex(name: string, texts: Readonly<Record<string, string>>): CraftedIndex {
  let scratch = '';
  let index = '';
  beforeAll(async () => {
    await buildPackage();
    scratch = mkdtempSync(join(tmpdir(), `unres-${name}-`));
    index = join(scratch, 'index');
    const folder = join(scratch, 'texts');
    mkdirSync(folder);
    for (const [file, text] of Object.entries(texts)) writeFileSync(join(folder, file), text);
    const ingest = await unres(['ingest', folder, '--index', index], { home: scratch });
    expect(ingest.code, ingest.stderr).toBe(0);
  }, 240_000);
  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    removePackage();
  });
  return { search: (args) => unres(['search', ...args, '--json', '--index', index], { home: scratch }) };
}
