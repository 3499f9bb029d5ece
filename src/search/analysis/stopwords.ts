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
import { FEH, WAW } from '../../text/letters.js';

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
  const bare = withoutConjunction(word);
  return bare === null ? undefined : KEPT_FUNCTION_WORDS.get(bare);
}

/**
 * Is this normalised word a function word? A leading conjunction (و, ف) is
 * looked through, so وفي، ومن، فان are stop words too.
 */
export function isStopWord(word: string): boolean {
  if (STOP_WORDS.has(word)) return true;
  const bare = withoutConjunction(word);
  return bare !== null && STOP_WORDS.has(bare);
}

/** The word after a leading conjunction و or ف (a word of at least 3 letters), or null: وفي -> في, ولا -> لا. */
function withoutConjunction(word: string): string | null {
  return word.length >= 3 && (word[0] === WAW || word[0] === FEH) ? word.slice(1) : null;
}

export function stopWordList(): string[] {
  return [...STOP_WORDS];
}
