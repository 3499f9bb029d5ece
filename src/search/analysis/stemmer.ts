// A light stemmer for normalised Arabic words (see normalise.ts: one alef, ي
// for ى, ه for ة, ء for hamza on a seat). It strips affixes rather than
// reducing words to roots: a root conflates too much (كتب, كاتب, مكتب, كتاب)
// for clause search. The rules follow published light stemming (Larkey,
// Ballesteros & Connell, "Light Stemming for Arabic Information Retrieval",
// 2007) with four changes for search over UN texts:
//
// 1. Prefixes that are ambiguous with a word's first letter (و ف ب ك ل without
//    an article: وطن is a word, وتعزيز is و + تعزيز) give two variants, the
//    word with and without the prefix. Query and index get the same variants,
//    so each form meets the other; the scorer counts a word once however many
//    of its variants match.
// 2. The article is stripped with every particle that can precede it (وال فال
//    بال كال لل وبال ...). After a bare ال the unstripped word is kept too when
//    the ال may be radical (التزام, آلية): the rest is short or starts with ت.
// 3. A final ي (relative adjective, or plural in construct) is dropped only
//    from words without the article, as a variant (see nisbaReadings).
// 4. Broken plurals are mapped to their singular's stem, but only plurals
//    attested in broken-plurals.ts (precomputed in plural-stems.ts): the patterns (أفعال -> فعل, فعائل -> فعيل,
//    فعالل/مفاعل -> فعلل/مفعل, تفاعيل -> تفعيل, فعول -> فعل) also fit verbal nouns,
//    participles and verbs (إشراك, ملاحقة, تضامن, مناسب, يواصل), which they
//    would join to unrelated words (الشركات, الملحق, تضمن). Irregular plurals
//    (ضحايا -> ضحية, جناة -> جاني) are listed with their singular.
// 5. A present-tense verb's person prefix: يطلب also reads تطلب (the organ's
//    gender decides the prefix: يحث and تحث are one formula). A form III verb
//    (يفاعل: يكافح, يواصل, يساعد) also reads as its participle مفاعل, whose stem
//    is its verbal noun's (مكافحة, مواصلة, مساعدة); not from ت, where the shape
//    is also a تفاعل noun's (تعاون, not معاون "assistant").
// 6. A feminine ة is written ت before a pronoun: أسرته also reads أسر(ة).
// 7. A participle of the derived forms VII, VIII and X also reads as the
//    form's verbal noun (المستقلة -> استقلال, المتجرين -> اتجار), computed by
//    shape with a guard list (derived-forms.ts); so does a verb of those forms,
//    present or past (يستغل, استغل -> استغلال; يرتكب, ارتكبت -> ارتكاب).
// 8. The alef of accusative tanween (قانوناً) ends a word: an ا before a
//    pronoun or a ة is the word's own (امرأة is not أمر), or a ى written ا
//    (مقتضاها reads مقتضى too).
//
// Minimum lengths keep short words whole: an article leaves at least 2
// letters, any other affix at least 3.

import { SHORT_DUAL_STEMS } from './short-duals.js';
import { hasTafilShape, masdarOfParticiple, masdarOfVerb } from './derived-forms.js';
import { PLURAL_STEMS } from './plural-stems.js';
import { keptFunctionWordTerm } from './stopwords.js';
import { ALEF, HAMZA, HEH, MEEM, NOON, TEH, WAW, YEH, isBaseArabicWord } from '../../text/letters.js';

/** Article with the particles that can precede it, longest first. */
const ARTICLES = ['وبال', 'فبال', 'وكال', 'فكال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'];
const CONJUNCTIONS = new Set(['و', 'ف']);
const PREPOSITIONS = new Set(['ب', 'ك', 'ل']);

/** Attached pronouns, with the shortest stem each may leave (هم after 3 letters is too often radical: تفاهم). */
const PRONOUN_SUFFIXES: ReadonlyArray<readonly [string, number]> = [
  ['هما', 4],
  ['ها', 3],
  ['هم', 4],
  ['هن', 4],
  ['ه', 3],
];
/** Dual and plural endings (و: plural in construct, مقدمو), longest first. */
const NUMBER_SUFFIXES = ['تين', 'تان', 'ات', 'ان', 'ون', 'ين', 'و'];
const MIN_STEM = 3;
const MIN_AFTER_ARTICLE = 2;

