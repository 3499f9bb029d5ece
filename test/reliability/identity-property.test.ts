// Issue 11, identity property: a few runs from a fixed seed here; the slow suite runs
// many more (test/slow/reliability/identity-property.test.ts).
import { describe, it } from 'vitest';
import { checkIdentityProperty } from './support/identity-property.js';

describe('identity property', () => {
  it('list and show always equal the folder: every distinct text once, with all its paths', async () => {
    await checkIdentityProperty(Number(process.env.PROP_RUNS ?? 6), 8, 20261203);
  }, 300_000);
});
