// Committing a write: merge what the policy asks for, replace the manifest
// atomically (the one moment a change becomes visible), then sweep segment
// folders and temporary files the new manifest no longer names. Runs only
// under the write lock.

import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isTempFileOf } from './atomic.js';
import { LEGACY_PATHS_NAME, MANIFEST_FILE, PATHS_NAME, pathsFileGeneration, segmentCounter, segmentName, segmentOfFolder, segmentPath, segmentsPath } from './layout.js';
import { commitClaimed, processAlive } from './claim.js';
import { type HeldLock, lockWaitMs } from './lock.js';
import { type ManifestBody, type ManifestSegment, writeManifest } from './manifest.js';
import { type MergePolicyOptions, nextMerge } from './merge-policy.js';
import { tightenTree } from './modes.js';
import { type PathTable, appendChanges, writeWholeTable } from './paths.js';
import { DiskSegment } from './segment-files.js';
import type { BackgroundMerges } from './background-merges.js';
import { runMergeJob } from './merge-job.js';
import { randomTag } from './writer.js';

/** Longest stretch of synchronous work between two turns of the event loop (the lock refreshes its mtime there). */
export const YIELD_EVERY_MS = 50;

export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What a commit does to the table of source paths: the documents whose paths changed, or a whole new table (rebuild). */
export type PathsUpdate = { changes: PathTable } | { whole: PathTable };

/**
 * Merges as the policy says, then replaces the manifest: a compare-and-swap on
 * its generation under the commit claim (src/store/claim.ts), `expected` being
 * the generation the work started from (null: none readable). `paths`, when
 * given, updates the table of source paths: its new files are written beside
 * the manifest and named by it (otherwise the body's table stays).
 *
 * With `merges` (a long ingest's background merges): a finished merge is
 * taken in first. Then, when `background`, the merge the policy asks for is
 * started on its own thread after the manifest is written, instead of being
 * done now; otherwise (the run's last commit) the running one is waited for
 * and the policy's merges are done here, as without `merges`.
 */
export async function commit(
  dir: string,
  body: ManifestBody,
  lock: HeldLock,
  policy: MergePolicyOptions,
  expected: number | null,
  options: { mergeAll?: boolean; paths?: PathsUpdate; merges?: BackgroundMerges | null; background?: boolean } = {},
): Promise<void> {
  let mergeAll = options.mergeAll === true;
  const merges = options.merges ?? null;
  const background = merges !== null && options.background === true;
  if (merges && !background) await merges.wait();
  let next = merges ? merges.takeIn(body) : body;
  let start: { sources: ManifestSegment[]; name: string } | null = null;
  for (;;) {
    const candidates = next.segments.map((s) => ({ name: s.name, clauses: s.clauses, liveClauses: liveClauses(dir, s, next.identity) }));
    const names = mergeAll
      ? next.segments.length > 1 || next.segments.some((s) => s.deleted.length > 0)
        ? next.segments.map((s) => s.name)
        : null
      : nextMerge(candidates, policy);
    if (!names) break;
    if (background) {
      // One merge at a time; the name is taken now, so the manifest's counter moves past it.
      if (merges.canStart) {
        start = { sources: next.segments.filter((s) => names.includes(s.name)), name: segmentName(next.nextSegment, randomTag()) };
        next = { ...next, nextSegment: next.nextSegment + 1 };
      }
      break;
    }
    await nextTurn();
    next = await mergeInto(dir, next, names, merges);
    mergeAll = false;
  }
  if (merges && !background) merges.mergedInPlace();
  const generation = next.generation + 1;
  const update = options.paths;
  if (update) {
    const paths = 'whole' in update ? writeWholeTable(dir, update.whole, generation, randomTag) : appendChanges(dir, next.paths, update.changes, generation, randomTag);
    next = { ...next, paths };
  }
  lock.assertHeld();
  const committed = { ...next, generation };
  commitClaimed(dir, expected, lockWaitMs(), () => writeManifest(dir, committed));
  merges?.taken();
  sweep(dir, {
    segments: new Set([...next.segments.map((s) => s.name), ...(merges?.protectedNames() ?? [])]),
    paths: new Set(next.paths.map((p) => p.name)),
    nextSegment: committed.nextSegment,
    generation,
  });
  // Nothing inside the index is wider than its folder, whose mode the sources narrowed (src/store/modes.ts).
  tightenTree(dir);
  if (start) merges!.start(dir, next.identity, start.sources, start.name);
}

