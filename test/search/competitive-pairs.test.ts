import { describe, expect, it } from 'vitest';
import { competitivePairs } from '../../src/index/format/postings.js';

/** The frontier by its definition: pairs no other pair matches or beats on both counts, one per (tf, length), by tf ascending. */
function frontier(tfs: number[], norms: number[]): number[] {
  const pairs = tfs.map((tf, i) => [tf, norms[i]!] as const);
  const kept = pairs.filter(([tf, norm]) => !pairs.some(([t, n]) => t >= tf && n <= norm && (t > tf || n < norm)));
  const unique = [...new Map(kept.map((p) => [`${p[0]},${p[1]}`, p])).values()].sort((a, b) => a[0] - b[0]);
  return unique.flat();
}

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

describe('competitive (tf, length) pairs of a postings block', () => {
  it('are exactly the pairs no other posting beats on both counts, small and large frequencies alike', () => {
    const next = random(7);
    for (let trial = 0; trial < 2000; trial++) {
      const n = 1 + Math.floor(next() * 128);
      const maxTf = trial % 5 === 0 ? 2000 : 1 + Math.floor(next() * 12);
      const tfs = Array.from({ length: n }, () => 1 + Math.floor(next() * maxTf));
      const norms = Array.from({ length: n }, () => 1 + Math.floor(next() * 300));
      expect(competitivePairs(tfs, norms, n)).toEqual(frontier(tfs, norms));
    }
  });
});
