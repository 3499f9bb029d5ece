// Files of each format that cannot be read: one line naming the file and the
// problem, exit 2, and the run stays bounded (the decoders refuse early: a
// missing end-of-file marker, a missing ZIP directory, a page over 16 MB).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocumentBytes } from '../../src/structure/parse.js';
import { expectOneLineFailure, setUpCli, tearDownCli, unres } from '../reliability/support/cli.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'formats');
const file = (name: string) => readFileSync(join(DIR, name));

/** A one-page PDF whose only content is an image: what a scanner makes. */
function scannedPdf(): Buffer {
  const pixel = Buffer.from([0x80]);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>',
    null, // content stream
    null, // image
  ];
  const content = 'q 595 0 0 842 0 0 cm /Im0 Do Q';
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  const chunks: Buffer[] = [];
  const push = (s: string | Buffer) => {
    const b = typeof s === 'string' ? Buffer.from(s, 'latin1') : s;
    chunks.push(b);
    out = '';
    return b.length;
  };
  let size = push(out);
  objects.forEach((body, i) => {
    offsets.push(size);
    if (i === 3) size += push(`4 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`);
    else if (i === 4) {
      size += push(`5 0 obj\n<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n`);
      size += push(pixel);
      size += push('\nendstream\nendobj\n');
    } else size += push(`${i + 1} 0 obj\n${body}\nendobj\n`);
  });
  const xref = size;
  push(`xref\n0 6\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

/** A PDF whose text is set in a symbolic font with no Unicode map: its codes come out as control characters (old Arabic fonts). */
function unmappedFontPdf(): Buffer {
  const text = Array.from({ length: 40 }, (_, i) => '\\' + (1 + (i % 20)).toString(8).padStart(3, '0')).join('');
  const content = `BT /F1 12 Tf 72 700 Td (${text}) Tj ET`;
  const descriptor = '<< /Type /FontDescriptor /FontName /OldArabic /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Type /Font /Subtype /TrueType /BaseFont /OldArabic /FirstChar 0 /LastChar 255 /Widths [${Array(256).fill(500).join(' ')}] /FontDescriptor ${descriptor} >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 6\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A DOCX whose directory says its document inflates to 300 MB (a ZIP bomb is refused before it is unpacked). */
function inflatingDocx(): Buffer {
  const zip = zipOf('word/document.xml', '<w:document/>');
  const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  zip.writeUInt32LE(300_000_000, central + 24);
  return zip;
}

/** A ZIP (stored entries, with its central directory) that holds no Word document. */
function zipOf(name: string, text: string): Buffer {
  const data = Buffer.from(text);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const localPart = Buffer.concat([local, nameBytes, data]);
  const centralPart = Buffer.concat([central, nameBytes]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralPart.length, 12);
  end.writeUInt32LE(localPart.length, 16);
  return Buffer.concat([localPart, centralPart, end]);
}

const HOSTILE: ReadonlyArray<{ name: string; bytes: () => Buffer; format?: string; says: RegExp }> = [
  { name: 'cut.pdf', bytes: () => file('seed-000.pdf').subarray(0, 20_000), says: /is a PDF cut short/ },
  { name: 'locked.pdf', bytes: () => file('hostile/encrypted.pdf'), says: /is an encrypted PDF that needs a password/ },
  { name: 'scan.pdf', bytes: scannedPdf, says: /is a PDF with no text layer \(scanned pages\?\)/ },
  { name: 'archive.docx', bytes: () => zipOf('notes/readme.txt', 'hello'), says: /looks like a ZIP archive/ },
  { name: 'archive.bin', bytes: () => zipOf('notes/readme.txt', 'hello'), format: 'docx', says: /is a ZIP archive but not a Word document \(DOCX\)/ },
  { name: 'nomap.pdf', bytes: unmappedFontPdf, says: /is a PDF whose fonts do not say which letters their glyphs are/ },
  { name: 'junk.pdf', bytes: () => Buffer.from('%PDF-1.7\n' + 'not a PDF body '.repeat(200) + '\n%%EOF\n', 'latin1'), says: /is a damaged PDF/ },
  { name: 'bomb.docx', bytes: inflatingDocx, says: /whose parts inflate to 300 MB, more than unres reads/ },
  { name: 'cut.docx', bytes: () => file('seed-000.docx').subarray(0, 3000), says: /Word document \(DOCX\).*missing or damaged/ },
  // Cut before its directory names a WordDocument stream: no longer recognisable as Word.
  { name: 'cut.doc', bytes: () => file('seed-000.doc').subarray(0, 3000), says: /legacy Microsoft Office document|Word document \(DOC\) that cannot be read/ },
];

let scratch: string;
beforeAll(async () => {
  scratch = await setUpCli('formats-hostile');
}, 120_000);
afterAll(tearDownCli);

describe('hostile files, through unres parse', () => {
  it.each(HOSTILE.map((h) => [h.name, h] as const))('%s: one line, exit 2', async (_, hostile) => {
    const args = ['parse', '-', '--stdin-name', hostile.name, ...(hostile.format ? ['--format', hostile.format] : [])];
    const line = expectOneLineFailure(await unres(args, { stdin: hostile.bytes() }), 2);
    expect(line).toMatch(new RegExp(`^unres: ${hostile.name.replace('.', '\\.')}: `));
    expect(line).toMatch(hostile.says);
  });

  it('an unknown --format is bad usage, exit 2', async () => {
    const result = await unres(['parse', '-', '--format', 'odt'], { stdin: Buffer.from('x') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--format.*expected one of text, html, pdf, docx, doc/);
  });

  it('--format names what standard input holds', async () => {
    const result = await unres(['parse', '-', '--json', '--format', 'html', '--stdin-name', 'page'], { stdin: Buffer.from('<p>إن الجمعية العامة،</p>') });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).source).toMatchObject({ path: 'page', format: 'html' });
  });
});

describe('a 50 MB web page', () => {
  it('is refused before it is parsed', async () => {
    const row = '<p>إن الجمعية العامة، إذ تشير إلى قراراتها السابقة</p>\n';
    const page = Buffer.from(`<!DOCTYPE html><html><body>${row.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(row)))}</body></html>`);
    expect(page.length).toBeGreaterThan(50 * 1024 * 1024);
    await expect(parseDocumentBytes(page, 'huge.html')).rejects.toThrow(/^huge\.html: is an HTML page of 50\.0 MB, more than the 16 MB unres reads from a web page$/);
  });
});
