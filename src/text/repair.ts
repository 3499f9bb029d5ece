// Repair text without rewriting it: presentation forms back to letters, invisible
// controls out, odd spaces to plain spaces, one line-end convention. Letters,
// diacritics and digits stay as printed.

import { INVISIBLE_CONTROLS, ODD_SPACES, PRESENTATION_FORMS } from './arabic.js';

// (NEEDS_REPAIR below holds these characters too.)
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

/** The inside of a one-class pattern ("[...]" or "[...]+"). */
function classBody(pattern: RegExp): string {
  const match = /^\[(.*)\]\+?$/.exec(pattern.source);
  if (!match) throw new Error(`not a character class: ${pattern.source}`);
  return match[1]!;
}

// One pass tells whether any step below has work: most texts need none, and
// six passes over a whole text to find so cost a tenth of a parse. One class
// holds the steps' own (presentation forms, line ends, invisible controls, odd
// spaces); space runs and spaces at line ends are looked for as strings.
const NEEDS_REPAIR = new RegExp(
  `[${classBody(PRESENTATION_FORMS)}\\r\\u2028\\u2029\\u0085${classBody(INVISIBLE_CONTROLS)}${classBody(ODD_SPACES)}]`,
);

function needsRepair(text: string): boolean {
  return NEEDS_REPAIR.test(text) || text.includes('  ') || text.includes(' \n') || text.includes('\n ');
}

export function repairText(text: string): string {
  const repaired = needsRepair(text)
    ? unshapePresentationForms(text)
        .replace(LINE_ENDS, '\n')
        .replace(INVISIBLE_CONTROLS, '')
        .replace(ODD_SPACES, ' ')
        .replace(SPACE_RUNS, ' ')
        .replace(SPACE_BEFORE_LINE_END, '\n')
        .replace(SPACE_AFTER_LINE_END, '\n')
    : text;
  const start = repaired.startsWith(' ') ? 1 : 0;
  const end = repaired.endsWith(' ') && repaired.length > start ? repaired.length - 1 : repaired.length;
  return start === 0 && end === repaired.length ? repaired : repaired.slice(start, end);
}
