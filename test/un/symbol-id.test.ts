import { describe, expect, it } from 'vitest';
import { symbolId, trimHyphens } from '../../src/un/symbols.js';

describe('symbolId', () => {
  it.each([
    ['A/RES/64/293', 'A-RES-64-293'],
    ['S/RES/338 (1973)', 'S-RES-338-1973'],
    ['A/RES/1514(XV)', 'A-RES-1514-XV'],
    ['E/CN.4/2005/L.10', 'E-CN.4-2005-L.10'],
    ['(A/77/1)', 'A-77-1'],
  ])('%s is %s', (symbol, id) => {
    expect(symbolId(symbol)).toBe(id);
  });

  it('trims in linear time on a long run of dashes', () => {
    const hostile = '-'.repeat(200_000) + 'x' + '-'.repeat(200_000);
    expect(trimHyphens(hostile)).toBe('x');
    expect(trimHyphens('-'.repeat(10))).toBe('');
  });
});
