// The index directory:
//   manifest.json          which segments make the index, their deletions and
//                          file checksums; replaced atomically to commit a change
//   segments/<name>/       one immutable segment (see src/index/format/):
//     segment.bin terms.bin postings.bin norms.bin docs.bin stored.bin
//   paths-<n>-<tag>.bin    the files of the table of every document's source paths
//                          (src/store/paths.ts; named by the manifest, immutable:
//                          a commit adds one holding what it changed)
//   commit.claim           held for the instant of a commit (src/store/claim.ts)
//   write.lock             held by the one process writing (proper-lockfile)
// Readers never lock: they read the manifest, then files no writer changes.

import { join } from 'node:path';

export const INDEX_FORMAT = 'unres-index';
/**
 * Bump when the layout or any segment file changes meaning; older or newer indexes must be rebuilt.
 * 2: index format 2 (src/index/format). 3: the analysis chain changed (stemmer, folded letters,
 * document symbols as whole tokens), so terms written by version 2 no longer meet the query's terms.
 * 4: clause fields notes (footnote text) and ref (clause references), segment format 3.
 * 5: segment format 4, documents in id order within each segment (searches skip exact ties by block).
 * 6: the analysis chain changed (a derived-form participle also reads as its verbal noun; a zero
 *    between letters of a symbol reads O) and the title field holds the document's own symbol, so an
 *    index of version 5 misses terms queries now ask for.
 * 7: the paths table is a list of binary files, each commit adding one (src/store/paths.ts); segment
 *    format 5, stored documents compressed in blocks of documents (src/index/format/stored.ts).
 * 8: what is indexed changed (issue 12, third round): the title field of a document printed without a
 *    symbol holds the symbol of the resolution that adopted it, and an ibid. footnote's text is indexed
 *    with the work it repeats, so an index of version 7 misses terms queries now ask for. The files
 *    are laid out as in version 7.
 * 9: what is indexed changed (issue 12, fourth round): inline footnote bodies whose printed labels
 *    restart (every body "([1])") are numbered apart, so clauses of an index of version 8 hold the
 *    wrong footnote's text. The files are laid out as in version 7.
 * 10: what is indexed changed (issue 12, fifth round): a short feminine plural in ات stems as its
 *    singular, titles hold the years a document is of, and an article printed as a principle or a
 *    rule is referenced as principle:N / rule:N, so an index of version 9 misses terms queries now
 *    ask for. The files are laid out as in version 7.
 * 11: segment format 6 (a years field; kind tables after long clause lists, read by --kind); what is
 *    indexed changed (issue 12, sixth round): titles no longer hold years, فعاة plurals stem as their
 *    singular, an ا before a pronoun or ة is not read as tanween.
 * 12: the manifest carries a crc32 of its body instead of a sha256 (a search loads no node:crypto);
 *    what is indexed changed (issue 12, seventh round): عمال stems as عامل and عوامل keeps its own
 *    stem. Stored blocks are written at most 128 KiB and 8 documents (readers take any size). The
 *    segment files are laid out as in version 11 (segment format 6).
 * 13: segment format 7 (clause lengths in one byte, 255 and more in an overflow table); what is
 *    indexed changed (issue 12, eighth round): duals of two-letter stems (الصكين, سنتين) read as
 *    their singular, and clauses under a chapter or part heading hold a chapter:N / part:N key.
 * 14: what is indexed changed (issue 12, ninth round): negation (ليس and its forms, لا, لم, لن, دون) and
 *    أيضاً are indexed as words, no longer dropped as stop words; a clause answers to every chapter or
 *    part it stands under, at any depth (read from the parser's heading tree). Segment files as in 13.
 * 15: what is indexed changed (issue 12, tenth round): the فعول broken plurals of a فعل (شروط, صكوك,
 *    شهود ...), seven more listed plurals and a تفعيل of a root in ن keeping its ين; a new clause field
 *    `matter` (the document's preface and conclusions, the text no clause holds, on its first clause);
 *    documents parsed anew get ids without a trailing `-` (a rebuild keeps stored documents' ids, and
 *    their `matter` is empty until their files are parsed again). Segment files as in 14.
 * 16: segment format 8 (a postings list of two blocks or more, and a kind table, store their best
 *    (tf, length) pairs ahead of their entries, so a long table is decoded only as far as a walk
 *    reads it); what is indexed changed (issue 12, eleventh round): the members of symbols printed as
 *    ranges and lists, hyphen-joined numbers as dotted (٨-٧ -> 8.7), paragraph items (1 (أ)); and
 *    each clause's `formula` (the formula printed before it that no clause holds) in its `matter`
 *    (documents parsed anew; `unres ingest --reparse <files>` parses stored ones again).
 * 17: what is indexed changed (issue 12, twelfth round): a verb's past tense without its person
 *    ending (نظرت -> نظر), a derived-form verb's verbal noun (يستغل, استغل -> استغلال), a form III
 *    present's مفاعل stem (يكافح -> مكافح), more broken plurals (زبائن -> زبون, لجان -> لجنة). Segment
 *    files as in 16.
 */
