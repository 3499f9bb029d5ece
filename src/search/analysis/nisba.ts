// A noun and its relational adjective (nisba): سيادة "sovereignty" and
// السيادي/السيادية "sovereign", بيئة and البيئية, حكومة and الحكومية.
//
// The nisba is the noun's stem with a final ي (ية in the feminine): a regular,
// productive derivation (Wright, "A Grammar of the Arabic Language", vol. 1
// §§ 249-260; Holes, "Modern Arabic", ch. 4). The stemmer keeps the ي of a
// definite adjective (rule 3 in stemmer.ts) because conflating the two at
// index time joins words users keep apart: دول "States" / الدولي
// "international", اجتماع "meeting" / الاجتماعي "social". So the pair is read
// at query time only, one way, and as a weaker alternative: a noun typed also
// looks for its nisba at the weight of an equivalent wording (fields.ts
// ALTERNATE_WEIGHT), below the noun itself. Only terms an index holds can
// match, so a computed nisba that is no word costs nothing.
//
// One way only: a typed word in ية is as often an abstract noun of its own as
// an adjective (جمعية assembly, مسؤولية responsibility, أقلية minority,
// ميزانية budget, عملية process), and reading it back to the noun drifts
// further than the noun's nisba does (measured: docs/search-quality.md).
//
// Guards, by shape: a noun stem keeps at least three letters; one ending in ا
// or ي takes a nisba in و or ء (صحراوي, بيئي) that no suffix rule writes, and
// is left alone. By meaning: NOT_NISBA lists nouns whose nisba names another
// thing in UN texts, each a must-not-meet pair in test/search/nisba.test.ts.

import { ALEF, YEH, isBaseArabicWord } from '../../text/letters.js';

const MIN_NOUN = 3;

/**
 * Noun stems (normalised, without article or endings) whose nisba means
 * something else in UN texts, read pair by pair:
 *   دول States / دولي international; اجتماع meeting / اجتماعي social;
 *   عمل work / عملية process, operation; حال situation / حالي current;
 *   جمع collecting / جمعية assembly; جنس sex / جنسية nationality; مال money /
 *   مالي financial, Mali; رقم number / رقمي digital; نوع kind / نوعية quality;
 *   اصل origin / اصلية indigenous (الشعوب الأصلية); خصوص regard (بخصوص) /
 *   خصوصية privacy; رءيس president / رءيسي main; اهل family / اهلية capacity;
 *   اقل less / اقلية minority; ميزان balance / ميزانية budget; مسءول official /
 *   مسءولية responsibility; اهم more important / اهمية importance; عنصر
 *   element / عنصري racial; علم knowledge, flag / علمي scientific; رسم fee /
 *   رسمي official; مدن cities / مدني civil; تنفيذ implementation / تنفيذي
 *   executive (المجلس التنفيذي); اول first / اولي primary; شرع / شرعية
 *   legitimacy; ملك king, property / ملكية ownership; عالم world, scientist /
 *   عالمي global; شخص person / شخصية personality; فرع branch / فرعي
 *   subsidiary; وضع situation / وضعي positive (law); بشر human beings
 *   (الاتجار بالبشر) / بشري human (الأعضاء البشرية, human organs); نفس self
 *   (نفسه) / نفسي psychological; اقليم territory (الأقاليم غير المتمتعة
 *   بالحكم الذاتي) / اقليمي regional; ايد support / ايدي hands; ماد article
 *   (المادة 51), substance / مادي material; معن / معني concerned; جمهور public /
 *   جمهورية republic; محل place, subject / محلي local; دور role, session /
 *   دوري periodic (الاستعراض الدوري); فعل act / فعلي actual; مثل like, such as /
 *   مثلي; سياس policy (السياسات) / سياسي political (الحقوق المدنية والسياسية).
 * Drawn from reading every noun/nisba pair of stems the seeds and fixtures/real hold both sides of.
 */
export const NOT_NISBA: ReadonlySet<string> = new Set([
  'دول', 'اجتماع', 'عمل', 'حال', 'جمع', 'جنس', 'مال', 'رقم', 'نوع', 'اصل', 'خصوص', 'رءيس', 'اهل', 'اقل',
  'ميزان', 'مسءول', 'اهم', 'عنصر', 'علم', 'رسم', 'مدن', 'تنفيذ', 'اول', 'شرع', 'ملك', 'عالم', 'شخص',
  'فرع', 'وضع', 'بشر', 'نفس', 'اقليم', 'ايد', 'ماد', 'معن', 'جمهور', 'محل', 'دور', 'فعل', 'مثل', 'سياس',
]);

/**
 * Nisbas no suffix rule writes from the noun's stem, as the analysis chain writes both:
 *   قانون -> قانوني: the stemmer reads قانون's ون as a plural ending (stem قان);
 *   سنة -> سنوي, لغة -> لغوي: a noun of a weak root takes و before the ي;
 *   تنمية -> إنمائي: UN texts write development's adjective from إنماء (برنامج الأمم المتحدة
 *   الإنمائي, UNDP; الأهداف الإنمائية للألفية; المساعدة الإنمائية الرسمية, ODA);
 *   امرأة, نساء -> نسائي (المنظمات النسائية, women's organizations).
 */
const IRREGULAR_NISBA: ReadonlyMap<string, string> = new Map([
  ['قان', 'قانوني'],
  ['سنه', 'سنوي'],
  ['لغه', 'لغوي'],
  ['تنمي', 'انماءي'],
  ['مرا', 'نساءي'],
  ['نساء', 'نساءي'],
]);

/** The stem of a noun stem's relational adjective (سياد -> سيادي), or null when none is read. */
export function nisbaOfNoun(stem: string): string | null {
  const irregular = IRREGULAR_NISBA.get(stem);
  if (irregular !== undefined) return irregular;
  if (stem.length < MIN_NOUN || !isBaseArabicWord(stem)) return null;
  if (stem.endsWith(ALEF) || stem.endsWith(YEH) || NOT_NISBA.has(stem)) return null;
  return stem + YEH;
}
