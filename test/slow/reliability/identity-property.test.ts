// Issue 11, identity property: many runs of longer sequences, from a new seed
// each time (printed; UNRES_PROPERTY_SEED repeats it; PROP_RUNS=100 for a longer hunt:
// 20 keep CI well under its 15 minutes) (the default
// suite runs a few, test/reliability/identity-property.test.ts).
import { describe, it } from 'vitest';
import { checkIdentityProperty } from '../../reliability/support/identity-property.js';

describe('identity property, slow', () => {
  it('list and show always equal the folder: every distinct text once, with all its paths', async () => {
    await checkIdentityProperty(Number(process.env.PROP_RUNS ?? 20), 14, Date.now() % 1_000_000);
  }, 1_800_000);
});
