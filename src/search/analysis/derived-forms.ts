// Participle -> verbal noun (masdar) of the derived verb forms VII, VIII and X.
//
// In Arabic morphology the participle and the verbal noun of one derived form
// share its meaning (Wright, "A Grammar of the Arabic Language", §§ 59-70,
// 195-224; Holes, "Modern Arabic", ch. 3): مستقل "independent" and استقلال
// "independence" (form X), منتهك and انتهاك (VIII), منعقد and انعقاد (VII).
// Both are regular shapes of the same form, so the verbal noun is computed
// from the participle by shape, not looked up:
//
//   X    مستفعل -> استفعال   (مستقل -> استقلال; hollow مستدام -> استدام(ة);
//                             doubled مستمر -> استمرار)
//   VIII مفتعل  -> افتعال    (منتهك -> انتهاك, مرتكب -> ارتكاب; with a weak
//                             last radical مفتعي -> افتعاء: مشتري -> اشتراء)
//        متفعل  -> اتفعال    (fa = و or ت assimilated to the ت: متجر -> اتجار,
//                             متخذ -> اتخاذ)
//   VII  منفعل  -> انفعال    (منعقد -> انعقاد)
//
// The stemmer adds the verbal noun as one more variant of the participle's
// stem, at index and at query time, so `الاتجار` finds `المتجرين` and back;
// a participle typed counts its derived verbal noun at the weight of an
// equivalent wording (query.ts derivedOf), below the participle itself.
// Shapes also fit words that are no participle of the form (a form I word
// that happens to start with م+ت), and some participles have drifted from
// their verbal noun in UN usage; those whose verbal noun is a different word
// in UN texts are listed in NOT_DERIVED (each a must-not-meet pair in
// test/search/stemmer-pairs.json). A computed verbal noun that is not a word
// does no harm: nothing in an index holds it.

import { ALEF, HAMZA, MEEM, NOON, SEEN, TEH, YEH } from '../../text/letters.js';

/** Letters of a تفعيل verbal noun of a three-letter root: ت + two radicals + ي + the third. */
const TAFIL_LENGTH = 5;

/**
 * Whether a word (without article or endings) has the shape of a تفعيل verbal noun (تنسيق, تعيين,
 * تصويت): the shape of a form VII or VIII present tense too, and, with a last radical ن or ت, of a
 * plural in ين or a past tense in ت. The stemmer's rules that read those leave such a word alone.
 */
export function hasTafilShape(word: string): boolean {
  return word.length === TAFIL_LENGTH && word[0] === TEH && word[3] === YEH;
}

/**
 * Participle stems (normalised, without article or endings) whose verbal noun,
 * though regular, names something else in UN texts. Found by listing every
 * participle of the seeds and real documents whose computed verbal noun is
 * also a word there, and reading each pair:
 *   مجتمع society / اجتماع meeting; متحد united (الأمم المتحدة) / اتحاد union
 *   (الاتحاد الأوروبي); متصل related to (المتصلة ب) / اتصال communication
 *   (تكنولوجيات الاتصالات); مختلف various (بمختلف جوانبها) / اختلاف
 *   difference; مستقبل future / استقبال reception; مشترك joint (الفريق
 *   المشترك) / اشتراك contribution, dues (اشتراكاته المالية); مستمر
 *   continuing / استمار(ة) form; مؤتمر conference / ائتمار conspiring;
 *   منتدي forum (form VIII in shape only); متفق agreed (متفقاً عليها) /
 *   اتفاق, whose stem اتفاقية (convention) shares; محتوي contents
 *   (المحتويات) / احتواء containment; مقتضي pursuant to (بمقتضى) / اقتضاء
 *   (حسب الاقتضاء, as appropriate).
 */
export const NOT_DERIVED: ReadonlySet<string> = new Set(['مجتمع', 'متحد', 'متصل', 'مختلف', 'مستقبل', 'مشترك', 'مستمر', 'مءتمر', 'منتدي', 'متفق', 'محتوي', 'مقتضي']);

/** The verbal noun's stem a derived-form participle's stem points to, or null when the stem has no such shape. */
export function masdarOfParticiple(stem: string): string | null {
  if (stem.length < 4 || stem[0] !== MEEM || NOT_DERIVED.has(stem)) return null;
  // Form X: م س ت + root.
  if (stem.startsWith(MEEM + SEEN + TEH)) {
    const root = stem.slice(3);
    if (root.length === 2) return ALEF + SEEN + TEH + root + ALEF + root[1]!; // doubled: مستمر -> استمرار
    if (root.length === 3) {
      return root[1] === ALEF
        ? ALEF + SEEN + TEH + root // hollow: مستدام -> استدام (استدامة)
        : ALEF + SEEN + TEH + root.slice(0, 2) + ALEF + root[2]!;
    }
    return null;
  }
  // Form VIII with fa assimilated: م ت + two radicals.
  if (stem.length === 4 && stem[1] === TEH) return ALEF + TEH + stem[2]! + ALEF + stem[3]!;
  if (stem.length !== 5) return null;
  // Form VIII: م + fa + ت + two radicals (a fa of س is form X's prefix, handled above or not a participle).
  if (stem[2] === TEH && stem[1] !== SEEN && stem[3] !== ALEF && stem[4] !== ALEF) {
    return ALEF + stem[1]! + TEH + stem[3]! + ALEF + (stem[4] === YEH ? HAMZA : stem[4]!);
  }
  // Form VII: م ن + three radicals.
  if (stem[1] === NOON && stem[3] !== ALEF && stem[4] !== ALEF && stem[2] !== ALEF) {
    return ALEF + NOON + stem[2]! + stem[3]! + ALEF + stem[4]!;
  }
  return null;
}

/**
 * The verbal noun's stem of a derived-form verb (stem without suffixes). The verb's shape is the
 * participle's with another first letter: the present tense's person prefix ي or ت (يستغل, مستغل ->
 * استغلال; يرتكب -> ارتكاب; تتخذ -> اتخاذ), the past tense's ا (استغل, ارتكب, انعقد, اتخذ); so the verbal
 * noun is the participle's, with its guard list (يشترك and اتفق, like مشترك and متفق, are not read as
 * اشتراك and اتفاق). A تفعيل noun (تنسيق, تنظيم) has the shape of a form VII or VIII present and is no
 * verb: left alone. Null when the stem is no such verb.
 */
export function masdarOfVerb(stem: string): string | null {
  if (stem[0] !== YEH && stem[0] !== TEH && stem[0] !== ALEF) return null;
  if (hasTafilShape(stem)) return null;
  return masdarOfParticiple(MEEM + stem.slice(1));
}
