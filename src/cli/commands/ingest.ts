// `unres ingest <path...>`: read, parse what the index does not hold yet,
// store under the identity rule (src/store/identity.ts). A bad file is
// reported on one line and counted; it never stops the others. Every input
// file is counted once: added, updated, unchanged, duplicate, failed, skipped.
// Exit 2 if any failed, 130 when interrupted (Ctrl-C: what was read is kept),
// else 0.

import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { IndexError, UsageError } from '../../errors.js';
import { ProgressBar, etaText } from '../../render/progress.js';
import { type IngestCounts, formatIngestSummary } from '../../render/summary.js';
import type { IngestEntry, IngestSummary, UnresIndex } from '../../store/index.js';
import type { UnresDocument } from '../../types.js';
import type { CommandContext } from '../context.js';
import { CUT_SHORT_ENCODING, CUT_SHORT_WARNING } from '../../text/cut-short.js';
import { describeFailure } from '../failure.js';
import { openIndex } from '../index-access.js';
import { collectInputs } from '../inputs.js';
import type { SourceFormat } from '../../types.js';
import { formatOption, indexOption, useIndexDir } from '../options.js';
import { sha256Hex } from '../../lazy-crypto.js';

/** Below this many files a bar would only flicker. */
const PROGRESS_MIN_FILES = 20;
/**
 * Parsed documents are handed to the index in batches: memory stays bounded
 * on a large corpus, and the write lock is held only while a batch is
 * written, never while files are parsed, so concurrent ingests wait briefly.
 */
const BATCH_MAX_DOCUMENTS = 500;
/** Of input: a parsed document holds about ten times its file's size until its batch is written. */
const BATCH_MAX_BYTES = 16 * 1024 * 1024;
/** Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
const INTERRUPTED_EXIT = 130;

interface IngestOptions {
  index?: string;
  rebuild?: boolean;
  prune?: boolean;
  reparse?: boolean;
  quiet?: boolean;
  json?: boolean;
  stdinName: string;
  /** The format of standard input; files are judged by their content. */
  format?: SourceFormat;
}

type RunCounts = Required<IngestCounts>;

/** A file's mode (what it lets others read bounds the index: src/store/modes.ts); undefined for standard input. */
function fileMode(path: string | null): number | undefined {
  if (path === null) return undefined;
  try {
    return statSync(path).mode;
  } catch {
    return undefined;
  }
}

async function rebuild(index: UnresIndex, ctx: CommandContext, quiet: boolean): Promise<void> {
  const { stdout, stderr } = ctx.io;
  const result = await index.rebuild();
  const count = result.documents;
  if (!quiet) stdout.write(`rebuilt index: ${count} document${count === 1 ? '' : 's'}\n`);
  for (const name of result.foreign) stderr.write(`unres: warning: segment ${name} belongs to another index: not imported\n`);
  for (const id of result.damaged) {
    stderr.write(`unres: warning: stored document ${id} fails its checksum and was dropped: ingest its file again\n`);
  }
  const lost = result.unreadable - result.damaged.length;
  if (lost > 0) {
    stderr.write(
      `unres: warning: ${lost} stored document${lost === 1 ? '' : 's'} could not be read (damaged or missing segment files): ingest their files again\n`,
    );
  }
}

interface Interrupt {
  stopped(): boolean;
  dispose(): void;
  /** Documents of this run kept so far, for the line said when a later Ctrl-C ends the run. */
  kept: () => number;
  /** Around each write to the index: a second Ctrl-C waits for the write under way (and leaves when it ends, unless it failed). */
  writing(during: boolean, mayLeave?: boolean): void;
}

let lateInterruptWatched = false;

/**
 * After the run has said what it kept, the process still winds down (parse workers closing): a Ctrl-C
 * then leaves at once with the interrupt's exit code, as during the run, not by Node's default death by
 * signal, which a caller sees as no exit code at all. Watched once per process.
 */
function leaveOnLateInterrupt(): void {
  if (lateInterruptWatched) return;
  lateInterruptWatched = true;
  process.on('SIGINT', () => process.exit(INTERRUPTED_EXIT));
}

/**
 * Ctrl-C once: stop reading, write what was read (one commit, as usual), exit
 * 130. Twice: leave at once, exit 130; during a write to the index, as soon
 * as that write ends (a commit is one atomic rename, and the write lock is
 * released as the write ends: leaving in the middle could leave the lock to
 * go stale, delaying the next writer by seconds). A third Ctrl-C leaves at
 * once even then: nothing committed is lost, the next writer may wait for the
 * lock to go stale, as after a kill.
 */
