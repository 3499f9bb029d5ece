// `unres show <doc>[#<clause>]`: a stored document or one of its clauses,
// readable or as JSON. The document may be named by its id, its symbol or
// the base name of the file it came from.

import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { Clause, UnresDocument } from '../../types.js';
import type { CommandContext } from '../context.js';
import { findDocument } from '../find-document.js';
import { openIndex } from '../index-access.js';
import { type HumanOptions, addHumanOptions, indexOption, noPagerOption, useIndexDir } from '../options.js';
import { writePaged } from '../pager.js';
import { jsonSafe } from '../../render/safe.js';

interface ShowOptions extends HumanOptions {
  json?: boolean;
  pager: boolean;
  index?: string;
}

/** "doc#clause" → ["doc", "clause"]; the clause part is optional. */
export function splitReference(reference: string): [doc: string, clause: string | undefined] {
  const hash = reference.indexOf('#');
  if (hash < 0) return [reference.trim(), undefined];
  return [reference.slice(0, hash).trim(), reference.slice(hash + 1).trim()];
}

function findClause(doc: UnresDocument, clauseId: string): Clause {
  const wanted = clauseId.toLowerCase();
  const clause = doc.clauses.find((c) => c.id.toLowerCase() === wanted);
  if (clause) return clause;
  const ids = doc.clauses.map((c) => c.id);
  const known = ids.length === 0 ? 'it has no clauses' : `its clauses are ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''}`;
  throw new UsageError(`document ${doc.id} has no clause '${clauseId}': ${known}`);
}

async function show(reference: string, options: ShowOptions, ctx: CommandContext): Promise<void> {
  const { stdout, env } = ctx.io;
  const [docRef, clauseId] = splitReference(reference);
  if (docRef === '') throw new UsageError(`'${reference}' names no document: use <doc> or <doc>#<clause>`);
  if (clauseId === '') throw new UsageError(`'${reference}' names no clause after '#'`);
  const index = await openIndex(useIndexDir(ctx, options.index));
  const doc = await findDocument(index, docRef);
  const clause = clauseId === undefined ? undefined : findClause(doc, clauseId);

  if (options.json) {
    stdout.write(jsonSafe(clause ?? doc, 2) + '\n');
    return;
  }
  // Terminal code is loaded for human output only (not for --json).
  const [{ renderClause, renderDocument }, { humanStyleFor, renderLines }] = await Promise.all([import('../../render/document.js'), import('../../render/terminal.js')]);
  const lines = clause ? renderClause(doc, clause) : renderDocument(doc);
  await writePaged(ctx, renderLines(lines, humanStyleFor(stdout, env, options)), options.pager);
}

export function registerShow(program: Command, ctx: CommandContext): void {
  const command = program
    .command('show')
    .description('print a stored document, or one clause with <doc>#<clause>')
    .argument('<doc>', 'document id (or symbol, or file name), optionally #clause: A-RES-70-1#op3')
    .option('--json', 'print the Document (or Clause) JSON')
    .addOption(noPagerOption());
  addHumanOptions(command).addOption(indexOption());
  command.action((reference: string, options: ShowOptions) => show(reference, options, ctx));
}
