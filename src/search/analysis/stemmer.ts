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
// 4. A few frequent broken-plural patterns are mapped to their singular stem:
//    أفعال -> فعل (أطفال -> طفل), فعائل -> فعيل (جرائم -> جريم),
//    فعالل/مفاعل -> فعلل/مفعل (سلاسل -> سلسل), تفاعيل -> تفعيل (تدابير -> تدبير).
//
// Minimum lengths keep short words whole: an article leaves at least 2
// letters, any other affix at least 3.

const ALEF = 'ا';
const TEH = 'ت';
const HAMZA = 'ء';
const YEH = 'ي';

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

function stripPronoun(word: string): string {
  for (const [suffix, minStem] of PRONOUN_SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= minStem) {
      let stem = word.slice(0, -suffix.length);
      // Teh marbuta is written ت before a pronoun (دورتها, حكومتهم): take it off
      // too, unless it closes a feminine plural (قراراتها keeps ات for the next
      // step). Not after a lone ه, which is mostly a folded ة (مؤقتة -> مءقته).
      if (suffix !== 'ه' && stem.endsWith(TEH) && !stem.endsWith('ات') && stem.length - 1 >= MIN_STEM) {
        stem = stem.slice(0, -1);
      }
      return stem;
    }
  }
  return word;
}

/** The alef of accusative tanween (قانوناً, with its mark gone): before number endings, so قانونا meets قانون. */
function stripCaseEnding(word: string): string {
  return word.endsWith(ALEF) && word.length - 1 >= MIN_STEM ? word.slice(0, -1) : word;
}

function stripNumber(word: string): string {
  for (const suffix of NUMBER_SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) return word.slice(0, -suffix.length);
  }
  return word;
}

/**
 * A final ي is a relative adjective (nisba: الدولية, الاجتماعي) or the plural
 * in construct (مقدمي خدمات). Dropping it from an adjective conflates words
 * users keep apart (الدول states, الدولية international; اجتماع meeting,
 * الاجتماعي social); keeping it loses مقدمي -> مقدم. A word in construct never
 * takes the article, so the ي is dropped, as a second variant, only from
 * words without one.
 */
function nisbaReadings(stem: string, definite: boolean): string[] {
  if (definite || !stem.endsWith(YEH) || stem.length - 1 < MIN_STEM) return [stem];
  return [stem, stem.slice(0, -1)];
}

/** Broken plurals of the shapes listed above, on a stem with its affixes gone. */
function singularOfBrokenPlural(stem: string): string {
  if (stem.length === 5) {
    const [c0, c1, c2, c3, c4] = stem as unknown as string[];
    if (c0 === ALEF && c3 === ALEF) return c1! + c2! + c4!; // أفعال
    if (c2 === ALEF && c3 === HAMZA) return c0! + c1! + YEH + c4!; // فعائل
    if (c2 === ALEF && c0 !== ALEF) return c0! + c1! + c3! + c4!; // فعالل, مفاعل
  } else if (stem.length === 6 && stem[2] === ALEF && stem[4] === YEH && stem[0] === TEH) {
    return stem.slice(0, 2) + stem.slice(3); // تفاعيل
  }
  return stem;
}

/** Suffixes, then broken-plural patterns. */
function stemsWithoutPrefixes({ word, definite }: Reading): string[] {
  return nisbaReadings(stripNumber(stripCaseEnding(stripPronoun(word))), definite).map(singularOfBrokenPlural);
}

function isArabicWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0x0621 || code > 0x064a) return false;
  }
  return word.length > 0;
}

interface Reading {
  word: string;
  /** Did the reading strip an article? */
  definite: boolean;
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
      return readings;
    }
  }
  const readings = [{ word, definite: false }];
  let rest = word;
  if (CONJUNCTIONS.has(rest[0]!) && rest.length - 1 >= MIN_STEM) {
    rest = rest.slice(1);
    readings.push({ word: rest, definite: false });
  }
  if (PREPOSITIONS.has(rest[0]!) && rest.length - 1 >= MIN_STEM) {
    readings.push({ word: rest.slice(1), definite: false });
  }
  return readings;
}

const MEMO_LIMIT = 500_000;
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
  if (!isArabicWord(word)) {
    stems = [word];
  } else {
    stems = [...new Set(prefixReadings(word).flatMap(stemsWithoutPrefixes))];
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, stems);
  return stems;
}
