// Every failure leaves as one line on stderr and an exit code from the
// contract. Decisions for what the contract does not name:
//  - UnresError subclasses carry their own code (usage/input 2, index 3).
//  - A file-system error on a path the user gave (ENOENT, EACCES, EISDIR...)
//    is bad input: 2, naming the path; inside the index directory it is an
//    index problem: 3.
//  - Anything else is an internal error. It exits 2, not 1: 1 means "the
//    search ran and found nothing", which a script would take as a real
//    answer; 3 would send the user to repair an index that is fine. The
//    message says it is internal and how to see the stack (UNRES_DEBUG=1).

import { sep } from 'node:path';
import { UnresError } from '../errors.js';
import { FILE_PROBLEMS, FolderError, NotAFileError } from '../files.js';

export interface Failure {
  exitCode: number;
  message: string;
}


const LINE_BREAKS = /\s*[\r\n]+\s*/g;

export function oneLineMessage(text: string): string {
  return text.replace(LINE_BREAKS, ' ').trim();
}

function isErrno(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string';
}

export function describeFailure(err: unknown, indexDir?: string): Failure {
  if (err instanceof UnresError) return { exitCode: err.exitCode, message: oneLineMessage(err.message) };
  if (err instanceof FolderError) return { exitCode: 2, message: oneLineMessage(err.message) };
  if (err instanceof NotAFileError) {
    const inIndex = indexDir !== undefined && (err.path === indexDir || err.path.startsWith(indexDir + sep));
    return inIndex
      ? { exitCode: 3, message: `the index at ${indexDir} is damaged (${err.path} is ${err.what}, not a file): run \`unres ingest --rebuild\`` }
      : { exitCode: 2, message: `${err.path}: is ${err.what}, not a regular file` };
  }
  if (isErrno(err) && err.code && err.code in FILE_PROBLEMS) {
    const path = err.path ?? '';
    const problem = FILE_PROBLEMS[err.code] ?? err.code;
    const inIndex = indexDir !== undefined && path !== '' && (path === indexDir || path.startsWith(indexDir + sep));
    if (inIndex) return { exitCode: 3, message: `index ${indexDir}: ${path}: ${problem}` };
    return { exitCode: 2, message: path ? `${path}: ${problem}` : problem };
  }
  const text = err instanceof Error ? err.message : String(err);
  return { exitCode: 2, message: `internal error: ${oneLineMessage(text)} (UNRES_DEBUG=1 shows the stack)` };
}
