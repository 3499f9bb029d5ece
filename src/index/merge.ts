// Merges segments into one, streaming: the documents' stored blocks are
// copied as they are when full and whole (else their survivors are compressed
// again, stored.ts), the dictionaries are merged k-way in term order, and
// each term's postings are merged k-way over the sources in the new ordinals'
// order (decoded, renumbered and re-encoded; a term only one source holds,
// with nothing deleted and nothing of another source between, keeps its
// blocks as they are, their ordinals shifted in the skip table). Nothing is
// analysed again and no segment is read whole: memory holds one term's
// postings, plus the merged segment's clause norms and document rows (a few
// bytes per clause). Documents are in id order in every segment (builder.ts),
// so the merged one interleaves its sources' documents by id, and holds
// exactly the sources minus deletions.

import { ALL_FIELDS, CLAUSE_FIELDS, type ClauseField, type Field, isDocField } from '../search/fields.js';
import { type ByteSink, ChunkedWriter, type WrittenFile } from './format/chunked.js';
import { DocTableWriter } from './format/docs.js';
import type { SegmentFileKey } from './format/files.js';
import { type SegmentHeader, encodeHeader } from './format/header.js';
import { type ClauseNorms, postingsColumns, writeNorms } from './format/norms.js';
import { type PostingsCursor, PostingsListWriter } from './format/postings.js';
import { type StoredRef, StoredWriter, copyableBlock } from './format/stored.js';
import { type FieldTermsInfo, type TermInfo, TermsWriter } from './format/terms.js';
import type { SegmentReader } from './segment-reader.js';
import { sha256Hex } from '../lazy-crypto.js';

/** One source's postings of a term, live ones only, with their new ordinals. */
class SourceWalk {
  private b = -1;
  i = 0;
  /** New ordinal of the current posting; -1 when done. */
  target = -1;

  constructor(
    readonly cursor: PostingsCursor,
    private readonly map: Int32Array,
  ) {
    this.i = -1;
    this.step();
  }

  step(): void {
    const c = this.cursor;
    for (;;) {
      this.i++;
      if (this.b < 0 || this.i >= c.blockSize) {
        this.b++;
        if (this.b >= c.blockCount) {
          this.target = -1;
          return;
        }
        c.loadBlock(this.b);
        this.i = 0;
      }
      const target = this.map[c.ordinals[this.i]!]!;
      if (target >= 0) {
        this.target = target;
        return;
      }
    }
  }
}

/** Lets the event loop run (a lock keeps itself fresh there) during long merges. */
export type Pause = () => Promise<void>;

const PAUSE_EVERY_MS = 50;
const nextTurn: Pause = () => new Promise((resolve) => setImmediate(resolve));

interface Renumbering {
  /** Old clause ordinal -> new, -1 when deleted. */
  clauses: Int32Array;
  docs: Int32Array;
  /** The source lost nothing: every ordinal just shifts. */
  shiftOnly: boolean;
  clauseShift: number;
  docShift: number;
}

export interface MergedSegment {
  header: SegmentHeader;
  files: Record<SegmentFileKey, WrittenFile>;
  /** Per source: its document ordinals -> their ordinals in the merged segment, -1 for those dropped (deletions made after the merge began are carried over with it). */
  docMaps: Int32Array[];
}

