// Crash trials: `unres ingest` (or `ingest --rebuild`) is killed with SIGKILL
// at a chosen moment, then the index must open, hold every document in its old
// or its new version (by the sha256 in `show --json`), hold each once, and
// take the next ingest. Shared by the default suite (a handful of trials) and
// test/slow/reliability (many). See docs/reliability.md ("Crash safety").
import { createHash } from 'node:crypto';
import { type FSWatcher, appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { UnresIndex } from '../../../src/store/index.js';
import type { UnresDocument } from '../../../src/types.js';
import { type Listed, SEEDS, start, unres } from './cli.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Moments to kill at: a delay after spawning, or as soon as the writer reaches a step. */
export type KillPoint =
  | { delayMs: number }
  /** A delay counted from the moment the writer takes the lock: a random moment of the write itself. */
  | { on: 'lock'; thenMs: number }
  | { on: 'lock' | 'staging' | 'segment' | 'manifest-temp' | 'manifest' };

export function describePoint(point: KillPoint): string {
  if ('delayMs' in point) return `after ${point.delayMs} ms`;
  return 'thenMs' in point ? `${point.thenMs} ms after the lock` : `on ${point.on}`;
}

export interface CrashCorpus {
  /** Folder each victim ingests: changed versions of the base files and new files. */
  next: string;
  /** An index holding the base (old) versions. */
  baseIndex: string;
  /** An index holding the next versions (for rebuild trials). */
  nextIndex: string;
  oldSha: ReadonlyMap<string, string>;
  newSha: ReadonlyMap<string, string>;
  /** Summary line of an ingest of `next` into the base index, and into an index that has it already. */
  fromOld: string;
  fromNew: string;
  /** When, after spawning, an unkilled ingest took the lock and exited (ms). */
  timing: { lockMs: number; exitMs: number };
}

export type Outcome = 'old' | 'new';
export type Phase = 'finished' | 'before-lock' | 'holding-lock' | 'committed';

export interface TrialRecord {
  point: string;
  phase: Phase;
  outcome: Outcome;
  /** How long the next ingest took (it may wait for the killed writer's lock to go stale). */
  nextIngestMs: number;
}

const CHANGED_SEEDS = 3;

async function listed(index: string): Promise<Listed[]> {
  const result = await unres(['list', '--json', '--index', index]);
  expect(result.code, `list after the kill: ${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout) as Listed[];
}

/** Base: seeds 0-2. Next: seeds 0-2 changed (a line appended), and seeds 3-4 new. */
export async function prepareCrashCorpus(work: string): Promise<CrashCorpus> {
  // The base index is ingested from the same folder before its files change: a changed file, same path.
  const next = join(work, 'next');
  mkdirSync(next, { recursive: true });
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  for (const name of seeds.slice(0, CHANGED_SEEDS)) copyFileSync(join(SEEDS, name), join(next, name));

  const baseIndex = join(work, 'base-index');
  const first = await unres(['ingest', next, '--index', baseIndex]);
  expect(first.stdout, first.stderr).toBe(`${CHANGED_SEEDS} added, 0 updated, 0 unchanged, 0 failed\n`);
  const oldSha = new Map((await listed(baseIndex)).map((d) => [d.id, sha256(readFileSync(join(next, d.source)))]));
  for (const [i, name] of seeds.entries()) {
    if (i < CHANGED_SEEDS) appendFileSync(join(next, name), '\nملاحظة: هذه نسخة معدلة من الوثيقة.\n');
    else copyFileSync(join(SEEDS, name), join(next, name));
  }

  // One unkilled run: the new state, and when its steps happen.
  const nextIndex = join(work, 'next-index');
  cpSync(baseIndex, nextIndex, { recursive: true });
  const started = performance.now();
  const run = start(['ingest', next, '--index', nextIndex]);
  let lockMs = -1;
  const poll = setInterval(() => {
    if (lockMs < 0 && existsSync(join(nextIndex, 'write.lock'))) lockMs = performance.now() - started;
  }, 1);
  const done = await run.done;
  clearInterval(poll);
  const exitMs = performance.now() - started;
  const files = readdirSync(next).length;
  const newDocs = files - CHANGED_SEEDS;
  const fromOld = `${newDocs} added, ${CHANGED_SEEDS} updated, 0 unchanged, 0 failed\n`;
  expect(done.stdout, done.stderr).toBe(fromOld);
  const newSha = new Map((await listed(nextIndex)).map((d) => [d.id, sha256(readFileSync(join(next, d.source)))]));
  expect(newSha.size, 'every file of the corpus is its own document').toBe(files);
  for (const id of oldSha.keys()) expect(newSha.has(id), `changed file keeps its id ${id}`).toBe(true);
  return {
    next,
    baseIndex,
    nextIndex,
    oldSha,
    newSha,
    fromOld,
    fromNew: `0 added, 0 updated, ${files} unchanged, 0 failed\n`,
    timing: { lockMs: lockMs < 0 ? exitMs * 0.7 : lockMs, exitMs },
  };
}

function manifestInode(index: string): number {
  return statSync(join(index, 'manifest.json')).ino;
}

function segmentEntries(index: string): string[] {
  try {
    return readdirSync(join(index, 'segments'));
  } catch {
    return [];
  }
}

/** Polls the index folder every millisecond for the step a kill point waits for. */
function reached(point: Extract<KillPoint, { on: string }>, index: string, before: { segments: Set<string>; inode: number }): () => boolean {
  switch (point.on) {
    case 'lock':
      return () => existsSync(join(index, 'write.lock'));
    case 'staging':
      return () => segmentEntries(index).some((n) => n.startsWith('.staging-'));
    case 'segment':
      return () => segmentEntries(index).some((n) => n.startsWith('s') && !before.segments.has(n));
    case 'manifest-temp':
      return () => readdirSync(index).some((n) => n.startsWith('.manifest.json.') && n.endsWith('.tmp'));
    case 'manifest':
      return () => manifestInode(index) !== before.inode;
  }
}

/** Runs `args` against `index`, SIGKILLs it at `point`; returns whether the kill landed. */
async function killAt(args: string[], index: string, point: KillPoint): Promise<{ killed: boolean; inode: number }> {
  const before = { segments: new Set(segmentEntries(index)), inode: manifestInode(index) };
  const victim = start([...args, '--index', index]);
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout;
  if ('delayMs' in point) {
    timer = setTimeout(() => victim.child.kill('SIGKILL'), point.delayMs);
  } else {
    const ready = reached(point, index, before);
    const thenMs = 'thenMs' in point ? point.thenMs : 0;
    let fired = false;
    const check = () => {
      if (fired || !ready()) return;
      fired = true;
      if (thenMs > 0) setTimeout(() => victim.child.kill('SIGKILL'), thenMs);
      else victim.child.kill('SIGKILL');
    };
    // File-system events kill within the step's window (a segment's rename and the manifest's are a millisecond
    // apart); the poll is the fallback where events are not delivered.
    for (const dir of [index, join(index, 'segments')]) {
      try {
        watchers.push(watch(dir, check));
      } catch {
        // not there yet, or no watching on this file system
      }
    }
    timer = setInterval(check, 1);
  }
  const result = await victim.done;
  clearTimeout(timer);
  clearInterval(timer);
  for (const watcher of watchers) watcher.close();
  if (result.signal !== 'SIGKILL') expect(result.code, `unkilled run: ${result.stderr}`).toBe(0);
  return { killed: result.signal === 'SIGKILL', inode: before.inode };
}

/** The sha256 of each document's source, as `unres show --json` prints it. */
async function shownShas(index: string, ids: string[], label: string): Promise<Array<readonly [string, string]>> {
  return await Promise.all(
    ids.map(async (id) => {
      const shown = await unres(['show', id, '--json', '--index', index]);
      expect(shown.code, `${label}: show ${id}: ${shown.stderr}`).toBe(0);
      return [id, (JSON.parse(shown.stdout) as UnresDocument).source.sha256] as const;
    }),
  );
}

/** The same, read in-process with the store's get() (what show prints): for checks after the next ingest, to keep trials quick. */
async function storedShas(index: string, ids: string[]): Promise<Array<readonly [string, string]>> {
  const store = await UnresIndex.open(index);
  try {
    return await Promise.all(ids.map(async (id) => [id, (await store.get(id))?.source.sha256 ?? 'missing'] as const));
  } finally {
    store.close();
  }
}

/**
 * Every listed document once, each in one of its allowed versions; the state
 * as a whole. `via` says how the versions are read: `show --json` right after
 * a kill, the store in-process once the next ingest has passed.
 */
async function checkDocuments(index: string, corpus: CrashCorpus, label: string, via: 'show' | 'store' = 'show'): Promise<Outcome> {
  const ids = (await listed(index)).map((d) => d.id);
  expect(new Set(ids).size, `${label}: no document twice`).toBe(ids.length);
  for (const id of corpus.oldSha.keys()) expect(ids, `${label}: old document kept`).toContain(id);
  for (const id of ids) expect(corpus.newSha.has(id), `${label}: ${id} is a known document`).toBe(true);
  const shas = via === 'show' ? await shownShas(index, ids, label) : await storedShas(index, ids);
  let old = 0;
  for (const [id, sha] of shas) {
    const allowed = [corpus.oldSha.get(id), corpus.newSha.get(id)].filter(Boolean);
    expect(allowed, `${label}: ${id} is its old or its new version`).toContain(sha);
    if (sha === corpus.oldSha.get(id)) old++;
  }
  // One ingest run of fewer than 500 files commits at once: never half of it.
  if (old === corpus.oldSha.size && ids.length === corpus.oldSha.size) return 'old';
  expect({ old, documents: ids.length }, `${label}: all old or all new`).toEqual({ old: 0, documents: corpus.newSha.size });
  return 'new';
}

function expectNoLeftovers(index: string, label: string): void {
  const manifest = JSON.parse(readFileSync(join(index, 'manifest.json'), 'utf8')) as { body: { segments: { name: string }[] } };
  const named = manifest.body.segments.map((s) => s.name).sort();
  expect(segmentEntries(index).sort(), `${label}: only committed segments remain`).toEqual(named);
  expect(readdirSync(index).filter((n) => n.endsWith('.tmp')), `${label}: no temporary files remain`).toEqual([]);
}

/** Later ingests wait for a killed writer's lock to go stale (10 s); give them room. */
const PATIENT = { UNRES_LOCK_WAIT_MS: '30000' };

export async function ingestTrial(corpus: CrashCorpus, dir: string, point: KillPoint): Promise<TrialRecord> {
  const label = `ingest killed ${describePoint(point)}`;
  cpSync(corpus.baseIndex, dir, { recursive: true });
  try {
    const { killed, inode } = await killAt(['ingest', corpus.next], dir, point);
    const committed = manifestInode(dir) !== inode;
    const phase: Phase = !killed ? 'finished' : committed ? 'committed' : existsSync(join(dir, 'write.lock')) ? 'holding-lock' : 'before-lock';

    const outcome = await checkDocuments(dir, corpus, label);
    expect(outcome, `${label}: the new state exactly when the manifest was replaced`).toBe(committed ? 'new' : 'old');
    const search = await unres(['search', 'الأطفال', '--json', '--limit', '3', '--index', dir]);
    expect(search.code, `${label}: search: ${search.stderr}`).toBe(0);

    const started = performance.now();
    const later = await unres(['ingest', corpus.next, '--index', dir], { env: PATIENT });
    const nextIngestMs = performance.now() - started;
    expect(later.stderr, label).toBe('');
    expect(later.stdout, label).toBe(outcome === 'old' ? corpus.fromOld : corpus.fromNew);
    expect(later.code).toBe(0);
    expect(await checkDocuments(dir, corpus, `${label}, then ingested again`, 'store')).toBe('new');
    if (outcome === 'old') {
      // The later ingest wrote: it took over the dead writer's lock, released it, and swept.
      expect(existsSync(join(dir, 'write.lock')), `${label}: lock released`).toBe(false);
      expectNoLeftovers(dir, label);
    }
    return { point: describePoint(point), phase, outcome, nextIngestMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `ingest --rebuild` killed: the documents never change, only the segments holding them. */
export async function rebuildTrial(corpus: CrashCorpus, dir: string, point: KillPoint): Promise<TrialRecord> {
  const label = `rebuild killed ${describePoint(point)}`;
  cpSync(corpus.nextIndex, dir, { recursive: true });
  try {
    const { killed, inode } = await killAt(['ingest', '--rebuild'], dir, point);
    const committed = manifestInode(dir) !== inode;
    const phase: Phase = !killed ? 'finished' : committed ? 'committed' : existsSync(join(dir, 'write.lock')) ? 'holding-lock' : 'before-lock';
    expect(await checkDocuments(dir, corpus, label)).toBe('new');
    const started = performance.now();
    const again = await unres(['ingest', '--rebuild', '--index', dir], { env: PATIENT });
    const nextIngestMs = performance.now() - started;
    expect(again.stdout, `${label}: ${again.stderr}`).toBe(`rebuilt index: ${corpus.newSha.size} documents\n`);
    expect(await checkDocuments(dir, corpus, `${label}, then rebuilt`, 'store')).toBe('new');
    expectNoLeftovers(dir, label);
    return { point: describePoint(point), phase, outcome: 'new', nextIngestMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `tasks` with at most `limit` at once (trials mostly wait: on the kill, on a stale lock). */
export async function pool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let nextTask = 0;
  const worker = async (): Promise<void> => {
    while (nextTask < tasks.length) {
      const i = nextTask++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** A small seeded generator, so a failing run can be repeated with UNRES_TRIAL_SEED. */
export { mulberry32 as seededRandom } from '../../../scripts/bench/random.js';

export function summarise(records: TrialRecord[]): string {
  const byPoint = new Map<string, string[]>();
  for (const r of records) {
    const point = r.point.startsWith('after') ? 'random delay' : r.point.endsWith('after the lock') ? 'random delay after the lock' : r.point;
    byPoint.set(point, [...(byPoint.get(point) ?? []), r.phase]);
  }
  const points = [...byPoint].map(([point, phases]) => `${point}: ${phases.join('/')}`).join('; ');
  const count = (key: keyof TrialRecord) =>
    Object.entries(records.reduce<Record<string, number>>((acc, r) => ({ ...acc, [String(r[key])]: (acc[String(r[key])] ?? 0) + 1 }), {}))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  const slowest = Math.max(...records.map((r) => r.nextIngestMs));
  return `${records.length} trials; phase at kill: ${count('phase')}; state after: ${count('outcome')}; slowest next ingest ${(slowest / 1000).toFixed(1)} s (${points})`;
}
