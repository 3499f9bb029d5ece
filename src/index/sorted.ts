// Searches in ascending arrays of clause ordinals, block ends and hashes: one
// home for the lower bound the format readers and the searcher each need.

/** Ascending numbers indexed by position: the typed arrays the readers hold. */
type Sorted = Uint32Array | Float64Array;

/** The first index in [lo, hi) whose value is >= `value`; hi when none. */
export function firstAtLeast(sorted: Sorted, value: number, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * firstAtLeast over [from, end), for an answer likely near `from`: steps of 1, 2, 4 ... first (galloping),
 * then a binary search of the last step, so a walk over a long list jumping short distances reads few entries.
 */
export function gallopToAtLeast(sorted: Sorted, value: number, from: number, end = sorted.length): number {
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi < end && sorted[hi]! < value) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  return firstAtLeast(sorted, value, lo, Math.min(hi, end));
}
