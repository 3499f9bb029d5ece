// Geminate nouns written with two letters (صكّ, حقّ, حدّ: the doubled radical
// carries a shadda that texts mostly leave out) whose dual the stemmer reads
// (stemmer.ts, stripNumber): الصكين and الصكّان are two instruments, الصك one.
// A two-letter stem is below the stemmer's minimum, and shape alone cannot
// tell a dual from the many four-letter words that end in ين or ان (أمين,
// ضمان, مكان, سكين, عمان, مدين, فنان), so only the nouns listed here are
// read. Left out: سن (سنين is a plural of سنة), فن (فنان is an artist), مد
// (مدين is a debtor), عم (عمان), كم (كمين). Written normalised (see
// normalise.ts): bare letters, no shadda.
export const SHORT_DUAL_STEMS: ReadonlySet<string> = new Set(['صك', 'حق', 'حد', 'خط', 'نص', 'رد', 'ضد']);
