// Small text helpers for one-line human output.

const LINE_BREAKS = /[\r\n\t\f\v\u2028\u2029]/g;
const SPACE_RUNS = / {2,}/g;

/** Replaces each line-breaking character by one space, so string offsets stay valid. */
export function flattenSameLength(text: string): string {
  return text.replace(LINE_BREAKS, ' ');
}

/** One line, single spaces. */
export function oneLine(text: string): string {
  return flattenSameLength(text).replace(SPACE_RUNS, ' ').trim();
}

/** At most `max` characters, cut at a space where one is near, with an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = oneLine(text);
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  const end = cut > max * 0.6 ? cut : max;
  return flat.slice(0, end).trimEnd() + '…';
}
