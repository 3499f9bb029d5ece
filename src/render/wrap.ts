// Greedy word wrapping into [start, end) ranges of one logical string. Bidi
// reordering must happen per wrapped line (UAX #9, rule L1 onwards), so the
// caller wraps first and reorders each range afterwards.

import { charWidth, displayWidth } from './width.js';

export type Range = [start: number, end: number];

export function wrapRanges(text: string, width: number): Range[] {
  if (width < 1 || displayWidth(text) <= width) return [[0, text.length]];
  const ranges: Range[] = [];
  let lineStart = 0;
  let lineWidth = 0;
  let lastSpace = -1;
  for (let i = 0; i < text.length; i++) {
    const w = charWidth(text, i);
    if (lineWidth + w > width && i > lineStart) {
      if (lastSpace > lineStart) {
        // Break at the last space: it is consumed, not carried to either line.
        ranges.push([lineStart, lastSpace]);
        lineStart = lastSpace + 1;
        lineWidth = displayWidth(text.slice(lineStart, i));
      } else {
        // A word wider than the line: cut it where it overflows.
        ranges.push([lineStart, i]);
        lineStart = i;
        lineWidth = 0;
      }
      lastSpace = -1;
    }
    if (text[i] === ' ') lastSpace = i;
    lineWidth += w;
  }
  if (lineStart < text.length) ranges.push([lineStart, text.length]);
  return ranges;
}
