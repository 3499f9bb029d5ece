// Several processes on one index: serialised writers, a bounded lock wait,
// and a writer killed mid-ingest.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnresIndex } from '../../src/store/index.js';
import type { UnresDocument } from '../../src/types.js';
import { doc, ops } from '../search/helpers/docs.js';
import { compileProject, writeChildScript } from './helpers/compiled.js';

let compiled: string;
let child: string;
let work: string;

beforeAll(() => {
  compiled = compileProject();
  child = writeChildScript(compiled);
  work = mkdtempSync(join(tmpdir(), 'unres-proc-'));
}, 120_000);

afterAll(() => {
  rmSync(compiled, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

interface Run {
  process: ChildProcess;
  done: Promise<{ code: number; stdout: string; stderr: string }>;
  /** Resolves when a stdout line matches. */
  waitFor(pattern: RegExp): Promise<void>;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const proc = spawn(process.execPath, [child, ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  const waiters: Array<[RegExp, () => void]> = [];
  proc.stdout!.setEncoding('utf8').on('data', (s: string) => {
    stdout += s;
    for (const [pattern, resolve] of waiters) if (pattern.test(stdout)) resolve();
  });
  proc.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const done = new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    proc.on('close', (code, signal) => resolve({ code: code ?? (signal ? -1 : 0), stdout, stderr })),
  );
  return {
    process: proc,
    done,
    waitFor: (pattern) =>
      new Promise((resolve) => {
        if (pattern.test(stdout)) resolve();
        else waiters.push([pattern, resolve]);
      }),
  };
}

function docsFile(name: string, docs: UnresDocument[]): string {
  const path = join(work, `${name}.json`);
  writeFileSync(path, JSON.stringify(docs));
  return path;
}

function batch(prefix: string, count: number, word: string): UnresDocument[] {
  return Array.from({ length: count }, (_, i) => doc(`${prefix}/${i}`, ops([`${word} رقم ${i} عن حماية الأطفال`, `بند ثان ${i}`])));
}

describe('processes sharing an index', () => {
  it('serialises two concurrent ingests of different documents; none is lost', async () => {
    const dir = join(work, 'concurrent');
    const a = run(['ingest', dir, docsFile('a', batch('A', 60, 'التصحر'))], { SEGMENT_CLAUSES: '30' });
    const b = run(['ingest', dir, docsFile('b', batch('B', 60, 'الفيضانات'))], { SEGMENT_CLAUSES: '30' });
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    const index = await UnresIndex.open(dir);
    const ids = (await index.list()).map((d) => d.id);
    expect(ids).toHaveLength(120);
    expect((await index.search('التصحر', { limit: 100 })).length).toBe(60);
    expect((await index.search('الفيضانات', { limit: 100 })).length).toBe(60);
  }, 60_000);

  it('merges on a thread of its own beside a run of batches, with the same results as merging in place', async () => {
    const docs = batch('A/RES/bg', 11, 'تدابير');
    // A document replaced late in the run, after merges of its segment began.
    const replaced = { ...docs[1]!, clauses: ops(['نص جديد عن حماية الأطفال', 'بند ثان 1']), source: { ...docs[1]!.source, sha256: 'sha-replaced' } };
    const threaded = join(work, 'threaded');
    const result = await run(['batches', threaded, docsFile('threaded', [...docs, replaced])]).done;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const stats = JSON.parse(result.stdout.trim().split('\n').pop()!);
    expect(stats.documents).toBe(11);
    expect(readdirSync(join(threaded, 'segments'))).toHaveLength(stats.segments);
    const inPlace = await UnresIndex.open(join(work, 'in-place'), { create: true, mergePolicy: { mergeFactor: 3, levelBase: 1000000 } });
    for (const d of [...docs, replaced]) await inPlace.ingest([d]);
    const index = await UnresIndex.open(threaded);
    for (const query of ['الأطفال', 'تدابير', 'نص جديد', 'بند ثان']) {
      const a = (await index.search(query, { limit: 20 })).map((h) => [h.doc, h.clause, h.score]);
      expect(a.length, query).toBeGreaterThan(0);
      expect(a, query).toEqual((await inPlace.search(query, { limit: 20 })).map((h) => [h.doc, h.clause, h.score]));
    }
  });

  it('makes a second writer wait for the lock, and give up after UNRES_LOCK_WAIT_MS', async () => {
    const dir = join(work, 'locked');
    const holder = run(['hold', dir, '2500']);
    await holder.waitFor(/locked/);
    const impatient = await run(['ingest', dir, docsFile('c', batch('C', 2, 'الجفاف'))], { UNRES_LOCK_WAIT_MS: '300' }).done;
    expect(impatient.code).toBe(3);
    expect(impatient.stderr.trim()).toMatch(/locked by another unres process \(waited 0.3 s\)/);
    const patient = await run(['ingest', dir, docsFile('c', batch('C', 2, 'الجفاف'))], { UNRES_LOCK_WAIT_MS: '10000' }).done;
    expect(patient.code, patient.stderr).toBe(0);
    expect((await holder.done).code).toBe(0);
    expect((await (await UnresIndex.open(dir)).list()).map((d) => d.id)).toEqual(['C/0', 'C/1']);
  }, 60_000);

  it('leaves the previous index usable when a writer is killed mid-ingest', async () => {
    const dir = join(work, 'killed');
    const first = await UnresIndex.open(dir, { create: true });
    await first.ingest([doc('KEEP/1', ops(['وثيقة سابقة عن التصحر']))]);

    const victim = run(['ingest', dir, docsFile('big', batch('BIG', 2000, 'الفيضانات'))], { SEGMENT_CLAUSES: '40' });
    await victim.waitFor(/progress 100\b/);
    victim.process.kill('SIGKILL');
    await victim.done;
    // The killed writer left segments it never committed.
    expect(readdirSync(join(dir, 'segments')).length).toBeGreaterThan(1);

    const after = await UnresIndex.open(dir);
    expect((await after.list()).map((d) => d.id)).toEqual(['KEEP/1']);
    expect((await after.search('التصحر')).map((h) => h.doc)).toEqual(['KEEP/1']);
    expect(await after.search('الفيضانات')).toEqual([]);

    // With the default wait, the next writer takes over the stale lock and sweeps the leftovers.
    const previous = process.env.UNRES_LOCK_WAIT_MS;
    delete process.env.UNRES_LOCK_WAIT_MS;
    try {
      await after.ingest([doc('NEXT/1', ops(['وثيقة لاحقة']))]);
    } finally {
      if (previous === undefined) delete process.env.UNRES_LOCK_WAIT_MS;
      else process.env.UNRES_LOCK_WAIT_MS = previous;
    }
    expect((await after.list()).map((d) => d.id)).toEqual(['KEEP/1', 'NEXT/1']);
    expect(readdirSync(join(dir, 'segments')).filter((n) => n.startsWith('s')).length).toBe(after.stats().segments);
  }, 60_000);
});
