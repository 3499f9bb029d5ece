// Merges segments into one, streaming: the documents' stored frames are
// copied as they are, the dictionaries are merged k-way in term order, and
// each term's postings are copied block by block (whole blocks unchanged when
// nothing in them was deleted, their ordinals shifted in the skip table;
// otherwise decoded, renumbered and re-encoded). Nothing is analysed again
// and no segment is read whole: memory holds one term's postings, plus the
// merged segment's clause norms and document rows (a few bytes per clause).
// Documents keep their order (segments in the order given, documents in
// segment order), so the result holds exactly the sources minus deletions.

import { ALL_FIELDS, CLAUSE_FIELDS, type ClauseField, type Field } from '../search/fields.js';
import { type ByteSink, ChunkedWriter, type WrittenFile } from './format/chunked.js';
import { DocTableWriter } from './format/docs.js';
import type { SegmentFileKey } from './format/files.js';
import { type SegmentHeader, encodeHeader } from './format/header.js';
import { type ClauseNorms, writeNorms } from './format/norms.js';
import { BLOCK, type PostingsCursor, PostingsListWriter } from './format/postings.js';
import { writeStored } from './format/stored.js';
import { type FieldTermsInfo, type TermInfo, TermsWriter } from './format/terms.js';
import type { SegmentReader } from './segment-reader.js';

/** Lets the event loop run (a lock keeps itself fresh there) during long merges. */
export type Pause = () => Promise<void>;

const PAUSE_EVERY_MS = 50;
/** Fewest pending postings a merge ends as a short block so that whole blocks after them are copied. */
const MIN_CUT = 16;
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
  const stored = new ChunkedWriter(open('stored'));
  const renumberings: Renumbering[] = [];
  const titleLengths: number[] = [];
  const totals = Object.fromEntries(ALL_FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  let clauseCount = 0;
  for (const source of sources) {
    const clauses = new Int32Array(source.clauseCount).fill(-1);
    const docs = new Int32Array(source.docCount).fill(-1);
    const clauseShift = clauseCount;
    const docShift = table.count;
    const entries = source.docs().all();
    for (const [d, entry] of entries.entries()) {
      if (source.deletedDocs.has(d)) continue;
      docs[d] = table.count;
      for (let c = 0; c < entry.clauseCount; c++) clauses[entry.clauseStart + c] = clauseCount + c;
      const ref = writeStored(stored, source.storedRaw(entry));
      table.add({ ...entry, stored: ref });
      titleLengths.push(entry.titleLength);
      CLAUSE_FIELDS.forEach((f, i) => (totals[f] += entry.sums[i]!));
      totals.title += entry.titleLength * entry.clauseCount;
      clauseCount += entry.clauseCount;
      await maybePause();
    }
    renumberings.push({ clauses, docs, shiftOnly: source.deletedDocs.size === 0, clauseShift, docShift });
  }

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
    const isTitle = field === 'title';
    const normOf: ArrayLike<number> = isTitle ? titleLengths : norms.lengths[field];
    const iterators = sources.map((s) => s.terms(field).all());
    const heads: Array<TermInfo | null> = iterators.map((it) => it.next().value ?? null);
    const cursors: Array<PostingsCursor | null> = sources.map(() => null);
    for (;;) {
      let term: string | null = null;
      for (const h of heads) if (h && (term === null || h.term < term)) term = h.term;
      if (term === null) break;
      list.reset();
      for (let s = 0; s < sources.length; s++) {
        const head = heads[s];
        if (!head || head.term !== term) continue;
        const r = renumberings[s]!;
        const map = isTitle ? r.docs : r.clauses;
        const shift = isTitle ? r.docShift : r.clauseShift;
        const cursor = cursors[s]?.reopen(head) ?? (cursors[s] = sources[s]!.postings(field, head));
        // Where this source's full blocks could be copied as they are, the postings pending from the sources
        // before (their last, partial block) become a block of their own, unless they are very few.
        if (r.shiftOnly && list.pendingCount >= MIN_CUT && cursor.counts[0] === BLOCK) list.cut();
        for (let b = 0; b < cursor.blockCount; b++) {
          const meta = cursor.meta(b);
          if (r.shiftOnly && list.pendingCount === 0 && meta.count === BLOCK) {
            list.addBlock({ ...meta, first: meta.first + shift, last: meta.last + shift }, cursor.rawBlock(b));
            continue;
          }
          cursor.loadBlock(b);
          for (let i = 0; i < cursor.blockSize; i++) {
            const target = map[cursor.ordinals[i]!]!;
            if (target < 0) continue;
            list.add(target, cursor.tfs[i]!, cursor.positionsAt(i), 0, normOf[target]!);
          }
        }
        heads[s] = iterators[s]!.next().value ?? null;
      }
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
  const { createHash } = await import('node:crypto');
  files.header = { bytes: headerBytes.length, sha256: createHash('sha256').update(headerBytes).digest('hex') };
  return { header, files };
}
