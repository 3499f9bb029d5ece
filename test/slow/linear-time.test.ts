// Linear time at full size: a 10 MB line, 100,000 list markers, brackets and
// "**", 50,000 items, 100,000 numbered lines... each parses in under 5 s.
// Run with `npm run test:slow` (vitest.slow.config.ts); the default suite runs
// the same inputs at 200 KB (test/structure/linear-time.test.ts).

import { beforeAll, describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/structure/parse.js';
import { cpuTimed } from '../helpers/cpu-time.js';
import { HOSTILE_INPUTS } from '../structure/support/hostile-inputs.js';

const BOUND_MS = 5_000;

describe.skipIf(!process.env.UNRES_SLOW)('hostile inputs at full size parse in linear time', () => {
  beforeAll(() => {
    parseBytes(Buffer.from('إن الجمعية العامة،\n**١ - تقرر**^(١)\n(١) حاشية.'), 'warm-up.txt');
  });

  it.each(HOSTILE_INPUTS.map((input) => [input.name, input] as const))('%s', (_, input) => {
    const bytes = Buffer.from(input.build('full'), 'utf8');
    const { result: doc, cpuMs: elapsed } = cpuTimed(() => parseBytes(bytes, 'hostile.txt'));
    // Shown in the run's output, so slow creep is visible before it fails.
    console.log(`${input.name}: ${(bytes.length / 1e6).toFixed(1)} MB in ${elapsed.toFixed(0)} ms`);
    expect(doc.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(elapsed, `${bytes.length} bytes took ${elapsed.toFixed(0)} ms`).toBeLessThan(BOUND_MS);
  });
});