export const INDEX_VERSION = 17;

export const MANIFEST_FILE = 'manifest.json';
export const SEGMENTS_DIR = 'segments';
export const LOCK_FILE = 'write.lock';
/** Held for the instant of a commit (src/store/claim.ts). */
export const CLAIM_FILE = 'commit.claim';
/** Staging names start with a dot: never a segment, removed by the next writer. */
export const STAGING_PREFIX = '.staging-';

export { SEGMENT_FILES, type SegmentFileKey } from '../index/format/files.js';
import { SEGMENT_FILES, type SegmentFileKey } from '../index/format/files.js';

export const REBUILD_HINT = 'run `unres ingest --rebuild` to rebuild it from the stored documents';

export function manifestPath(dir: string): string {
  return join(dir, MANIFEST_FILE);
}

export function segmentsPath(dir: string): string {
  return join(dir, SEGMENTS_DIR);
}

export function segmentPath(dir: string, name: string): string {
  return join(dir, SEGMENTS_DIR, name);
}

export function segmentFilePath(dir: string, name: string, key: SegmentFileKey): string {
  return join(dir, SEGMENTS_DIR, name, SEGMENT_FILES[key]);
}

/** Segment names sort in creation order: a zero-padded counter, then a random tag against leftovers. */
export function segmentName(counter: number, tag: string): string {
  return `s${String(counter).padStart(8, '0')}-${tag}`;
}

export const SEGMENT_NAME = /^s\d{8}-[0-9a-f]{6}$/;

/** The segment a folder of segments/ is or is being written as (`.staging-<name>-<tag>`), or null. */
export function segmentOfFolder(folder: string): string | null {
  const name = folder.startsWith(STAGING_PREFIX) ? folder.slice(STAGING_PREFIX.length).replace(/-[0-9a-f]{6}$/, '') : folder;
  return SEGMENT_NAME.test(name) ? name : null;
}

/** The counter a segment's name carries (s00000114-f08e93: 114). */
export function segmentCounter(name: string): number {
  return Number(name.slice(1, 9));
}

/** The source-paths file of one commit: named by the manifest, swept when it no longer is. */
export function pathsFileName(generation: number, tag: string): string {
  return `paths-${String(generation).padStart(8, '0')}-${tag}.bin`;
}

export const PATHS_NAME = /^paths-\d{8}-[0-9a-f]{6}\.bin$/;

/** The generation a paths file's name carries (paths-00000204-424320.bin: 204). */
export function pathsFileGeneration(name: string): number {
  return Number(name.slice('paths-'.length, 'paths-'.length + 8));
}
/** Paths files of earlier versions (one JSON file per commit): read by rebuild, swept by the next commit. */
export const LEGACY_PATHS_NAME = /^paths-\d{8}-[0-9a-f]{6}\.json$/;
