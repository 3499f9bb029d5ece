// The benchmark harness's pieces that need no built engine: options, process
// measurement, statistics.

import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../scripts/bench.js';
import { median, runMeasured, spread } from '../../scripts/bench/measure.js';

describe('bench options', () => {
  it('defaults to 1,000 and 10,000 documents, five runs, the baselines and the crash check', () => {
    const o = parseOptions([]);
    expect(o.sizes).toEqual([1000, 10000]);
    expect(o.runs).toBe(5);
    expect(o.out).toBeNull();
    expect(o.corpus).toBeNull();
    expect(o.baselines).toBe(true);
    expect(o.crashCheck).toBe(true);
  });

  it('reads --sizes, --runs, --seed, --out in both spellings', () => {
    const o = parseOptions(['--sizes', '100000,1000,10000', '--runs=3', '--seed', '9', '--out', 'x.md', '--corpus', '/tmp/c']);
    expect(o.sizes).toEqual([1000, 10000, 100000]);
    expect(o.corpus).toBe('/tmp/c');
    expect(o.runs).toBe(3);
    expect(o.seed).toBe(9);
    expect(o.out).toBe('x.md');
  });
});

describe('statistics', () => {
  it('takes the median of odd and even counts, and the spread', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(spread([5, 2, 9])).toEqual({ min: 2, max: 9 });
  });
});

describe('runMeasured', () => {
  it('measures wall time and peak RSS of a whole process', async () => {
    // Allocate ~64 MB and hold it briefly, so the peak is clearly above a bare node.
    const sample = await runMeasured(
      process.execPath,
      ['-e', 'const b = Buffer.alloc(64 * 1024 * 1024, 1); setTimeout(() => console.log(b[5]), 50)'],
      { timeoutMs: 20_000 },
    );
    expect(sample.code).toBe(0);
    expect(sample.timedOut).toBe(false);
    expect(sample.stdoutHead.trim()).toBe('1');
    expect(sample.wallMs).toBeGreaterThan(40);
    expect(sample.maxRssKb).not.toBeNull();
    expect(sample.maxRssKb!).toBeGreaterThan(64 * 1024);
  });

  it('kills a process that runs past its time limit', async () => {
    const sample = await runMeasured(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { timeoutMs: 300 });
    expect(sample.timedOut).toBe(true);
    expect(sample.code).toBeNull();
    expect(sample.wallMs).toBeLessThan(10_000);
  });

  it('reports the exit code of a failing process', async () => {
    const sample = await runMeasured(process.execPath, ['-e', 'process.exit(3)'], { timeoutMs: 20_000 });
    expect(sample.code).toBe(3);
  });
});