/** Merges `names` into one segment, here or, in a long ingest (`merges`), on its merge thread. */
async function mergeInto(dir: string, body: ManifestBody, names: string[], merges: BackgroundMerges | null): Promise<ManifestBody> {
  const chosen = body.segments.filter((s) => names.includes(s.name));
  const segments = body.segments.filter((s) => !names.includes(s.name));
  let nextSegment = body.nextSegment;
  if (chosen.some((s) => s.deleted.length < s.docs)) {
    const job = { dir, identity: body.identity, sources: chosen, name: segmentName(nextSegment++, randomTag()) };
    const { entry } = await (merges ? merges.runNow(job) : runMergeJob(job));
    const at = body.segments.findIndex((s) => s.name === names[0]);
    segments.splice(Math.min(at, segments.length), 0, entry);
  }
  return { ...body, nextSegment, segments };
}

/** What a commit's sweep keeps, and the bounds of what it may remove. */
export interface SweepScope {
  /** Segments the new manifest names, and the output of this run's running merge. */
  segments: ReadonlySet<string>;
  /** Paths files the new manifest names. */
  paths: ReadonlySet<string>;
  /** The new manifest's segment counter: a writer that starts from it or a later one names its segments from here up. */
  nextSegment: number;
  /** The new manifest's generation: a later commit's paths file carries a higher one. */
  generation: number;
}

/**
 * Removes segment folders and paths files the new manifest no longer names, and leftovers of writers that
 * are gone. The sweep runs after the commit, outside the claim, and its process may be paused or starved
 * right there past the lock's stale time while another writer takes the lock over, writes and commits: so
 * it removes only what no later writer can own. A segment whose counter is below this manifest's
 * nextSegment, or a paths file of this generation or an earlier one, can only be named by this manifest or
 * an earlier one (a later manifest adds segments numbered from its base's nextSegment up, and paths files
 * of its own generation); a temporary manifest or a claim file only when its process is gone.
 */
export function sweep(dir: string, scope: SweepScope): void {
  for (const name of readdirSync(dir)) {
    const remove =
      (isTempFileOf(MANIFEST_FILE, name) && !processAliveIn(name)) ||
      deadClaimFile(name) ||
      (PATHS_NAME.test(name) && !scope.paths.has(name) && pathsFileGeneration(name) <= scope.generation) ||
      LEGACY_PATHS_NAME.test(name);
    if (remove) rmSync(join(dir, name), { force: true });
  }
  let names: string[];
  try {
    names = readdirSync(segmentsPath(dir));
  } catch {
    return;
  }
  for (const folder of names) {
    // A staging folder is kept while its segment is (a running merge's output).
    const segment = segmentOfFolder(folder);
    if (segment === null || scope.segments.has(segment) || segmentCounter(segment) >= scope.nextSegment) continue;
    rmSync(segmentPath(dir, folder), { recursive: true, force: true });
  }
}

/** Is the process named in a temporary file's name (`.<base>.<pid>.<tag>.tmp`) still running? */
function processAliveIn(name: string): boolean {
  const match = /\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name);
  return match !== null && processAlive(Number(match[1]));
}

/** A claim file (`.claim.<pid>.<tag>`) of a process that is gone. */
function deadClaimFile(name: string): boolean {
  const match = /^\.claim\.(\d+)\.[0-9a-f]{8}$/.exec(name);
  return match !== null && !processAlive(Number(match[1]));
}

function liveClauses(dir: string, entry: ManifestSegment, identity: string): number {
  if (entry.deleted.length === 0) return entry.clauses;
  const segment = new DiskSegment(dir, entry, identity);
  try {
    let live = entry.clauses;
    for (const d of entry.deleted) live -= segment.row(d).clauseCount;
    return live;
  } finally {
    segment.close();
  }
}
