// `unres list`: the documents in the index, one per line, or a JSON array.

import type { DocumentListing } from '../../render/list.js';
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { openIndex } from '../index-access.js';
import { type HumanOptions, addHumanOptions, indexOption, noPagerOption, useIndexDir } from '../options.js';
import { writePaged } from '../pager.js';
import { jsonSafe } from '../../render/safe.js';

interface ListOptions extends HumanOptions {
  json?: boolean;
  pager: boolean;
  index?: string;
}

async function list(options: ListOptions, ctx: CommandContext): Promise<void> {
  const { stdout, env } = ctx.io;
  const index = await openIndex(useIndexDir(ctx, options.index));
  const docs = (await index.list()) as DocumentListing[];
  if (options.json) stdout.write(jsonSafe(docs, 2) + '\n');
  else {
    // Terminal code is loaded for human output only (not for --json).
    const [{ renderList }, { humanStyleFor, renderLines }] = await Promise.all([import('../../render/list.js'), import('../../render/terminal.js')]);
    await writePaged(ctx, renderLines(renderList(docs), humanStyleFor(stdout, env, options)), options.pager);
  }
}

export function registerList(program: Command, ctx: CommandContext): void {
  const command = program
    .command('list')
    .description('list the indexed documents')
    .option('--json', 'print a JSON array')
    .addOption(noPagerOption());
  addHumanOptions(command).addOption(indexOption());
  command.action((options: ListOptions) => list(options, ctx));
}
