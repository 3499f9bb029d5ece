// Everything a command touches of the outside world, passed in so tests can
// run `main` in-process with fake streams and environment.

import type { Readable } from 'node:stream';

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  stdin: Readable;
  env: NodeJS.ProcessEnv;
}

/** The real process streams. A closed pipe (`unres search x | head -1`) ends output quietly. */
export function processIo(): CliIo {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') process.stderr.write(`unres: stdout: ${err.message}\n`);
  });
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}
