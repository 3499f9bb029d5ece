// The entry of `unres search`: bin/unres.js loads this module instead of
// main.ts when the first argument is `search`. It runs the same program that
// main.ts builds for that argv (program.ts builds only the command argv names),
// so every output, message and exit code is the same; what differs is what is
// loaded. scripts/bundle.ts bundles it on its own, so a cold search reads and
// compiles the code it runs, and not the other commands' (issue 13).

import { registerSearch } from './commands/search.js';
export { finishProcess } from './exit.js';
import { type CliIo, processIo } from './io.js';
import { type CommandTable, runProgram } from './program.js';

const SEARCH_ONLY: CommandTable = [['search', registerSearch]];

/** `argv` as in process.argv, whose first argument is `search`: the node binary and the script come first. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  return await runProgram(argv, io, SEARCH_ONLY);
}
