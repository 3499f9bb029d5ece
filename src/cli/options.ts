// Options several commands share.

import { type Command, InvalidArgumentError, Option } from 'commander';
import { COLOR_MODES, type ColorMode } from '../render/color.js';
import { formatFromName, SOURCE_FORMATS } from '../decode/detect.js';
import type { SourceFormat } from '../types.js';
import type { CommandContext } from './context.js';
import { indexDir } from './index-dir.js';

export function indexOption(): Option {
  return new Option('--index <dir>', 'index directory (default: $UNRES_INDEX, else $XDG_DATA_HOME/unres, else ~/.local/share/unres)');
}

export function shapeOption(): Option {
  return new Option('--shape', 'join Arabic letters and lay out right-to-left text for terminals that cannot (also UNRES_SHAPE=1); only on a terminal');
}

export function colorOption(): Option {
  return new Option('--color <when>', 'colour: auto (a terminal, unless NO_COLOR or TERM=dumb), always (also into a pipe or pager), never')
    .choices(COLOR_MODES)
    .default('auto');
}

export function noPagerOption(): Option {
  return new Option('--no-pager', 'never page: by default long output on a terminal goes through $PAGER (else less -FRX)');
}

/** The options of every command that prints for people: --color, --shape. */
export function addHumanOptions(command: Command): Command {
  return command.addOption(colorOption()).addOption(shapeOption());
}

export interface HumanOptions {
  shape?: boolean;
  color?: ColorMode;
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

export function wholeNumber(value: string): number {
  const trimmed = value.trim();
  const n = WHOLE_NUMBER.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError('expected a whole number (0 or more)');
  return n;
}

/** For repeatable options: every value given, in order. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A date bound as YYYY, YYYY-MM or YYYY-MM-DD, widened to the first day of the
 * period (`since`) or its last (`until`): --until 2019 takes in all of 2019.
 */
export function dateBound(edge: 'since' | 'until'): (value: string) => string {
  return (value: string) => {
    const m = DATE.exec(value.trim());
    const month = m?.[2] === undefined ? undefined : Number(m[2]);
    const day = m?.[3] === undefined ? undefined : Number(m[3]);
    if (!m || (month !== undefined && (month < 1 || month > 12)) || (day !== undefined && (day < 1 || day > 31))) {
      throw new InvalidArgumentError('expected a date: YYYY, YYYY-MM or YYYY-MM-DD');
    }
    const year = m[1]!;
    const mm = m[2] ?? (edge === 'since' ? '01' : '12');
    const dd = m[3] ?? (edge === 'since' ? '01' : '31');
    return `${year}-${mm}-${dd}`;
  };
}

/** --format for standard input: the format is otherwise found from the content. */
export function formatOption(): Option {
  return new Option('--format <format>', `format of standard input (${SOURCE_FORMATS.join(', ')}; default: found from the content)`).argParser(
    (value: string): SourceFormat => {
      const format = formatFromName(value);
      if (format === null) throw new InvalidArgumentError(`expected one of ${SOURCE_FORMATS.join(', ')}`);
      return format;
    },
  );
}
