// Small generated documents for concurrency trials: each has its own id (from
// its file name) and its own made-up word, so a search for the word finds it
// and nothing else; a version number changes its bytes (an update).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { UnresIndex } from '../../../src/store/index.js';
import { type Result, listIds, unres } from './cli.js';

const LETTERS = 'بتثجحخدذرس';

/** A made-up word per number: زمرد + its digits written as letters. */
export function uniqueWord(n: number): string {
  return 'زمرد' + [...String(n)].map((d) => LETTERS[Number(d)]).join('') + 'ق';
}

export function documentText(n: number, version: number): string {
  const word = uniqueWord(n);
  return [
    `ملاحظات الفريق عن الزيارة ${word}`,
    '',
    `زار الفريق الموقع ${word} واجتمع بممثلي السلطات المحلية ومنظمات المجتمع المدني.`,
    '',
    `وأفاد المحاورون بأن الموارد المتاحة لا تكفي لتلبية احتياجات الأطفال (النسخة ${version}).`,
    '',
  ].join('\n');
}

export const docId = (n: number) => `team-${n}`;

/** Writes documents `numbers` at `version` into `dir`; returns id -> sha256. */
export function writeDocuments(dir: string, numbers: number[], version: number): Map<string, string> {
  mkdirSync(dir, { recursive: true });
  const shas = new Map<string, string>();
  for (const n of numbers) {
    const bytes = Buffer.from(documentText(n, version), 'utf8');
    writeFileSync(join(dir, `${docId(n)}.txt`), bytes);
    shas.set(docId(n), createHash('sha256').update(bytes).digest('hex'));
  }
  return shas;
}

export const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

export interface Summary {
  added: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export function parseSummary(result: Result): Summary {
  const match = /^(\d+) added, (\d+) updated, (\d+) unchanged, (\d+) failed\n$/.exec(result.stdout);
  expect(match, `summary of: ${result.stdout} ${result.stderr}`).not.toBeNull();
  const [added, updated, unchanged, failed] = match!.slice(1).map(Number) as [number, number, number, number];
  return { added, updated, unchanged, failed };
}

/**
 * The index holds exactly `expected` (id -> sha256): each id once, each in
 * that version. The list comes from `unres list --json`; the versions are read
 * with the store's own get() (what `show --json` prints), in-process, since a
 * process per document would make these trials slow.
 */
export async function expectExactly(index: string, expected: ReadonlyMap<string, string>): Promise<void> {
  const ids = await listIds(index);
  expect(ids.length, 'no document twice').toBe(new Set(ids).size);
  expect([...ids].sort()).toEqual([...expected.keys()].sort());
  const store = await UnresIndex.open(index);
  try {
    for (const id of ids) expect((await store.get(id))?.source.sha256, `${id} in its latest version`).toBe(expected.get(id));
  } finally {
    store.close();
  }
}

export interface ReaderLog {
  runs: number;
  /** Runs that failed in a way a reader never should (anything but 0, or 1 for a search without hits). */
  failures: string[];
}

/**
 * Runs readers (search, list, show) against `index` one after another until
 * `until` settles: they take no lock and must never see a half-written index.
 */
export async function readWhile(index: string, until: Promise<unknown>, ids: () => string[]): Promise<ReaderLog> {
  let done = false;
  void until.finally(() => (done = true));
  const log: ReaderLog = { runs: 0, failures: [] };
  for (let i = 0; !done; i++) {
    const known = ids();
    const id = known.length > 0 ? known[i % known.length]! : undefined;
    const args =
      i % 3 === 0 ? ['search', 'الأطفال', '--json', '--limit', '50'] : i % 3 === 1 || !id ? ['list', '--json'] : ['show', id, '--json'];
    const result = await unres([...args, '--index', index]);
    log.runs++;
    const ok = result.code === 0 || (args[0] === 'search' && result.code === 1);
    if (!ok) log.failures.push(`${args.join(' ')} -> ${result.code}: ${result.stderr.trim()}`);
  }
  return log;
}
