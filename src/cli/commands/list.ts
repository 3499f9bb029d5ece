// `unres list`: the documents in the index, one per line, or a JSON array.

import type { Command } from 'commander';
import { type DocumentListing, renderList } from '../../render/list.js';
import { humanStyleFor, renderLines } from '../../render/terminal.js';
import type { CommandContext } from '../context.js';
import { openIndex } from '../index-access.js';
import { indexOption, shapeOption, useIndexDir } from '../options.js';

interface ListOptions {
  json?: boolean;
  shape?: boolean;
  index?: string;
}

async function list(options: ListOptions, ctx: CommandContext): Promise<void> {
  const { stdout, env } = ctx.io;
  const index = await openIndex(useIndexDir(ctx, options.index));
  const docs = (await index.list()) as DocumentListing[];
  if (options.json) stdout.write(JSON.stringify(docs, null, 2) + '\n');
  else stdout.write(renderLines(renderList(docs), humanStyleFor(stdout, env, options.shape === true)));
}

export function registerList(program: Command, ctx: CommandContext): void {
  program
    .command('list')
    .description('list the indexed documents')
    .option('--json', 'print a JSON array')
    .addOption(shapeOption())
    .addOption(indexOption())
    .action((options: ListOptions) => list(options, ctx));
}
