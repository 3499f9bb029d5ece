// The re-ranking's floor: the `count` best (matched words, re-ranked BM25)
// pairs among every candidate a search has re-ranked so far. A re-ranking
// (proximity.ts) raises BM25 by at most a known factor, so once `count`
// candidates stand above what a clause could reach even raised by that factor,
// the clause cannot be among the `count` hits returned: either those
// candidates stay among the best RERANK_DEPTH and outrank it, or one of them
// is pushed out by RERANK_DEPTH better-scored clauses, which push it out too
// (a candidate re-ranked above its best has the higher BM25). So the walk
// may pass it like a clause below the heap's threshold (searcher.ts).
// The pairs are kept for good, even when their clause later leaves the heap:
// the argument above holds for them as long as they were candidates.

export class RerankFloor {
  /** The kept pairs, worst first (at most `count`). */
  private readonly matched: Int32Array;
  private readonly values: Float64Array;
  private size = 0;

  constructor(private readonly count: number) {
    this.matched = new Int32Array(count);
    this.values = new Float64Array(count);
  }

  /** Records a candidate's matched words and re-ranked BM25; true when the floor rose. */
  offer(matched: number, value: number): boolean {
    const n = this.size;
    if (n === this.count) {
      // Not above the worst kept: nothing changes.
      if (matched < this.matched[0]! || (matched === this.matched[0]! && value <= this.values[0]!)) return false;
    }
    // Insertion into the sorted pairs (count is small: a search's limit), dropping the worst when full.
    let i = n === this.count ? 0 : n;
    if (n === this.count) {
      while (i + 1 < n && isBelow(this.matched[i + 1]!, this.values[i + 1]!, matched, value)) {
        this.matched[i] = this.matched[i + 1]!;
        this.values[i] = this.values[i + 1]!;
        i++;
      }
    } else {
      this.size++;
      while (i > 0 && isBelow(matched, value, this.matched[i - 1]!, this.values[i - 1]!)) {
        this.matched[i] = this.matched[i - 1]!;
        this.values[i] = this.values[i - 1]!;
        i--;
      }
    }
    this.matched[i] = matched;
    this.values[i] = value;
    return this.size === this.count;
  }

  /** Matched words of the count-th best pair; -1 while fewer than `count` were offered. */
  get floorMatched(): number {
    return this.size === this.count ? this.matched[0]! : -1;
  }

  /** Re-ranked BM25 of the count-th best pair (with floorMatched). */
  get floorValue(): number {
    return this.values[0]!;
  }
}

/** Does (m1, v1) order strictly below (m2, v2)? */
function isBelow(m1: number, v1: number, m2: number, v2: number): boolean {
  return m1 < m2 || (m1 === m2 && v1 < v2);
}
