// Terminal cell widths, close enough for Arabic and Latin text: combining
// marks and the second half of a surrogate pair take no cell of their own.

const COMBINING = /\p{M}/u;

export function charWidth(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code >= 0xdc00 && code <= 0xdfff) return 0;
  const ch = text[index] ?? '';
  return COMBINING.test(ch) ? 0 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) width += charWidth(text, i);
  return width;
}

/** True for characters that belong to the character before them (marks, low surrogates). */
export function attachesToPrevious(text: string, index: number): boolean {
  return index > 0 && charWidth(text, index) === 0;
}
