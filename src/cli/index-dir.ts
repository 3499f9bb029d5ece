// Where the index lives when --index is not given: $UNRES_INDEX, else
// $XDG_DATA_HOME/unres, else ~/.local/share/unres (the XDG default). A home
// that is empty or relative (HOME='') is refused: the index must never land
// in whatever folder the command happens to run in.

import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

export function defaultIndexDir(env: NodeJS.ProcessEnv): string {
  if (env.UNRES_INDEX) return resolve(env.UNRES_INDEX);
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  if (env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/')) return join(env.XDG_DATA_HOME, 'unres');
  const home = env.HOME !== undefined ? env.HOME : homedir();
  if (!isAbsolute(home)) {
    throw new UsageError(`no place for the index: HOME is ${home === '' ? 'empty' : `'${home}', not an absolute path`}; set UNRES_INDEX or give --index <dir>`);
  }
  return join(home, '.local', 'share', 'unres');
}

export function indexDir(option: string | undefined, env: NodeJS.ProcessEnv): string {
  return option ? resolve(option) : defaultIndexDir(env);
}
