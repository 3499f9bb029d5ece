// Repair text without rewriting it: presentation forms back to letters, invisible
// controls out, odd spaces to plain spaces, one line-end convention. Letters,
// diacritics and digits stay as printed.

import { INVISIBLE_CONTROLS, ODD_SPACES, PRESENTATION_FORMS } from './arabic.js';

const LINE_ENDS = /\r\n?|[\u2028\u2029\u0085]/g;
const SPACE_RUNS = / {2,}/g;
// After SPACE_RUNS a space next to a line end is a single one: two literal
// searches (a pattern anchored with `$` per line is tried at every space).
const SPACE_BEFORE_LINE_END = / \n/g;
const SPACE_AFTER_LINE_END = /\n /g;

/** Text extracted from PDFs carries presentation forms and ligatures: NFKC maps them to letters. */
export function unshapePresentationForms(text: string): string {
  return text.replace(PRESENTATION_FORMS, (run) => run.normalize('NFKC'));
}

export function repairText(text: string): string {
  const repaired = unshapePresentationForms(text)
    .replace(LINE_ENDS, '\n')
    .replace(INVISIBLE_CONTROLS, '')
    .replace(ODD_SPACES, ' ')
    .replace(SPACE_RUNS, ' ')
    .replace(SPACE_BEFORE_LINE_END, '\n')
    .replace(SPACE_AFTER_LINE_END, '\n');
  const start = repaired.startsWith(' ') ? 1 : 0;
  const end = repaired.endsWith(' ') && repaired.length > start ? repaired.length - 1 : repaired.length;
  return start === 0 && end === repaired.length ? repaired : repaired.slice(start, end);
}
