// Everything only a writer needs (ingest, rebuild, optimize): lock, commit,
// identity, segment building and merging. src/store/index.ts imports it on
// the first write, so a search or a listing never loads (and compiles) it.

export { BackgroundMerges } from './background-merges.js';
export { YIELD_EVERY_MS, commit, nextTurn } from './commit.js';
export { writeWithRetry } from './claim.js';
export { Identity } from './identity.js';
export { notWritableHint } from './lock.js';
export { deniedBy, restrictFolder } from './modes.js';
export { rebuildUnderLock } from './rebuild.js';
export { documentProblem } from './validate.js';
export { BatchWriter } from './writer.js';
export { withId } from '../index/builder.js';
