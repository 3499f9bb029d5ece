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
// The Charter's Arabic text is older than the UN's Arabic translation service
// (Arabic became an official language of the General Assembly in 1973), and
// several of its terms differ from those of later UN texts for the same
// English term; a reader types the later one:
//   - privileges and immunities (Art. 105, "المزايا والإعفاءات"): the 1946
//     Convention on the Privileges and Immunities of the United Nations is
//     "اتفاقية امتيازات الأمم المتحدة وحصاناتها"; later texts write
//     "الامتيازات والحصانات".
//   - advisory opinion (Art. 96, "إفتاء"): General Assembly resolutions write
//     "فتوى محكمة العدل الدولية" (the follow-up to the 1996 opinion on nuclear
//     weapons, every year), readers and commentaries "الرأي الاستشاري".
//   - armaments (Art. 26 "تنظيم التسليح", Art. 47): later texts "التسلح"
//     (سباق التسلح, the arms race), the verbal noun of form V for form II's.
// Not listed: "التبعات" (Art. 24's responsibilities) for "المسؤولية": its
// stem is that of "تبعاً" (accordingly), which every clause saying
// "accordingly" would then match; "حفظ" (the Charter's maintenance of peace)
// for "صون": it moved no judged query, and "حفظ السلم" searched 0.2 s of CPU
// slower at 100,000 documents with it (حفظ and صون both frequent there).
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
  // The Charter's Arabic (1945) against the wording of later UN texts for the same English term.
  { sense: 'privileges (Art. 105)', variants: ['المزايا|مزايا', 'الامتيازات|امتيازات'] },
  { sense: 'immunities (Art. 105)', variants: ['الإعفاءات|إعفاءات', 'الحصانات|حصانات|الحصانة|حصانة'] },
  { sense: 'advisory opinion (Art. 96)', variants: ['الإفتاء|إفتاء', 'الفتوى|فتوى|الفتاوى|فتاوى', 'الرأي الاستشاري'] },
  { sense: 'armaments, regulation of armaments (Art. 26)', variants: ['التسليح|تسليح', 'التسلح|تسلح'] },
];