function watchInterrupt(stderr: { write(chunk: string): unknown }): Interrupt {
  let signals = 0;
  let inWrite = false;
  let leaveAfterWrite = false;
  const leave = (how: string): never => {
    stderr.write(`unres: interrupted again: stopped ${how}; ${documents(interrupt.kept())} kept\n`);
    process.exit(INTERRUPTED_EXIT);
  };
  const interrupt: Interrupt = {
    stopped: () => signals > 0,
    dispose: () => {
      process.off('SIGINT', onSignal);
      leaveOnLateInterrupt();
    },
    kept: () => 0,
    writing(during: boolean, mayLeave = true) {
      inWrite = during;
      if (!during && leaveAfterWrite && mayLeave) leave('after the write under way');
    },
  };
  function onSignal(): void {
    signals++;
    if (signals === 1) return;
    if (inWrite && signals === 2) {
      leaveAfterWrite = true;
      stderr.write('unres: interrupted again: stopping when the write under way ends (Ctrl-C again: at once)\n');
      return;
    }
    leave('at once');
  }
  process.on('SIGINT', onSignal);
  return interrupt;
}

/** Documents of this run the index holds: its committed batches, and the files it held already. */
function keptCount(counts: RunCounts): number {
  return counts.added + counts.updated + counts.unchanged + counts.duplicate + counts.reparsed;
}

function documents(n: number): string {
  return `${n} document${n === 1 ? '' : 's'}`;
}

async function ingest(paths: string[], options: IngestOptions, ctx: CommandContext): Promise<void> {
  const quiet = options.quiet === true || options.json === true;
  if (paths.length === 0 && !options.rebuild && !options.prune) {
    throw new UsageError("ingest needs at least one path (a file, a folder or '-' for standard input), --rebuild or --prune");
  }
  // --rebuild or --prune alone work on an index that must be there; paths may start a new one.
  const index = await openIndex(useIndexDir(ctx, options.index), paths.length > 0);

  if (options.rebuild) {
    await rebuild(index, ctx, quiet);
    if (paths.length === 0 && !options.prune) return;
  }

  // Ctrl-C is watched from here on, folder walking included.
  const interrupt = watchInterrupt(ctx.io.stderr);
  try {
    await ingestInputs(paths, options, ctx, index, interrupt, quiet);
  } finally {
    interrupt.dispose();
  }
}

