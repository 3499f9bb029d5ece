// Stop words: Arabic function words (prepositions, conjunctions, pronouns,
// demonstratives, relatives, particles), normalised on load like any token
// (ا for every alef, ي for ى, ه for ة). Only words that carry no topic: content words that
// are merely frequent in UN texts (دول، قرار، عام، يوم) are kept, since users
// search for them.
//
// Some function words carry the need and are kept (KEPT_FUNCTION_WORDS): negation
// (الدول التي ليست أعضاء is the opposite of الدول الأعضاء; لا يجوز, دون المساس) and the
// adverb أيضاً of the UN formulas (يطلب أيضاً, وإذ تشير أيضاً open a second request or
// recollection, which the plain formula does not answer). Each is indexed as one
// fixed term, not stemmed (the stemmer would read ليست as ل + يست).

import { normaliseToken } from './normalise.js';

const FUNCTION_WORDS = `
في من على الى عن مع عند لدي لدى منذ حتى خلال نحو حول ضد بين عبر تجاه
و او ام ثم بل لكن لكنه حيث اذ اذا اذن لو لولا كي لكي ان انه انها انهم لان بان كان
كانت يكون تكون كانوا قد لقد ما ماذا مما ممن بما لما كما عما فيما
هذا هذه هذان هاتان هذين هاتين هءلاء ذلك تلك ذلكم اولءك هناك هنا
الذي التي الذين اللذين اللتين اللذان اللتان اللاتي اللواتي اللاءي
هو هي هم هما هن انا نحن انت انتم
به بها بهم بهما بهن له لها لهم لهما لهن فيه فيها فيهم منه منها منهم عنه عنها عنهم
عليه عليها عليهم اليه اليها اليهم معه معها معهم
كل بعض اي اما الا سوي اخري اخر ذات ذو ذوي
`;

const STOP_WORDS: ReadonlySet<string> = new Set(
  FUNCTION_WORDS.split(/\s+/)
    .filter((w) => w.length > 0)
    .map(normaliseToken),
);

/** Kept function words and the term each is indexed as: the forms of ليس are one verb (its person and gender). */
const KEPT_FUNCTION_WORDS: ReadonlyMap<string, string> = new Map(
  (
    [
      ['ليس', 'ليس'],
      ['ليست', 'ليس'],
      ['ليسوا', 'ليس'],
      ['ليستا', 'ليس'],
      ['لا', 'لا'],
      ['لم', 'لم'],
      ['لن', 'لن'],
      ['دون', 'دون'],
      ['أيضا', 'أيضا'],
    ] as const
  ).map(([w, t]) => [normaliseToken(w), normaliseToken(t)]),
);

/**
 * The fixed term of a kept function word (normalised), or undefined; a leading
 * conjunction (و, ف) is looked through, so ولا، وليس، وأيضا read as لا، ليس، أيضا.
 */
export function keptFunctionWordTerm(word: string): string | undefined {
  const term = KEPT_FUNCTION_WORDS.get(word);
  if (term !== undefined) return term;
  const first = word.charCodeAt(0);
  if ((first === 0x0648 || first === 0x0641) && word.length >= 3) return KEPT_FUNCTION_WORDS.get(word.slice(1));
  return undefined;
}

/**
 * Is this normalised word a function word? A leading conjunction (و, ف) is
 * looked through, so وفي، ومن، فان are stop words too.
 */
export function isStopWord(word: string): boolean {
  if (STOP_WORDS.has(word)) return true;
  const first = word.charCodeAt(0);
  if ((first === 0x0648 || first === 0x0641) && word.length >= 3) return STOP_WORDS.has(word.slice(1));
  return false;
}

export function stopWordList(): string[] {
  return [...STOP_WORDS];
}
