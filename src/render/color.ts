// Colour is for people at a terminal: never into a pipe, never when the user
// has set NO_COLOR (https://no-color.org: any non-empty value).

import type { Line, Style } from './styled.js';

export function colorWanted(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return isTTY === true && !env.NO_COLOR;
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
