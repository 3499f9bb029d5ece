// Resolution symbols as search keys. The shapes and keys live with the rest of
// the UN knowledge in src/un/symbols.ts (one copy, shared with structure and
// export); the analysis chain imports them from here.

export { citeKeys, citeQueryKey, isSymbolPairKey, normaliseSymbol, pairKeyOfSymbol, symbolPairKey } from '../../un/symbols.js';

import { normaliseSymbol as normalised } from '../../un/symbols.js';

/** Does a document symbol name a resolution or a decision (a `RES` or `DEC` part: A/RES/64/293, E/DEC/2017/5)? */
export function isDecisionOrResolutionSymbol(symbol: string): boolean {
  return normalised(symbol)
    .split('/')
    .some((part) => part === 'RES' || part === 'DEC');
}