/** The word without an attached pronoun: one reading, or two when a lone ه follows a ت that may be a feminine ة (أسرته). */
function stripPronoun(word: string): string[] {
  for (const [suffix, minStem] of PRONOUN_SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= minStem) {
      let stem = word.slice(0, -suffix.length);
      // Teh marbuta is written ت before a pronoun (دورتها, حكومتهم): take it off
      // too. After ات (قراراتها: a plural, or حياتهم: ة) and after a lone ه,
      // which is as often a folded ة (مؤقتة -> مءقته), both readings stay.
      if (suffix === 'ه') {
        return stem.endsWith(TEH) && stem.length - 1 >= MIN_STEM ? [stem, stem.slice(0, -1)] : [stem];
      }
      if (stem.endsWith(TEH) && stem.length - 1 >= MIN_STEM) {
        // حياتهم: the ت of حياة, or of a plural (قراراتهم): both readings.
        if (stem.endsWith('ات')) return [stem, stem.slice(0, -1)];
        stem = stem.slice(0, -1);
      }
      return [stem];
    }
  }
  return [word];
}

/** The alef of accusative tanween (قانوناً, with its mark gone): before number endings, so قانونا meets قانون. */
function stripCaseEnding(word: string): string {
  return word.endsWith(ALEF) && word.length - 1 >= MIN_STEM ? word.slice(0, -1) : word;
}

/** Letters a feminine plural in ات may leave, below MIN_STEM: قوات, فئات, جهات, لغات are the plurals of قوة, فئة, جهة, لغة. */
const SHORT_FEMININE_STEM = 2;

/** Feminine dual endings: the ة of the singular is written ت before the dual's ان/ين (سنة, سنتين). */
const FEMININE_DUALS = ['تين', 'تان'];
/** Masculine dual endings, as the geminate nouns of SHORT_DUAL_STEMS take them (صك, صكين, صكان). */
const MASCULINE_DUALS = ['ين', 'ان'];

function stripNumber(word: string, shortPlural: boolean): string[] {
  if (shortPlural && word.length - 2 === SHORT_FEMININE_STEM) {
    // A short feminine noun keeps its ة (folded ه: قوه), too short to strip: its plural reads the same. Not
    // after a stripped particle: وحدات (units) read as و + حدات would meet حدة (intensity).
    if (word.endsWith('ات')) return [word.slice(0, -2) + HEH];
    // A geminate noun of two written letters (صكّ, حقّ) is too short for MIN_STEM: its dual is read only
    // for the nouns listed, since most four-letter words in ين/ان are no dual (أمين, ضمان, مكان, سكين).
    const base = word.slice(0, 2);
    if (SHORT_DUAL_STEMS.has(base) && MASCULINE_DUALS.some((s) => word.endsWith(s))) return [base];
  }
  // The dual of a short feminine noun (سنتين, مرتين): its singular's stem, and the literal reading the
  // suffix rules give (بيتين, two houses, keeps بيت).
  if (shortPlural && word.length - 3 === SHORT_FEMININE_STEM && FEMININE_DUALS.some((s) => word.endsWith(s))) {
    return [word.slice(0, 2) + HEH, word.slice(0, -2)];
  }
  // تفعيل of a root whose last radical is ن (تعيين, تمكين, تحسين, تأمين, تدوين): the ين is the pattern's ي and
  // the root's ن, not a plural ending; stripped, the word would read as a verb (تعي, "is aware") or another word
  // (تام, "complete"), and its own plural (تعيينات -> تعيين) would not meet it.
  if (hasTafilShape(word) && word.endsWith(NOON)) return [word];
  for (const suffix of NUMBER_SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) return [word.slice(0, -suffix.length)];
  }
  return [word];
}

/**
 * A final ي is a relative adjective (nisba: الدولية, الاجتماعي) or the plural
 * in construct (مقدمي خدمات). Dropping it from an adjective conflates words
 * users keep apart (الدول states, الدولية international; اجتماع meeting,
 * الاجتماعي social); keeping it loses مقدمي -> مقدم. A word in construct never
 * takes the article, so the ي is dropped, as a second variant, only from
 * words without one. After a long ا the ي is the root's own, never a nisba
 * (which writes و or ء there: صحراوي, بيئي): حماية, رعاية, غاية keep it, and do
 * not read as حما, the stem of the plural حماة.
 */
function nisbaReadings(stem: string, definite: boolean): string[] {
  if (definite || !stem.endsWith(YEH) || stem.length - 1 < MIN_STEM || stem.endsWith(ALEF + YEH)) return [stem];
  return [stem, stem.slice(0, -1)];
}

