// Formats are found from content: magic bytes, then the opening of a web page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, formatFromName } from '../../src/decode/detect.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'formats');
const file = (name: string) => readFileSync(join(DIR, name));

describe('detectFormat', () => {
  it('knows each rendering by its content, whatever it is called', () => {
    for (const ext of ['pdf', 'docx', 'doc', 'html'] as const) {
      expect(detectFormat(file(`seed-000.${ext}`), 'download.txt')).toBe(ext);
      expect(detectFormat(file(`seed-000.${ext}`), 'no-extension')).toBe(ext);
    }
  });

  it('finds a PDF header after junk a mailer put in front', () => {
    expect(detectFormat(Buffer.concat([Buffer.from('\r\n\r\n'), file('r-001.pdf')]), 'x')).toBe('pdf');
  });

  it('leaves text, markdown, other ZIPs and other Office files to the text decoder', () => {
    expect(detectFormat(Buffer.from('إن الجمعية العامة،\n**١ - تقرر**'), 'a.md')).toBe('text');
    expect(detectFormat(Buffer.from('PK\x03\x04 xl/workbook.xml', 'latin1'), 'a.xlsx')).toBe('text');
    const excel = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('Workbook', 'utf16le')]);
    expect(detectFormat(excel, 'a.xls')).toBe('text');
  });

  it('takes a page by its opening markup, and a fragment only under an HTML name', () => {
    expect(detectFormat(Buffer.from('\ufeff<!-- saved -->\n<!doctype html><p>نص</p>'), 'page')).toBe('html');
    expect(detectFormat(Buffer.from('<HTML><BODY>نص'), 'page.txt')).toBe('html');
    expect(detectFormat(Buffer.from('<p>نص</p>'), 'part.htm')).toBe('html');
    expect(detectFormat(Buffer.from('<p>نص</p>'), 'part.txt')).toBe('text');
    expect(detectFormat(Buffer.from('نص فيه <b>وسم</b>'), 'a.html')).toBe('text');
  });
});

describe('formatFromName', () => {
  it('reads what --format takes', () => {
    expect(formatFromName('PDF')).toBe('pdf');
    expect(formatFromName('htm')).toBe('html');
    expect(formatFromName('markdown')).toBe('text');
    expect(formatFromName('odt')).toBeNull();
  });
});
