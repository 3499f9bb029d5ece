// Broken plurals the stemmer may map to their singular (stemmer.ts, rule 4).
// A plural's shape alone is not enough: أفعال, فعائل, مفاعل and تفاعيل are also
// the shapes of verbal nouns (إشراك, إبلاغ, إعمال), of تفاعل nouns (تضامن,
// تعاون), participles (مناسب, مراقب) and verbs (يواصل, تلاحظ). So a plural is
// mapped only when it is listed here: the words of the project's texts
// (seeds/, fixtures/real/) and the plurals frequent in UN resolutions and
// reports, checked by reading. Entries:
//   - `plural`           the singular follows from the shape (أطفال -> طفل);
//   - `plural:singular`  an irregular plural, or one whose singular's stem the
//                        shape does not give (أعضاء -> عضو, ضحايا -> ضحية).
// A third list holds the فُعاة plurals of a defective فاعل (last radical ي:
// قاضٍ/قضاة, جانٍ/جناة: the plural form فُعَلة of Wright, "A Grammar of the
// Arabic Language", vol. I, which these roots write فُعاة): the singular follows
// from the shape, C1 C2 اة -> C1 ا C2 ي.
// The فُعول plurals of a فَعْل (شروط, صكوك) share their shape with verbal nouns
// (حصول, قبول, وصول, حضور) and are listed one by one too. Left out: those whose
// singular is as often another word in UN texts: حدود (حد, as in على حد سواء
// and الحد من), عقود (عقد, the holding of a meeting), فصول (فصل, expulsion),
// ديون (دين, religion), رسوم, عروض, نفوس (نفس, self), شؤون (شأن, as in
// بشأن "regarding": measured, h127 1.000 -> 0.631), نصوص (نص, as in نص على
// "provided", ينص: measured, h213 0.339 -> 0.000), قيود (قيد, as in the formula
// تبقي المسألة قيد نظرها, "remains seized of the matter"), حلول (حل; بحلول عام
// 2030, "by 2030", reads as ب + حلول), حقوق (حق: حقوق الإنسان stands in
// most UN texts, so `الحق في` / `حق الشعوب` would meet every human-rights
// clause: measured, h11 0.855 -> 0.845, five clauses graded 0 entering q11's top 10).
// Of the أفعلة plurals, أدلة and أمثلة are left out: their stems (ادل, امثل) are
// also those of أدلى "testified" and الأمثل "the optimal". طرق (طريق, as in عن
// طريق "by means of") and أنظمة (نظام, as in النظام الأساسي) were measured and
// lowered two judged queries (h03, q09) with no gain; أراضي (أرض, also the Earth:
// مناخ الأرض) brought clauses on the planet to a query on indigenous lands.
// Words are written as printed; they go through the normaliser and the
// stemmer's suffix rules, like any word. Left out on purpose: plurals that are
// also a frequent verbal noun or particle (أعمال/إعمال is kept, أعداد/إعداد and
// أحوال/حول are not).
// خصائص is left out: its stem خصيص is also that of خصيصاً (specially).
// Of the plurals the shape does not give, measured and left out: بلاد (بلد), which the texts of
// decolonisation use for the countries to be freed (الاستقلال للبلاد والشعوب المستعمرة), so `البلدان
// النامية` met them (h10 0.896 -> 0.860); مسائل (مسألة), whose stem is also that of المسال (liquefied,
// الغاز الطبيعي المسال).
// A singular with two senses that take two plurals gets only one of them, or the
// two plurals would meet each other: عامل is a person (worker, plural فُعّال
// عمّال, or عاملون) and a thing (factor, plural فواعل عوامل). The person's plural
// is listed, as UN texts speak of workers' rights; عوامل keeps a stem of its own.

import { ALEF, HEH, WAW, YEH } from '../../text/letters.js';

const REGULAR = `
أطفال أشخاص أطراف أحكام أسباب أشكال أعمال أفراد أغراض أفعال أهداف أنواع أوضاع
أجزاء أضرار أقسام أجيال أفكار أنماط أوساط أسواق أدوار أعباء أبواب أقطار
جرائم وسائل وثائق وظائف نتائج طرائق خرائط عرائض شرائط قبائل
ذخائر حقائق ضرائب رهائن بدائل مصائد قرائن ودائع ركائز حرائق
سلاسل تجارب مراحل مراكز مصادر مناطق مقاصد مواقع مواقف مدارس مذاهب محاكم مصالح
مطالب مشاكل مظالم موارد معارف عناصر فهارس جمارك مكاتب مجالس مساجد منازل
تدابير تقارير تعاريف تفاصيل
شروط صكوك جهود بنود شعوب ظروف فروع بحوث ردود شكوك جذور دروس نهوج
وفود قروض سجون جيوش
`;

