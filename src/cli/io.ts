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
  /**
   * Resolves once what was written to stdout has been handed to the system,
   * with the error that stopped it, if any (a full disk, /dev/full). Absent:
   * the stream cannot fail (tests' in-memory streams).
   */
  finishOutput?: () => Promise<NodeJS.ErrnoException | null>;
}

/**
 * The real process streams. A failed write to stdout is kept, not printed:
 * main reports it once, in one line, and exits non-zero (output that did not
 * arrive is not success); a closed pipe (`unres search x | head -1`) is the
 * reader's choice and ends output quietly.
 */
export function processIo(): CliIo {
  let failure: NodeJS.ErrnoException | null = null;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    failure ??= err;
  });
  const finishOutput = (): Promise<NodeJS.ErrnoException | null> =>
    new Promise((resolve) => {
      if (failure !== null || process.stdout.destroyed) {
        resolve(failure);
        return;
      }
      // The callback runs when everything queued before it was written (or failed).
      process.stdout.write('', (err) => resolve(failure ?? (err as NodeJS.ErrnoException | null | undefined) ?? null));
    });
  return {
    finishOutput,
    stdout: process.stdout,
    stderr: process.stderr,
    // Made on first use: process.stdin builds a stream (and a handle) for the
    // standard input, which only ingest and parse read: ~165 page faults that
    // every cold `unres search` paid (issue 13).
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    page: (command, text) => runPager(command, text, process.env),
    // process.hrtime, not performance.now(): the global `performance` loads
    // perf_hooks and its ten modules on first use (~50 page faults per search).
    now: () => Number(process.hrtime.bigint()) / 1e6,
  };
}
