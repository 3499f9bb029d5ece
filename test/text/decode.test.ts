import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { decodeBytes, decodeBytesSync, type Decoded } from '../../src/text/decode.js';
import { cpuTimed } from '../helpers/cpu-time.js';

const projectFile = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

const SEED = readFileSync(projectFile('seeds/003_c328bc31ea94c91f.txt'), 'utf8');
const SEED_LINES = SEED.split('\n');
/** A long preamble line: letters, hamza forms, harakat, shadda, Arabic comma. */
const ARABIC_LINE = SEED_LINES.find((line) => line.startsWith('إذ يُعرب مجدداً'))!;
/** The legacy code pages have no Arabic-Indic digits: the seed with ASCII digits instead. */
const SEED_FOR_LEGACY = SEED.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));

const bytesOf = (...parts: (ArrayLike<number> | Buffer)[]): Uint8Array => Buffer.concat(parts.map((p) => Buffer.from(p as ArrayLike<number>)));
const ascii = (text: string): Uint8Array => Buffer.from(text, 'latin1');

function utf16be(text: string): Buffer {
  return iconv.encode(text, 'utf-16be');
}

/** The InputError decodeBytesSync throws, or a test failure. */
function syncError(bytes: Uint8Array, name = 'in.txt'): InputError {
  try {
    decodeBytesSync(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

async function asyncError(bytes: Uint8Array, name = 'in.txt'): Promise<InputError> {
  const error: unknown = await decodeBytes(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

/** Both variants agree on text input. */
async function decodeBoth(bytes: Uint8Array): Promise<Decoded> {
  const sync = decodeBytesSync(bytes, 'in.txt');
  expect(await decodeBytes(bytes, 'in.txt')).toEqual(sync);
  return sync;
}

describe('sample text', () => {
  it('round-trips through both legacy code pages', () => {
    expect(ARABIC_LINE.length).toBeGreaterThan(100);
    for (const encoding of ['windows-1256', 'iso-8859-6']) {
      expect(iconv.decode(iconv.encode(ARABIC_LINE, encoding), encoding)).toBe(ARABIC_LINE);
      expect(iconv.decode(iconv.encode(SEED_FOR_LEGACY, encoding), encoding)).toBe(SEED_FOR_LEGACY);
    }
  });
});

describe('Unicode encodings', () => {
  it('reads UTF-8 without a BOM as utf-8', async () => {
    expect(await decodeBoth(Buffer.from(SEED))).toEqual({ text: SEED, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM as utf-8-bom and drops the BOM', async () => {
    const decoded = await decodeBoth(bytesOf([0xef, 0xbb, 0xbf], Buffer.from(ARABIC_LINE)));
    expect(decoded).toEqual({ text: ARABIC_LINE, encoding: 'utf-8-bom' });
  });

  it('drops exactly one BOM: a second one is content', async () => {
    const decoded = await decodeBoth(bytesOf([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], Buffer.from('نص')));
    expect(decoded.text).toBe('\ufeffنص');
  });

  it('reads UTF-16LE with a BOM as utf-16le', async () => {
    const decoded = await decodeBoth(bytesOf([0xff, 0xfe], iconv.encode(SEED, 'utf-16le')));
    expect(decoded).toEqual({ text: SEED, encoding: 'utf-16le' });
  });

  it('reads UTF-16BE with a BOM as utf-16be', async () => {
    const decoded = await decodeBoth(bytesOf([0xfe, 0xff], utf16be(SEED)));
    expect(decoded).toEqual({ text: SEED, encoding: 'utf-16be' });
  });

  it('keeps characters outside the BMP in UTF-16 (surrogate pairs)', async () => {
    const text = `${ARABIC_LINE} 𝟙`;
    expect((await decodeBoth(bytesOf([0xfe, 0xff], utf16be(text)))).text).toBe(text);
    expect((await decodeBoth(bytesOf([0xff, 0xfe], iconv.encode(text, 'utf-16le')))).text).toBe(text);
  });
});

describe('legacy Arabic code pages', () => {
  it('reads a Windows-1256 document as windows-1256', async () => {
    const decoded = await decodeBoth(iconv.encode(SEED_FOR_LEGACY, 'windows-1256'));
    expect(decoded).toEqual({ text: SEED_FOR_LEGACY, encoding: 'windows-1256' });
  });

  it('reads an ISO-8859-6 document as iso-8859-6', async () => {
    const decoded = await decodeBoth(iconv.encode(SEED_FOR_LEGACY, 'iso-8859-6'));
    expect(decoded).toEqual({ text: SEED_FOR_LEGACY, encoding: 'iso-8859-6' });
  });

  it('tells the two apart on a single line', () => {
    for (const encoding of ['windows-1256', 'iso-8859-6']) {
      expect(decodeBytesSync(iconv.encode(ARABIC_LINE, encoding), 'in.txt')).toEqual({ text: ARABIC_LINE, encoding });
    }
  });

  it('tells the two apart on nearly every Arabic line of the seed', () => {
    // Lines of a word or two can be Arabic in both tables; whole files never are.
    const lines = SEED_FOR_LEGACY.split('\n').filter((line) => /[\u0621-\u064a]/.test(line));
    for (const encoding of ['windows-1256', 'iso-8859-6']) {
      const right = lines.filter((line) => decodeBytesSync(iconv.encode(line, encoding), 'in.txt').encoding === encoding);
      expect(right.length / lines.length).toBeGreaterThan(0.95);
    }
  });

  it('takes letters that only Windows-1256 has (Persian peh, gaf) as windows-1256', () => {
    const text = 'پژوهش گزارش';
    expect(decodeBytesSync(iconv.encode(text, 'windows-1256'), 'in.txt')).toEqual({ text, encoding: 'windows-1256' });
  });

  it('takes bytes 0x80-0x9F, C1 controls in ISO-8859-6, as windows-1256', () => {
    // 0x93 0x94 are curly quotes in Windows-1256.
    const decoded = decodeBytesSync(bytesOf([0x93], iconv.encode('السلام', 'windows-1256'), [0x94]), 'in.txt');
    expect(decoded).toEqual({ text: '“السلام”', encoding: 'windows-1256' });
  });

  it('takes heh, waw, yeh at 0xE7-0xEA (French letters in Windows-1256) as iso-8859-6', () => {
    const text = 'وهي';
    expect(decodeBytesSync(iconv.encode(text, 'iso-8859-6'), 'in.txt')).toEqual({ text, encoding: 'iso-8859-6' });
  });
});

describe('line ends', () => {
  const crlf = 'السطر الأول\r\nالسطر الثاني\r\n';

  it('leaves CRLF and lone CR as they are in every encoding', async () => {
    const withCr = `${crlf}\rآخر`;
    expect((await decodeBoth(Buffer.from(withCr))).text).toBe(withCr);
    expect((await decodeBoth(bytesOf([0xef, 0xbb, 0xbf], Buffer.from(withCr)))).text).toBe(withCr);
    expect((await decodeBoth(bytesOf([0xff, 0xfe], iconv.encode(withCr, 'utf-16le')))).text).toBe(withCr);
    expect((await decodeBoth(bytesOf([0xfe, 0xff], utf16be(withCr)))).text).toBe(withCr);
    expect((await decodeBoth(iconv.encode(withCr, 'windows-1256'))).text).toBe(withCr);
    expect((await decodeBoth(iconv.encode(withCr, 'iso-8859-6'))).text).toBe(withCr);
  });
});

// ---------------------------------------------------------------------------

/** A ZIP of stored entries: enough of the format for signature sniffing. */
function zipOf(entries: ReadonlyArray<readonly [string, string]>): Uint8Array {
  const parts: Buffer[] = [];
  for (const [name, content] of entries) {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(Buffer.byteLength(content), 18);
    header.writeUInt32LE(Buffer.byteLength(content), 22);
    header.writeUInt16LE(Buffer.byteLength(name), 26);
    parts.push(header, Buffer.from(name), Buffer.from(content));
  }
  return Buffer.concat(parts);
}

const TINY_PDF = readFileSync(projectFile('fixtures/crafted/decode/tiny.pdf'));

interface NotTextCase {
  kind: string;
  bytes: Uint8Array;
  message: RegExp;
}

const NOT_TEXT: NotTextCase[] = [
  { kind: 'an empty file', bytes: new Uint8Array(0), message: /is empty/ },
  { kind: 'a whitespace-only file', bytes: ascii(' \n\t\r\n  '), message: /is empty/ },
  { kind: 'a BOM and whitespace', bytes: bytesOf([0xef, 0xbb, 0xbf], ascii('  \n')), message: /is empty/ },
  { kind: 'UTF-16 whitespace', bytes: bytesOf([0xff, 0xfe], iconv.encode(' \u00a0\n', 'utf-16le')), message: /is empty/ },
  { kind: 'a BOM alone', bytes: bytesOf([0xfe, 0xff]), message: /is empty/ },
  { kind: 'a tiny real PDF', bytes: TINY_PDF, message: /looks like a PDF document, not text: convert it to text first/ },
  { kind: 'a bare PDF header', bytes: ascii('%PDF-1.7\n'), message: /looks like a PDF document/ },
  { kind: 'a ZIP header', bytes: bytesOf([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), message: /ZIP archive.*DOCX, XLSX or ODT/ },
  { kind: 'an empty ZIP', bytes: bytesOf([0x50, 0x4b, 0x05, 0x06], new Uint8Array(18)), message: /ZIP archive/ },
  {
    kind: 'a DOCX',
    bytes: zipOf([
      ['[Content_Types].xml', '<Types/>'],
      ['word/document.xml', '<w:document/>'],
    ]),
    message: /looks like a Word document \(DOCX\)/,
  },
  {
    kind: 'an XLSX',
    bytes: zipOf([
      ['[Content_Types].xml', '<Types/>'],
      ['xl/workbook.xml', '<workbook/>'],
    ]),
    message: /Excel workbook \(XLSX\)/,
  },
  {
    kind: 'an ODT',
    bytes: zipOf([
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
      ['content.xml', '<office:document-content/>'],
    ]),
    message: /OpenDocument text \(ODT\)/,
  },
  {
    kind: 'a legacy Office OLE file',
    bytes: bytesOf([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Uint8Array(24)),
    message: /legacy Microsoft Office document/,
  },
  {
    kind: 'a PNG signature',
    bytes: bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], ascii('IHDR')),
    message: /looks like a PNG image/,
  },
  { kind: 'a JPEG', bytes: bytesOf([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], ascii('JFIF')), message: /looks like a JPEG image/ },
  { kind: 'a GIF', bytes: ascii('GIF89a\x01\x00\x01\x00'), message: /looks like a GIF image/ },
  { kind: 'an RTF document', bytes: ascii('{\\rtf1\\ansi\\ansicpg1256 \\\'c7\\\'e1}'), message: /looks like an RTF document/ },
  { kind: 'NUL bytes', bytes: bytesOf(Buffer.from('نص'), [0x00], Buffer.from('آخر')), message: /contains NUL bytes: binary data, not text/ },
  {
    kind: 'UTF-16 without a BOM',
    bytes: iconv.encode('The General Assembly, الجمعية العامة', 'utf-16le'),
    message: /contains NUL bytes: looks like UTF-16 text without a byte-order mark/,
  },
  { kind: 'a NUL character in UTF-16', bytes: bytesOf([0xff, 0xfe], iconv.encode('نص\0', 'utf-16le')), message: /NUL/ },
  { kind: 'an odd-length UTF-16 file', bytes: bytesOf([0xff, 0xfe, 0x41, 0x00, 0x42]), message: /not valid UTF-16LE/ },
  { kind: 'a lone surrogate in UTF-16BE', bytes: bytesOf([0xfe, 0xff, 0xd8, 0x00, 0x00, 0x41]), message: /not valid UTF-16BE/ },
  { kind: 'a UTF-8 BOM before invalid UTF-8', bytes: bytesOf([0xef, 0xbb, 0xbf, 0xc7, 0xe1]), message: /not valid UTF-8/ },
  { kind: 'UTF-32', bytes: bytesOf([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), message: /UTF-32/ },
];

describe('input that is not text', () => {
  it.each(NOT_TEXT)('rejects $kind with one line naming the file', async ({ bytes, message }) => {
    for (const error of [syncError(bytes, 'docs/a.txt'), await asyncError(bytes, 'docs/a.txt')]) {
      expect(error.message).toMatch(message);
      expect(error.message.startsWith('docs/a.txt: ')).toBe(true);
      expect(error.message).not.toMatch(/[\r\n]/);
      expect(error.file).toBe('docs/a.txt');
      expect(error.exitCode).toBe(2);
    }
  });

  it('says "is empty" for an empty file', () => {
    expect(syncError(new Uint8Array(0), 'a.txt').message).toBe('a.txt: is empty');
  });

  it('names a binary format the built-in table does not know with file-type (async only)', async () => {
    const gzip = bytesOf([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x01, 0x02]);
    expect(syncError(gzip).message).toMatch(/contains NUL bytes: binary data, not text/);
    expect((await asyncError(gzip)).message).toMatch(/looks like a GZ file \(application\/gzip\), not text/);
  });

  it('keeps the built-in verdict when file-type only says "zip"', async () => {
    const zip = zipOf([['notes.txt', 'hello']]);
    expect((await asyncError(zip)).message).toBe(syncError(zip).message);
  });
});

// ---------------------------------------------------------------------------

/** Starts that steer arbitrary bytes into every branch. */
const PREFIXES = [
  [],
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0xff, 0xfe, 0x00, 0x00],
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x25, 0x50, 0x44, 0x46, 0x2d],
  [0xc7, 0xe1],
] as const;

describe('property', () => {
  it('decodeBytesSync returns a string or throws InputError, for any bytes', () => {
    const inputs = fc
      .tuple(fc.constantFrom(...PREFIXES), fc.uint8Array({ maxLength: 300 }))
      .map(([prefix, rest]) => bytesOf(prefix, rest));
    fc.assert(
      fc.property(inputs, (bytes) => {
        try {
          const decoded = decodeBytesSync(bytes, 'any.bin');
          return typeof decoded.text === 'string' && typeof decoded.encoding === 'string';
        } catch (error) {
          return error instanceof InputError && !error.message.includes('\n');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('ZIP headers with arbitrary sizes and names never throw anything but InputError', () => {
    const header = fc.uint8Array({ minLength: 26, maxLength: 200 }).map((rest) => bytesOf([0x50, 0x4b, 0x03, 0x04], rest));
    fc.assert(
      fc.property(header, (bytes) => {
        expect(() => decodeBytesSync(bytes, 'any.zip')).toThrow(InputError);
      }),
    );
  });
});

describe('speed', () => {
  it('decodes 10 MB in each encoding in linear time', () => {
    const copies = Math.ceil(10_000_000 / Buffer.byteLength(SEED_FOR_LEGACY));
    const big = SEED_FOR_LEGACY.repeat(copies);
    const inputs: [string, Uint8Array][] = [
      ['utf-8', Buffer.from(big)],
      ['utf-16le', bytesOf([0xff, 0xfe], iconv.encode(big, 'utf-16le'))],
      ['windows-1256', iconv.encode(big, 'windows-1256')],
      ['iso-8859-6', iconv.encode(big, 'iso-8859-6')],
    ];
    for (const [encoding, bytes] of inputs) {
      const { result, cpuMs } = cpuTimed(() => decodeBytesSync(bytes, 'big.txt'));
      expect(result.encoding).toBe(encoding);
      expect(cpuMs).toBeLessThan(2_000);
    }
    const nulAtEnd = bytesOf(Buffer.alloc(10_000_000, 0x41), [0]);
    const { cpuMs } = cpuTimed(() => expect(() => decodeBytesSync(nulAtEnd, 'big.bin')).toThrow(/NUL/));
    expect(cpuMs).toBeLessThan(2_000);
  });
});
