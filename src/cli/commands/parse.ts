// `unres parse <file>`: the parser alone, no index. A readable outline, or the
// Document JSON (2-space indented) with --json.

import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { CUT_SHORT_ENCODING, CUT_SHORT_WARNING } from '../../text/cut-short.js';
import { readStream } from '../inputs.js';
import { type HumanOptions, addHumanOptions, formatOption, indexOption } from '../options.js';
import { jsonSafe } from '../../render/safe.js';
import type { SourceFormat } from '../../types.js';

interface ParseOptions extends HumanOptions {
  json?: boolean;
  stdinName: string;
  format?: SourceFormat;
  /** Accepted like on every command; parsing never touches the index. */
  index?: string;
}

async function parse(file: string, options: ParseOptions, ctx: CommandContext): Promise<void> {
  const { stdout, env, stdin } = ctx.io;
  const fromStdin = file === '-';
  const bytes = fromStdin ? await readStream(stdin) : await readFile(file);
  const { parseDocumentBytes } = await import('../../structure/parse.js');
  const name = fromStdin ? options.stdinName : file;
  const doc = await parseDocumentBytes(bytes, name, options.format);
  if (doc.source.encoding === CUT_SHORT_ENCODING) ctx.io.stderr.write(`unres: warning: ${name}: ${CUT_SHORT_WARNING}\n`);
  if (options.json) stdout.write(jsonSafe(doc, 2) + '\n');
  else {
    // Terminal code is loaded for human output only (not for --json).
    const [{ renderOutline }, { humanStyleFor, renderLines }] = await Promise.all([import('../../render/outline.js'), import('../../render/terminal.js')]);
    stdout.write(renderLines(renderOutline(doc), humanStyleFor(stdout, env, options)));
  }
}

export function registerParse(program: Command, ctx: CommandContext): void {
  const command = program
    .command('parse')
    .description('parse one file (text, HTML, PDF, DOCX or DOC; or - for standard input) without touching the index')
    .argument('<file>', "the document, or '-' for standard input")
    .option('--json', 'print the Document JSON')
    .option('--stdin-name <name>', 'file name to record for standard input', 'stdin.txt')
    .addOption(formatOption());
  addHumanOptions(command).addOption(indexOption());
  command.action((file: string, options: ParseOptions) => parse(file, options, ctx));
}
