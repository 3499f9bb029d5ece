// In-process runs of `main` with captured output and a chosen environment.
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export interface FakeIoOptions {
  env?: NodeJS.ProcessEnv;
  stdin?: string | Uint8Array;
  stdoutIsTTY?: boolean;
  columns?: number;
}

/** A CLI entry's main: src/cli/main.ts's (the default) or src/cli/search-main.ts's. */
export type MainFunction = (argv: string[], io: CliIo) => Promise<number>;

export async function runMain(args: string[], options: FakeIoOptions = {}, entry: MainFunction = main): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.stdoutIsTTY ?? false, columns: options.columns ?? 100 },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: options.env ?? {},
  };
  const code = await entry(['node', 'unres', ...args], io);
  return { code, stdout, stderr };
}
