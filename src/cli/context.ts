// What every command action gets: the outside world and a place to leave its
// exit code (actions never exit the process themselves).

import type { CliIo } from './io.js';

export interface CommandContext {
  io: CliIo;
  /** Set by the action; 0 unless it says otherwise. */
  exitCode: number;
  /** The index directory in use, once known, so file-system errors inside it count as index errors. */
  indexDir?: string;
}
