// The intermediate tree the parse pipeline works on: a unist root whose children
// are the document's lines, each tagged by the stage that understood it.

import type { Node, Parent } from 'unist';

/** What a line turned out to be; set by the transformer that recognises it. */
export type LineRole =
  | 'text' // not yet claimed: clause text or header text
  | 'furniture' // page headers, job numbers, distribution lines
  | 'contents' // a table of contents: no clause, but the document's own text (kept in the preface)
  | 'footnote' // a footnote body
  | 'closing'; // "الجلسة العامة ٣٦" and what follows it

export interface LineNode extends Node {
  type: 'line';
  /** The line's text: repaired, markdown markup removed, footnote markers removed. */
  value: string;
  /** The line started with a markdown list bullet ("- ", "* ", "+ "). */
  bullet: boolean;
  /** The line was a markdown heading ("# ..."). */
  heading: boolean;
  /** Spans of bold text in `value`, as [start, end) offsets. */
  strong: Array<[number, number]>;
  /** Footnote numbers whose markers stood in this line (in order of appearance). */
  markers: number[];
  /** Where each of `markers` stood: offsets into `value` (the markers removed). Absent when no marker was removed. */
  markerOffsets?: number[];
  role: LineRole;
  /** For role 'footnote': the footnote's number. */
  footnote?: number;
}

export interface LinesRoot extends Parent {
  type: 'root';
  children: LineNode[];
}
