// PDF -> text, through pdf.js (its legacy build runs in Node without a
// browser). pdf.js parses the file, its fonts and their ToUnicode maps; the
// glyphs and their positions are read from its operator list (pdf-glyphs.ts)
// and the page is rebuilt from them (pdf-layout.ts):
//   - ActualText: where the file states the text of some glyphs (a marked
//     content span's ActualText, pdf-actual-text.ts), that text replaces
//     what the glyphs' own Unicode would give;
//   - lines: runs on one baseline; raised small digits are footnote markers;
//     a glyph that takes no room and has no mark's code is an unmapped mark;
//   - order on a line: right to left when the document is Arabic, with its
//     Latin blocks (and a number after a Latin word, and the punctuation and
//     brackets that close them) read left to right; bracket pairs drawn with
//     their mirrors' codes are turned round;
//   - columns: a gutter that (nearly) no run crosses down the middle of a page
//     splits it, before lines are made (two columns share baselines);
//   - furniture: lines at the top or foot of the page that recur on other
//     pages at the same height (symbol, job number, page number) are dropped;
//   - footnotes: lines in a smaller type below the text, starting with a
//     number, become "(N) text" bodies at the end of the document;
//   - paragraphs: a line that leaves no room for the next line's first word
//     runs on into it (joined by a space, or with nothing where the line ended
//     inside a word); a line that stops short ends a line; a wider gap than
//     the line spacing ends the paragraph. Where the layout cannot tell (a
//     page or column break, a full line before a numbered one) the line break
//     stays for the structure stage, which knows headings and numbering.
// A PDF with no text at all (scanned pages) is refused: OCR is out of scope;
// so is one whose fonts map their glyphs to no letters (control codes).

import { InputError } from '../errors.js';
import { actualTextsOfFile, codesKey, type ActualTextIndex } from './pdf-actual-text.js';
import { glyphsOfPage, runsOfGlyphs, type OperatorList, type Ops } from './pdf-glyphs.js';
import { layOutPages, type PageText } from './pdf-layout.js';

/** The most pages read: far above any UN document, and a bound on time and memory. */
const MAX_PAGES = 3000;

/**
 * Glyphs that come out as control characters: the font has no Unicode map
 * and its own codes are not letters (old Arabic fonts with private
 * encodings). Past this share of the text, what would be read is noise.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const MAX_CONTROL_SHARE = 0.05;

/** A whole PDF ends with %%EOF (perhaps followed by a line end or a little padding). */
const EOF_MARK = Buffer.from('%%EOF', 'latin1');
const EOF_WINDOW = 1024;

export async function decodePdf(bytes: Uint8Array, name: string): Promise<string> {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.length - EOF_WINDOW));
  if (tail.indexOf(EOF_MARK) === -1) {
    // pdf.js would rebuild what it can from a partial file; half a document must not pass for a whole one.
    throw new InputError(name, 'is a PDF cut short (it has no end-of-file marker: a download that did not finish?)');
  }
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of (and detaches) the buffer it is given: give it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    // Font names and weights come with the fonts: bold lead verbs are read from them.
    fontExtraProperties: true,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw new InputError(name, openProblem(err));
  }
  try {
    if (doc.numPages > MAX_PAGES) throw new InputError(name, `is a PDF of ${doc.numPages} pages, more than the ${MAX_PAGES} unres reads`);
    const pages: PageText[] = [];
    let glyphs = 0;
    let controls = 0;
    // The file's ActualText spans, read only when a page has marked content that could carry one.
    let actualTexts: ActualTextIndex | null = null;
    const actualTextOf = (codes: number[]): string | null => {
      actualTexts ??= actualTextsOfFile(bytes);
      const texts = actualTexts.get(codesKey(codes));
      if (!texts || texts.length === 0) return null;
      // Spans that show the same codes are met in the order of the file; the last one stays for any met again.
      return texts.length > 1 ? texts.shift()! : texts[0]!;
    };
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      let runs: ReturnType<typeof runsOfGlyphs> = [];
      try {
        // The text content is cheap and says whether the page has text at all; only then are
        // its operators read (a scanned page's images are never decoded).
        const content = await page.getTextContent();
        if (content.items.some((item) => 'str' in item && item.str.trim() !== '')) {
          const list = (await page.getOperatorList()) as OperatorList;
          const fontOf = (id: string) => (page.commonObjs.has(id) ? page.commonObjs.get(id) : null);
          runs = runsOfGlyphs(glyphsOfPage(list, pdfjs.OPS as unknown as Ops, fontOf, actualTextOf));
        }
      } catch (err) {
        throw new InputError(name, `is a damaged PDF: page ${n} cannot be read (${oneLine(err)})`);
      }
      for (const run of runs) {
        run.x -= x0;
        run.y -= y0;
        glyphs += run.text.trim().length;
        controls += run.text.match(CONTROL_CHARACTERS)?.length ?? 0;
      }
      pages.push({ width: x1 - x0, height: y1 - y0, runs });
      page.cleanup();
    }
    if (glyphs === 0) {
      throw new InputError(name, 'is a PDF with no text layer (scanned pages?): unres does not run OCR; run OCR on it first');
    }
    if (controls > glyphs * MAX_CONTROL_SHARE) {
      throw new InputError(name, 'is a PDF whose fonts do not say which letters their glyphs are (no Unicode map): its text cannot be read without OCR');
    }
    return layOutPages(pages);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

function openProblem(err: unknown): string {
  const name = err instanceof Error ? err.name : '';
  if (name === 'PasswordException') return 'is an encrypted PDF that needs a password: unres cannot read it';
  if (name === 'InvalidPDFException') return 'is a damaged PDF (no readable document structure; a download cut short?)';
  return `is a damaged PDF: ${oneLine(err)}`;
}

function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!.slice(0, 200);
}
