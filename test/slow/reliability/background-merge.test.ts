// A long `unres ingest` merges beside its batches (src/store/background-merges.ts):
// 5,600 small files are 12 batches; the tenth batch's commit starts a merge on
// the merge thread while the last two are parsed and committed, and the last
// waits for it. Every document must be there once, the folder must hold only
// what the manifest names, and a second run must find every file unchanged.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIds, setUpCli, tearDownCli, unres } from '../../reliability/support/cli.js';

const FILES = 5_600;
let scratch = '';

beforeAll(async () => {
  scratch = await setUpCli('background-merge');
}, 300_000);
afterAll(tearDownCli);

function text(n: number): string {
  return [
    'الأمم المتحدة',
    `A/RES/60/${n}`,
    'الجمعية العامة',
    'إن الجمعية العامة،',
    `1 - تحث الدول على حماية الأطفال في البلد رقم ${n}؛`,
    '2 - تقرر أن تبقي المسألة قيد نظرها.',
    '',
  ].join('\n');
}

describe.skipIf(!process.env.UNRES_SLOW)('a long ingest merging beside its batches', () => {
  it('keeps every document once, leaves nothing the manifest does not name, and finds it all unchanged again', async () => {
    const folder = join(scratch, 'many');
    mkdirSync(folder);
    for (let n = 1; n <= FILES; n++) writeFileSync(join(folder, `r${String(n).padStart(5, '0')}.txt`), text(n));
    const index = join(scratch, 'index');
    const first = await unres(['ingest', folder, '--index', index, '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ added: FILES, failed: 0 });
    const ids = await listIds(index);
    expect(ids).toHaveLength(FILES);
    expect(new Set(ids).size).toBe(FILES);
    const manifest = JSON.parse(readFileSync(join(index, 'manifest.json'), 'utf8')) as { body: { segments: { name: string }[] } };
    const named = manifest.body.segments.map((s) => s.name).sort();
    expect(readdirSync(join(index, 'segments')).sort()).toEqual(named);
    // The policy's merges were done: 12 batch segments do not stay 12.
    expect(named.length).toBeLessThan(12);
    const hit = await unres(['search', 'البلد رقم 4321', '--index', index, '--json', '--limit', '1']);
    expect(hit.code, hit.stderr).toBe(0);
    expect(hit.stdout).toContain('A-RES-60-4321');
    const again = await unres(['ingest', folder, '--index', index, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, unchanged: FILES });
  }, 600_000);
});
