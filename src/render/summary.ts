// The one-line result of `unres ingest`, exactly as the contract words it.

export interface IngestCounts {
  added: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export function formatIngestSummary(counts: IngestCounts): string {
  return `${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed`;
}
