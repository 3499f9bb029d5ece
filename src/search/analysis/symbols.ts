// Resolution symbols as search keys. The shapes and keys live with the rest of
// the UN knowledge in src/un/symbols.ts (one copy, shared with structure and
// export); the analysis chain imports them from here.

export {
  citeKeys,
  citeQueryKey,
  isDecisionOrResolutionSymbol,
  isSymbolPairKey,
  listedSymbols,
  normaliseSymbol,
  pairKeyOfSymbol,
  symbolMembers,
  symbolPairKey,
} from '../../un/symbols.js';
