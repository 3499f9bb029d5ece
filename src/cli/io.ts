// Everything a command touches of the outside world, passed in so tests can
// run `main` in-process with fake streams and environment.

import type { Readable } from 'node:stream';
import { runPager } from './pager.js';

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  stdin: Readable;
  env: NodeJS.ProcessEnv;
  /** Shows text through a pager command; false when it could not run. Absent: never page (tests). */
  page?: (command: string, text: string) => Promise<boolean>;
  /** Milliseconds, for the timing in `search`'s summary line. */
  now?: () => number;
}

/** The real process streams. A closed pipe (`unres search x | head -1`) ends output quietly. */
export function processIo(): CliIo {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') process.stderr.write(`unres: stdout: ${err.message}\n`);
  });
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    page: (command, text) => runPager(command, text, process.env),
    now: () => performance.now(),
  };
}
