// The lower bounds the readers and the searcher share, against a plain scan.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstAtLeast, gallopToAtLeast } from '../../src/index/sorted.js';

const scan = (a: ArrayLike<number>, v: number, lo: number, hi: number): number => {
  for (let i = lo; i < hi; i++) if (a[i]! >= v) return i;
  return hi;
};

describe('sorted-array search', () => {
  it('finds the first value at least the one asked, within the range, as a scan does', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { maxLength: 60 }), fc.nat(55), fc.nat(60), fc.nat(60), (values, v, x, y) => {
        const sorted = Uint32Array.from(values.sort((a, b) => a - b));
        const lo = Math.min(x, y, sorted.length);
        const hi = Math.min(Math.max(x, y), sorted.length);
        expect(firstAtLeast(sorted, v, lo, hi)).toBe(scan(sorted, v, lo, hi));
        expect(gallopToAtLeast(sorted, v, lo, hi)).toBe(scan(sorted, v, lo, hi));
        expect(firstAtLeast(Float64Array.from(sorted), v)).toBe(scan(sorted, v, 0, sorted.length));
      }),
    );
  });

  it('gives the end of the range when every value is smaller, and its start when none is', () => {
    const sorted = Uint32Array.of(1, 3, 3, 7);
    expect(firstAtLeast(sorted, 8)).toBe(4);
    expect(gallopToAtLeast(sorted, 8, 1)).toBe(4);
    expect(firstAtLeast(sorted, 0)).toBe(0);
    expect(firstAtLeast(sorted, 3)).toBe(1);
    expect(gallopToAtLeast(sorted, 3, 2)).toBe(2);
  });
});
