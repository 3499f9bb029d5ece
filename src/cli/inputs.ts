// Turns the paths given to `unres ingest` into a list of inputs: files as
// given, folders walked for the formats unres reads (.txt, .md, .html, .htm,
// .pdf, .docx, .doc), `-` for standard input. A path
// that cannot be used becomes a problem to report; it never stops the others.

import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { DOCUMENT_EXTENSIONS } from '../decode/detect.js';
import { describeFailure } from './failure.js';

export interface Input {
  /** How the input is named in messages and given to the parser. */
  path: string;
  read(): Promise<Uint8Array>;
  fromStdin?: boolean;
}

export interface InputProblem {
  path: string;
  message: string;
}

export async function readStream(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

function fileInput(path: string): Input {
  return { path, read: () => readFile(path) };
}

function problemFor(path: string, err: unknown): InputProblem {
  return { path, message: describeFailure(err).message };
}

/** Documents under a folder, sorted, skipping hidden entries and folders already seen (symlink loops). */
async function walk(dir: string, seen: Set<string>, inputs: Input[], problems: InputProblem[]): Promise<void> {
  let real: string;
  let entries;
  try {
    real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    problems.push(problemFor(dir, err));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        continue; // a dangling link in a folder is not something the user asked for
      }
    }
    if (isDir) await walk(path, seen, inputs, problems);
    else if (isFile && DOCUMENT_EXTENSIONS.has(extname(entry.name).toLowerCase())) inputs.push(fileInput(path));
  }
}

export async function collectInputs(
  paths: string[],
  stdin: Readable,
  stdinName: string,
): Promise<{ inputs: Input[]; problems: InputProblem[] }> {
  const inputs: Input[] = [];
  const problems: InputProblem[] = [];
  const seenDirs = new Set<string>();
  let stdinTaken = false;
  for (const path of paths) {
    if (path === '-') {
      if (stdinTaken) continue;
      stdinTaken = true;
      inputs.push({ path: stdinName, read: () => readStream(stdin), fromStdin: true });
      continue;
    }
    try {
      const info = await stat(path);
      // A file named explicitly is taken whatever its extension; the parser says if it is not text.
      if (info.isDirectory()) await walk(path, seenDirs, inputs, problems);
      else inputs.push(fileInput(path));
    } catch (err) {
      problems.push(problemFor(path, err));
    }
  }
  // The same file reached twice (given and inside a given folder) is ingested once.
  const seenFiles = new Set<string>();
  const unique = inputs.filter((input) => {
    const key = input.fromStdin ? '\0stdin' : resolve(input.path);
    if (seenFiles.has(key)) return false;
    seenFiles.add(key);
    return true;
  });
  return { inputs: unique, problems };
}
