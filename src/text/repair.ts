// Repair text without rewriting it: presentation forms back to letters, invisible
// controls out, odd spaces to plain spaces, one line-end convention. Letters,
// diacritics and digits stay as printed.

import { INVISIBLE_CONTROLS, ODD_SPACES, PRESENTATION_FORMS } from './arabic.js';

const LINE_ENDS = /\r\n?|[\u2028\u2029\u0085]/g;
const SPACE_RUNS = / {2,}/g;
const TRAILING_SPACE = / +$/gm;
const LEADING_SPACE = /^ +/gm;

/** Text extracted from PDFs carries presentation forms and ligatures: NFKC maps them to letters. */
export function unshapePresentationForms(text: string): string {
  return text.replace(PRESENTATION_FORMS, (run) => run.normalize('NFKC'));
}

export function repairText(text: string): string {
  return unshapePresentationForms(text)
    .replace(LINE_ENDS, '\n')
    .replace(INVISIBLE_CONTROLS, '')
    .replace(ODD_SPACES, ' ')
    .replace(SPACE_RUNS, ' ')
    .replace(TRAILING_SPACE, '')
    .replace(LEADING_SPACE, '');
}
