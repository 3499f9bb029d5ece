// "Ibid." in footnotes: UN documents cite a source once in full and then write
// "المرجع نفسه" (English "Ibid.") with only the new volume, year or page:
//   (١) الأمم المتحدة، مجموعة المعاهدات، المجلد ٢٢٢٥، الرقم ٣٩٥٧٤.
//   (٢) المرجع نفسه، المجلد ٢٢٣٧، الرقم ٣٩٥٧٤.
// Footnote (٢) cites the Treaty Series too. `resolveIbid` gives each such
// footnote the source it stands for: the cited work of the footnote before it
// (its comma-separated parts up to the first one holding a digit: volume,
// year, number), so a search for the work finds every clause citing it.

import { toAsciiDigits } from '../text/digits.js';
import { stripDiacritics } from '../text/arabic.js';

/** How an "ibid." footnote begins (compared without diacritics, case-free). */
const IBID = /^\s*(?:المرجع\s+نفسه|نفس\s+المرجع|المرجع\s+السابق|المصدر\s+نفسه|ibid\b|idem\b)/i;

export function isIbid(text: string): boolean {
  return IBID.test(stripDiacritics(text));
}

/** The cited work of a full citation: its comma-separated parts up to the first holding a digit ("" when the first does). */
export function citedWork(text: string): string {
  const parts = text.split(/[،,]/);
  const work: string[] = [];
  for (const part of parts) {
    if (/[0-9]/.test(toAsciiDigits(part))) break;
    work.push(part.trim());
  }
  return work.filter((p) => p !== '').join('، ');
}

/**
 * Footnote texts in document order, each "ibid." footnote prefixed with the
 * work it stands for (the last full citation before it). Linear.
 */
export function resolveIbid(texts: readonly string[]): string[] {
  let work = '';
  return texts.map((text) => {
    if (isIbid(text)) return work === '' ? text : `${work}، ${text}`;
    work = citedWork(text);
    return text;
  });
}
