// When to merge segments: a logarithmic policy, as Lucene's LogMergePolicy.
// Segments fall in levels by live clauses (level 0 below 2,000; each level ten
// times the one below); when a level holds `mergeFactor` segments, they merge
// into one of the next level. Adding documents one at a time thus costs small
// merges often and large merges rarely, and a search sees at most about
// mergeFactor segments per level. A segment that lost more than a third of its
// clauses to replacements is rewritten on its own, to drop them.

export interface MergeCandidate {
  name: string;
  clauses: number;
  liveClauses: number;
}

export interface MergePolicyOptions {
  mergeFactor: number;
  levelBase: number;
  expungeRatio: number;
}

export const DEFAULT_MERGE_POLICY: MergePolicyOptions = { mergeFactor: 10, levelBase: 2000, expungeRatio: 1 / 3 };

export function levelOf(liveClauses: number, levelBase: number): number {
  if (liveClauses < levelBase) return 0;
  return 1 + Math.floor(Math.log10(liveClauses / levelBase));
}

/** One merge to do now (names of segments, in index order), or null. Call again after each merge. */
export function nextMerge(segments: readonly MergeCandidate[], options: MergePolicyOptions = DEFAULT_MERGE_POLICY): string[] | null {
  const byLevel = new Map<number, MergeCandidate[]>();
  for (const s of segments) {
    const level = levelOf(s.liveClauses, options.levelBase);
    const list = byLevel.get(level) ?? [];
    list.push(s);
    byLevel.set(level, list);
  }
  for (const level of [...byLevel.keys()].sort((a, b) => a - b)) {
    const list = byLevel.get(level)!;
    if (list.length >= options.mergeFactor) return list.slice(0, options.mergeFactor).map((s) => s.name);
  }
  for (const s of segments) {
    if (s.clauses > 0 && s.liveClauses < s.clauses && (s.clauses - s.liveClauses) / s.clauses > options.expungeRatio) {
      return [s.name];
    }
  }
  return null;
}
