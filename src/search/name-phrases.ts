// The clauses of a segment where a full name stands as a phrase (entity-names.ts: the name an acronym typed stands
// for), read from the word positions the postings keep, as proximity.ts reads a quoted phrase: each word of the
// name at its offset from the first, any of its terms there. The walk reads them as one more term of the acronym's
// group (searcher.ts), scored as a term whose frequency in a clause is the name's count there.
//
// PhraseIterator walks them lazily, led by the name's rarest word of one term: a clause is a hit only where the
// lead stands, with no more occurrences of the name than of the lead, in the same field, so the lead's postings
// bounds (block-max, competitive pairs) bound the name's scores too, and the walk skips stretches by them as for
// any term. The other words are checked (their cursors advanced, their positions read) only where the lead
// stands. A name each of whose words has several terms in a segment (no single lead) is read whole first
// (phraseClauses).

import { NO_MORE, type PostingsCursor } from '../index/format/postings.js';
import type { SegmentReader } from '../index/segment-reader.js';
import type { NamePhrase } from './entity-names.js';
import type { ClauseField } from './fields.js';
import { phraseStarts } from './proximity.js';
import type { TermIterator } from './searcher.js';

/** A name's clauses in one segment, ascending, with its count in each and the field's length there. */
export interface PhraseClauses {
  ordinals: Uint32Array;
  tfs: Uint32Array;
  norms: Uint32Array;
}

/** A word of a name in one segment: its place from the name's first word, and a cursor per term of it the segment holds. */
export interface PlacedWord {
  offset: number;
  cursors: PostingsCursor[];
}

/** The words of a name in one segment's field, each with its terms' cursors (not yet moved); null when a word is absent. */
export function placedWords(source: SegmentReader, field: ClauseField, phrase: NamePhrase): PlacedWord[] | null {
  const dictionary = source.terms(field);
  const words: PlacedWord[] = [];
  for (const w of phrase) {
    const cursors: PostingsCursor[] = [];
    for (const term of w.terms) {
      const info = dictionary.lookup(term);
      if (info) cursors.push(source.postings(field, info));
    }
    if (cursors.length === 0) return null;
    words.push({ offset: w.offset - phrase[0]!.offset, cursors });
  }
  return words.length >= 2 ? words : null;
}

/** The clauses (live ones) of a segment where the phrase holds in `field`; null where it never does. */
export function phraseClauses(source: SegmentReader, field: ClauseField, phrase: NamePhrase, deleted: Uint8Array | null): PhraseClauses | null {
  const words = placedWords(source, field, phrase);
  if (!words) return null;
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

/** The word positions of a word at clause o (its cursors standing there), merged, each once (two terms of one word share its positions). */
function positionsAt(w: PlacedWord, o: number): number[] {
  const out = new Set<number>();
  for (const c of w.cursors) if (c.doc === o) for (const p of c.positions()) out.add(p);
  return [...out];
}

/** How many times the phrase starts in clause o (every word's cursors standing there): each word at the start + its offset. */
function occurrences(words: readonly PlacedWord[], o: number): number {
  const first = words[0]!;
  const others = words.slice(1).map((w) => ({ shift: w.offset - first.offset, at: new Set(positionsAt(w, o)) }));
  return phraseStarts(positionsAt(first, o), others);
}

/**
 * The name's clauses, walked lazily: `lead` iterates the postings of its rarest one-term word (`leadWord`, among
 * `words`) scored with the name's weight; the others are checked where it stands. `scoreAt` scores the name's count
 * at a clause.
 */
export class PhraseIterator implements TermIterator {
  doc = -1;
  maxScore: number;
  following = 0;
  private tf = 0;
  /** The lead's word first (its positions are the lead's), then the others, rarest first. */
  private readonly checked: PlacedWord[];

  constructor(
    private readonly lead: TermIterator,
    leadWord: PlacedWord,
    others: readonly PlacedWord[],
    private readonly scoreAt: (tf: number, ordinal: number) => number,
  ) {
    this.maxScore = lead.maxScore;
    this.checked = [leadWord, ...others];
    for (const w of others) for (const c of w.cursors) c.first();
    this.settle();
  }

  /** From the lead's posting on, the first clause holding the name. */
  private settle(): number {
    let o = this.lead.doc;
    while (o !== NO_MORE) {
      let present = true;
      for (let k = 1; k < this.checked.length && present; k++) present = firstAtOrAfter(this.checked[k]!.cursors, o) === o;
      const count = present ? occurrences(this.checked, o) : 0;
      if (count > 0) {
        this.tf = count;
        return (this.doc = o);
      }
      o = this.lead.next();
    }
    return (this.doc = NO_MORE);
  }

  next(): number {
    this.lead.next();
    return this.settle();
  }

  advance(target: number): number {
    if (this.doc >= target) return this.doc;
    this.lead.advance(target);
    return this.settle();
  }

  score(): number {
    return this.scoreAt(this.tf, this.doc);
  }

  // The lead's bounds hold for the name: its clauses are among the lead's, with no more occurrences.
  bound(from: number, to: number): number {
    return this.lead.bound(from, to);
  }

  exactBound(from: number, to: number): number {
    return this.lead.exactBound(from, to);
  }

  blockLast(): number {
    return this.lead.blockLast();
  }

  stretchEnd(from: number): number {
    return this.lead.stretchEnd(from);
  }

  blockBound(): number {
    return this.lead.blockBound();
  }

  positions(): ArrayLike<number> {
    return this.lead.positions();
  }

  pairLengthsIn(from: number, to: number, most: number, out: number[]): boolean {
    return this.lead.pairLengthsIn(from, to, most, out);
  }

  exactBoundAtLength(from: number, to: number, length: number): number {
    return this.lead.exactBoundAtLength(from, to, length);
  }

  exactBoundAt(o: number): number {
    const bound = this.lead.exactBoundAt(o);
    this.following = this.lead.following;
    return bound;
  }
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