/** The singular a broken plural's shape points to (أطفال -> طفل), or the stem unchanged. */
export function singularByPattern(stem: string): string {
  if (stem.length === 5) {
    const [c0, c1, c2, c3, c4] = stem as unknown as string[];
    if (c0 === ALEF && c3 === ALEF) return c1! + c2! + c4!; // أفعال
    if (c2 === ALEF && c3 === HAMZA) return c0! + c1! + YEH + c4!; // فعائل
    if (c2 === ALEF && c0 !== ALEF) return c0! + c1! + c3! + c4!; // فعالل, مفاعل
  } else if (stem.length === 6 && stem[2] === ALEF && stem[4] === YEH && stem[0] === TEH) {
    return stem.slice(0, 2) + stem.slice(3); // تفاعيل
  } else if (stem.length === 4 && stem[2] === WAW) {
    // فعول, the plural of فعل: شروط -> شرط; a doubled root writes its last two radicals once (صكوك -> صك).
    return stem[1] === stem[3] ? stem.slice(0, 2) : stem.slice(0, 2) + stem[3]!;
  }
  return stem;
}

/**
 * Suffixes stripped: the stems of a word without prefixes, before plurals and verb prefixes are looked at.
 * A stem that is an attested broken plural (`plurals`) is no relative adjective: its final ي is radical
 * (قضايا, not قضا + ي, which would read as the stem of قضاة).
 */
export function suffixStems({ word, definite, particle }: Reading, plurals?: ReadonlyMap<string, string>): string[] {
  const withoutPronoun = stripPronoun(word);
  const literal = withoutPronoun[0]!;
  // An ا right before a pronoun or a ة (folded to ه, which reads as either) is no accusative tanween,
  // which ends a word: it is the word's own (امرأة is not امر, أمر "order"; مساواة, ضحاياهم), or a ى
  // written ا before a pronoun (مقتضاها = مقتضى + ها: read as ي too, never as a relative adjective's).
  // A lone ه may be a ة, after which the ا is never a ى (الأداة is not أدى): no ى reading there. The
  // same holds for the ة read in ات before a pronoun (مقاضاتهم, as مقاضاة), though the plural's
  // reading gets a stem no other word has (قراراتها: قرار, and قرارا).
  const suffixed = literal !== word;
  return withoutPronoun.flatMap((w, i) => {
    if (suffixed && w.endsWith(ALEF)) {
      return i > 0 || literal.length === word.length - 1 || plurals?.has(w) === true ? [w] : [w, w.slice(0, -1) + YEH];
    }
    return stripNumber(stripCaseEnding(w), particle !== true).flatMap((stem) =>
      nisbaReadings(stem, definite || plurals?.has(stem) === true),
    );
  });
}

/**
 * Attested broken plural stem -> its singular's stem: broken-plurals.ts read through the suffix rules above
 * (plural-stems-source.ts), precomputed into plural-stems.ts, so a process does not run the stemmer over
 * every listed plural at start (~5 ms of CPU).
 */
const SINGULAR_OF_PLURAL: ReadonlyMap<string, string> = new Map(PLURAL_STEMS);

let pluralsBySingular: Map<string, string[]> | null = null;

/** The attested broken plurals' stems of a singular's stem (عامل -> عمال), built on first use. */
export function pluralsOfSingular(stem: string): readonly string[] {
  if (pluralsBySingular === null) {
    pluralsBySingular = new Map();
    for (const [plural, singular] of PLURAL_STEMS) {
      const list = pluralsBySingular.get(singular);
      if (list) list.push(plural);
      else pluralsBySingular.set(singular, [plural]);
    }
  }
  return pluralsBySingular.get(stem) ?? [];
}

const VERB_PREFIX_FROM = 'ي';
const FORM_III_LENGTH = 5;
const VERB_PREFIX_TO = TEH;

/**
 * The past tense's person ending ت (نظرت "she considered", the feminine organ's formula وقد نظرت, and
 * قررت, رحبت): the verb without it, as one more variant, so نظرت meets نظر (the other persons need no
 * rule: نظروا and نظرا lose و and ا as plural and case endings). A verb takes no article; the stem keeps
 * MIN_STEM letters, so the nouns whose ت is radical are short (وقت, بيت, صوت) and keep theirs; a longer
 * one (ثابت, مؤقت) gains a variant no other word holds. It meets the ة-noun of its letters, as the
 * suffix rules read it (سلطت, highlighted, meets سلطة, authority): measured on the judged queries.
 */
