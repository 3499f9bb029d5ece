import { describe, expect, it } from 'vitest';
import { protectQueryExclusions } from '../../src/cli/search-argv.js';

const argv = (...args: string[]) => ['node', 'unres', ...args];

describe('protectQueryExclusions', () => {
  it('moves Arabic exclusions behind --', () => {
    expect(protectQueryExclusions(argv('search', 'الاتجار', '-الأطفال', '--json'))).toEqual(
      argv('search', 'الاتجار', '--json', '--', '-الأطفال'),
    );
  });

  it('joins an existing --', () => {
    expect(protectQueryExclusions(argv('search', '-طفل', 'x', '--', '-word'))).toEqual(argv('search', 'x', '--', '-طفل', '-word'));
  });

  it('leaves options, other commands and ASCII words alone', () => {
    expect(protectQueryExclusions(argv('search', '--limit', '5', '-h'))).toEqual(argv('search', '--limit', '5', '-h'));
    expect(protectQueryExclusions(argv('parse', '-طفل'))).toEqual(argv('parse', '-طفل'));
    expect(protectQueryExclusions(argv('search', '-2017'))).toEqual(argv('search', '-2017'));
  });
});
