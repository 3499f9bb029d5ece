// The identity rule as a property (issue 11): for random sequences of file
// operations on a small folder (write, modify, copy, rename, delete), with
// `unres ingest --prune`, `ingest --rebuild` and `unres remove` in between,
// `unres list` and `unres show` always equal a model of the folder: every
// distinct text in it present exactly once, knowing all of its paths, and
// found by each of them. Texts are drawn so that some share a symbol, some a
// file name, some are copies. Runs in-process (the CLI's main()), so that a
// run costs milliseconds, not processes.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { runMain } from '../../cli/fake-io.js';

const NAMES = ['a.txt', 'b.txt', 'sub/a.txt', 'E-RES-2019-7.md'];
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A small text; `symbol` 0 or 1 prints one of two symbols, 2 none. */
function text(symbol: number, variant: number): string {
  const head = symbol < 2 ? `E/RES/2019/${7 + symbol}\n\n` : '';
  return `${head}المجلس الاقتصادي والاجتماعي\n\nقرار ${variant}\n\n1 - يقرر أن ينظر في المسألة ${variant} في دورته المقبلة.\n`;
}

export type Op =
  | { op: 'write'; name: string; symbol: number; variant: number }
  | { op: 'modify'; name: string; variant: number }
  | { op: 'copy' | 'rename'; from: string; to: string }
  | { op: 'delete'; name: string }
  | { op: 'ingest' }
  | { op: 'remove'; name: string }
  | { op: 'rebuild' };

const name = fc.constantFrom(...NAMES);
export const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('write' as const), name, symbol: fc.integer({ min: 0, max: 2 }), variant: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('modify' as const), name, variant: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('copy' as const), from: name, to: name }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('rename' as const), from: name, to: name }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), name }) },
  { weight: 4, arbitrary: fc.constant({ op: 'ingest' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), name }) },
  { weight: 1, arbitrary: fc.constant({ op: 'rebuild' as const }) },
);

/** sha256 of each distinct text -> the paths holding it, sorted. */
type Model = Map<string, string[]>;

/** The model: each distinct text in the folder, and the paths holding it. */
function model(folder: string): Model {
  const texts: Model = new Map();
  for (const name of NAMES) {
    const path = join(folder, name);
    if (!existsSync(path)) continue;
    const sha = sha256(readFileSync(path));
    texts.set(sha, [...(texts.get(sha) ?? []), path].sort());
  }
  return texts;
}

/** What `list --json` and `show --json` say the index holds, checked for unique ids and lookup by every path. */
async function indexed(index: string): Promise<Model> {
  if (!existsSync(join(index, 'manifest.json'))) return new Map();
  const listed = await runMain(['list', '--json', '--index', index]);
  expect(listed.code, listed.stderr).toBe(0);
  const docs = JSON.parse(listed.stdout) as { id: string; paths: string[] }[];
  expect(new Set(docs.map((d) => d.id)).size, 'ids are unique').toBe(docs.length);
  const out: Model = new Map();
  for (const doc of docs) {
    const shown = await runMain(['show', doc.id, '--json', '--index', index]);
    expect(shown.code, shown.stderr).toBe(0);
    const sha = (JSON.parse(shown.stdout) as { source: { sha256: string } }).source.sha256;
    expect(out.has(sha), `text ${sha.slice(0, 8)} stored once`).toBe(false);
    out.set(sha, [...doc.paths].sort());
    for (const path of doc.paths) {
      const byPath = await runMain(['show', path, '--json', '--index', index]);
      expect(byPath.code, byPath.stderr).toBe(0);
      expect((JSON.parse(byPath.stdout) as { id: string }).id, `found by ${path}`).toBe(doc.id);
    }
  }
  return out;
}

function apply(folder: string, step: Op): void {
  const at = (n: string) => join(folder, n);
  mkdirSync(join(folder, 'sub'), { recursive: true });
  switch (step.op) {
    case 'write':
      writeFileSync(at(step.name), text(step.symbol, step.variant));
      return;
    case 'modify':
      if (existsSync(at(step.name))) writeFileSync(at(step.name), readFileSync(at(step.name), 'utf8') + `\n2 - يطلب ${step.variant}.\n`);
      return;
    case 'copy':
    case 'rename':
      if (step.from === step.to || !existsSync(at(step.from))) return;
      if (step.op === 'copy') copyFileSync(at(step.from), at(step.to));
      else renameSync(at(step.from), at(step.to));
      return;
    case 'delete':
      rmSync(at(step.name), { force: true });
      return;
    default:
      return;
  }
}

/** One sequence: after every step that touches the index, the index equals what the model says it must hold. */
async function runSequence(ops: Op[]): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'unres-identity-prop-'));
  try {
    const folder = join(root, 'docs');
    const index = join(root, 'index');
    mkdirSync(folder);
    // What the index must hold: the folder as of the last ingest, less what was removed since.
    let expected: Model = new Map();
    for (const step of [...ops, { op: 'ingest' } as Op]) {
      apply(folder, step);
      if (step.op === 'ingest') {
        const run = await runMain(['ingest', '--prune', folder, '--index', index]);
        expect(run.code, run.stderr).toBe(0);
        expected = model(folder);
      } else if (step.op === 'rebuild') {
        if (!existsSync(join(index, 'manifest.json'))) continue;
        const run = await runMain(['ingest', '--rebuild', '--index', index]);
        expect(run.code, run.stderr).toBe(0);
      } else if (step.op === 'remove') {
        const path = join(folder, step.name);
        const holder = [...expected.entries()].find(([, paths]) => paths.includes(path));
        if (!holder || !existsSync(join(index, 'manifest.json'))) continue;
        const run = await runMain(['remove', path, '--index', index]);
        expect(run.stdout, run.stderr).toBe('1 removed\n');
        expected.delete(holder[0]);
      } else continue;
      expect(await indexed(index), `after ${JSON.stringify(step)}`).toEqual(expected);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Runs the property `numRuns` times from a seed (UNRES_PROPERTY_SEED repeats a run; each run prints its seed). */
export async function checkIdentityProperty(numRuns: number, maxLength: number, defaultSeed: number): Promise<void> {
  const seed = Number(process.env.UNRES_PROPERTY_SEED ?? defaultSeed);
  console.log(`identity property: ${numRuns} runs of up to ${maxLength} steps, seed ${seed} (UNRES_PROPERTY_SEED=${seed} repeats it)`);
  await fc.assert(fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength }), runSequence), { numRuns, seed });
}
