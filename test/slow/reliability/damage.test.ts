// The kinds of damage the default suite leaves out (npm run test:slow): an
// emptied or foreign manifest, one of another shape, an older format version,
// edited metadata or terms, a cut clause table, every segment gone. Each is
// exit 3 with one line naming `unres ingest --rebuild`, which then works.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { setUpCli, tearDownCli } from '../../reliability/support/cli.js';
import { type BaseIndex, SLOW_DAMAGE_CASES, buildBase, damageTrial } from '../../reliability/support/damage.js';

let scratch: string;
let base: BaseIndex;

beforeAll(async () => {
  scratch = await setUpCli('slow-damage');
  base = await buildBase(join(scratch, 'base'));
}, 120_000);

afterAll(tearDownCli);

describe.skipIf(!process.env.UNRES_SLOW)('more damage', () => {
  it.concurrent.each(SLOW_DAMAGE_CASES.map((c) => [c.name, c] as const))(
    '%s: exit 3 saying how to recover; --rebuild gives a working index',
    async (name, c) => {
      await damageTrial(base, join(scratch, name.replace(/\W+/g, '-')), c);
    },
  );
});
