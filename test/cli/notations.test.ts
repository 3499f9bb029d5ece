// The query language against the ways UN texts print words, numbers and
// symbols, end to end through bin/unres.js on crafted texts:
//   - a place in a quoted phrase accepts what the same word accepts outside
//     quotes (its nisba reading), the order and distance staying strict.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage, removePackage, unres } from './run-bin.js';

interface Hit {
  doc: string;
  clause: string;
  text: string;
}

let scratch: string;
let index: string;

/** A resolution-shaped text: an organ's opening line, then numbered operative paragraphs. */
function resolution(paragraphs: readonly string[]): string {
  return ['إن الجمعية العامة،', '', ...paragraphs.flatMap((p, i) => [`${i + 1} - ${p}`, '']), ''].join('\n');
}

async function search(query: string, ...args: string[]): Promise<{ code: number; hits: Hit[] }> {
  const result = await unres(['search', query, ...args, '--json', '--index', index], { home: scratch });
  expect(result.stderr).toBe('');
  expect([0, 1]).toContain(result.code);
  return { code: result.code, hits: JSON.parse(result.stdout) as Hit[] };
}

/** The clause ids (doc#clause) a query finds, best first. */
async function found(query: string, ...args: string[]): Promise<string[]> {
  return (await search(query, ...args)).hits.map((h) => `${h.doc}#${h.clause}`);
}

beforeAll(async () => {
  buildPackage();
  scratch = mkdtempSync(join(tmpdir(), 'unres-notations-'));
  index = join(scratch, 'index');
  const texts = join(scratch, 'texts');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(texts);
  writeFileSync(
    join(texts, 'phrases.txt'),
    resolution([
      'تؤكد أن هذه الاتفاقية هي الصك الرئيسي الملزم قانونياً لمكافحة الجريمة.',
      'تلاحظ أن الملزم للدول الأطراف في الصك الرئيسي هو ما تعتبره قانونياً.',
    ]),
  );
  const ingest = await unres(['ingest', texts, '--index', index], { home: scratch });
  expect(ingest.code, ingest.stderr).toBe(0);
}, 240_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  removePackage();
});

describe('a quoted phrase accepts what its words accept outside quotes', () => {
  it('a noun in a phrase also holds at its nisba (قانونا against قانونياً)', async () => {
    expect(await found('"الصك الرئيسي الملزم قانونا"')).toEqual(['phrases#op1']);
    expect(await found('"الملزم قانونا"')).toEqual(['phrases#op1']);
  });

  it('stays strict on order and distance: the same words apart are no phrase', async () => {
    expect(await found('الملزم قانونا')).toContain('phrases#op2');
    expect(await found('"قانونا الملزم"')).toEqual([]);
  });
});
