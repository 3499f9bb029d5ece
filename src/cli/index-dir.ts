// Where the index lives when --index is not given: $UNRES_INDEX, else
// $XDG_DATA_HOME/unres, else ~/.local/share/unres (the XDG default).

import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function defaultIndexDir(env: NodeJS.ProcessEnv): string {
  if (env.UNRES_INDEX) return resolve(env.UNRES_INDEX);
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  if (env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/')) return join(env.XDG_DATA_HOME, 'unres');
  return join(env.HOME || homedir(), '.local', 'share', 'unres');
}

export function indexDir(option: string | undefined, env: NodeJS.ProcessEnv): string {
  return option ? resolve(option) : defaultIndexDir(env);
}
