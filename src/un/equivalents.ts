// Equivalent wordings of UN Arabic texts: two Arabic renderings of one English
// term, both in use in UN documents, so that a reader typing one finds the
// other. Each entry is public usage, not a guess:
//   - peace: the Charter writes "حفظ السلم والأمن الدولي" (Art. 1, 24, 43),
//     later texts "عمليات حفظ السلام" (peacekeeping operations), "بناء السلام"
//     (peacebuilding), "ثقافة السلام"; UNTERM gives both for "peace".
//   - sanctions: Security Council texts write "الجزاءات" (لجنة الجزاءات,
//     نظام الجزاءات), other texts and readers "العقوبات".
//   - again, "re-" (reaffirms, renews): "يؤكد من جديد" and "يؤكد مجددا" are
//     both the rendering of "Reaffirms" in resolutions (as "يكرر تأكيد" is not
//     listed: it holds neither word).
// Search reads this table at query time only (src/search/query.ts): a query
// word that is one variant also looks for the others, at a lower weight. The
// variants are written as printed; a variant of several words (`من جديد`)
// answers only when the query has all its words in that order, the last one
// carrying the others' terms.

export interface Equivalence {
  /** The English term both variants render. */
  sense: string;
  /** The variants as printed in UN texts; words separated by one space. */
  variants: readonly string[];
}

export const EQUIVALENTS: readonly Equivalence[] = [
  { sense: 'peace', variants: ['السلم', 'السلام'] },
  { sense: 'sanctions', variants: ['الجزاءات', 'العقوبات'] },
  { sense: 'again, re- (reaffirms, renews)', variants: ['من جديد', 'مجددا'] },
];
