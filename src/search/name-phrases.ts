// The clauses of a segment where a full name stands as a phrase (entity-names.ts: the name an acronym typed stands
// for), read from the word positions the postings keep, as proximity.ts reads a quoted phrase: each word of the
// name at its offset from the first, any of its terms there. The walk then reads the list as one more term of the
// acronym's group (searcher.ts), scored as a term whose frequency in a clause is the name's count there.
// Cost: the name's words are intersected by skipping (each word's cursors advanced to the furthest ordinal any of
// them stands at), positions read only where every word is present; a search pays this only for a name it names.

import { NO_MORE, type PostingsCursor } from '../index/format/postings.js';
import type { SegmentReader } from '../index/segment-reader.js';
import type { NamePhrase } from './entity-names.js';
import type { ClauseField } from './fields.js';

/** A name's clauses in one segment, ascending, with its count in each and the field's length there. */
export interface PhraseClauses {
  ordinals: Uint32Array;
  tfs: Uint32Array;
  norms: Uint32Array;
}

interface PlacedWord {
  offset: number;
  cursors: PostingsCursor[];
}

/** The clauses (live ones) of a segment where the phrase holds in `field`; null where it never does. */
export function phraseClauses(source: SegmentReader, field: ClauseField, phrase: NamePhrase, deleted: Uint8Array | null): PhraseClauses | null {
  const dictionary = source.terms(field);
  const words: PlacedWord[] = phrase.map((w) => {
    const cursors: PostingsCursor[] = [];
    for (const term of w.terms) {
      const info = dictionary.lookup(term);
      if (info) cursors.push(source.postings(field, info));
    }
    return { offset: w.offset - phrase[0]!.offset, cursors };
  });
  if (words.length < 2 || words.some((w) => w.cursors.length === 0)) return null;
  for (const w of words) for (const c of w.cursors) c.first();
  const ordinals: number[] = [];
  const tfs: number[] = [];
  let target = 0;
  for (;;) {
    // Every word moved to the furthest ordinal any word stands at, until all stand at the same one.
    let at = target;
    let aligned = false;
    while (!aligned) {
      aligned = true;
      for (const w of words) {
        const d = firstAtOrAfter(w.cursors, at);
        if (d === NO_MORE) return collected(source, field, ordinals, tfs);
        if (d > at) {
          at = d;
          aligned = false;
        }
      }
    }
    if (!(deleted && deleted[at])) {
      const count = occurrences(words, at);
      if (count > 0) {
        ordinals.push(at);
        tfs.push(count);
      }
    }
    target = at + 1;
  }
}

/** The first ordinal at or after `target` any of the cursors holds (each advanced to it). */
function firstAtOrAfter(cursors: readonly PostingsCursor[], target: number): number {
  let first = NO_MORE;
  for (const c of cursors) {
    const d = c.doc < target ? c.advance(target) : c.doc;
    if (d < first) first = d;
  }
  return first;
}

/** The word positions of a word at clause o (its cursors standing there), merged. */
function positionsAt(w: PlacedWord, o: number): number[] {
  const out: number[] = [];
  for (const c of w.cursors) if (c.doc === o) for (const p of c.positions()) out.push(p);
  return out;
}

/** How many times the phrase starts in clause o: the first word at p, every other word at p + its offset. */
function occurrences(words: readonly PlacedWord[], o: number): number {
  const starts = positionsAt(words[0]!, o);
  const others = words.slice(1).map((w) => ({ offset: w.offset, at: new Set(positionsAt(w, o)) }));
  let count = 0;
  for (const p of starts) if (others.every((w) => w.at.has(p + w.offset))) count++;
  return count;
}

function collected(source: SegmentReader, field: ClauseField, ordinals: number[], tfs: number[]): PhraseClauses | null {
  if (ordinals.length === 0) return null;
  const lengths = source.norms().lengths(field);
  return {
    ordinals: Uint32Array.from(ordinals),
    tfs: Uint32Array.from(tfs),
    norms: Uint32Array.from(ordinals, (o) => lengths.get(o)),
  };
}
