// `unres search --cites` for the organs beyond the General Assembly and ECOSOC,
// end to end in process: ingest crafted texts, search by the Security Council
// and Human Rights Council symbols (with and without the year), by a lettered
// part's resolution and an old-style symbol; `--kind instrument` finds a
// convention.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from './fake-io.js';

let dir: string;
let index: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unres-cites-'));
  index = join(dir, 'index');
  writeFileSync(
    join(dir, 'sc.txt'),
    ['S/RES/500 (1982)', '', 'إن مجلس الأمن،', '', '- يدعو جميع الأطراف إلى تنفيذ قرار مجلس الأمن رقم 242 (1967) بجميع أجزائه.', ''].join('\n'),
  );
  writeFileSync(
    join(dir, 'hrc.txt'),
    ['إن مجلس حقوق الإنسان،', '', 'إذ يشير إلى قرار مجلس حقوق الإنسان 40/7 وإلى قرار الجمعية العامة 37/120 ألف و 1514 (د-15)،', '', '1 - يقرر مواصلة النظر في المسألة.', ''].join('\n'),
  );
  writeFileSync(
    join(dir, 'convention.txt'),
    ['اتفاقية بشأن التعاون', '', 'إن الدول الأطراف في هذه الاتفاقية،', '', 'إذ تضع في اعتبارها أهمية التعاون،', '', 'قد اتفقت على ما يلي:', '', 'المادة 1', '', 'تتعاون الدول الأطراف.', ''].join('\n'),
  );
  const ingest = await runMain(['ingest', dir, '--index', index]);
  expect(ingest.code, ingest.stderr).toBe(0);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const clausesCiting = async (query: string, cites: string): Promise<string[]> => {
  const result = await runMain(['search', query, '--cites', cites, '--json', '--index', index]);
  expect(result.code === 0 || result.code === 1, result.stderr).toBe(true);
  return (JSON.parse(result.stdout) as Array<{ doc: string; clause: string }>).map((h) => `${h.doc}#${h.clause}`);
};

describe('--cites for every organ', () => {
  it.each(['S/RES/242', 'S/RES/242 (1967)', 's/res/242(1967)'])('--cites %s finds the Security Council citation', async (cites) => {
    // Which clause kind "- يدعو" is belongs to the structure stage; the citing clause is the one found.
    expect((await clausesCiting('يدعو', cites)).map((ref) => ref.split('#')[0])).toEqual(['S-RES-500-1982']);
  });

  it.each(['A/HRC/RES/40/7', 'a/hrc/res/40/7', '40/7'])('--cites %s finds the Human Rights Council citation', async (cites) => {
    expect(await clausesCiting('يشير', cites)).toEqual(['hrc#pp1']);
  });

  it.each(['A/RES/37/120', 'A/RES/37/120A', 'A/RES/1514(XV)', 'A/RES/1514'])('--cites %s finds a lettered or old-style GA citation', async (cites) => {
    expect(await clausesCiting('يشير', cites)).toEqual(['hrc#pp1']);
  });

  it('finds nothing for a resolution not cited', async () => {
    expect(await clausesCiting('يدعو', 'S/RES/338')).toEqual([]);
  });

  it('refuses what is not a symbol', async () => {
    const result = await runMain(['search', 'x', '--cites', 'nope', '--index', index]);
    expect(result.code).toBe(2);
  });
});

describe('--kind instrument', () => {
  it('finds the convention', async () => {
    const result = await runMain(['search', 'تتعاون', '--kind', 'instrument', '--json', '--index', index]);
    expect((JSON.parse(result.stdout) as Array<{ doc: string }>).map((h) => h.doc)).toEqual(['convention']);
  });
});
