// An index of the previous format (JSON segment files, docs.jsonl) is refused
// with one line saying to rebuild; rebuild converts it, keeping every document.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexError } from '../../src/errors.js';
import { UnresIndex } from '../../src/store/index.js';
import { INDEX_VERSION } from '../../src/store/layout.js';
import { doc, ops } from '../search/helpers/docs.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function previousFormatIndex(): string {
  const dir = mkdtempSync(join(tmpdir(), 'unres-v1-'));
  dirs.push(dir);
  const docs = [doc('A/RES/1', ops(['يحث الدول على حماية الأطفال'])), doc('A/RES/2', ops(['يدعو إلى مكافحة التصحر']))];
  const segment = join(dir, 'segments', 's00000001-abcdef');
  mkdirSync(segment, { recursive: true });
  writeFileSync(join(segment, 'docs.jsonl'), docs.map((d) => JSON.stringify(d) + '\n').join(''));
  writeFileSync(join(segment, 'meta.json'), '{}');
  const body = { generation: 3, nextSegment: 2, segments: [{ name: 's00000001-abcdef', docs: 2, clauses: 2, deleted: [], files: {} }] };
  const sha256 = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ format: 'unres-index', version: 1, sha256, body }) + '\n');
  return dir;
}

describe('an index of the previous format', () => {
  it('is refused with one line saying to rebuild', async () => {
    const index = await UnresIndex.open(previousFormatIndex());
    const error = await index.search('طفل').then(() => null, (err: unknown) => err);
    expect(error).toBeInstanceOf(IndexError);
    expect((error as Error).message).toMatch(new RegExp(`has format version 1, older than this unres reads \\(${INDEX_VERSION}\\): run \`unres ingest --rebuild\``));
    expect((error as Error).message).not.toContain('\n');
  });

  it('is converted by rebuild, every document kept', async () => {
    const dir = previousFormatIndex();
    const index = await UnresIndex.open(dir);
    expect((await index.rebuild()).documents).toBe(2);
    expect((await index.search('طفل')).map((h) => h.doc)).toEqual(['A/RES/1']);
    const reopened = await UnresIndex.open(dir);
    expect((await reopened.list()).map((d) => d.id)).toEqual(['A/RES/1', 'A/RES/2']);
    expect(reopened.stats().segments).toBe(1);
  });
});

describe.each([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16])('an index of version %i (previous analysis chain, fields or document order)', (version) => {
  // Version 2: terms analysed by the previous chain (stemmer, folded letters,
  // symbols), so a query analysed now would silently miss them. Version 3: no
  // notes or ref fields. Version 4: documents in the order they came, not by
  // id (the search's early termination would then drop tied clauses). Refused, rebuilt.
  async function formatTwoIndex(): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'unres-v2-'));
    dirs.push(dir);
    const index = await UnresIndex.open(dir, { create: true });
    await index.ingest([doc('A/RES/1', ops(['يحث الدول على حماية الأطفال'])), doc('A/RES/2', ops(['يدعو إلى مكافحة التصحر']))]);
    const path = join(dir, 'manifest.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as { version: number; sha256: string; body: unknown };
    file.version = version;
    writeFileSync(path, JSON.stringify(file) + '\n');
    return dir;
  }

  it('is refused with one line saying to rebuild, and rebuild converts it', async () => {
    const dir = await formatTwoIndex();
    const index = await UnresIndex.open(dir);
    const error = await index.search('طفل').then(() => null, (err: unknown) => err);
    expect((error as Error).message).toContain(`has format version ${version}, older than this unres reads (${INDEX_VERSION}): run \`unres ingest --rebuild\``);
    expect((await index.rebuild()).documents).toBe(2);
    const reopened = await UnresIndex.open(dir);
    expect((await reopened.search('طفل')).map((h) => h.doc)).toEqual(['A/RES/1']);
  });
});

describe('an index of version 5 (its paths table one JSON file)', () => {
  // Version 5 kept every document's paths in one JSON file, rewritten whole on each commit.
  // Rebuild converts the index and keeps every recorded path, byte for byte (a name that is not UTF-8 too).
  const NOT_UTF8 = '/data/caf\udce9.txt';

  async function versionFiveIndex(): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'unres-v5-'));
    dirs.push(dir);
    const index = await UnresIndex.open(dir, { create: true });
    await index.ingest([doc('A/RES/1', ops(['يحث الدول على حماية الأطفال'])), doc('A/RES/2', ops(['يدعو إلى مكافحة التصحر']))]);
    for (const name of readdirSync(dir)) if (name.startsWith('paths-')) rmSync(join(dir, name));
    const table = JSON.stringify({ 'A/RES/1': ['/data/A_RES_1.txt', NOT_UTF8], 'A/RES/2': ['/data/A_RES_2.txt'] });
    const bytes = Buffer.from(table, 'utf8');
    const name = 'paths-00000001-abcdef.json';
    writeFileSync(join(dir, name), bytes);
    const path = join(dir, 'manifest.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as { version: number; sha256: string; body: Record<string, unknown> };
    file.version = 5;
    file.body.paths = { name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    file.sha256 = createHash('sha256').update(JSON.stringify(file.body)).digest('hex');
    writeFileSync(path, JSON.stringify(file) + '\n');
    return dir;
  }

  it('is refused with one line saying to rebuild; rebuild converts it keeping every path and sweeps the JSON file', async () => {
    const dir = await versionFiveIndex();
    const index = await UnresIndex.open(dir);
    const error = await index.list().then(() => null, (err: unknown) => err);
    expect((error as Error).message).toContain(`has format version 5, older than this unres reads (${INDEX_VERSION}): run \`unres ingest --rebuild\``);
    expect((await index.rebuild()).documents).toBe(2);
    const reopened = await UnresIndex.open(dir);
    const listed = await reopened.list();
    expect(listed.map((d) => [d.id, d.paths])).toEqual([
      ['A/RES/1', ['/data/A_RES_1.txt', NOT_UTF8]],
      ['A/RES/2', ['/data/A_RES_2.txt']],
    ]);
    expect(readdirSync(dir).filter((n) => n.endsWith('.json') && n.startsWith('paths-'))).toEqual([]);
  });
});