const IRREGULAR = `
أعضاء:عضو أسماء:اسم أنشطة:نشاط أجهزة:جهاز أدوات:أداة أقاليم:إقليم أساليب:أسلوب
ضحايا:ضحية قضايا:قضية مزايا:ميزة
مواد:مادة دوائر:دائرة رجال:رجل عمال:عامل
برامج:برنامج مبادئ:مبدأ جوانب:جانب قواعد:قاعدة حوادث:حادث حوافز:حافز
شواغل:شاغل حواجز:حاجز عوائق:عائق فوائد:فائدة روابط:رابطة
مشاريع:مشروع معايير:معيار مفاهيم:مفهوم قوانين:قانون مواثيق:ميثاق مواضيع:موضوع
شهود:شاهد
أسلحة:سلاح أسئلة:سؤال أغذية:غذاء أدوية:دواء قادة:قائد طلاب:طالب سبل:سبيل
خبراء:خبير شركاء:شريك وزراء:وزير فقراء:فقير رؤساء:رئيس وكلاء:وكيل عملاء:عميل أمناء:أمين
متاجرين:متجر
لجان:لجنة
`;

// فُعاة plurals of a فاعل with last radical ي, the pattern's members in use
// in UN and legal texts. Left out: those of a root with last radical و, whose
// stem is also that of the verb (دعاة and دعا, غزاة and غزا), and ولاة, whose
// stem is the particle ولا.
const DEFECTIVE = `
قضاة جناة رعاة حماة رماة سعاة بغاة طغاة هداة بناة رواة
`;

// فَعائِل plurals of a singular other than the فَعيلة that the shape gives by default (وثيقة/وثائق,
// stemmer.ts singularByPattern): فَعائِل is also the plural of the masculine فَعول and of the feminine
// فَعالة/فِعالة (Wright, "A Grammar of the Arabic Language", vol. I, § 305, plural form 22), whose
// singular keeps the long vowel of the shape's second syllable: زبائن -> زبون, رسائل -> رسالة. Members in
// use in UN texts; left out: خزائن (خزانة, treasury), whose stem is that of خزان (reservoir).
const FAAIL_OF_FAUL = `
زبائن عجائز عرائس
`;
const FAAIL_OF_FAALA = `
رسائل دعائم علائق جنائز
`;

/** The singular of a فُعاة plural (قضاة -> قاضي): C1 C2 اة -> C1 ا C2 ي. */
function singularOfDefective(plural: string): string {
  return plural[0]! + ALEF + plural[1]! + YEH;
}

/** The singular of a فَعائِل plural with the given long vowel (و for فعول, ا for فعالة, whose ة is written as the folded ه): C1 C2 ائ C4 -> C1 C2 vowel C4. */
function singularOfFaail(plural: string, vowel: string, ending: string): string {
  return plural[0]! + plural[1]! + vowel + plural[4]! + ending;
}

/** [plural, singular] pairs; singular null where the plural's shape gives it. */
export const BROKEN_PLURALS: ReadonlyArray<readonly [string, string | null]> = [
  ...REGULAR.split(/\s+/)
    .filter((w) => w !== '')
    .map((w): [string, null] => [w, null]),
  ...IRREGULAR.split(/\s+/)
    .filter((w) => w !== '')
    .map((entry): [string, string] => {
      const [plural, singular] = entry.split(':');
      return [plural!, singular!];
    }),
  ...DEFECTIVE.split(/\s+/)
    .filter((w) => w !== '')
    .map((w): [string, string] => [w, singularOfDefective(w)]),
  ...FAAIL_OF_FAUL.split(/\s+/)
    .filter((w) => w !== '')
    .map((w): [string, string] => [w, singularOfFaail(w, WAW, '')]),
  ...FAAIL_OF_FAALA.split(/\s+/)
    .filter((w) => w !== '')
    .map((w): [string, string] => [w, singularOfFaail(w, ALEF, HEH)]),
];
