// Catastrophic backtracking and quadratic loops, caught in the default suite:
// each hostile input of test/slow/linear-time.test.ts at about 200 KB must parse
// in under 2 s of CPU (the slow suite runs them at 10 MB / 100,000 repetitions).

import { beforeAll, describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/structure/parse.js';
import { cpuTimed } from '../helpers/cpu-time.js';
import { HOSTILE_INPUTS } from './support/hostile-inputs.js';

const BOUND_MS = 2_000;

describe('hostile inputs at 200 KB parse in linear time', () => {
  beforeAll(() => {
    // Load and compile the pipeline once, so the first case is not charged for it.
    parseBytes(Buffer.from('إن الجمعية العامة،\n**١ - تقرر**^(١)\n(١) حاشية.'), 'warm-up.txt');
  });

  it.each(HOSTILE_INPUTS.map((input) => [input.name, input] as const))('%s', (_, input) => {
    const bytes = Buffer.from(input.build('fast'), 'utf8');
    const { result: doc, cpuMs: elapsed } = cpuTimed(() => parseBytes(bytes, 'hostile.txt'));
    expect(doc.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(elapsed, `${bytes.length} bytes took ${elapsed.toFixed(0)} ms`).toBeLessThan(BOUND_MS);
  });
});
