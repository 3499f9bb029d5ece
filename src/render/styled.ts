// Human output is built as lines of styled spans, so that colour, Arabic
// shaping and wrapping can be decided once, at the end, by the terminal writer.

/** What a span means; the writer decides how (or whether) to show it. */
export type Style = 'match' | 'heading' | 'label' | 'dim';

export interface Span {
  text: string;
  style?: Style;
}

export type Line = Span[];

export function span(text: string, style?: Style): Span {
  return style === undefined ? { text } : { text, style };
}

/** A line of one unstyled span. */
export function plainLine(text: string): Line {
  return [{ text }];
}

export function lineText(line: Line): string {
  return line.map((s) => s.text).join('');
}

/**
 * Splits `text` into spans, marking the half-open ranges in `matches` with
 * `style`. Ranges may be unsorted, overlapping or out of bounds: they are
 * clamped and merged first, so a sloppy range can never garble the text.
 */
export function markRanges(text: string, matches: ReadonlyArray<readonly [number, number]>, style: Style): Span[] {
  const ranges = matches
    .map(([start, end]) => [Math.max(0, start), Math.min(text.length, end)] as const)
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0]);
  const spans: Span[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (end <= cursor) continue;
    const from = Math.max(start, cursor);
    if (from > cursor) spans.push(span(text.slice(cursor, from)));
    const previous = spans[spans.length - 1];
    // Touching or overlapping ranges read as one highlight.
    if (from === cursor && previous?.style === style) previous.text += text.slice(from, end);
    else spans.push(span(text.slice(from, end), style));
    cursor = end;
  }
  if (cursor < text.length) spans.push(span(text.slice(cursor)));
  return spans;
}