export async function mergeSegments(
  sources: SegmentReader[],
  identity: string,
  open: (key: SegmentFileKey) => ByteSink,
  pause: Pause = nextTurn,
): Promise<MergedSegment> {
  let lastPause = Date.now();
  const maybePause = async (): Promise<void> => {
    if (Date.now() - lastPause < PAUSE_EVERY_MS) return;
    await pause();
    lastPause = Date.now();
  };

  for (const source of sources) source.readSequentially();
  // Documents and clauses: what survives, where it goes.
  const table = new DocTableWriter();
  const stored = new StoredWriter(new ChunkedWriter(open('stored')));
  const renumberings: Renumbering[] = [];
  const titleLengths: number[] = [];
  const totals = Object.fromEntries(ALL_FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  let clauseCount = 0;
  // Live documents of every source, then all of them in id order (a source's own are in id order already).
  const live = sources.map((source) => {
    const entries = source.docs().all();
    return { entries, docs: [...entries.keys()].filter((d) => !source.deletedDocs.has(d)) };
  });
  const merged: Array<{ s: number; d: number }> = [];
  {
    const at = sources.map(() => 0);
    for (;;) {
      let pick = -1;
      for (let s = 0; s < sources.length; s++) {
        const { entries, docs } = live[s]!;
        if (at[s]! >= docs.length) continue;
        if (pick < 0 || entries[docs[at[s]!]!]!.id < live[pick]!.entries[live[pick]!.docs[at[pick]!]!]!.id) pick = s;
      }
      if (pick < 0) break;
      merged.push({ s: pick, d: live[pick]!.docs[at[pick]!]! });
      at[pick]!++;
    }
  }
  sources.forEach((source) => renumberings.push({
    clauses: new Int32Array(source.clauseCount).fill(-1),
    docs: new Int32Array(source.docCount).fill(-1),
    shiftOnly: true,
    clauseShift: 0,
    docShift: 0,
  }));
  for (const { s, d } of merged) {
    const entry = live[s]!.entries[d]!;
    const r = renumberings[s]!;
    const docTarget = titleLengths.length;
    // Shift-only while this source's documents stay together and in order with nothing deleted before them.
    if (r.shiftOnly) {
      if (d === 0 && !sources[s]!.deletedDocs.has(0)) {
        r.docShift = docTarget;
        r.clauseShift = clauseCount - entry.clauseStart;
      }
      if (docTarget - d !== r.docShift || clauseCount - entry.clauseStart !== r.clauseShift) r.shiftOnly = false;
    }
    r.docs[d] = docTarget;
    for (let c = 0; c < entry.clauseCount; c++) r.clauses[entry.clauseStart + c] = clauseCount + c;
    titleLengths.push(entry.titleLength);
    CLAUSE_FIELDS.forEach((f, i) => (totals[f] += entry.sums[i]!));
    totals.title += entry.titleLength * entry.clauseCount;
    totals.years += entry.clauseCount;
    clauseCount += entry.clauseCount;
  }
  sources.forEach((source, s) => {
    if (live[s]!.docs.length !== source.docCount) renumberings[s]!.shiftOnly = false;
  });
  // Stored blocks in each source's file order (their order in the new file does not matter), rows in id order:
  // a full block whose documents all survive is copied, the survivors of the others are compressed again.
  const refs = sources.map((source) => new Array<StoredRef | undefined>(source.docCount));
  for (let s = 0; s < sources.length; s++) {
    const source = sources[s]!;
    const { entries, docs } = live[s]!;
    const inBlock = new Map<number, number>();
    for (const e of entries) inBlock.set(e.stored.offset, (inBlock.get(e.stored.offset) ?? 0) + 1);
    const inFileOrder = [...docs].sort((a, b) => entries[a]!.stored.offset - entries[b]!.stored.offset || entries[a]!.stored.slot - entries[b]!.stored.slot);
    for (let i = 0; i < inFileOrder.length; ) {
      const offset = entries[inFileOrder[i]!]!.stored.offset;
      let j = i;
      while (j < inFileOrder.length && entries[inFileOrder[j]!]!.stored.offset === offset) j++;
      const first = entries[inFileOrder[i]!]!;
      const raw = source.storedRaw(first);
      if (copyableBlock(inBlock.get(offset)!, j - i)) {
        const at = stored.copyFrame(raw);
        for (let k = i; k < j; k++) {
          const d = inFileOrder[k]!;
          refs[s]![d] = { offset: at, bytes: raw.length, slot: entries[d]!.stored.slot };
        }
      } else {
        const block = source.storedBlock(first, raw);
        for (let k = i; k < j; k++) {
          const d = inFileOrder[k]!;
          const json = block[entries[d]!.stored.slot];
          if (!json) source.storedBlock(entries[d]!, raw); // throws: the block lacks this document
          refs[s]![d] = stored.add(json!);
        }
      }
      i = j;
      await maybePause();
    }
  }
  stored.flush();
  for (const { s, d } of merged) table.add({ ...live[s]!.entries[d]!, stored: refs[s]![d]! });

  const norms: ClauseNorms = {
    lengths: Object.fromEntries(CLAUSE_FIELDS.map((f) => [f, new Uint16Array(clauseCount)])) as Record<ClauseField, Uint16Array>,
    kinds: new Uint8Array(clauseCount),
  };
  sources.forEach((source, s) => {
    const { clauses } = renumberings[s]!;
    const reader = source.norms();
    const columns = CLAUSE_FIELDS.map((f) => reader.lengths(f).all());
    const kinds = reader.kinds().all();
    for (let old = 0; old < clauses.length; old++) {
      const target = clauses[old]!;
      if (target < 0) continue;
      CLAUSE_FIELDS.forEach((f, i) => (norms.lengths[f][target] = columns[i]![old]!));
      norms.kinds[target] = kinds[old]!;
    }
  });

  // Postings: the dictionaries k-way, each term's lists in source order.
  const postingsOut = new ChunkedWriter(open('postings'));
  const termsOut = new ChunkedWriter(open('terms'));
  const termsWriter = new TermsWriter(termsOut);
  const terms = {} as Record<Field, FieldTermsInfo>;
  const list = new PostingsListWriter();
  for (const field of ALL_FIELDS) {
    const isDoc = isDocField(field);
    const { normOf, kindOf } = postingsColumns(field, norms, titleLengths);
    const iterators = sources.map((s) => s.terms(field).all());
    const heads: Array<TermInfo | null> = iterators.map((it) => it.next().value ?? null);
    const cursors: Array<PostingsCursor | null> = sources.map(() => null);
    for (;;) {
      let term: string | null = null;
      for (const h of heads) if (h && (term === null || h.term < term)) term = h.term;
      if (term === null) break;
      list.reset();
      const holders: number[] = [];
      for (let s = 0; s < sources.length; s++) {
        const head = heads[s];
        if (!head || head.term !== term) continue;
        holders.push(s);
        cursors[s] = cursors[s]?.reopen(head) ?? sources[s]!.postings(field, head);
      }
      if (holders.length === 1 && renumberings[holders[0]!]!.shiftOnly) {
        // One source, its documents together in the merged order: its blocks are copied as they are.
        const s = holders[0]!;
        const r = renumberings[s]!;
        const shift = isDoc ? r.docShift : r.clauseShift;
        const cursor = cursors[s]!;
        for (let b = 0; b < cursor.blockCount; b++) {
          const meta = cursor.meta(b);
          list.addBlock({ ...meta, first: meta.first + shift, last: meta.last + shift }, cursor.rawBlock(b));
        }
      } else {
        // k-way over the sources' lists by new ordinal (each source's renumbering keeps its own order).
        const walks = holders.map((s) => new SourceWalk(cursors[s]!, isDoc ? renumberings[s]!.docs : renumberings[s]!.clauses));
        for (;;) {
          let pick: SourceWalk | null = null;
          for (const w of walks) if (w.target >= 0 && (pick === null || w.target < pick.target)) pick = w;
          if (pick === null) break;
          const cursor = pick.cursor;
          const starts = cursor.positionByteStarts();
          list.addEncoded(pick.target, cursor.tfs[pick.i]!, cursor.loadedBytes, starts[pick.i]!, starts[pick.i + 1]!, normOf[pick.target]!, kindOf ? kindOf[pick.target]! : -1);
          pick.step();
        }
      }
      for (const s of holders) heads[s] = iterators[s]!.next().value ?? null;
      if (list.df > 0) {
        const encoded = list.finish();
        const offset = postingsOut.position;
        postingsOut.write(encoded.skip);
        postingsOut.write(encoded.blocks);
        termsWriter.add(term, { offset, skipBytes: encoded.skip.length, totalBytes: encoded.skip.length + encoded.blocks.length, df: encoded.df });
      }
      await maybePause();
    }
    terms[field] = termsWriter.endField();
  }

  const normsOut = new ChunkedWriter(open('norms'));
  writeNorms(normsOut, norms);
  const docsOut = new ChunkedWriter(open('docs'));
  table.write(docsOut);
  const header: SegmentHeader = { identity, docCount: table.count, clauseCount, fieldTotals: totals, terms };
  const files = {
    terms: termsOut.finish(),
    postings: postingsOut.finish(),
    norms: normsOut.finish(),
    docs: docsOut.finish(),
    stored: stored.finish(),
  } as Record<SegmentFileKey, WrittenFile>;
  const headerSink = open('header');
  const headerBytes = encodeHeader(header);
  headerSink.write(headerBytes);
  headerSink.close();
  files.header = { bytes: headerBytes.length, sha256: sha256Hex(headerBytes) };
  return { header, files, docMaps: renumberings.map((r) => r.docs) };
}