function pastTenseStem(stem: string, definite: boolean): string | null {
  if (definite || !stem.endsWith(TEH) || stem.length - 1 < MIN_STEM) return null;
  // Nouns whose ت is radical by their shape: a plural in ات too short for stripNumber (وكالات read as
  // و + ك + الات); فعول and فعلوت nouns and names in وت (بيوت, ثبوت, بيروت, whose بيرو is Peru); the
  // تفعيل verbal noun of a root in ت (تصويت, تثبيت, توقيت, like تعيين in stripNumber).
  const before = stem[stem.length - 2];
  if (before === ALEF || before === WAW) return null;
  if (hasTafilShape(stem)) return null;
  return stem.slice(0, -1);
}

/** Suffixes, then attested broken plurals, a derived-form participle's verbal noun, then the other person prefix of a verb (يحث -> تحث). */
function stemsWithoutPrefixes(reading: Reading): string[] {
  const out: string[] = [];
  for (const stem of suffixStems(reading, SINGULAR_OF_PLURAL)) {
    out.push(SINGULAR_OF_PLURAL.get(stem) ?? stem);
    // A past tense (ا first) only as written or without its ت (below): a stem in ا that lost an ending
    // (انغولا, اتاحة) is as often a noun or a name.
    const verb = !reading.definite && (stem[0] !== ALEF || stem === reading.word);
    const masdar = masdarOfParticiple(stem) ?? (verb ? masdarOfVerb(stem) : null);
    if (masdar !== null) out.push(masdar);
    if (!reading.definite && stem.startsWith(VERB_PREFIX_FROM) && stem.length >= MIN_STEM) {
      out.push(VERB_PREFIX_TO + stem.slice(1));
      if (stem.length === FORM_III_LENGTH && stem[2] === ALEF) out.push(MEEM + stem.slice(1)); // rule 5: يكافح -> مكافح(ة)
    }
    const past = pastTenseStem(stem, reading.definite);
    if (past !== null) {
      out.push(past);
      const pastMasdar = masdarOfVerb(past);
      if (pastMasdar !== null) out.push(pastMasdar);
    }
  }
  return out;
}

export interface Reading {
  word: string;
  /** Did the reading strip an article? */
  definite: boolean;
  /** Did it strip a conjunction or preposition without an article (وحدات read as و + حدات)? */
  particle?: boolean;
}

/** Readings of a word without an article: as it stands, without a conjunction, without a preposition. */
function particleReadings(word: string): Reading[] {
  const readings: Reading[] = [{ word, definite: false }];
  let rest = word;
  if (CONJUNCTIONS.has(rest[0]!) && rest.length - 1 >= MIN_STEM) {
    rest = rest.slice(1);
    readings.push({ word: rest, definite: false, particle: true });
  }
  if (PREPOSITIONS.has(rest[0]!) && rest.length - 1 >= MIN_STEM) {
    readings.push({ word: rest.slice(1), definite: false, particle: true });
  }
  return readings;
}

/** Words and their prefix readings, before suffix stripping. */
function prefixReadings(word: string): Reading[] {
  for (const article of ARTICLES) {
    if (word.startsWith(article) && word.length - article.length >= MIN_AFTER_ARTICLE) {
      const rest = word.slice(article.length);
      const readings = [{ word: rest, definite: true }];
      // للجنة is ل + اللجنة with the article's lam merged: keep the lam as well.
      if (article.endsWith('لل')) readings.push({ word: 'ل' + rest, definite: true });
      if (article === 'ال' && (rest.length <= 3 || rest.startsWith(TEH))) readings.push({ word, definite: false });
      // With ك the letters may be radical (وكالات is a word, not و + ك + الات): keep the plain readings too.
      if (article.includes('ك')) readings.push(...particleReadings(word));
      return readings;
    }
  }
  return particleReadings(word);
}

// Behind the pipeline's word memo (pipeline.ts), which answers the common
// words: this one only spares the variants of the others, and at 500,000
// entries it held about a hundred megabytes in each ingest parse worker.
const MEMO_LIMIT = 50_000;
const memo = new Map<string, readonly string[]>();

/**
 * The stems of a normalised word: one or more variants, most literal reading
 * first, no duplicates. Words that are not purely Arabic letters (numbers,
 * Latin) come back unchanged. Memoised: a corpus repeats its words.
 */
export function stemVariants(word: string): readonly string[] {
  const known = memo.get(word);
  if (known) return known;
  let stems: readonly string[];
  const fixed = keptFunctionWordTerm(word);
  if (fixed !== undefined) {
    stems = [fixed];
  } else if (!isBaseArabicWord(word)) {
    stems = [word];
  } else {
    stems = [...new Set(prefixReadings(word).flatMap(stemsWithoutPrefixes))];
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, stems);
  return stems;
}
