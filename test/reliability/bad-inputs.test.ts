// What users point unres at: folders where texts sit beside PDFs, Word files
// and images, files that are not documents under a .txt name, empty files, and a
// download that stopped in the middle of a character. Each bad file is one
// stderr line naming it and saying what it looks like, counted as failed; the
// rest are indexed. See docs/reliability.md ("Bad input").
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnresDocument } from '../../src/types.js';
import { ROOT, SEEDS, expectOneLineFailure, listIds, setUpCli, tearDownCli, unres } from './support/cli.js';

const CRAFTED = join(ROOT, 'fixtures', 'crafted', 'reliability');
const seedNames = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every kind of file that is not text, as bytes, and what the one line must say about it. */
const NOT_TEXT: ReadonlyArray<{ name: string; bytes: () => Buffer; says: RegExp }> = [
  // The start of a PDF whose download stopped: it has no end-of-file marker.
  { name: 'scan.txt', bytes: () => Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), says: /is a PDF cut short/ },
  // A Word document cut short: its ZIP directory, at the end, is missing.
  { name: 'letter.txt', bytes: () => readFileSync(join(CRAFTED, 'letter.docx')).subarray(0, -100), says: /Word document \(DOCX\).*missing or damaged/ },
  { name: 'archive.md', bytes: () => readFileSync(join(CRAFTED, 'archive.zip')), says: /looks like a ZIP archive/ },
  {
    name: 'photo.md',
    bytes: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0', 'latin1')]),
    says: /looks like a PNG image, not text/,
  },
  { name: 'binary.txt', bytes: () => Buffer.concat([Buffer.from('نص عربي قصير', 'utf8'), Buffer.from([0, 0, 1, 2, 0xff, 0, 7])]), says: /contains NUL bytes: binary data, not text/ },
  { name: 'utf16.txt', bytes: () => Buffer.from('Distr.: General 2017', 'utf16le'), says: /looks like UTF-16 text without a byte-order mark/ },
  { name: 'empty.txt', bytes: () => Buffer.alloc(0), says: /is empty$/ },
  { name: 'blank.md', bytes: () => Buffer.from(' \n\t\r\n  \n'), says: /is empty: it holds only whitespace/ },
];

/** Seed 002 cut one byte into its last multi-byte character: a download that stopped. */
function halfDownloaded(): { bytes: Buffer; full: Buffer } {
  const full = readFileSync(join(SEEDS, seedNames[2]!));
  let lead = full.length - 1;
  while (full[lead]! < 0xc2) lead--;
  return { bytes: full.subarray(0, lead + 1), full };
}

let scratch: string;
let mixed: string;

beforeAll(async () => {
  scratch = await setUpCli('bad-inputs');
  // seeds 0, 1, 3, 4 as they are; seed 2 half downloaded; one .md in a subfolder
  mixed = join(scratch, 'mixed');
  mkdirSync(join(mixed, 'notes'), { recursive: true });
  for (const [i, name] of seedNames.entries()) if (i !== 2) copyFileSync(join(SEEDS, name), join(mixed, name));
  copyFileSync(join(ROOT, 'fixtures', 'crafted', 'families', 'plain-notes.txt'), join(mixed, 'notes', 'field-visit.md'));
  writeFileSync(join(mixed, 'download.txt'), halfDownloaded().bytes);
  for (const bad of NOT_TEXT) writeFileSync(join(mixed, bad.name), bad.bytes());
  // Beside the texts, under their own extensions: a damaged PDF and a Word document unres reads, an image it does not.
  writeFileSync(join(mixed, 'scan.pdf'), NOT_TEXT[0]!.bytes());
  copyFileSync(join(CRAFTED, 'letter.docx'), join(mixed, 'letter.docx'));
  writeFileSync(join(mixed, 'photo.png'), NOT_TEXT[3]!.bytes());
}, 120_000);

afterAll(tearDownCli);

