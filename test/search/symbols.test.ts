import { describe, expect, it } from 'vitest';
import { isSymbolPairKey, normaliseSymbol, pairKeyOfSymbol, symbolPairKey } from '../../src/search/analysis/symbols.js';

describe('symbols', () => {
  it('keys a number pair without its order', () => {
    expect(symbolPairKey(293, 64)).toBe('64/293');
    expect(symbolPairKey(64, 293)).toBe('64/293');
    expect(symbolPairKey(4, 4)).toBe('4/4');
    expect(isSymbolPairKey('64/293')).toBe(true);
    expect(isSymbolPairKey('طفل')).toBe(false);
  });

  it('normalises a cited symbol for filtering', () => {
    expect(normaliseSymbol('a/res/٦٤/٢٩٣')).toBe('A/RES/64/293');
    expect(normaliseSymbol(' E/RES/2011/33 ')).toBe('E/RES/2011/33');
  });

  it('keys a symbol by its last two numbers', () => {
    expect(pairKeyOfSymbol('A/RES/64/293')).toBe('64/293');
    expect(pairKeyOfSymbol('٢٩٣/٦٤')).toBe('64/293');
    expect(pairKeyOfSymbol('E/RES/2011/33')).toBe('33/2011');
    expect(pairKeyOfSymbol('A/RES')).toBeNull();
    expect(pairKeyOfSymbol('64')).toBeNull();
  });
});
