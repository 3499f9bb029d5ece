// The unres program: commander set up with a table of commands, argv parsed,
// and every failure turned into one line and an exit code. main.ts runs it
// with every command; search-main.ts with `search` alone, for the one-file
// search path (scripts/bundle.ts).
//
// Exit codes (docs/CONTRACT.md): 0 success (search: hits), 1 search found
// nothing, 2 bad usage or input, 3 index missing/locked/damaged. Failures are
// one line on stderr, `unres: <message>`; UNRES_DEBUG=1 adds the stack.
// Unexpected internal errors exit 2 (see failure.ts for why not 1 or 3).
// `unres` alone prints the help: on stdout and exit 0 at a terminal, on
// stderr and exit 2 in a script (it did not do what the script meant).

import { Command, CommanderError } from 'commander';
import type { CommandContext } from './context.js';
import { describeFailure, oneLineMessage } from './failure.js';
import { addHelpSections, helpAfter } from './help.js';
import type { CliIo } from './io.js';
import { neutralise } from '../render/safe.js';
import { protectQueryExclusions } from './search-argv.js';
import { packageVersion } from './version.js';

/** The commands a program knows, in the order help lists them, each with the function that adds it. */
export type CommandTable = ReadonlyArray<readonly [string, (program: Command, ctx: CommandContext) => void]>;

/**
 * The command argv names exactly, when the others can be left out: only it is built (a cold `unres search`
 * built the eight others, their options and help, for ~4 ms of CPU). Completion lists every command, so it
 * gets them all, as does anything else (help, a typo that commander's suggestion needs the names for).
 */
function onlyCommand(argv: string[], commands: CommandTable): string | null {
  const name = argv[2];
  return name !== undefined && name !== 'completion' && commands.some(([n]) => n === name) ? name : null;
}

function buildProgram(ctx: CommandContext, commands: CommandTable, only: string | null = null): Command {
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
  for (const [name, register] of commands) if (only === null || name === only) register(program, ctx);
  addHelpSections(program, 'unres');
  for (const command of program.commands) addHelpSections(command, command.name());
  return program;
}

const COMMANDER_PREFIX = /^error: /;

/** Commander's errors as one line: "unknown option '--jsn' (Did you mean --json?)". */
function commanderMessage(err: CommanderError): string {
  return oneLineMessage(err.message.replace(COMMANDER_PREFIX, ''));
}

function isHelpOrVersion(err: CommanderError): boolean {
  return err.exitCode === 0 && (err.code === 'commander.helpDisplayed' || err.code === 'commander.version');
}

/**
 * Output that could not be written is a failure whatever the command found:
 * one line on stderr, exit 2. A pipe closed by its reader is not (`| head`).
 */
async function outputFailed(io: CliIo): Promise<boolean> {
  const err = io.finishOutput ? await io.finishOutput() : null;
  if (err === null || err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return false;
  io.stderr.write(`unres: cannot write to standard output: ${neutralise(describeFailure(err).message)}\n`);
  return true;
}

/** Runs the program of `commands` on `argv` (as in process.argv: the node binary and the script come first); resolves to the exit code. */
export async function runProgram(argv: string[], io: CliIo, commands: CommandTable): Promise<number> {
  const ctx: CommandContext = { io, exitCode: 0 };
  try {
    const program = buildProgram(ctx, commands, onlyCommand(argv, commands));
    if (argv.length <= 2) {
      const atTerminal = io.stdout.isTTY === true;
      (atTerminal ? io.stdout : io.stderr).write(program.helpInformation() + helpAfter('unres'));
      return atTerminal ? 0 : 2;
    }
    await program.parseAsync(protectQueryExclusions(argv), { from: 'node' });
    return (await outputFailed(io)) ? 2 : ctx.exitCode;
  } catch (err) {
    if (await outputFailed(io)) return 2;
    if (err instanceof CommanderError) {
      if (isHelpOrVersion(err)) return 0;
      io.stderr.write(`unres: ${neutralise(commanderMessage(err))}\n`);
      return 2;
    }
    const failure = describeFailure(err, ctx.indexDir);
    io.stderr.write(`unres: ${neutralise(failure.message)}\n`);
    if (io.env.UNRES_DEBUG === '1' && err instanceof Error && err.stack) io.stderr.write(err.stack + '\n');
    return failure.exitCode;
  }
}
