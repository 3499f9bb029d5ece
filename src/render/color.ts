// Colour is for people at a terminal. `--color=auto` (the default) colours
// only a terminal, never when the user has set NO_COLOR (https://no-color.org:
// any non-empty value) and never on TERM=dumb; `--color=always` colours even a
// pipe (for `| less -R`), `--color=never` never does.

import type { Line, Style } from './styled.js';

export const COLOR_MODES = ['auto', 'always', 'never'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

export function colorWanted(isTTY: boolean | undefined, env: NodeJS.ProcessEnv, mode: ColorMode = 'auto'): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  return isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

const SGR: Record<Style, string> = {
  match: '\x1b[1;31m',
  heading: '\x1b[1m',
  label: '\x1b[36m',
  dim: '\x1b[2m',
};
const RESET = '\x1b[0m';

/** Joins a line's spans, wrapping styled spans in SGR codes when `color`. */
export function paint(line: Line, color: boolean): string {
  let out = '';
  for (const { text, style } of line) {
    out += color && style && text ? SGR[style] + text + RESET : text;
  }
  return out;
}
