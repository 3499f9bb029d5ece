import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/width.js';
import { wrapRanges } from '../../src/render/wrap.js';
import { cpuTimed } from '../helpers/cpu-time.js';

const pieces = (text: string, width: number) => wrapRanges(text, width).map(([a, b]) => text.slice(a, b));

describe('wrapRanges', () => {
  it('keeps a short line whole', () => {
    expect(pieces('one two', 20)).toEqual(['one two']);
  });

  it('breaks at spaces, dropping the space at the break', () => {
    expect(pieces('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });

  it('cuts a word longer than the line', () => {
    expect(pieces('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('does not count combining marks as cells', () => {
    expect(displayWidth('أيضاً')).toBe(4);
    expect(pieces('أيضاً أيضاً', 9)).toEqual(['أيضاً أيضاً']);
  });

  it('is linear on long input', () => {
    const long = 'كلمة '.repeat(20000);
    const { result, cpuMs } = cpuTimed(() => wrapRanges(long, 80));
    expect(result.length).toBeGreaterThan(1000);
    expect(cpuMs).toBeLessThan(1000);
  });
});
