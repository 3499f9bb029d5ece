// Reads one segment by offset: the header whole (small), everything else by
// positioned reads of what a search or a document fetch needs, each read
// checked by the CRCs of its chunks. The same reader serves a segment on disk
// and one in memory (tests, a segment just built).

import { IndexError } from '../errors.js';
import { type Field, isDocField } from '../search/fields.js';
import { ChunkedReader, type Damage, MemoryAccess, type RandomAccess } from './format/chunked.js';
import { type DocEntry, type DocRow, DocTableReader } from './format/docs.js';
import { SEGMENT_FILES, type SegmentFileKey } from './format/files.js';
import { type SegmentHeader, decodeHeader } from './format/header.js';
import { NormsReader } from './format/norms.js';
import { PostingsCursor, type ListLocation } from './format/postings.js';
import { BlockCache, decodeBlock, readStored, readStoredRaw } from './format/stored.js';
import { FieldTerms } from './format/terms.js';
import type { SegmentData } from './builder.js';

export interface SegmentAccess {
  /** Opens one file of the segment; throws the error to report (missing, unreadable, wrong size). */
  open(key: SegmentFileKey): RandomAccess;
  /** A damage error for a problem in this segment. */
  damaged: Damage;
}

/** Read-ahead of a merge, per file of each source segment. */
const SEQUENTIAL_WINDOW = 512 * 1024;

export class SegmentReader {
  readonly header: SegmentHeader;
  private readonly files = new Map<SegmentFileKey, ChunkedReader>();
  private readonly fieldTerms = new Map<Field, FieldTerms>();
  private normsReader: NormsReader | null = null;
  private docTable: DocTableReader | null = null;

  constructor(
    readonly name: string,
    private readonly access: SegmentAccess,
    /** Documents replaced since the segment was written. */
    readonly deletedDocs: ReadonlySet<number> = new Set(),
  ) {
    const file = access.open('header');
    let bytes: Uint8Array;
    try {
      bytes = file.read(0, file.size);
    } finally {
      file.close();
    }
    const header = decodeHeader(bytes);
    if ('problem' in header) throw access.damaged(`${SEGMENT_FILES.header} ${header.problem}`);
    this.header = header;
  }

  get docCount(): number {
    return this.header.docCount;
  }

  get clauseCount(): number {
    return this.header.clauseCount;
  }

  get fieldTotals(): Record<Field, number> {
    return this.header.fieldTotals;
  }

  get damaged(): Damage {
    return this.access.damaged;
  }

  private file(key: Exclude<SegmentFileKey, 'header'>): ChunkedReader {
    let reader = this.files.get(key);
    if (!reader) {
      const access = this.access.open(key);
      try {
        reader = new ChunkedReader(access, SEGMENT_FILES[key], this.access.damaged);
      } catch (err) {
        access.close();
        throw err;
      }
      if (this.aheadBytes > 0) reader.readAhead(this.aheadBytes);
      this.files.set(key, reader);
    }
    return reader;
  }

  private aheadBytes = 0;

  /** Reads every file in large verified windows from now on (a merge walks each file front to back). */
  readSequentially(bytes = SEQUENTIAL_WINDOW): void {
    this.aheadBytes = bytes;
    for (const reader of this.files.values()) reader.readAhead(bytes);
  }

  terms(field: Field): FieldTerms {
    let terms = this.fieldTerms.get(field);
    if (!terms) {
      const info = this.header.terms[field];
      terms = new FieldTerms(this.file('terms'), info, this.access.damaged);
      this.fieldTerms.set(field, terms);
    }
    return terms;
  }

  /** A cursor over a term's postings (ordinals are documents for the title and years, clauses otherwise). */
  postings(field: Field, location: ListLocation): PostingsCursor {
    const limit = isDocField(field) ? this.docCount : this.clauseCount;
    return new PostingsCursor(this.file('postings'), location, limit, this.access.damaged);
  }

  norms(): NormsReader {
    return (this.normsReader ??= new NormsReader(this.file('norms'), this.clauseCount, this.access.damaged));
  }

  docs(): DocTableReader {
    return (this.docTable ??= new DocTableReader(this.file('docs'), this.docCount, this.access.damaged));
  }

  doc(ordinal: number): DocEntry {
    return this.docs().entry(ordinal);
  }

  row(ordinal: number): DocRow {
    return this.docs().row(ordinal);
  }

  docOfClause(ordinal: number): number {
    return this.docs().docOfClause(ordinal);
  }

  private readonly blocks = new BlockCache();

  /** A stored document's JSON text, checked. */
  docLine(ordinal: number): string {
    const entry = this.doc(ordinal);
    const text = readStored(this.file('stored'), entry.stored, this.blocks);
    if (text === null) throw this.access.damaged(`stored document ${entry.id} fails its checksum`);
    return text;
  }

  /** The compressed frame holding a stored document, checked by CRC (merges copy it; ingest checks a record is sound). */
  storedRaw(entry: DocEntry): Uint8Array {
    const raw = readStoredRaw(this.file('stored'), entry.stored);
    if (!raw) throw this.access.damaged(`stored document ${entry.id} fails its checksum`);
    return raw;
  }

  /** Frames already checked by verifyStored: the documents of a block share its frame. */
  private readonly verifiedFrames = new Set<number>();

  /** Checks a stored document's frame by its chunks' CRCs (each frame once: re-ingesting unchanged files checks every document). */
  verifyStored(entry: DocEntry): void {
    if (this.verifiedFrames.has(entry.stored.offset)) return;
    this.storedRaw(entry);
    this.verifiedFrames.add(entry.stored.offset);
  }

  /** The documents' JSON of a frame read by storedRaw (merges compress a block's survivors again). */
  storedBlock(entry: DocEntry, raw: Uint8Array): Uint8Array[] {
    const docs = decodeBlock(raw);
    if (!docs || !docs[entry.stored.slot]) throw this.access.damaged(`stored document ${entry.id} fails its checksum`);
    return docs;
  }

  close(): void {
    for (const f of this.files.values()) f.close();
    this.files.clear();
    this.fieldTerms.clear();
    this.normsReader = null;
    this.docTable = null;
  }
}

/** A segment held in memory, read through the same reader as one on disk. */
export function memorySource(data: SegmentData, name = 'memory', deletedDocs: ReadonlySet<number> = new Set()): SegmentReader {
  return new SegmentReader(
    name,
    {
      open: (key) => new MemoryAccess(data.files[key]),
      damaged: (problem) => new IndexError(`segment ${name} is damaged (${problem}): run \`unres ingest --rebuild\``),
    },
    deletedDocs,
  );
}
