// The drafting formulas of UN texts, folded (src/text/letters.ts: alef forms
// as ا, ى as ي, ة kept): the words that open an enacting formula and a
// preambular paragraph. One home for the structure's recognisers, run-in
// splitting and clause building; each builds its own pattern from these parts.

/** Subjects of an enacting formula, "إن <subject> ...،": organs and the bodies or meetings that adopt texts. */
export const ENACTING_SUBJECTS: readonly string[] = [
  'الجمعية', 'جمعية', 'المجلس', 'مجلس', 'لجنة', 'اللجنة', 'مؤتمر', 'المؤتمر', 'الفريق', 'فريق',
  'الهيئة', 'هيئة', 'المنتدى', 'الدول', 'دول', 'الاطراف', 'الحكومات', 'حكومات', 'اجتماع',
  'ممثلي', 'ممثلو', 'رؤساء', 'وزراء', 'الوزراء',
];

/** Openers of a preambular paragraph that read as one anywhere, with or without و: "وإذ", "لما كان", "وحيث إن". */
export const PREAMBLE_OPENERS: readonly string[] = ['اذ', 'لما كان', 'حيث ان'];

/** "وإذا": a preambular opener only at the start of a line (inside a sentence it is "and if"). */
export const LINE_START_OPENER = 'اذا';

/** "وقد نظرت": an opener only with its و, and only inside a preamble. */
export const PERFECT_OPENER = 'وقد';

/** A regular-expression alternation of `words` (they hold no special characters). */
export function alternation(words: readonly string[]): string {
  return `(?:${words.join('|')})`;
}

/** A preambular opener at the start of a line: "وإذ", "إذ", "لما كان", "وإذا" (not "وقد", which only a preamble makes one). */
export const LINE_OPENERS: readonly string[] = [...PREAMBLE_OPENERS, LINE_START_OPENER].map((word) => `و?${word}`);

/** A preambular opener inside a line, where its و marks the new paragraph: "وإذ", "ولما كان", "وحيث إن", "وقد". */
export const INSIDE_OPENERS: readonly string[] = [...PREAMBLE_OPENERS.map((word) => `و${word}`), PERFECT_OPENER];

const PREAMBLE_OPENER_QUERY = new RegExp(`^\\s*و?${alternation(PREAMBLE_OPENERS)}\\s+\\S`);

/**
 * Does a query open with a preambular formula ("وإذ ترحب", "إذ تسترشد", "ولما كان", "وحيث إن"), followed by
 * more words? A translator who types the formula is after its preambular use. Reads folded text.
 */
export function opensWithPreambleOpener(folded: string): boolean {
  return PREAMBLE_OPENER_QUERY.test(folded);
}
