// Stop words: Arabic function words (prepositions, conjunctions, pronouns,
// demonstratives, relatives, particles), normalised on load like any token
// (ا for every alef, ي for ى, ه for ة). Only words that carry no topic: content words that
// are merely frequent in UN texts (دول، قرار، عام، يوم) are kept, since users
// search for them.

import { normaliseToken } from './normalise.js';

const FUNCTION_WORDS = `
في من على الى عن مع عند لدي لدى منذ حتى خلال نحو حول دون ضد بين عبر تجاه
و او ام ثم بل لكن لكنه حيث اذ اذا اذن لو لولا كي لكي ان انه انها انهم لان بان كان
كانت يكون تكون كانوا ليس ليست قد لقد لا لم لن ما ماذا مما ممن بما لما كما عما فيما
هذا هذه هذان هاتان هذين هاتين هءلاء ذلك تلك ذلكم اولءك هناك هنا
الذي التي الذين اللذين اللتين اللذان اللتان اللاتي اللواتي اللاءي
هو هي هم هما هن انا نحن انت انتم
به بها بهم بهما بهن له لها لهم لهما لهن فيه فيها فيهم منه منها منهم عنه عنها عنهم
عليه عليها عليهم اليه اليها اليهم معه معها معهم
كل بعض اي ايضا اما الا سوي اخري اخر ذات ذو ذوي
`;

const STOP_WORDS: ReadonlySet<string> = new Set(
  FUNCTION_WORDS.split(/\s+/)
    .filter((w) => w.length > 0)
    .map(normaliseToken),
);

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
