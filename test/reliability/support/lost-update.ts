// Lost-update trials (issue 11, item 5): writer A holds the write lock and
// stops refreshing it past the stale time, either paused (SIGSTOP) or busy in
// one long synchronous stretch (UNRES_TEST_BLOCK_MS); writer B takes the lock
// over and commits; then A goes on. No document of a writer that reported
// success may be missing, and a writer that did not succeed must say so
// (exit 3, one line). Shared by the default suite (2 trials each) and
// test/slow/reliability (20 each). See docs/reliability.md ("Writers that overlap").
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import { type Result, start, unres } from './cli.js';

/** Shortest stale time the lock allows: trials stay short. */
export const STALE_MS = 2_000;
const ENV = { UNRES_LOCK_STALE_MS: String(STALE_MS), UNRES_LOCK_WAIT_MS: '30000' };

export type Stall = 'sigstop' | 'long-write';

export interface TrialOutcome {
  a: Result;
  b: Result;
  /** Documents each writer brought that the index lacks afterwards (must stay 0 for a writer that exited 0). */
  missingA: number;
  missingB: number;
  /** Whether B really committed while A was stalled (otherwise the trial did not test the race). */
  overlapped: boolean;
}

/** A text with no document symbol (its id is its file name), long enough that writing it takes a moment. */
function text(tag: string, i: number): string {
  const paragraphs = [`ملاحظة ${tag} ${i}.`];
  for (let k = 1; k <= 400; k++) paragraphs.push(`الفقرة ${k} من النص ${tag} ${i}: تؤكد الجمعية العامة أهمية التنمية المستدامة ومكافحة الاتجار بالأشخاص.`);
  return paragraphs.join('\n\n') + '\n';
}

/** `count` distinct texts with distinct ids (no symbol: the id is the file name, unique per writer and trial). */
function writeFolder(dir: string, tag: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${tag}-${i}.txt`;
    writeFileSync(join(dir, name), text(tag, i));
    names.push(join(dir, name));
  }
  return names;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(test: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (test()) return true;
    await sleep(1);
  }
  return false;
}

async function indexedPaths(index: string): Promise<Set<string>> {
  const r = await unres(['list', '--json', '--index', index]);
  expect(r.code, r.stderr).toBe(0);
  // The index records a document's file name; the names are distinct per writer and trial.
  return new Set((JSON.parse(r.stdout) as { source: string }[]).map((d) => basename(d.source)));
}

function generation(index: string): number {
  try {
    return (JSON.parse(readFileSync(join(index, 'manifest.json'), 'utf8')) as { body: { generation: number } }).body.generation;
  } catch {
    return -1;
  }
}

export async function lostUpdateTrial(work: string, stall: Stall): Promise<TrialOutcome> {
  const index = join(work, 'index');
  const base = writeFolder(join(work, 'base'), 'base', 2);
  const first = await unres(['ingest', join(work, 'base'), '--index', index], { env: ENV });
  expect(first.code, first.stderr).toBe(0);
  const filesA = writeFolder(join(work, 'a'), 'a', 10);
  const filesB = writeFolder(join(work, 'b'), 'b', 3);

  const lock = join(index, 'write.lock');
  const envA = stall === 'long-write' ? { ...ENV, UNRES_TEST_BLOCK_MS: String(STALE_MS * 3) } : ENV;
  const a = start(['ingest', join(work, 'a'), '--index', index], { env: envA });
  const before = generation(index);
  // A holds the lock and has read the index (it is writing its segment): stall it there.
  const segments = join(index, 'segments');
  const old = new Set(readdirSync(segments));
  const writing = () => existsSync(lock) && readdirSync(segments).some((n) => !old.has(n));
  expect(await until(writing, 30_000), 'writer A is writing').toBe(true);
  if (stall === 'sigstop') a.child.kill('SIGSTOP');
  // B waits for A's lock to go stale, takes it over and commits.
  const b = await unres(['ingest', join(work, 'b'), '--index', index], { env: ENV });
  const overlapped = generation(index) > before && !existsSync(join(index, 'never'));
  if (stall === 'sigstop') a.child.kill('SIGCONT');
  const resultA = await a.done;
  const present = await indexedPaths(index);
  for (const path of base) expect(present.has(basename(path)), `base document ${path}`).toBe(true);
  for (const r of [resultA, b]) {
    if (r.code !== 0) {
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toMatch(/^unres: [^\n]+\n$/);
    }
  }
  return {
    a: resultA,
    b,
    missingA: filesA.filter((p) => !present.has(basename(p))).length,
    missingB: filesB.filter((p) => !present.has(basename(p))).length,
    overlapped,
  };
}

/**
 * A trial repeated (in a fresh folder each time, up to `attempts`) until B
 * really committed during A's stall: on a loaded machine B may itself be
 * refused (exit 3, one line: e.g. its own 2 s lock went stale while starved of
 * CPU), and then the trial did not test the race. Every attempt, raced or not,
 * must have lost nothing; the refusals are returned so the log shows them.
 */
export async function racedTrial(
  newFolder: () => string,
  stall: Stall,
  attempts = 3,
): Promise<{ outcome: TrialOutcome; refusals: string[] }> {
  const refusals: string[] = [];
  for (let attempt = 1; ; attempt++) {
    const outcome = await lostUpdateTrial(newFolder(), stall);
    expectNothingLost(outcome);
    if (outcome.overlapped || attempt >= attempts) return { outcome, refusals };
    refusals.push(`A exit ${outcome.a.code} ${outcome.a.stderr.trim()}; B exit ${outcome.b.code} ${outcome.b.stderr.trim()}`);
  }
}

/** A writer that exited 0 lost nothing. */
export function expectNothingLost(o: TrialOutcome): void {
  if (o.a.code === 0) expect(o.missingA, `A reported success: ${o.a.stdout}`).toBe(0);
  if (o.b.code === 0) expect(o.missingB, `B reported success: ${o.b.stdout}`).toBe(0);
}
