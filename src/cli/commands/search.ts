// `unres search <query...>`: hits on stdout (human, --json array or --ndjson
// lines). Exit 0 with hits, 1 without; the engine raises 2 for bad query
// syntax and 3 for index problems.

import { type Command, Option } from 'commander';
import { UsageError } from '../../errors.js';
import { type EngineHit, hitsToJsonArray, hitsToNdjson, renderHits } from '../../render/hits.js';
import { humanStyleFor, renderLines } from '../../render/terminal.js';
import type { CommandContext } from '../context.js';
import { openIndex } from '../index-access.js';
import { indexOption, positiveInteger, shapeOption, useIndexDir } from '../options.js';

interface SearchOptions {
  limit: number;
  kind?: string;
  doc?: string;
  cites?: string;
  json?: boolean;
  ndjson?: boolean;
  shape?: boolean;
  index?: string;
}

async function search(words: string[], options: SearchOptions, ctx: CommandContext): Promise<void> {
  const { stdout, env } = ctx.io;
  const query = words.join(' ').trim();
  if (query === '') throw new UsageError('empty query: give at least one word to search for');
  const index = await openIndex(useIndexDir(ctx, options.index));
  const filters: { limit: number; kind?: string; doc?: string; cites?: string } = { limit: options.limit };
  if (options.kind !== undefined) filters.kind = options.kind;
  if (options.doc !== undefined) filters.doc = options.doc;
  if (options.cites !== undefined) filters.cites = options.cites;
  const hits = (await index.search(query, filters)) as EngineHit[];

  if (options.json) stdout.write(hitsToJsonArray(hits));
  else if (options.ndjson) stdout.write(hitsToNdjson(hits));
  else if (hits.length > 0) stdout.write(renderLines(renderHits(hits), humanStyleFor(stdout, env, options.shape === true)));
  ctx.exitCode = hits.length > 0 ? 0 : 1;
}

export function registerSearch(program: Command, ctx: CommandContext): void {
  program
    .command('search')
    .description('search the index; exit 0 with hits, 1 without')
    .argument('<query...>', 'words to look for')
    .addOption(new Option('--limit <n>', 'at most N hits').argParser(positiveInteger).default(10))
    .option('--kind <kind>', 'only this clause kind (preamble, operative, paragraph, recommendation, article) or document kind (resolution, draft-resolution, decision, report)')
    .option('--doc <id>', 'only this document')
    .option('--cites <symbol>', 'only clauses citing this symbol, e.g. A/RES/64/293')
    .addOption(new Option('--json', 'print one JSON array').conflicts('ndjson'))
    .option('--ndjson', 'print one JSON hit per line')
    .addOption(shapeOption())
    .addOption(indexOption())
    .action((words: string[], options: SearchOptions) => search(words, options, ctx));
}
