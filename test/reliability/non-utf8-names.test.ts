// File names that are not UTF-8 (issue 11, item 14; issue 14's prune): a
// folder's entries are read as bytes and the path recorded with every byte
// kept (src/files.ts, pathFromBytes), so `ingest --prune` keeps such a file's
// document while the file is there and removes it once the file is gone, and
// two names that differ only in their invalid bytes stay two files.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fsPath, pathFromBytes } from '../../src/files.js';
import { SEEDS, type Listed, setUpCli, tearDownCli, unres, unresInShell } from './support/cli.js';

let scratch = '';
beforeAll(async () => {
  scratch = await setUpCli('non-utf8');
}, 120_000);
afterAll(() => tearDownCli());

const name = (...bytes: number[]) => Buffer.from(bytes);
const LATIN1_E_ACUTE = name(0x71, 0xe9, 0x2e, 0x74, 0x78, 0x74); // "q\xe9.txt": Latin-1, not UTF-8
const BARE_FF = name(0x71, 0xff, 0x2e, 0x74, 0x78, 0x74); // "q\xff.txt": the same once decoded with replacement characters

describe('recorded paths keep every byte', () => {
  it('decodes UTF-8 as usual and maps back every other byte', () => {
    expect(pathFromBytes(Buffer.from('/tmp/قرار.txt'))).toBe('/tmp/قرار.txt');
    expect(fsPath('/tmp/قرار.txt')).toBe('/tmp/قرار.txt');
    const samples = [LATIN1_E_ACUTE, BARE_FF, name(0xed, 0xa0, 0x80), name(0xe2, 0x82), name(0xc0, 0xaf), name(0xf0, 0x9f, 0x98, 0x80, 0xfe), Buffer.from('\ufffd')];
    const seen = new Set<string>();
    for (const bytes of samples) {
      const text = pathFromBytes(bytes);
      expect(Buffer.from(fsPath(text))).toEqual(bytes);
      seen.add(text);
    }
    expect(seen.size).toBe(samples.length);
  });
});

describe('ingest --prune with file names that are not UTF-8', { timeout: 300_000 }, () => {
  const listed = async (index: string) => {
    const result = await unres(['list', '--json', '--index', index]);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Array<Listed & { paths?: string[] }>;
  };

  it("keeps such a file's document while the file exists and prunes it when it is gone", async () => {
    const dir = join(scratch, 'docs');
    mkdirSync(dir);
    const index = join(scratch, 'index');
    const inDir = (bytes: Buffer) => Buffer.concat([Buffer.from(dir + '/'), bytes]);
    writeFileSync(inDir(LATIN1_E_ACUTE), readFileSync(join(SEEDS, '001_3b67e52e25d718f8.txt')));
    writeFileSync(inDir(BARE_FF), readFileSync(join(SEEDS, '000_891190217a09267c.txt')));
    writeFileSync(join(dir, 'plain.txt'), readFileSync(join(SEEDS, '003_c328bc31ea94c91f.txt')));

    const first = await unres(['ingest', dir, '--index', index]);
    expect(first.stdout, first.stderr).toBe('3 added, 0 updated, 0 unchanged, 0 failed\n');
    expect(await listed(index)).toHaveLength(3);

    // Every file is there: --prune removes nothing, however many times.
    for (const args of [['ingest', dir, '--prune'], ['ingest', '--prune']]) {
      const again = await unres([...args, '--index', index]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).not.toMatch(/removed/);
      expect(await listed(index)).toHaveLength(3);
    }

    // One of the two is gone: its document is pruned, the other stays.
    rmSync(inDir(BARE_FF));
    const pruned = await unres(['ingest', dir, '--prune', '--index', index]);
    expect(pruned.stdout, pruned.stderr).toBe('0 added, 0 updated, 2 unchanged, 0 failed, 1 removed\n');
    const left = await listed(index);
    expect(left.map((d) => d.id).sort()).toEqual(['E-RES-2017-18', 'E-RES-2019-20']);
    const kept = left.find((d) => d.id === 'E-RES-2019-20')!;
    expect(kept.paths).toHaveLength(1);
    expect(Buffer.from(fsPath(kept.paths![0]!))).toEqual(inDir(LATIN1_E_ACUTE));

    rmSync(inDir(LATIN1_E_ACUTE));
    const last = await unres(['ingest', '--prune', '--index', index]);
    expect(last.stdout, last.stderr).toBe('0 added, 0 updated, 0 unchanged, 0 failed, 1 removed\n');
    expect((await listed(index)).map((d) => d.id)).toEqual(['E-RES-2017-18']);
  });
});

describe('a file name that is not UTF-8 given on the command line', { timeout: 300_000 }, () => {
  it('is read as given (Node hands it over mangled) and recorded with every byte', async () => {
    const dir = join(scratch, 'named');
    mkdirSync(dir);
    writeFileSync(Buffer.concat([Buffer.from(dir + '/'), LATIN1_E_ACUTE]), readFileSync(join(SEEDS, '001_3b67e52e25d718f8.txt')));
    // printf writes the byte 0xE9 into the argument; a shell passes it on untouched.
    const ingest = await unresInShell(`"$UNRES_NODE" "$UNRES_BIN" ingest "$(printf 'q\\351.txt')" --index idx`, dir);
    expect(ingest.stdout, ingest.stderr).toBe('1 added, 0 updated, 0 unchanged, 0 failed\n');
    const list = await unres(['list', '--json', '--index', join(dir, 'idx')]);
    const docs = JSON.parse(list.stdout) as Array<Listed & { paths?: string[] }>;
    expect(docs.map((d) => d.id)).toEqual(['E-RES-2019-20']);
    expect(Buffer.from(fsPath(docs[0]!.paths![0]!))).toEqual(Buffer.concat([Buffer.from(dir + '/'), LATIN1_E_ACUTE]));
    // A name that is really missing still says so, naming it.
    const missing = await unresInShell(`"$UNRES_NODE" "$UNRES_BIN" ingest "$(printf 'q\\351x.txt')" --index idx`, dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^unres: q.x\.txt: no such file or directory\n$/);
  });
});
