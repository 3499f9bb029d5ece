// The one-line result of `unres ingest`, as the contract words it, extended:
// every input file is counted once, as added, updated, unchanged, duplicate
// (its text already stored from another file), reparsed (`--reparse`), failed or skipped (not of a
// format unres reads, or a link leading out of the folder). Counts that are zero beyond
// the contract's four are left out, so the everyday line stays the same.

export interface IngestCounts {
  added: number;
  updated: number;
  unchanged: number;
  failed: number;
  duplicate?: number;
  /** Stored texts parsed again (`ingest --reparse`). */
  reparsed?: number;
  skipped?: number;
  removed?: number;
}

export function formatIngestSummary(counts: IngestCounts): string {
  const parts = [`${counts.added} added`, `${counts.updated} updated`, `${counts.unchanged} unchanged`];
  if (counts.duplicate) parts.push(`${counts.duplicate} duplicate`);
  if (counts.reparsed) parts.push(`${counts.reparsed} reparsed`);
  parts.push(`${counts.failed} failed`);
  if (counts.removed) parts.push(`${counts.removed} removed`);
  let line = parts.join(', ');
  if (counts.skipped) line += `; ${counts.skipped} skipped: not a format unres reads`;
  return line;
}
