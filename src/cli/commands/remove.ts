// `unres remove <doc>...`: takes documents out of the index, named as `show`
// takes them (id, symbol, file name or path). Every name must be found, or
// nothing is removed (exit 2). The files themselves are not touched.

import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { CommandContext } from '../context.js';
import { findDocumentId } from '../find-document.js';
import { openIndex } from '../index-access.js';
import { indexOption, useIndexDir } from '../options.js';

interface RemoveOptions {
  index?: string;
}

async function remove(references: string[], options: RemoveOptions, ctx: CommandContext): Promise<void> {
  const index = await openIndex(useIndexDir(ctx, options.index));
  const ids: string[] = [];
  for (const reference of references) {
    const id = await findDocumentId(index, reference);
    if (id === undefined) throw new UsageError(`no document "${reference}" in the index (see 'unres list'); nothing removed`);
    if (!ids.includes(id)) ids.push(id);
  }
  const removed = await index.remove(ids);
  ctx.io.stdout.write(`${removed} removed\n`);
}

export function registerRemove(program: Command, ctx: CommandContext): void {
  program
    .command('remove')
    .description('remove documents from the index (by id, symbol, file name or path); the files are not touched')
    .argument('<doc...>', 'documents to remove')
    .addOption(indexOption())
    .action((references: string[], options: RemoveOptions) => remove(references, options, ctx));
}
