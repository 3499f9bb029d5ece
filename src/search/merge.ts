// Merges segments into one, dropping deleted documents: postings are decoded,
// renumbered and re-encoded; nothing is analysed again. Documents keep their
// order (segments in the order given, documents in segment order), so the
// merged segment holds exactly what the sources held, minus deletions.

import { ALL_FIELDS, CLAUSE_FIELDS, type ClauseField } from './fields.js';
import { decodePostings, encodePostings } from './postings.js';
import {
  type ClauseTable,
  type SegmentData,
  type SegmentDictionary,
  type SegmentDocEntry,
  SEGMENT_FORMAT,
  SEGMENT_VERSION,
  fieldTotalsOf,
  writeClauseTable,
} from './segment.js';
import type { SegmentSource } from './searcher.js';

interface Renumbering {
  clauses: Int32Array;
  docs: Int32Array;
}

/** Lets the event loop run (a lock keeps itself fresh there) during long merges. */
export type Pause = () => Promise<void>;

const PAUSE_EVERY_MS = 50;
const nextTurn: Pause = () => new Promise((resolve) => setImmediate(resolve));

export async function mergeSegments(sources: SegmentSource[], pause: Pause = nextTurn): Promise<SegmentData> {
  let lastPause = Date.now();
  const maybePause = async (): Promise<void> => {
    if (Date.now() - lastPause < PAUSE_EVERY_MS) return;
    await pause();
    lastPause = Date.now();
  };
  const docs: SegmentDocEntry[] = [];
  const docLines: Buffer[] = [];
  const renumberings: Renumbering[] = [];
  let clauseCount = 0;
  let docBytes = 0;
  const tables = sources.map((s) => s.clauseTable());

  sources.forEach((source) => {
    const clauses = new Int32Array(source.meta.clauseCount).fill(-1);
    const docMap = new Int32Array(source.meta.docs.length).fill(-1);
    source.meta.docs.forEach((entry, d) => {
      if (source.deletedDocs.has(d)) return;
      docMap[d] = docs.length;
      for (let c = 0; c < entry.clauseCount; c++) clauses[entry.clauseStart + c] = clauseCount + c;
      const line = Buffer.from(source.docLine(d), 'utf8');
      docs.push({ ...entry, clauseStart: clauseCount, offset: docBytes, bytes: line.length });
      docLines.push(line);
      docBytes += line.length;
      clauseCount += entry.clauseCount;
    });
    renumberings.push({ clauses, docs: docMap });
  });

  const merged: ClauseTable = {
    lengths: Object.fromEntries(CLAUSE_FIELDS.map((f) => [f, new Uint16Array(clauseCount)])) as Record<ClauseField, Uint16Array>,
    kinds: new Uint8Array(clauseCount),
  };
  sources.forEach((_, s) => {
    const { clauses } = renumberings[s]!;
    const table = tables[s]!;
    for (let old = 0; old < clauses.length; old++) {
      const target = clauses[old]!;
      if (target < 0) continue;
      for (const field of CLAUSE_FIELDS) merged.lengths[field][target] = table.lengths[field][old]!;
      merged.kinds[target] = table.kinds[old]!;
    }
  });

  const blocks: Uint8Array[] = [];
  let offset = 0;
  const dictionary = {} as SegmentDictionary;
  for (const field of ALL_FIELDS) {
    const dictionaries = sources.map((s) => s.dictionary()[field]);
    const terms = [...new Set(dictionaries.flatMap((d) => d.terms))].sort();
    const kept: string[] = [];
    const offsets: number[] = [];
    const cursors = new Array<number>(sources.length).fill(0);
    for (const term of terms) {
      await maybePause();
      const ordinals: number[] = [];
      const tfs: number[] = [];
      sources.forEach((source, s) => {
        const dict = dictionaries[s]!;
        // Terms are sorted in every dictionary: each cursor only moves forward.
        let i = cursors[s]!;
        while (i < dict.terms.length && dict.terms[i]! < term) i++;
        cursors[s] = i;
        if (dict.terms[i] !== term) return;
        const limit = field === 'title' ? source.meta.docs.length : source.meta.clauseCount;
        const block = source.postingsBlock(dict.offsets[i]!, dict.offsets[i + 1]!);
        const postings = decodePostings(block, limit, `segment ${source.name}`);
        const map = field === 'title' ? renumberings[s]!.docs : renumberings[s]!.clauses;
        for (let p = 0; p < postings.ordinals.length; p++) {
          const target = map[postings.ordinals[p]!]!;
          if (target < 0) continue;
          ordinals.push(target);
          tfs.push(postings.tfs[p]!);
        }
      });
      if (ordinals.length === 0) continue;
      const block = encodePostings(ordinals, tfs);
      kept.push(term);
      offsets.push(offset);
      blocks.push(block);
      offset += block.length;
    }
    offsets.push(offset);
    dictionary[field] = { terms: kept, offsets };
  }

  return {
    meta: { format: SEGMENT_FORMAT, version: SEGMENT_VERSION, clauseCount, docs, fieldTotals: fieldTotalsOf(merged, docs) },
    dictionary,
    postings: Buffer.concat(blocks),
    clauses: writeClauseTable(merged, clauseCount),
    docs: Buffer.concat(docLines),
  };
}
