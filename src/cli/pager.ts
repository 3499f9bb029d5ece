// Long output of `show` and `list` on a terminal goes through a pager, as git
// does: $PAGER, else `less -FRX` (quit if one screen, keep colours, leave the
// text on screen). PAGER set to '' or 'cat' means no pager; --no-pager too.
// Output that fits the terminal is written directly, without starting one.

import type { CommandContext } from './context.js';

export const DEFAULT_PAGER = 'less -FRX';

/** The pager command to run, or null for none. */
export function pagerCommand(env: NodeJS.ProcessEnv): string | null {
  const chosen = env.PAGER;
  if (chosen === undefined) return DEFAULT_PAGER;
  const trimmed = chosen.trim();
  return trimmed === '' || trimmed === 'cat' ? null : trimmed;
}

const NOT_FOUND = 127;

/**
 * Runs `command` through the shell with `text` on its standard input and the
 * terminal as its output; resolves to false when the pager could not be run
 * (the caller then writes the text itself).
 */
export async function runPager(command: string, text: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  // Loaded here, not at start-up: node:child_process costs every command a few ms, and only a pager needs it.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    // less reads LESS for its options; as git does, -FRX unless the user chose.
    const child = spawn('/bin/sh', ['-c', command], { stdio: ['pipe', 'inherit', 'inherit'], env: { LESS: 'FRX', LV: '-c', ...env } });
    // Ctrl-C belongs to the pager while it runs (less uses it to stop a search).
    const ignore = () => undefined;
    process.on('SIGINT', ignore);
    const done = (ok: boolean) => {
      process.off('SIGINT', ignore);
      resolve(ok);
    };
    child.on('error', () => done(false));
    // The user may quit the pager before reading everything: not an error.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => done(code !== NOT_FOUND));
    child.stdin.end(text);
  });
}

/** Writes human output, through the pager when it is long, wanted and stdout is a terminal. */
export async function writePaged(ctx: CommandContext, text: string, pagerWanted: boolean): Promise<void> {
  const { stdout, env, page } = ctx.io;
  const command = pagerCommand(env);
  const rows = stdout.rows && stdout.rows > 0 ? stdout.rows : 24;
  const lines = text.split('\n').length - 1;
  if (pagerWanted && stdout.isTTY === true && page && command !== null && lines >= rows) {
    if (await page(command, text)) return;
  }
  stdout.write(text);
}