async function ingestInputs(
  paths: string[],
  options: IngestOptions,
  ctx: CommandContext,
  index: UnresIndex,
  interrupt: Interrupt,
  quiet: boolean,
): Promise<void> {
  const { stdout, stderr, stdin } = ctx.io;
  const { inputs, problems, skipped, notices } = await collectInputs(paths, stdin, options.stdinName, ctx.io.env);
  const progress = !quiet && stderr.isTTY && inputs.length > PROGRESS_MIN_FILES ? new ProgressBar(stderr) : undefined;
  const say = (message: string): void => {
    progress?.clear();
    stderr.write(`unres: ${message}\n`);
  };
  for (const problem of problems) say(problem.message);
  for (const notice of notices) say(notice);
  if (paths.length > 0 && inputs.length === 0 && problems.length === 0 && skipped === 0) say('no files of a format unres reads found in the given paths');

  const counts: RunCounts = { added: 0, updated: 0, unchanged: 0, duplicate: 0, reparsed: 0, failed: problems.length, skipped, removed: 0 };
  interrupt.kept = () => {
    progress?.clear();
    return keptCount(counts);
  };
  // One bar for the whole run, with an estimate of the time left.
  const started = Date.now();
  let done = 0;
  const showProgress = (label: string): void => {
    if (!progress) return;
    const eta = etaText(Date.now() - started, done, inputs.length);
    progress.update(done, inputs.length, eta === null ? label : `${label}, ETA ${eta}`);
  };
  const add = (result: IngestSummary): void => {
    counts.added += result.added;
    counts.updated += result.updated;
    counts.unchanged += result.unchanged;
    counts.duplicate += result.duplicate;
    counts.reparsed += result.reparsed;
    counts.failed += result.failed;
    counts.removed += result.removed;
    for (const line of result.replaced) say(line);
    for (const problem of result.problems) say(problem);
  };

  let batch: IngestEntry[] = [];
  let batchBytes = 0;
  const writeBatch = async (last: boolean): Promise<void> => {
    // The last batch, even empty, takes in a merge that ran beside the others.
    if (batch.length === 0 && !(last && (options.prune || index.mergesActive))) return;
    showProgress('writing');
    interrupt.writing(true);
    let result: IngestSummary;
    try {
      result = await index.ingestFiles(batch, { prune: last && options.prune === true, mergeInBackground: !last });
    } catch (err) {
      interrupt.writing(false, false); // the failure is said, not swallowed by a leave
      throw err;
    }
    add(result);
    interrupt.writing(false);
    batch = [];
    batchBytes = 0;
  };

  // Loaded only here: the search path must never pay for the parser.
  const { parseDocumentBytes } = await import('../../structure/parse.js');
  // Many files: parsed ahead on worker threads (both cores), taken in order.
  const { POOL_MIN_FILES, ParseAhead, ParsePool, workersAvailable } = await import('../../index/parse-pool.js');
  const { withPrepared } = await import('../../index/builder.js');
  const pool = inputs.length >= POOL_MIN_FILES && workersAvailable() ? new ParsePool() : null;
  // Standard input (which may name its --format) is parsed here; files on the workers.
  // --reparse: every file is parsed, its text stored or not.
  const reparse = options.reparse === true;
  const ahead = pool ? new ParseAhead(inputs, sha256Hex, (sha) => !reparse && index.hasSource(sha), pool) : null;
  try {
    for (const [i, input] of inputs.entries()) {
      if (interrupt.stopped()) break;
      showProgress('reading');
      try {
        const { bytes, sha } = ahead ? await ahead.read(i) : await input.read().then((b) => ({ bytes: b, sha: sha256Hex(b) }));
        const path = input.location ?? null;
        // Parsed here (standard input, a text re-read because its record failed its check) or taken from the workers.
        const parseHere = async (): Promise<UnresDocument> => {
          const doc = await parseDocumentBytes(bytes, input.path, input.fromStdin ? options.format : undefined);
          if (doc.source.encoding === CUT_SHORT_ENCODING) say(`warning: ${input.path}: ${CUT_SHORT_WARNING}`);
          return doc;
        };
        const parse = async (): Promise<UnresDocument> => {
          const parsed = ahead && !input.fromStdin ? await ahead.parse(i) : null;
          if (!parsed) return parseHere();
          if (parsed.doc.source.encoding === CUT_SHORT_ENCODING) say(`warning: ${input.path}: ${CUT_SHORT_WARNING}`);
          return withPrepared(parsed.doc, parsed);
        };
        // A text the index holds is not parsed again unless the store finds it needs it (a copy, a damaged record).
        if (reparse) batch.push({ path, sha256: sha, mode: fileMode(path), doc: await parse(), reparse });
        else if (index.unchanged(sha, path)) {
          ahead?.skip(i);
          counts.unchanged++;
        } else if (index.hasSource(sha)) {
          ahead?.skip(i);
          batch.push({ path, sha256: sha, mode: fileMode(path), load: parseHere });
        } else batch.push({ path, sha256: sha, mode: fileMode(path), doc: await parse() });
        batchBytes += bytes.length;
      } catch (err) {
        if (err instanceof IndexError) throw err; // the index itself is the problem: stop, exit 3
        counts.failed++;
        const { message } = describeFailure(err);
        say(message.startsWith(input.path) ? message : `${input.path}: ${message}`);
      }
      done++;
      if (batch.length >= BATCH_MAX_DOCUMENTS || batchBytes >= BATCH_MAX_BYTES) await writeBatch(false);
    }
    // Interrupted: what was read is kept; --prune waits for a complete run, and a merge under way is dropped.
    if (interrupt.stopped()) {
      options.prune = false;
      await index.abandonMerges();
    }
    await writeBatch(true);
  } finally {
    await pool?.close();
    progress?.clear();
  }
  const interrupted = interrupt.stopped();
  if (options.json) stdout.write(JSON.stringify({ ...counts, interrupted }) + '\n');
  else if (!quiet) stdout.write(formatIngestSummary(counts) + '\n');
  if (interrupted) {
    const left = inputs.length - done;
    stderr.write(`unres: interrupted: ${documents(keptCount(counts))} kept, ${left} file${left === 1 ? '' : 's'} not read\n`);
    ctx.exitCode = INTERRUPTED_EXIT;
    return;
  }
  ctx.exitCode = counts.failed > 0 ? 2 : 0;
}

export function registerIngest(program: Command, ctx: CommandContext): void {
  program
    .command('ingest')
    .description('parse files, folders (.txt, .md, .html, .htm, .pdf, .docx, .doc, recursively) or - (standard input) and add them to the index')
    .argument('[path...]', "files, folders, or '-' for standard input")
    .option('--rebuild', 'rebuild the index from the documents it stores (then ingest any paths given)')
    .option('--prune', 'afterwards, forget files that are gone, and remove documents no file holds any more')
    .option('--reparse', 'parse every file given again, even when its text is stored (after upgrading unres: what the new parser finds)')
    .option('--stdin-name <name>', 'file name to record for standard input', 'stdin.txt')
    .addOption(formatOption())
    .option('-q, --quiet', 'print no summary and no progress (problems still go to stderr)')
    .option('--json', 'print the summary as one JSON object')
    .addOption(indexOption())
    .action((paths: string[], options: IngestOptions) => ingest(paths, options, ctx));
}
