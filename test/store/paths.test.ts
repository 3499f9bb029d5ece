// The paths table: files of records looked up by id and by path, a commit
// adding one file with what it changed, the newest files merged as they grow.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexError } from '../../src/errors.js';
import { UnresIndex } from '../../src/store/index.js';
import type { PathsFileRef } from '../../src/store/manifest.js';
import { PathStore, type PathTable, appendChanges, writeWholeTable } from '../../src/store/paths.js';
import { doc, ops } from '../search/helpers/docs.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'unres-paths-'));
  dirs.push(dir);
  return dir;
}

let tags = 0;
const tag = () => (tags++ % 0x1000000).toString(16).padStart(6, '0');

/** Ids and paths alike in every way that matters: Arabic, spaces, a name that is not UTF-8 (a lone surrogate), long ones. */
function pathOf(i: number): string {
  const kinds = [`/data/doc-${i}.txt`, `/بيانات/قرار ${i}.txt`, `/data/caf\udce9-${i}.txt`, `/data/${'x'.repeat(200 + (i % 50))}-${i}.txt`];
  return kinds[i % kinds.length]!;
}

function expectTable(store: PathStore, model: PathTable, probes: number[]): void {
  expect(store.all()).toEqual(model);
  for (const i of probes) {
    const id = `D${i}`;
    expect(store.of(id)).toEqual(model.get(id) ?? []);
    for (const p of model.get(id) ?? []) expect(store.holder(p)).toBe(id);
  }
  expect(store.of('no such id')).toEqual([]);
  expect(store.holder('/no/such/file.txt')).toBeUndefined();
}

describe('a paths file', () => {
  it('finds every document by id and every path by path, across many pages', () => {
    const dir = scratch();
    const model: PathTable = new Map();
    for (let i = 0; i < 3000; i++) model.set(`D${i}`, i % 7 === 0 ? [pathOf(i), pathOf(i + 100_000)].sort() : [pathOf(i)]);
    const refs = writeWholeTable(dir, model, 1, tag);
    expect(refs).toHaveLength(1);
    const store = new PathStore(dir, refs);
    try {
      expectTable(store, model, [0, 1, 2, 3, 7, 1499, 2998, 2999]);
      for (let i = 0; i < 3000; i += 37) expect(store.of(`D${i}`)).toEqual(model.get(`D${i}`));
    } finally {
      store.close();
    }
  });

  it('is damage when a byte changes or its size is not the manifest\'s (exit 3, naming the file)', () => {
    const dir = scratch();
    const model: PathTable = new Map([['A', ['/a.txt']], ['B', ['/b.txt']]]);
    const [ref] = writeWholeTable(dir, model, 1, tag) as [PathsFileRef];
    const path = join(dir, ref.name);
    const bytes = readFileSync(path);
    bytes[12] = bytes[12]! ^ 0x10;
    writeFileSync(path, bytes);
    const read = () => {
      const store = new PathStore(dir, [ref]);
      try {
        return store.all();
      } finally {
        store.close();
      }
    };
    expect(read).toThrow(IndexError);
    expect(read).toThrow(new RegExp(`${ref.name} fails its checksum`));
    writeFileSync(path, bytes.subarray(0, bytes.length - 1));
    expect(read).toThrow(new RegExp(`${ref.name} fails its checksum`));
  });
});

describe('appending changes', () => {
  it('keeps the table a model says, in few files, each commit writing about what it changed', () => {
    const dir = scratch();
    const model: PathTable = new Map();
    let refs: PathsFileRef[] = [];
    let next = 0;
    for (let commit = 1; commit <= 400; commit++) {
      const changes: PathTable = new Map();
      // Mostly a new document; now and then a path moves, a document gains a copy or goes.
      const op = commit % 10;
      if (op === 3 && next > 5) {
        const from = `D${commit % next}`;
        const to = `D${(commit * 7) % next}`;
        const moved = model.get(from)?.[0];
        if (moved && from !== to) {
          const rest = model.get(from)!.filter((p) => p !== moved);
          changes.set(from, rest);
          changes.set(to, [...(model.get(to) ?? []), moved].sort());
        }
      } else if (op === 6 && next > 5) {
        changes.set(`D${(commit * 3) % next}`, []);
      } else {
        const id = `D${next}`;
        changes.set(id, [pathOf(next)]);
        next++;
      }
      const before = new Set(refs.map((r) => r.name));
      refs = appendChanges(dir, refs, changes, commit, tag);
      for (const [id, paths] of changes) {
        if (paths.length > 0) model.set(id, paths);
        else model.delete(id);
      }
      // Each file after the first is smaller than a quarter of the one before it: few files.
      for (let f = 1; f < refs.length; f++) expect(refs[f]!.bytes * 4).toBeLessThan(refs[f - 1]!.bytes);
      // A commit that merged nothing kept every file it found and added one.
      const added = refs.filter((r) => !before.has(r.name));
      if (added.length === 1 && refs.length === before.size + 1) expect(added[0]!.bytes).toBeLessThan(2000);
    }
    expect(refs.length).toBeLessThanOrEqual(8);
    const store = new PathStore(dir, refs);
    try {
      expectTable(store, model, Array.from({ length: next }, (_, i) => i));
    } finally {
      store.close();
    }
    // A document without paths is recorded in no file but the ones that override an older one.
    const first = new PathStore(dir, refs.slice(0, 1));
    try {
      expect([...first.all().values()].every((paths) => paths.length > 0)).toBe(true);
    } finally {
      first.close();
    }
  });
});

describe('an ingest of one file into a large index', () => {
  it('writes a small paths file of its own and keeps the table\'s other files', async () => {
    const dir = scratch();
    const index = await UnresIndex.open(dir, { create: true });
    await index.ingest(Array.from({ length: 300 }, (_, i) => doc(`A/RES/${i}`, ops([`يحث الدول ${i}`]))));
    const manifest = () => (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { body: { paths: PathsFileRef[] } }).body.paths;
    const before = manifest();
    expect(before).toHaveLength(1);
    await index.ingest([doc('A/RES/new', ops(['يدعو إلى مكافحة التصحر']))]);
    const after = manifest();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(2);
    expect(after[1]!.bytes).toBeLessThan(300);
    expect(statSync(join(dir, after[1]!.name)).size).toBe(after[1]!.bytes);
    const listed = await (await UnresIndex.open(dir)).list();
    expect(listed).toHaveLength(301);
    expect(listed.find((d) => d.id === 'A/RES/new')!.paths).toEqual(['/data/A_RES_new.txt']);
    expect(listed.find((d) => d.id === 'A/RES/7')!.paths).toEqual(['/data/A_RES_7.txt']);
    // Removing a document records that it holds no path; files no manifest names are swept.
    expect(await index.remove(['A/RES/7'])).toBe(1);
    const relisted = await (await UnresIndex.open(dir)).list();
    expect(relisted.find((d) => d.id === 'A/RES/7')).toBeUndefined();
    const named = new Set(manifest().map((r) => r.name));
    expect(readdirSync(dir).filter((n) => n.startsWith('paths-')).sort()).toEqual([...named].sort());
  });
});
