// Whatever a user types as a query: an exit code from the contract and, for
// exit 2, one line on stderr saying what is wrong. The same table is in
// docs/reliability.md ("Search input"); keep them together. Every case runs
// through the CLI's main() in-process (cheap); a sample through bin/unres.js.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../cli/fake-io.js';
import { SEEDS, expectOneLineFailure, setUpCli, tearDownCli, unres } from './support/cli.js';

/** 4,096 characters of Arabic words from a seed: the longest query allowed. */
function longestQuery(): string {
  const words = readFileSync(join(SEEDS, readdirSync(SEEDS).sort()[4]!), 'utf8').match(/[\u0621-\u064a]+/g)!;
  let query = '';
  for (const word of words) {
    if (query.length + word.length + 1 > 4096) break;
    query += (query ? ' ' : '') + word;
  }
  return query.padEnd(4096, ' ا').slice(0, 4096);
}

interface InputCase {
  input: string;
  query: string[];
  code: 0 | 1 | 2;
  /** For exit 2: what the one line says. */
  says?: RegExp;
}

const CASES: InputCase[] = [
  { input: 'empty argument', query: [''], code: 2, says: /^unres: empty query: give at least one word to search for$/ },
  { input: 'blank argument', query: [' \t '], code: 2, says: /^unres: empty query: give at least one word to search for$/ },
  { input: 'only stop words', query: ['في من على التي'], code: 1 },
  { input: 'only punctuation', query: ['،؛؟ ... ! «»'], code: 1 },
  { input: 'only a backslash', query: ['\\'], code: 1 },
  { input: 'an excluded stop word only', query: ['-في'], code: 1 },
  { input: '10,000 characters', query: ['الأطفال '.repeat(1250).slice(0, 9_999) + 'ب'], code: 2, says: /^unres: query too long: 10000 characters, the limit is 4096$/ },
  { input: '4,096 characters', query: [longestQuery()], code: 0 },
  { input: 'words over several arguments and lines', query: ['الأطفال', 'الاتجار\nبالأشخاص'], code: 0 },
  { input: 'unbalanced bracket', query: ['(الأطفال'], code: 0 },
  { input: 'unbalanced quote', query: ['"الاتجار بالأطفال'], code: 0 },
  { input: 'a lone +', query: ['+'], code: 2, says: /^unres: bad query syntax: expecting term or field, found nothing$/ },
  { input: 'a lone -', query: ['-'], code: 2, says: /^unres: bad query syntax: expecting term or field, found nothing$/ },
  { input: 'two presence marks', query: ['+-الأطفال'], code: 2, says: /^unres: bad query syntax: expecting term or field, found '\+' or '-'$/ },
  { input: 'only excluded words', query: ['-الأطفال'], code: 2, says: /^unres: bad query: only excluded words \(-word\); add at least one word to look for$/ },
  { input: 'a lone ~', query: ['~'], code: 2, says: /^unres: bad query syntax: expected either a field or a term, found '~' \(write word~1\)$/ },
  { input: 'a lone ^', query: ['^'], code: 2, says: /^unres: bad query syntax: expected either a field or a term, found '\^' \(write word\^2\)$/ },
  { input: '~ with no number', query: ['الأطفال~'], code: 2, says: /^unres: bad query syntax: edit distance must be numeric$/ },
  { input: 'edit distance above 2', query: ['الأطفال~3'], code: 2, says: /^unres: bad query: edit distance 3 in 'الأطفال~3' is above 2$/ },
  { input: '^ with no number', query: ['الأطفال^'], code: 2, says: /^unres: bad query syntax: boost must be numeric$/ },
  { input: 'a lone *', query: ['*'], code: 2, says: /^unres: bad query: wildcard '\*' needs at least 2 letters besides '\*'$/ },
  { input: 'a one-letter wildcard', query: ['ط*'], code: 2, says: /needs at least 2 letters besides '\*'$/ },
  { input: 'a field with no word', query: ['title:'], code: 2, says: /^unres: bad query syntax: expecting term, found nothing$/ },
  { input: 'a colon with no field', query: [':الأطفال'], code: 2, says: /^unres: bad query syntax: unrecognised field '', possible fields: 'text', 'lead', 'section', 'cites', 'notes', 'ref', 'matter', 'title', 'years'/ },
  {
    input: 'a pasted phrase with a colon',
    query: ['يقرر ما يلي: حماية الأطفال'],
    code: 2,
    says: /^unres: bad query syntax: unrecognised field 'يلي', possible fields: .* \(a word before ':' names a field: leave out the ':' to search for the word\)$/,
  },
];

let scratch: string;
let index: string;

beforeAll(async () => {
  scratch = await setUpCli('search-input');
  index = join(scratch, 'index');
  const result = await unres(['ingest', SEEDS, '--index', index]);
  expect(result.code, result.stderr).toBe(0);
}, 120_000);

afterAll(tearDownCli);

/** The checks of one case on a run's result, under --json. */
function expectBehaviour(c: InputCase, result: { code: number; stdout: string; stderr: string }): void {
  if (c.code === 2) {
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^unres: [^\n]+\n$/);
    expect(result.stderr.trimEnd()).toMatch(c.says!);
    expect(result.stdout).toBe('');
    return;
  }
  expect(result.code, result.stderr).toBe(c.code);
  expect(result.stderr).toBe('');
  const hits = JSON.parse(result.stdout) as unknown[];
  if (c.code === 1) expect(hits).toEqual([]);
  else expect(hits.length).toBeGreaterThan(0);
}

// Under --json: an error is still one line on stderr and nothing on stdout; no hits is `[]`.
// (Human and --ndjson output without hits are checked in test/cli/e2e.test.ts.)
describe('search input, every case (the CLI in-process, as bin/unres.js runs it)', () => {
  it.each(CASES.map((c) => [c.input, c] as const))('%s', async (_, c) => {
    expectBehaviour(c, await runMain(['search', ...c.query, '--json', '--index', index]));
  });
});

describe('search input through the real bin/unres.js', () => {
  const sample = ['empty argument', 'only stop words', '10,000 characters', '4,096 characters', 'a pasted phrase with a colon', 'a lone ~'];
  it.concurrent.each(CASES.filter((c) => sample.includes(c.input)).map((c) => [c.input, c] as const))('%s', async (_, c) => {
    const result = await unres(['search', ...c.query, '--json', '--index', index]);
    if (c.code === 2) expectOneLineFailure(result, 2);
    expectBehaviour(c, result);
  });
});
