// Rebuilding the index from the documents it stores, analysed afresh. Works on
// a damaged index or one of another version: whatever stored documents can
// still be read (src/store/salvage.ts) are written into new segments and
// committed in place of everything else.

import { lstatSync, renameSync } from 'node:fs';
import type { UnresDocument } from '../types.js';
import { YIELD_EVERY_MS, commit, nextTurn } from './commit.js';
import type { HeldLock } from './lock.js';
import { manifestPath } from './layout.js';
import { emptyManifest } from './manifest.js';
import type { MergePolicyOptions } from './merge-policy.js';
import type { PathTable } from './paths.js';
import { salvageDocuments } from './salvage.js';
import { BatchWriter } from './writer.js';

export interface RebuildResult {
  /** Documents the index holds after the rebuild. */
  documents: number;
  /** Stored documents that could not be read back (their files must be ingested again). */
  unreadable: number;
  /** Ids of stored documents dropped because their record fails its checksum. */
  damaged: string[];
  /** Segments not imported because they belong to another index. */
  foreign: string[];
}

/** A manifest.json that is not a file (a folder, a named pipe) cannot be renamed over: it is moved aside, under a name that says why. */
function moveAsideNonFileManifest(dir: string): void {
  const path = manifestPath(dir);
  try {
    if (lstatSync(path).isFile()) return;
  } catch {
    return;
  }
  renameSync(path, `${path}.not-a-file-${Date.now()}`);
}

/** Rebuilds under the write lock; `expected` is the generation the manifest held when the lock was taken (null: none readable). */
export async function rebuildUnderLock(dir: string, lock: HeldLock, expected: number | null, segmentClauses: number, policy: MergePolicyOptions): Promise<RebuildResult> {
  moveAsideNonFileManifest(dir);
  const salvage = salvageDocuments(dir);
  const writer = new BatchWriter(dir, { ...emptyManifest(), identity: salvage.identity }, segmentClauses);
  writer.startCounterAt(salvage.nextSegment);
  let lastYield = Date.now();
  let count = 0;
  // The recorded paths of the documents kept (a table that cannot be read is lost: paths come back on the next ingest).
  const known = salvage.paths();
  const paths: PathTable = new Map();
  const docs: Iterable<UnresDocument> = salvage.documents();
  for (const doc of docs) {
    writer.add(doc);
    const recorded = known.get(doc.id);
    if (recorded) paths.set(doc.id, recorded);
    count++;
    if (Date.now() - lastYield > YIELD_EVERY_MS) {
      await nextTurn();
      lastYield = Date.now();
    }
  }
  const body = writer.finish();
  body.generation = salvage.generation;
  await commit(dir, body, lock, policy, expected, { paths: { whole: paths } });
  return { documents: count, unreadable: salvage.unreadable, damaged: salvage.damaged, foreign: salvage.foreign };
}
