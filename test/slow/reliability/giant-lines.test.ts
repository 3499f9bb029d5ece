// A text of one gigantic line, end to end (npm run test:slow): 6 MB with no
// line break is ingested, found, shown, and searched with a bounded snippet,
// in bounded time. The parser's own linear-time checks are in
// test/slow/linear-time.test.ts; this is the index and the CLI around it.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnresDocument } from '../../../src/types.js';
import { SEEDS, setUpCli, tearDownCli, unres } from '../../reliability/support/cli.js';

const SIZE = 6_000_000;
let scratch: string;

beforeAll(async () => {
  scratch = await setUpCli('slow-giant');
}, 120_000);

afterAll(tearDownCli);

describe.skipIf(!process.env.UNRES_SLOW)('a 6 MB text on one line', () => {
  it('is ingested, searched, listed and shown in bounded time', async () => {
    const words = readFileSync(join(SEEDS, readdirSync(SEEDS).sort()[4]!), 'utf8').match(/[\u0621-\u064a]+/g)!.join(' ');
    let line = '';
    while (Buffer.byteLength(line) < SIZE) line += words + ' ';
    const file = join(scratch, 'one-line.txt');
    writeFileSync(file, `ملاحظات عن الزيارة\n\n${line}زمردلونية\n`);
    const index = join(scratch, 'index');

    const timed = async (args: string[]) => {
      const started = performance.now();
      const result = await unres([...args, '--index', index]);
      return { ...result, ms: performance.now() - started };
    };
    const ingest = await timed(['ingest', file]);
    expect(ingest.stdout, ingest.stderr).toBe('1 added, 0 updated, 0 unchanged, 0 failed\n');
    const rare = await timed(['search', 'زمردلونية', '--json']);
    expect(rare.code).toBe(0);
    const common = await timed(['search', 'الأطفال', '--limit', '3']);
    expect(common.code).toBe(0);
    // The human snippet is a window on the clause, never the 6 MB clause.
    expect(common.stdout.length).toBeLessThan(2_000);
    const shown = await timed(['show', 'one-line', '--json']);
    const doc = JSON.parse(shown.stdout) as UnresDocument;
    expect(doc.clauses.reduce((n, c) => n + c.text.length, 0)).toBeGreaterThan(SIZE / 2);
    console.log(
      `6 MB line: ingest ${(ingest.ms / 1000).toFixed(1)} s, rare word ${(rare.ms / 1000).toFixed(1)} s, ` +
        `common word ${(common.ms / 1000).toFixed(1)} s, show ${(shown.ms / 1000).toFixed(1)} s`,
    );
    expect(ingest.ms).toBeLessThan(30_000);
    expect(Math.max(rare.ms, common.ms, shown.ms)).toBeLessThan(10_000);
  }, 120_000);
});
