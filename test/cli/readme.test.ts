// The README's examples, run as a reader would run them: every `$ ` line in a
// code block of README.md goes through /bin/sh with `unres` on the PATH (the
// compiled bin/unres.js), in a folder that holds `seeds/` and `schemas/`, with
// the seeds ingested in UNRES_INDEX. Each command must succeed (exit 1 only
// where the README shows the "no clauses match" line), and every line shown
// below a command must appear in what it printed: `…` stands for text left out,
// and timings `(0.21 s)` may differ. Lines of other tools (xmllint) run when the
// tool is installed.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, buildPackage, removePackage, ROOT, SEEDS, unres } from './run-bin.js';

interface Example {
  command: string;
  shown: string[];
}

/** The `$ ` lines of README.md's code blocks, each with the lines shown under it. */
export function readmeExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  let inBlock = false;
  let current: Example | null = null;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) {
      inBlock = !inBlock;
      current = null;
      continue;
    }
    if (!inBlock) continue;
    if (line.startsWith('$ ')) {
      current = { command: line.slice(2), shown: [] };
      examples.push(current);
    } else if (current && line.trim() !== '') {
      current.shown.push(line);
    }
  }
  return examples;
}

const TIMING = /\(\d+(?:\.\d+)? s\)/g;

/** Does some printed line read as the shown one? `…` is any text; the rest must appear in order. */
export function appears(shownLine: string, printed: string[]): boolean {
  const wanted = shownLine.replace(TIMING, '(T s)');
  const pieces = wanted.split('…');
  return printed.some((raw) => {
    const line = raw.replace(TIMING, '(T s)');
    let at = 0;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (piece === '') continue;
      const found = line.indexOf(piece, at);
      if (found < 0 || (i === 0 && found !== 0)) return false;
      at = found + piece.length;
    }
    return pieces[pieces.length - 1] === '' || at === line.length;
  });
}

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const EXAMPLES = readmeExamples(README);
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

let scratch: string;
let work: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  await buildPackage();
  scratch = mkdtempSync(join(tmpdir(), 'unres-readme-'));
  const shims = join(scratch, 'bin');
  mkdirSync(shims);
  writeFileSync(join(shims, 'unres'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(join(shims, 'unres'), 0o755);
  work = join(scratch, 'work');
  mkdirSync(work);
  symlinkSync(SEEDS, join(work, 'seeds'), 'dir');
  symlinkSync(join(ROOT, 'schemas'), join(work, 'schemas'), 'dir');
  env = { PATH: `${shims}:${process.env.PATH}`, HOME: scratch, LANG: 'C.UTF-8', UNRES_INDEX: join(scratch, 'index') };
  const ingested = await unres(['ingest', SEEDS], { home: scratch, env });
  expect(ingested.code).toBe(0);
}, 180_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  removePackage();
});

describe('the README', () => {
  it('has examples to run, and none that would reach the unrelated `unres` package of the registry', () => {
    expect(EXAMPLES.filter((e) => e.command.startsWith('unres ')).length).toBeGreaterThan(15);
    expect(README).not.toMatch(/npx (?!--no-install )(?:-\S+ )*unres/);
  });

  it('finds what it shows with "…" and timings', () => {
    expect(appears('op2  …خطة عمل…', ['op2  …في خطة عمل الأمم'])).toBe(true);
    expect(appears('2 clauses in 1 document (0.07 s)', ['2 clauses in 1 document (0.31 s)'])).toBe(true);
    expect(appears('op2  خطة', ['pp5  خطة'])).toBe(false);
    expect(appears('E-RES-2019-20', ['E-RES-2019-20:1'])).toBe(false);
  });

  for (const example of EXAMPLES) {
    const tool = example.command.split(' ')[0];
    const runnable = tool === 'unres' || (tool === 'xmllint' && hasXmllint);
    it.runIf(runnable)(`$ ${example.command}`, () => {
      const result = spawnSync('/bin/sh', ['-c', example.command], { cwd: work, env, encoding: 'utf8', timeout: 60_000 });
      const printed = `${result.stdout}${result.stderr}`.split('\n');
      const noHits = example.shown.some((l) => l.startsWith('unres: no clauses match'));
      expect(result.status, result.stderr).toBe(noHits ? 1 : 0);
      for (const line of example.shown) expect(appears(line, printed), `${line}\n--- printed:\n${printed.join('\n')}`).toBe(true);
    });
  }
});

