// The unres command line. `main` returns the exit code instead of exiting, so
// tests can run it in-process; bin/unres.js sets process.exitCode from it.
//
// Exit codes (shared/CONTRACT.md): 0 success (search: hits), 1 search found
// nothing, 2 bad usage or input, 3 index missing/locked/damaged. Failures are
// one line on stderr, `unres: <message>`; UNRES_DEBUG=1 adds the stack.
// Unexpected internal errors exit 2 (see failure.ts for why not 1 or 3).

import { Command, CommanderError } from 'commander';
import { registerExport } from './commands/export.js';
import { registerIngest } from './commands/ingest.js';
import { registerList } from './commands/list.js';
import { registerParse } from './commands/parse.js';
import { registerSearch } from './commands/search.js';
import { registerShow } from './commands/show.js';
import type { CommandContext } from './context.js';
import { describeFailure, oneLineMessage } from './failure.js';
import { type CliIo, processIo } from './io.js';
import { protectQueryExclusions } from './search-argv.js';
import { packageVersion } from './version.js';

function buildProgram(ctx: CommandContext): Command {
  const program = new Command('unres')
    .description('parse and search Arabic UN documents')
    .version(packageVersion(), '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.io.stdout.write(text),
      // Usage errors are reported by main as one line; commander's own
      // (possibly multi-line) rendering of them is dropped.
      writeErr: () => undefined,
      outputError: () => undefined,
    });
  registerIngest(program, ctx);
  registerSearch(program, ctx);
  registerParse(program, ctx);
  registerShow(program, ctx);
  registerList(program, ctx);
  registerExport(program, ctx);
  return program;
}

const COMMANDER_PREFIX = /^error: /;

/** Commander's errors as one line: "unknown option '--jsn' (Did you mean --json?)". */
function commanderMessage(err: CommanderError): string {
  if (err.code === 'commander.help') return "missing command: try 'unres --help'";
  return oneLineMessage(err.message.replace(COMMANDER_PREFIX, ''));
}

function isHelpOrVersion(err: CommanderError): boolean {
  return err.exitCode === 0 && (err.code === 'commander.helpDisplayed' || err.code === 'commander.help' || err.code === 'commander.version');
}

/** `argv` as in process.argv: the node binary and the script come first. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const ctx: CommandContext = { io, exitCode: 0 };
  try {
    await buildProgram(ctx).parseAsync(protectQueryExclusions(argv), { from: 'node' });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (isHelpOrVersion(err)) return 0;
      io.stderr.write(`unres: ${commanderMessage(err)}\n`);
      return 2;
    }
    const failure = describeFailure(err, ctx.indexDir);
    io.stderr.write(`unres: ${failure.message}\n`);
    if (io.env.UNRES_DEBUG === '1' && err instanceof Error && err.stack) io.stderr.write(err.stack + '\n');
    return failure.exitCode;
  }
}
