// `unres ingest --reparse`: after an upgrade, documents indexed by an older
// parser get what the new one finds, without a new index. An older parse is
// simulated by storing a document without the fields later parsers added
// (preface, conclusions, headings); an unchanged file is then skipped as
// always, and `--reparse` parses it again under the same id and files.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnresIndex } from '../../src/store/index.js';
import { parseBytes } from '../../src/structure/parse.js';
import type { UnresDocument } from '../../src/types.js';
import { buildPackage, removePackage, SEEDS, unres } from './run-bin.js';

let scratch = '';

beforeAll(async () => {
  await buildPackage();
  scratch = mkdtempSync(join(tmpdir(), 'unres-reparse-'));
}, 120_000);
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  removePackage();
});

/** The first seed whose parse has a preface: the field an older parser did not fill. */
function seedWithPreface(): { name: string; bytes: Buffer } {
  for (const name of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    const bytes = readFileSync(join(SEEDS, name));
    if (parseBytes(bytes, join(SEEDS, name)).preface) return { name, bytes };
  }
  throw new Error('no seed has a preface');
}

/** The document as a parser before prefaces, conclusions and headings stored it. */
function olderParse(doc: UnresDocument): UnresDocument {
  const older: UnresDocument = { ...doc };
  delete older.preface;
  delete older.conclusions;
  delete older.headings;
  return older;
}

describe('ingest --reparse', { timeout: 120_000 }, () => {
  it('parses stored texts again under the same id and files; without it an unchanged file is skipped', async () => {
    const { name, bytes } = seedWithPreface();
    const dir = join(scratch, 'texts');
    const index = join(scratch, 'index');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, name);
    copyFileSync(join(SEEDS, name), file);
    const copy = join(dir, `copy-${name}`);
    copyFileSync(file, copy);

    const older = olderParse(parseBytes(bytes, file));
    const store = await UnresIndex.open(index, { create: true });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await store.ingestFiles([{ path: file, sha256, doc: older }]);

    const run = (args: string[]) => unres([...args, '--index', index], { home: scratch });
    const shown = async () => {
      const r = await run(['show', older.id, '--json']);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as UnresDocument;
    };
    expect((await shown()).preface ?? null).toBeNull();

    const again = await run(['ingest', file]);
    expect(again.stdout, again.stderr).toBe('0 added, 0 updated, 1 unchanged, 0 failed\n');
    expect((await shown()).preface ?? null).toBeNull();

    // The file and a copy of it: one document, parsed once, knowing both files.
    const reparsed = await run(['ingest', '--reparse', dir, '--json']);
    expect(reparsed.code, reparsed.stderr).toBe(0);
    const counts = JSON.parse(reparsed.stdout) as Record<string, number>;
    expect(counts).toMatchObject({ added: 0, updated: 0, reparsed: 1, duplicate: 1, failed: 0 });
    const doc = await shown();
    expect(doc.preface).toBeTruthy();
    expect(doc.id).toBe(older.id);
    expect(doc.clauses.length).toBe(older.clauses.length);

    const listed = await run(['list', '--json']);
    const docs = JSON.parse(listed.stdout) as { id: string; paths: string[] }[];
    expect(docs.map((d) => d.id)).toEqual([older.id]);
    expect([...docs[0]!.paths].sort()).toEqual([copy, file].sort());

    // The human summary names them; without --reparse both files are unchanged again.
    const human = await run(['ingest', file, '--reparse']);
    expect(human.stdout, human.stderr).toBe('0 added, 0 updated, 0 unchanged, 1 reparsed, 0 failed\n');
    const after = await run(['ingest', dir]);
    expect(after.stdout, after.stderr).toBe('0 added, 0 updated, 2 unchanged, 0 failed\n');
  });
});
