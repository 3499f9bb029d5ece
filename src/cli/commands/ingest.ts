// `unres ingest <path...>`: read, skip what the index already holds (same
// sha256), parse the rest, add them. A bad file is reported on one line and
// counted; it never stops the others. Exit 2 if any failed, else 0.

import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import { IndexError, UsageError } from '../../errors.js';
import { ProgressBar } from '../../render/progress.js';
import { formatIngestSummary, type IngestCounts } from '../../render/summary.js';
import type { UnresDocument } from '../../types.js';
import type { CommandContext } from '../context.js';
import { CUT_SHORT_ENCODING, CUT_SHORT_WARNING } from '../../text/cut-short.js';
import { describeFailure } from '../failure.js';
import { openIndex } from '../index-access.js';
import { collectInputs } from '../inputs.js';
import type { SourceFormat } from '../../types.js';
import { formatOption, indexOption, useIndexDir } from '../options.js';

/** Below this many files a bar would only flicker. */
const PROGRESS_MIN_FILES = 20;
/**
 * Parsed documents are handed to the index in batches: memory stays bounded
 * on a large corpus, and the write lock is held only while a batch is
 * written, never while files are parsed, so concurrent ingests wait briefly.
 */
const BATCH_MAX_DOCUMENTS = 500;
const BATCH_MAX_BYTES = 64 * 1024 * 1024;

interface IngestOptions {
  index?: string;
  rebuild?: boolean;
  stdinName: string;
  /** The format of standard input; files are judged by their content. */
  format?: SourceFormat;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function ingest(paths: string[], options: IngestOptions, ctx: CommandContext): Promise<void> {
  const { stdout, stderr, stdin } = ctx.io;
  if (paths.length === 0 && !options.rebuild) {
    throw new UsageError("ingest needs at least one path (a file, a folder or '-' for standard input), or --rebuild");
  }
  // --rebuild alone repairs an index that must be there; paths may start a new one.
  const index = await openIndex(useIndexDir(ctx, options.index), paths.length > 0);

  if (options.rebuild) {
    const rebuilt = await index.rebuild();
    const count = typeof rebuilt === 'number' ? rebuilt : (await index.list()).length;
    stdout.write(`rebuilt index: ${count} document${count === 1 ? '' : 's'}\n`);
    const lost = index.unreadableOnRebuild;
    if (lost > 0) {
      stderr.write(
        `unres: warning: ${lost} stored document${lost === 1 ? '' : 's'} could not be read (damaged or missing segment files): ingest their files again\n`,
      );
    }
    if (paths.length === 0) return;
  }

  const { inputs, problems, notices } = await collectInputs(paths, stdin, options.stdinName, ctx.io.env);
  const progress = stderr.isTTY && inputs.length > PROGRESS_MIN_FILES ? new ProgressBar(stderr) : undefined;
  const reportProblem = (message: string): void => {
    progress?.clear();
    stderr.write(`unres: ${message}\n`);
  };
  for (const problem of problems) reportProblem(problem.message);
  for (const notice of notices) reportProblem(notice);
  if (inputs.length === 0 && problems.length === 0) reportProblem('no .txt or .md files found in the given paths');

  const counts: IngestCounts = { added: 0, updated: 0, unchanged: 0, failed: problems.length };
  let batch: UnresDocument[] = [];
  let batchBytes = 0;
  const writeBatch = async (): Promise<void> => {
    if (batch.length === 0) return;
    const result = await index.ingest(batch, {
      onProgress: (done: number, total: number) => progress?.update(done, total, 'indexing'),
    });
    counts.added += result.added;
    counts.updated += result.updated;
    counts.unchanged += result.unchanged;
    counts.failed += result.failed;
    for (const problem of result.problems ?? []) reportProblem(problem);
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
  const ahead = pool ? new ParseAhead(inputs, sha256, (sha) => index.hasSource(sha), pool) : null;
  for (const [done, input] of inputs.entries()) {
    progress?.update(done, inputs.length, 'reading');
    try {
      const { bytes, sha } = ahead ? await ahead.read(done) : await input.read().then((b) => ({ bytes: b, sha: sha256(b) }));
      if (await index.hasSource(sha)) {
        ahead?.skip(done);
        counts.unchanged++;
        continue;
      }
      const parsed = ahead && !input.fromStdin ? await ahead.parse(done) : null;
      const doc = parsed
        ? withPrepared(parsed.doc, parsed)
        : await parseDocumentBytes(bytes, input.path, input.fromStdin ? options.format : undefined);
      if (doc.source.encoding === CUT_SHORT_ENCODING) reportProblem(`warning: ${input.path}: ${CUT_SHORT_WARNING}`);
      batch.push(doc);
      batchBytes += bytes.length;
    } catch (err) {
      if (err instanceof IndexError) throw err; // the index itself is the problem: stop, exit 3
      counts.failed++;
      const { message } = describeFailure(err);
      reportProblem(message.startsWith(input.path) ? message : `${input.path}: ${message}`);
    }
    if (batch.length >= BATCH_MAX_DOCUMENTS || batchBytes >= BATCH_MAX_BYTES) await writeBatch();
  }
  await writeBatch();
  await pool?.close();
  progress?.clear();
  stdout.write(formatIngestSummary(counts) + '\n');
  ctx.exitCode = counts.failed > 0 ? 2 : 0;
}

export function registerIngest(program: Command, ctx: CommandContext): void {
  program
    .command('ingest')
    .description('parse files, folders (.txt, .md, .html, .htm, .pdf, .docx, .doc, recursively) or - (standard input) and add them to the index')
    .argument('[path...]', "files, folders, or '-' for standard input")
    .option('--rebuild', 'rebuild the index from the documents it stores (then ingest any paths given)')
    .option('--stdin-name <name>', 'file name to record for standard input', 'stdin.txt')
    .addOption(formatOption())
    .addOption(indexOption())
    .action((paths: string[], options: IngestOptions) => ingest(paths, options, ctx));
}
