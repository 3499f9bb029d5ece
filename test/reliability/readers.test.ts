// A reader that opened the index before a writer committed must never take
// the writer's sweep of a replaced or merged-away segment for damage: it reads
// the new index instead (as `unres show` or `export` racing an ingest would).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UnresIndex } from '../../src/store/index.js';
import { doc, ops } from '../search/helpers/docs.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'unres-readers-'));
  dirs.push(dir);
  return dir;
}

describe('a reader opened before a writer commits', () => {
  it('gets a document whose segment the writer swept, in its new version', async () => {
    const dir = tempDir();
    const writer = await UnresIndex.open(dir, { create: true });
    await writer.ingest([doc('X', ops(['نص أول عن الأطفال'])), doc('Y', ops(['وثيقة أخرى']))]);
    const reader = await UnresIndex.open(dir);
    // Replacing both documents empties the only segment: the commit removes it.
    await writer.ingest([doc('X', ops(['نص ثان عن التصحر'])), doc('Y', ops(['وثيقة أخرى معدلة']))]);
    const got = await reader.get('X');
    expect(got?.clauses[0]?.text).toBe('نص ثان عن التصحر');
    expect((await reader.search('التصحر')).map((h) => h.doc)).toEqual(['X']);
  });

  it('gets a document whose segment was merged away', async () => {
    const dir = tempDir();
    const writer = await UnresIndex.open(dir, { create: true, mergePolicy: { mergeFactor: 3 } });
    await writer.ingest([doc('A', ops(['الوثيقة الأولى']))]);
    await writer.ingest([doc('B', ops(['الوثيقة الثانية']))]);
    const reader = await UnresIndex.open(dir);
    await writer.ingest([doc('C', ops(['الوثيقة الثالثة']))]); // three segments: merged into one, the old ones swept
    expect(writer.stats().segments).toBe(1);
    expect((await reader.get('A'))?.id).toBe('A');
    expect((await reader.get('B'))?.id).toBe('B');
  });

  it('still reports a segment that is really gone as damage', async () => {
    const dir = tempDir();
    const writer = await UnresIndex.open(dir, { create: true });
    await writer.ingest([doc('X', ops(['نص أول عن الأطفال']))]);
    const reader = await UnresIndex.open(dir);
    rmSync(join(dir, 'segments'), { recursive: true });
    await expect(reader.get('X')).rejects.toThrow(/damaged .*(docs|stored)\.bin is missing.*unres ingest --rebuild/);
  });
});
