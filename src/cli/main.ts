// The unres command line, every command. `main` returns the exit code instead
// of exiting, so tests can run it in-process; bin/unres.js ends the process
// with it (finishProcess). What a program does with argv, its failures and
// exit codes is program.ts; `unres search` starts from search-main.ts instead
// (bin/unres.js), which runs the same program with the search command alone.

import { Argument, type Command } from 'commander';
import { registerExport } from './commands/export.js';
import { registerIngest } from './commands/ingest.js';
import { registerList } from './commands/list.js';
import { registerParse } from './commands/parse.js';
import { registerRemove } from './commands/remove.js';
import { registerSearch } from './commands/search.js';
import { registerShow } from './commands/show.js';
import { SHELLS, type Shell, completionScript } from './completion.js';
import type { CommandContext } from './context.js';
export { finishProcess } from './exit.js';
import { type CliIo, processIo } from './io.js';
import { type CommandTable, runProgram } from './program.js';
import { packageVersion } from './version.js';

function registerVersion(program: Command, ctx: CommandContext): void {
  program
    .command('version')
    .description('print the version of unres (as --version, -V)')
    .action(() => void ctx.io.stdout.write(`${packageVersion()}\n`));
}

function registerCompletion(program: Command, ctx: CommandContext): void {
  program
    .command('completion')
    .description('print a shell completion script: bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .action((shell: Shell) => void ctx.io.stdout.write(completionScript(shell, program)));
}

/** The commands, in the order help lists them. */
const COMMANDS: CommandTable = [
  ['ingest', registerIngest],
  ['search', registerSearch],
  ['parse', registerParse],
  ['show', registerShow],
  ['list', registerList],
  ['export', registerExport],
  ['remove', registerRemove],
  ['completion', registerCompletion],
  ['version', registerVersion],
];

/** `argv` as in process.argv: the node binary and the script come first. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  return await runProgram(argv, io, COMMANDS);
}
