// A UTF-8 file cut short inside its last character: a download or a copy that
// did not finish. Everything before that character is UTF-8 text, but the file
// as a whole is not valid UTF-8, so it would otherwise be read in a legacy
// Arabic code page and give mojibake. The decoder reads it as what it is: UTF-8
// text with a broken last character, which is dropped; the encoding it reports,
// CUT_SHORT_ENCODING, lets the CLI say so in one warning line
// (docs/reliability.md).

const CONTINUATION_MASK = 0xc0;
const CONTINUATION = 0x80;

/** How many bytes a UTF-8 sequence starting with `lead` has; 0 if `lead` starts none. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

export const CUT_SHORT_ENCODING = 'utf-8-cut-short';

/**
 * The bytes before an incomplete last UTF-8 character, or null when the file
 * does not end that way. The bytes before it must be valid UTF-8 holding at
 * least one non-ASCII character: without that evidence a trailing high byte
 * is more likely a letter in a legacy code page than half a UTF-8 character.
 */
export function cutShortUtf8(bytes: Uint8Array, isStrictUtf8: (head: Uint8Array) => boolean): Uint8Array | null {
  let start = bytes.length - 1;
  while (start >= 0 && bytes.length - start <= 3 && (bytes[start]! & CONTINUATION_MASK) === CONTINUATION) start--;
  if (start < 0) return null;
  const wanted = sequenceLength(bytes[start]!);
  if (wanted === 0 || bytes.length - start >= wanted) return null;
  const head = bytes.subarray(0, start);
  if (!head.some((b) => b >= 0x80) || !isStrictUtf8(head)) return null;
  return head;
}

export const CUT_SHORT_WARNING = 'ends in the middle of a UTF-8 character (cut short: a download that did not finish?); read without that last character';
