// The benchmark corpus generator: deterministic from its seed, byte for byte,
// and what it writes parses into the clauses it meant to write.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CorpusGenerator, loadSeedPools, mulberry32, Rng, writeCorpus } from '../../scripts/bench/corpus.js';
import { parseBytes } from '../../src/structure/parse.js';

const pools = loadSeedPools();
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'unres-corpus-test-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function readAll(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name))]));
}

describe('mulberry32', () => {
  it('gives the same stream for the same seed, in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(1000);
  });

  it('gives different streams for different seeds', () => {
    const a = mulberry32(1);
    const b = mulberry32(2);
    expect(Array.from({ length: 10 }, () => a())).not.toEqual(Array.from({ length: 10 }, () => b()));
  });

  it('draws Zipf ranks whose small ranks are common and whose tail goes on', () => {
    const rng = new Rng(3);
    const ranks = Array.from({ length: 20_000 }, () => rng.zipfRank(0.9));
    expect(ranks.filter((r) => r === 1).length).toBeGreaterThan(5000);
    expect(Math.max(...ranks)).toBeGreaterThan(10_000);
  });
});

describe('corpus generator', () => {
  it('writes a byte-identical corpus for the same seed', () => {
    const a = tempDir();
    const b = tempDir();
    writeCorpus(a, 11, 30, 0, pools);
    writeCorpus(b, 11, 30, 0, loadSeedPools());
    const left = readAll(a);
    const right = readAll(b);
    expect([...left.keys()]).toEqual([...right.keys()]);
    expect(left.size).toBe(30);
    for (const [name, bytes] of left) expect(bytes.equals(right.get(name)!), name).toBe(true);
  });

  it('writes a different corpus for another seed', () => {
    const a = new CorpusGenerator(pools, 11).document(0).text;
    const b = new CorpusGenerator(pools, 12).document(0).text;
    expect(a).not.toBe(b);
  });

  it('makes document i from the seed and i alone: a small corpus is a prefix of a larger one', () => {
    const small = tempDir();
    const tail = tempDir();
    writeCorpus(small, 5, 10, 0, pools);
    writeCorpus(tail, 5, 4, 6, pools);
    const first = readAll(small);
    for (const [name, bytes] of readAll(tail)) expect(bytes.equals(first.get(name)!), name).toBe(true);
  });

  it('writes documents that parse into the clauses, kinds and footnotes it meant', () => {
    const generator = new CorpusGenerator(pools, 1);
    const families = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const doc = generator.document(i);
      families.add(doc.family);
      const parsed = parseBytes(Buffer.from(doc.text, 'utf8'), doc.name);
      const counts = { preamble: 0, operative: 0, paragraph: 0, recommendation: 0 };
      for (const clause of parsed.clauses) counts[clause.kind as keyof typeof counts]++;
      expect({ ...counts, footnotes: parsed.footnotes.length }, doc.name).toEqual(doc.expected);
      expect(parsed.clauses.length, doc.name).toBeGreaterThan(5);
      expect(parsed.kind, doc.name).toBe(
        doc.family === 'report' ? 'report' : doc.family === 'draft' ? 'draft-resolution' : 'resolution',
      );
      // Operative and report paragraphs are renumbered 1, 2, 3 ...
      for (const kind of ['operative', 'paragraph'] as const) {
        const numbers = parsed.clauses.filter((c) => c.kind === kind).map((c) => c.number);
        expect(numbers, doc.name).toEqual(numbers.map((_, k) => k + 1));
      }
    }
    expect([...families].sort()).toEqual(['cop', 'draft', 'ecosoc', 'ga', 'report']);
  });

  it('gives every document its own id', () => {
    const generator = new CorpusGenerator(pools, 1);
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const doc = generator.document(i);
      ids.add(parseBytes(Buffer.from(doc.text, 'utf8'), doc.name).id);
    }
    expect(ids.size).toBe(200);
  });

  it('grows the vocabulary with the corpus', () => {
    const generator = new CorpusGenerator(pools, 1);
    const vocabulary = new Set<string>();
    const sizes: number[] = [];
    for (let i = 0; i < 400; i++) {
      for (const token of generator.document(i).text.split(/[\s،؛.,:()"[\]*^⁽⁾\-/]+/)) if (token) vocabulary.add(token);
      if (i + 1 === 100 || i + 1 === 400) sizes.push(vocabulary.size);
    }
    // Heaps' law: four times the text, clearly more words, but well under four times as many.
    expect(sizes[1]! / sizes[0]!).toBeGreaterThan(1.3);
    expect(sizes[1]! / sizes[0]!).toBeLessThan(4);
  });
});