describe('a folder of texts mixed with files that are not text', () => {
  let index: string;
  let first: Awaited<ReturnType<typeof unres>>;

  beforeAll(async () => {
    index = join(scratch, 'mixed-index');
    first = await unres(['ingest', mixed, '--index', index]);
  }, 60_000);

  it('indexes the texts, counts each bad file as failed, exits 2', () => {
    expect(first.code).toBe(2);
    // 4 seeds + the .md in the subfolder + the half-downloaded seed + letter.docx; scan.pdf fails too
    expect(first.stdout).toBe(`7 added, 0 updated, 0 unchanged, ${NOT_TEXT.length + 1} failed; 1 skipped: not a format unres reads\n`);
  });

  it('says on one stderr line per bad file which file it is and what it looks like', () => {
    const lines = first.stderr.trimEnd().split('\n');
    const failures = lines.filter((l) => !l.startsWith('unres: warning: '));
    expect(failures).toHaveLength(NOT_TEXT.length + 1);
    for (const bad of NOT_TEXT) {
      const line = failures.find((l) => l.startsWith(`unres: ${join(mixed, bad.name)}: `));
      expect(line, `no line for ${bad.name} in:\n${first.stderr}`).toBeDefined();
      expect(line).toMatch(bad.says);
    }
    expect(first.stderr).not.toMatch(/\n\s+at /);
  });

  it('skips files in a folder that are not of a format unres reads, without counting them', () => {
    expect(first.stderr).not.toMatch(/photo\.png|letter\.docx/);
    expect(first.stderr).toMatch(/scan\.pdf: .*PDF/);
  });

  it('reads a half-downloaded UTF-8 file as UTF-8 with its broken last character dropped, and warns once', async () => {
    const warnings = first.stderr.split('\n').filter((l) => l.startsWith('unres: warning: '));
    expect(warnings).toEqual([
      `unres: warning: ${join(mixed, 'download.txt')}: ends in the middle of a UTF-8 character (cut short: a download that did not finish?); read without that last character`,
    ]);
    const stored = JSON.parse((await unres(['show', 'download.txt', '--json', '--index', index])).stdout) as UnresDocument;
    const { bytes, full } = halfDownloaded();
    expect(stored.source.encoding).toBe('utf-8-cut-short') // the decoder records the cut;
    expect(stored.source.sha256).toBe(sha256(bytes)); // the file's own: re-ingesting it is a no-op
    const whole = JSON.parse((await unres(['parse', join(SEEDS, seedNames[2]!), '--json'])).stdout) as UnresDocument;
    expect(whole.source.sha256).toBe(sha256(full));
    expect(stored.title).toBe(whole.title);
    // Every clause but the cut last one reads exactly as in the whole file.
    const cut = stored.clauses.slice(0, -1);
    expect(cut.length).toBeGreaterThan(3);
    for (const clause of cut) expect(clause.text).toBe(whole.clauses.find((c) => c.id === clause.id)?.text);
  });

  it('is a no-op the second time (bad files fail again, the warning is not repeated)', async () => {
    const again = await unres(['ingest', mixed, '--index', index]);
    expect(again.code).toBe(2);
    expect(again.stdout).toBe(`0 added, 0 updated, 7 unchanged, ${NOT_TEXT.length + 1} failed; 1 skipped: not a format unres reads\n`);
    expect(again.stderr).not.toContain('warning');
    expect(await listIds(index)).toHaveLength(7);
  });

  it('replaces the half-downloaded document when the whole file arrives', async () => {
    const { full } = halfDownloaded();
    const before = await listIds(index);
    writeFileSync(join(mixed, 'download.txt'), full);
    try {
      const complete = await unres(['ingest', join(mixed, 'download.txt'), '--index', index]);
      expect(complete.stderr).toBe('');
      expect(complete.stdout).toBe('0 added, 1 updated, 0 unchanged, 0 failed\n');
      expect(await listIds(index)).toEqual(before);
      const stored = JSON.parse((await unres(['show', 'download.txt', '--json', '--index', index])).stdout) as UnresDocument;
      expect(stored.source.sha256).toBe(sha256(full));
    } finally {
      writeFileSync(join(mixed, 'download.txt'), halfDownloaded().bytes);
    }
  });
});

describe('a file that is not text, named on the command line', () => {
  it('fails whatever its name: one line each naming it and saying what it looks like, exit 2; the others are indexed', async () => {
    const index = join(scratch, 'named');
    // Each bad file under its .txt/.md name, the same under its real extension, and one good seed.
    const named = [...NOT_TEXT.map((bad) => join(mixed, bad.name)), ...['scan.pdf', 'letter.docx', 'photo.png'].map((n) => join(mixed, n))];
    const result = await unres(['ingest', ...named, join(SEEDS, seedNames[0]!), '--index', index]);
    expect(result.code).toBe(2);
    // letter.docx is a Word document unres reads: indexed beside the seed.
    const failing = named.filter((path) => !path.endsWith('letter.docx'));
    expect(result.stdout).toBe(`2 added, 0 updated, 0 unchanged, ${failing.length} failed\n`);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(failing.length);
    for (const [i, line] of lines.entries()) expect(line.startsWith(`unres: ${failing[i]}: `), line).toBe(true);
    for (const bad of NOT_TEXT) expect(lines.find((l) => l.startsWith(`unres: ${join(mixed, bad.name)}: `))).toMatch(bad.says);
    const [pdf, png] = lines.slice(NOT_TEXT.length);
    expect(pdf).toMatch(/scan\.pdf: .*PDF/);
    expect(png).toMatch(/photo\.png: looks like a PNG image, not text/);
  });

  it('parse says the same, exit 2', async () => {
    for (const bad of [NOT_TEXT[1]!, NOT_TEXT[6]!]) {
      expect(expectOneLineFailure(await unres(['parse', join(mixed, bad.name)]), 2)).toMatch(bad.says);
    }
  });

  it('from standard input: names it by --stdin-name', async () => {
    const result = await unres(['ingest', '-', '--stdin-name', 'pasted.txt', '--index', join(scratch, 'stdin')], { stdin: NOT_TEXT[0]!.bytes() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^unres: pasted\.txt: is a PDF cut short \(it has no end-of-file marker: a download that did not finish\?\)\n$/);
  });
});
