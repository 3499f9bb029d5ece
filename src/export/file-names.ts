// File names for exported documents. Ids come from symbols and file names, so
// they may hold anything: slashes, backslashes, control characters, hundreds
// of characters. A name must be safe on any file system, bounded in length,
// and injective: two documents never share a file, so none overwrites another.
//
// The rule: an id made only of letters, digits and . - _ (not starting with a
// dot) and at most MAX_STEM_BYTES long is its own name. Any other id is made
// safe, cut to length, and given "~" and the start of its SHA-256: "~" is never
// in an id kept as it is, so a hashed name never equals a kept one, and two
// hashed names differ when their hashes do. Within one export, names are also
// compared without case (macOS and Windows file systems ignore it); a clash
// there gets the whole hash.

import { sha256Hex } from '../lazy-crypto.js';

/** Bytes of the name before the suffix: well under the 255 most file systems allow. */
export const MAX_STEM_BYTES = 120;
const SHORT_HASH = 12;

// One unsafe character at a time (a run of them would need no backtracking either).
const UNSAFE = /[^\p{L}\p{N}\p{M}._-]/gu;

/** `text` cut to at most `max` UTF-8 bytes, never inside a character. */
function cutToBytes(text: string, max: number): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > max) break;
    out += ch;
    bytes += size;
  }
  return out;
}

/** The stem an id gets on its own, before any clash in one export is considered. */
export function fileStem(id: string): string {
  const safe = id.replace(UNSAFE, '_').replace(/^\./, '_');
  if (safe === id && id !== '' && Buffer.byteLength(id, 'utf8') <= MAX_STEM_BYTES) return id;
  return `${cutToBytes(safe, MAX_STEM_BYTES)}~${sha256Hex(id).slice(0, SHORT_HASH)}`;
}

/** Names for one export: each id always gets the same name, and no two ids share one, whatever their case. */
export class ExportNames {
  private readonly byId = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(private readonly extension: string) {}

  name(id: string): string {
    const known = this.byId.get(id);
    if (known !== undefined) return known;
    let stem = fileStem(id);
    if (this.taken.has(stem.toLowerCase())) stem = `${cutToBytes(stem.split('~')[0] ?? '', MAX_STEM_BYTES)}~${sha256Hex(id)}`;
    const name = stem + this.extension;
    this.taken.add(stem.toLowerCase());
    this.byId.set(id, name);
    return name;
  }
}
