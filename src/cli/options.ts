// Options several commands share.

import { InvalidArgumentError, Option } from 'commander';
import type { CommandContext } from './context.js';
import { indexDir } from './index-dir.js';

export function indexOption(): Option {
  return new Option('--index <dir>', 'index directory (default: $UNRES_INDEX, else $XDG_DATA_HOME/unres, else ~/.local/share/unres)');
}

export function shapeOption(): Option {
  return new Option('--shape', 'join Arabic letters and lay out right-to-left text for terminals that cannot (also UNRES_SHAPE=1); only on a terminal');
}

/** Resolves --index and remembers it, so errors inside it are reported as index errors. */
export function useIndexDir(ctx: CommandContext, option: string | undefined): string {
  ctx.indexDir = indexDir(option, ctx.io.env);
  return ctx.indexDir;
}

const WHOLE_NUMBER = /^[0-9]+$/;

export function positiveInteger(value: string): number {
  const trimmed = value.trim();
  const n = WHOLE_NUMBER.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}
