// Issue 11, item 11 (last part): the memory ingest needs grows with the input
// by a bounded factor. Two shapes of text (ordinary lines, and the same words
// on one line) at two sizes; the peak resident set of the whole unres process
// (its parse workers included) is read at exit, and the growth between the
// sizes, per MB of input, must stay under MB_PER_INPUT_MB. The slope leaves out
// what any run pays (node, the modules), so the bound is about the input alone.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, setUpCli, tearDownCli, unres } from '../../reliability/support/cli.js';

/** Peak memory per MB of input, above what a small input needs. Measured about 6 (2026-12-03); 15-70 before issue 11. */
const MB_PER_INPUT_MB = 12;
const SMALL = 2 * 1024 * 1024;
const LARGE = 16 * 1024 * 1024;

let scratch = '';
let hook = '';

beforeAll(async () => {
  scratch = await setUpCli('parser-memory');
  // Loaded into the unres process by NODE_OPTIONS: prints its peak RSS (KiB) as it exits.
  hook = join(scratch, 'peak-rss.mjs');
  writeFileSync(hook, "process.on('exit', () => process.stderr.write(`peak-rss ${process.resourceUsage().maxRSS}\\n`));\n");
}, 300_000);
afterAll(tearDownCli);

function seedText(): string {
  return readdirSync(SEEDS)
    .sort()
    .map((name) => readFileSync(join(SEEDS, name), 'utf8'))
    .join('\n\n');
}

function grow(unit: string, separator: string, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    parts.push(unit);
    size += Buffer.byteLength(unit) + separator.length;
  }
  return parts.join(separator);
}

async function peakOfIngest(text: string, name: string): Promise<number> {
  const file = join(scratch, name);
  writeFileSync(file, text);
  const r = await unres(['ingest', file, '--index', join(scratch, `index-${name}`)], { env: { NODE_OPTIONS: `--import ${hook}` } });
  expect(r.code, r.stderr).toBe(0);
  const kib = /peak-rss (\d+)/.exec(r.stderr);
  expect(kib, r.stderr).not.toBeNull();
  return Number(kib![1]) / 1024;
}

describe.skipIf(!process.env.UNRES_SLOW)('ingest memory per MB of input', () => {
  const seeds = seedText();
  const shapes: Record<string, string> = {
    'the seeds, line by line': seeds,
    'the same words on one line': seeds.split(/\s+/).join(' '),
  };
  for (const [shape, unit] of Object.entries(shapes)) {
    it(`${shape}: at most ${MB_PER_INPUT_MB} MB more per MB of input`, async () => {
      const separator = unit.includes('\n') ? '\n\n' : ' ';
      const small = grow(unit, separator, SMALL);
      const large = grow(unit, separator, LARGE);
      const slug = shape.replace(/\W+/g, '-');
      const smallMb = await peakOfIngest(small, `small-${slug}.txt`);
      const largeMb = await peakOfIngest(large, `large-${slug}.txt`);
      const inputMb = (Buffer.byteLength(large) - Buffer.byteLength(small)) / 1048576;
      const slope = (largeMb - smallMb) / inputMb;
      console.log(`${shape}: peak ${smallMb.toFixed(0)} MB at ${(SMALL / 1048576).toFixed(0)} MB, ${largeMb.toFixed(0)} MB at ${(LARGE / 1048576).toFixed(0)} MB: ${slope.toFixed(1)} MB per MB of input`);
      expect(slope).toBeLessThan(MB_PER_INPUT_MB);
    }, 300_000);
  }

  it('a file too large for a parse worker\'s memory is parsed on the main thread, and nothing is lost', async () => {
    const folder = join(scratch, 'worker-memory');
    mkdirSync(folder);
    // Enough files for the parse workers, and one of 4 MB that cannot be parsed within a 24 MB worker heap.
    for (let i = 0; i < 70; i++) writeFileSync(join(folder, `small-${String(i).padStart(2, '0')}.txt`), `${seeds.slice(0, 4000)}\n\n${i}\n`);
    writeFileSync(join(folder, 'large.txt'), grow(seeds, '\n\n', 4 * 1024 * 1024));
    const r = await unres(['ingest', folder, '--index', join(scratch, 'index-worker-memory'), '--json'], { env: { UNRES_WORKER_HEAP_MB: '24' } });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 71, failed: 0 });
    const listed = await unres(['list', '--json', '--index', join(scratch, 'index-worker-memory')]);
    expect(listed.stdout).toContain('large.txt');
  }, 300_000);
});
