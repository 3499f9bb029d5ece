// A damaged index: each kind of damage is exit 3 with one line that says how
// to recover, and `unres ingest --rebuild` then gives a working index from the
// stored documents (what a damaged file held is ingested again from its
// files). A read-only index folder refuses writes with exit 3 and a way out,
// while searching it still works. More kinds of damage run in the slow suite
// (test/slow/reliability/damage.test.ts). See docs/reliability.md ("Damage").
import { chmodSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineFailure, setUpCli, tearDownCli, unres } from './support/cli.js';
import { type BaseIndex, DEFAULT_DAMAGE_CASES, REBUILD, buildBase, damageTrial, seed } from './support/damage.js';

let scratch: string;
let base: BaseIndex;

beforeAll(async () => {
  scratch = await setUpCli('damage');
  base = await buildBase(join(scratch, 'base'));
}, 120_000);

afterAll(tearDownCli);

describe('a damaged index', () => {
  it.concurrent.each(DEFAULT_DAMAGE_CASES.map((c) => [c.name, c] as const))(
    '%s: exit 3 saying how to recover; --rebuild gives a working index',
    async (name, c) => {
      await damageTrial(base, join(scratch, name.replace(/\W+/g, '-')), c);
    },
  );

  it('refuses to ingest into a damaged index (exit 3) rather than write over it', async () => {
    const dir = join(scratch, 'no-write-over');
    cpSync(base.dir, dir, { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), '');
    const result = await unres(['ingest', seed(4), '--index', dir]);
    expect(expectOneLineFailure(result, 3)).toContain(REBUILD);
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe('');
  });
});

describe('a read-only index folder', () => {
  // As root, permission bits do not stop writes: unres then runs as nobody, for whom the folder is read-only.
  const asRoot = process.getuid?.() === 0;
  const options = asRoot ? { uid: 65534 } : {};

  /** Whether unres can run as nobody here (no setuid in some containers; a checkout nobody cannot read). */
  async function canRunAsNobody(): Promise<boolean> {
    try {
      return (await unres(['--version'], options)).code === 0;
    } catch {
      return false;
    }
  }

  it('refuses writes with exit 3 and a way out; searching and listing still work', async (ctx) => {
    if (asRoot && !(await canRunAsNobody())) {
      console.log('skipped: running as root, and unres cannot run as nobody here to meet a read-only folder');
      ctx.skip();
    }
    const dir = join(scratch, 'read-only');
    cpSync(base.dir, dir, { recursive: true });
    if (!asRoot) chmodSync(dir, 0o555);
    try {
      const ingest = await unres(['ingest', seed(4), '--index', dir], options);
      expect(expectOneLineFailure(ingest, 3)).toMatch(
        /^unres: cannot lock the index at \S+: EACCES: permission denied.*: the index folder is not writable; make it writable \(chmod -R u\+w\) or give another --index \(searching it still works\)$/,
      );
      expect(expectOneLineFailure(await unres(['ingest', '--rebuild', '--index', dir], options), 3)).toMatch(/not writable/);

      const search = await unres(['search', 'الأطفال', '--json', '--index', dir], options);
      expect(search.code, search.stderr).toBe(0);
      expect(JSON.parse(search.stdout)).not.toHaveLength(0);
      const list = await unres(['list', '--json', '--index', dir], options);
      expect(JSON.parse(list.stdout)).toHaveLength(4);
      // Nothing to write: unchanged files are a no-op, exit 0.
      const unchanged = await unres(['ingest', seed(0), '--index', dir], options);
      expect(unchanged.stdout, unchanged.stderr).toBe('0 added, 0 updated, 1 unchanged, 0 failed\n');
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});
