// Equivalent wordings of UN Arabic texts: two Arabic renderings of one English
// term, both in use in UN documents, so that a reader typing one finds the
// other. Each entry is public usage, not a guess:
//   - peace: the Charter writes "حفظ السلم والأمن الدولي" (Art. 1, 24, 43),
//     later texts "عمليات حفظ السلام" (peacekeeping operations), "بناء السلام"
//     (peacebuilding), "ثقافة السلام"; UNTERM gives both for "peace".
//   - sanctions: Security Council texts write "الجزاءات" (لجنة الجزاءات,
//     نظام الجزاءات), other texts and readers "العقوبات".
//   - again, "re-" (reaffirms, renews): "يؤكد من جديد" and "يؤكد مجددا" are
//     both the rendering of "Reaffirms" in resolutions ("يكرر تأكيد" is not
//     listed: it holds neither word).
//   - women: "المرأة" (collective singular: لجنة وضع المرأة, the Commission
//     on the Status of Women; اتفاقية القضاء على جميع أشكال التمييز ضد
//     المرأة, CEDAW) and "النساء" (النساء والفتيات, العنف ضد النساء); نساء is
//     the plural of امرأة, but no shape rule can find it.
//   - perpetrators, offenders: "مرتكبو/مرتكبي الجرائم" and "الجناة" (UNODC
//     texts use both; the Protocol on trafficking in persons "الجناة").
// Search reads this table at query time only (src/search/query.ts): a query
// word that is one variant also looks for the others, at a lower weight. The
// variants are written as printed, a word's inflected forms separated by `|`
// (the first one stands for the variant: its stem is what the others look
// for); a variant of several words (`من جديد`) answers only when the query
// has all its words in that order, the last one carrying the others' terms.

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
  { sense: 'women', variants: ['المرأة|امرأة', 'النساء'] },
  { sense: 'perpetrators, offenders', variants: ['الجناة|الجاني', 'مرتكبو|مرتكبي|مرتكبين|المرتكبين|مرتكب'] },
];
