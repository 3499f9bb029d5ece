// DOCX -> text, through mammoth: it reads Word's paragraphs, bold runs, list
// numbering and footnotes into HTML (footnote references as <sup> links, the
// notes as a list at the end), which the HTML walk turns into the parser's
// text shape. A ZIP that does not hold a Word document, or one whose parts
// would inflate past a bound, is refused before mammoth reads it.

import { InputError } from '../errors.js';
import { hastToText, parseHtml } from './html.js';
import { zipEntries } from './zip.js';

/** The most a DOCX's parts may inflate to: far above any real document, far below the memory at hand. */
const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

export async function decodeDocx(bytes: Uint8Array, name: string): Promise<string> {
  const entries = zipEntries(bytes);
  if (entries === null) throw new InputError(name, 'is not a Word document (DOCX) unres can read: its ZIP directory is missing or damaged (a download cut short?)');
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new InputError(name, 'is a ZIP archive but not a Word document (DOCX): it has no word/document.xml');
  }
  const inflated = entries.reduce((sum, e) => sum + e.size, 0);
  if (inflated > MAX_INFLATED_BYTES) {
    throw new InputError(name, `is a Word document (DOCX) whose parts inflate to ${Math.round(inflated / 1e6)} MB, more than unres reads (${MAX_INFLATED_BYTES / 1024 / 1024} MB)`);
  }
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    // No images: they hold no text, and inlining them as data URIs costs memory.
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false },
    );
    html = result.value;
  } catch (err) {
    throw new InputError(name, `is a Word document (DOCX) that cannot be read: ${oneLine(err)}`);
  }
  return hastToText(parseHtml(html));
}

function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!.slice(0, 200);
}
