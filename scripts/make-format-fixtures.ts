// Renders texts the project already has (the seeds and some of fixtures/real)
// into the formats users download — HTML, DOCX, DOC and PDF — so the decoders
// can be tested against the text each came from. Needs LibreOffice and an
// Arabic font (Debian: libreoffice-writer-nogui fonts-hosny-amiri).
//   npm run build && node dist/scripts/make-format-fixtures.js
//
// Each text becomes a flat OpenDocument file (written here), which LibreOffice
// turns into DOCX, DOC and PDF: paragraphs right-to-left in Amiri, **bold** as
// bold, ^(N) markers with their "(N) text" bodies as real footnotes (at the foot
// of the page in the PDF), and on every page a header with the document's
// symbol and a footer with a job number and the page number, as UN documents
// print them. The HTML is written directly: the text inside <main>, with site
// navigation, share buttons and a script around it that are not the document.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const outDir = join(root, 'fixtures', 'formats');

/** The texts rendered: all seeds, and real documents of four families (one with footnotes). */
const SOURCES = [
  'seeds/000_891190217a09267c.txt',
  'seeds/001_3b67e52e25d718f8.txt',
  'seeds/002_b33a243395e1a213.txt',
  'seeds/003_c328bc31ea94c91f.txt',
  'seeds/004_8c5876052fc161d3.txt',
  'fixtures/real/r-001.txt',
  'fixtures/real/r-017.txt',
  'fixtures/real/r-032.txt',
  'fixtures/real/r-043.txt',
];

const DIGIT = '[0-9\u0660-\u0669]';
const MARKER = new RegExp(`\\^\\((${DIGIT}{1,3})\\)`, 'g');
const BODY = new RegExp(`^\\((${DIGIT}{1,3})\\)\\s+(.+)$`);

const toNumber = (digits: string): number =>
  Number(Array.from(digits, (d) => (d >= '\u0660' && d <= '\u0669' ? String(d.charCodeAt(0) - 0x660) : d)).join(''));

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Paragraphs: runs of non-blank lines (a line break inside keeps the text's own hard wraps). */
function paragraphsOf(text: string): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else current.push(line.trim());
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/** Footnote bodies by number, for the markers the text has. */
function footnoteBodies(paragraphs: string[][]): Map<number, string> {
  const marked = new Set<number>();
  for (const p of paragraphs) for (const line of p) for (const m of line.matchAll(MARKER)) marked.add(toNumber(m[1]!));
  const bodies = new Map<number, string>();
  for (const p of paragraphs) {
    if (p.length !== 1) continue;
    const m = BODY.exec(p[0]!);
    if (m && marked.has(toNumber(m[1]!)) && !bodies.has(toNumber(m[1]!))) bodies.set(toNumber(m[1]!), m[2]!);
  }
  return bodies;
}

function isBodyParagraph(p: string[], bodies: Map<number, string>): boolean {
  if (p.length !== 1) return false;
  const m = BODY.exec(p[0]!);
  return m !== null && bodies.get(toNumber(m[1]!)) === m[2];
}

/** Inline markup of one line: **bold** and ^(N) markers, as tokens. */
type Token = { kind: 'text'; value: string } | { kind: 'bold'; value: string } | { kind: 'note' | 'again'; n: number };

/**
 * A marker's first occurrence is the footnote; a later one refers back to it,
 * which Word prints as a raised number (a cross-reference), not a new note.
 */
function tokens(line: string, bodies: Map<number, string>, seen: Set<number>): Token[] {
  const out: Token[] = [];
  const parts = line.split(/(\*\*[^*]+\*\*|\^\([0-9\u0660-\u0669]{1,3}\))/);
  for (const part of parts) {
    if (part === '') continue;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) out.push({ kind: 'bold', value: part.slice(2, -2) });
    else if (part.startsWith('^(')) {
      const n = toNumber(part.slice(2, -1));
      if (!bodies.has(n)) out.push({ kind: 'text', value: part });
      else if (seen.has(n)) out.push({ kind: 'again', n });
      else {
        seen.add(n);
        out.push({ kind: 'note', n });
      }
    } else out.push({ kind: 'text', value: part });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Flat OpenDocument

/** The Arabic font: Debian's fonts-noto-core. (Amiri's contextual forms come out of LibreOffice's PDF export without Unicode for some glyphs.) */
const FONT = process.env.FIXTURE_FONT ?? 'DejaVu Sans';

function fodt(text: string, header: string, job: string, columns = 1): string {
  const paragraphs = paragraphsOf(text);
  const bodies = footnoteBodies(paragraphs);
  const seen = new Set<number>();
  const lineXml = (line: string): string =>
    tokens(line, bodies, seen)
      .map((t) =>
        t.kind === 'text'
          ? escapeXml(t.value)
          : t.kind === 'bold'
            ? `<text:span text:style-name="B">${escapeXml(t.value)}</text:span>`
            : t.kind === 'again'
              ? `<text:span text:style-name="Sup">${t.n}</text:span>`
              : `<text:note text:id="ftn${t.n}" text:note-class="footnote"><text:note-citation>${t.n}</text:note-citation><text:note-body><text:p text:style-name="Footnote">${escapeXml(bodies.get(t.n)!)}</text:p></text:note-body></text:note>`,
      )
      .join('');
  const body = paragraphs
    .filter((p) => !isBodyParagraph(p, bodies))
    // Hard-wrapped lines are set flush, not justified (justifying would spread a broken line across the page).
    .map((p) => `<text:p text:style-name="${p.length > 1 ? 'Lines' : 'Body'}">${p.map(lineXml).join('<text:line-break/>')}</text:p>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="${FONT}" svg:font-family="'${FONT}'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties style:writing-mode="rl-tb"/><style:text-properties style:font-name="${FONT}" fo:font-size="12pt" style:font-name-complex="${FONT}" style:font-size-complex="12pt" fo:language="ar" fo:country="EG" style:language-complex="ar" style:country-complex="EG"/></style:default-style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.3cm" fo:text-align="right" style:writing-mode="rl-tb"/></style:style>
<style:style style:name="Lines" style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.3cm" fo:text-align="right" style:writing-mode="rl-tb"/></style:style>
<style:style style:name="Footnote" style:family="paragraph"><style:paragraph-properties style:writing-mode="rl-tb"/><style:text-properties fo:font-size="9pt" style:font-size-complex="9pt"/></style:style>
<style:style style:name="HeaderFooter" style:family="paragraph"><style:paragraph-properties style:writing-mode="rl-tb"/><style:text-properties fo:font-size="9pt" style:font-size-complex="9pt"/></style:style>
</office:styles>
<office:automatic-styles><style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style><style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/></style:style><style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm" style:writing-mode="rl-tb">${columns > 1 ? `<style:columns fo:column-count="${columns}" fo:column-gap="1cm"/>` : ''}</style:page-layout-properties><style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.4cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"><style:header><text:p text:style-name="HeaderFooter">${escapeXml(header)}</text:p></style:header><style:footer><text:p text:style-name="HeaderFooter">${escapeXml(job)} <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>
${body}
</office:text></office:body></office:document>
`;
}

// ---------------------------------------------------------------------------
// HTML, as a UN web page would wrap it

function html(text: string, title: string): string {
  const paragraphs = paragraphsOf(text);
  const bodies = footnoteBodies(paragraphs);
  const seen = new Set<number>();
  const lineHtml = (line: string): string =>
    tokens(line, bodies, seen)
      .map((t) =>
        t.kind === 'text'
          ? escapeXml(t.value)
          : t.kind === 'bold'
            ? `<strong>${escapeXml(t.value)}</strong>`
            : t.kind === 'again'
              ? `<sup>${t.n}</sup>`
              : `<sup><a href="#fn${t.n}" id="ref${t.n}">${t.n}</a></sup>`,
      )
      .join('');
  const main = paragraphs
    .filter((p) => !isBodyParagraph(p, bodies))
    .map((p) => `<p>${p.map(lineHtml).join('<br>\n')}</p>`)
    .join('\n');
  const notes = [...bodies]
    .map(([n, body]) => `<p id="fn${n}"><sup>${n}</sup> ${escapeXml(body)} <a href="#ref${n}" class="back">↩</a></p>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>${escapeXml(title)}</title><script>window.dataLayer = [{ page: "document" }];</script><style>body { font-family: Amiri; }</style></head>
<body>
<header class="site-header"><a href="/ar/">الأمم المتحدة</a><nav><ul><li><a href="/ar/documents">الوثائق</a></li><li><a href="/ar/search">بحث</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/ar/">الرئيسية</a> » <a href="/ar/documents">الوثائق</a></div>
<main>
${main}
${notes === '' ? '' : `<section class="footnotes">\n${notes}\n</section>`}
</main>
<div class="share-buttons"><a href="#">فيسبوك</a> <a href="#">تويتر</a> <button>طباعة</button></div>
<footer><p>حقوق الطبع © الأمم المتحدة</p></footer>
<script>document.querySelectorAll("a").forEach(function (a) { a.rel = "noopener"; });</script>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------

function main(): void {
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'unres-formats-'));
  /** Each fixture's name, the text it was made from, and the formats it was rendered to. */
  const manifest: Record<string, { source: string; formats: string[] }> = {};
  try {
    const fodts: string[] = [];
    for (const source of SOURCES) {
      const text = readFileSync(join(root, source), 'utf8');
      const stem = basename(source, '.txt');
      const name = source.startsWith('seeds/') ? `seed-${stem.slice(0, 3)}` : stem;
      const symbol = /\b[A-Z]{1,6}\/[A-Z0-9./-]+/.exec(text)?.[0] ?? name;
      const digest = createHash('sha256').update(text).digest();
      const job = `V.${String(10 + (digest[0]! % 15))}-${String(digest.readUInt16BE(1) % 100000).padStart(5, '0')}`;
      writeFileSync(join(outDir, `${name}.html`), html(text, symbol));
      const path = join(work, `${name}.fodt`);
      writeFileSync(path, fodt(text, symbol, job));
      fodts.push(path);
      manifest[name] = { source, formats: ['html', 'docx', 'doc', 'pdf'] };
    }
    // One LibreOffice run per target format converts every file.
    const profile = `file://${join(work, 'profile')}`;
    for (const [target, ext] of [
      ['docx:MS Word 2007 XML', 'docx'],
      ['doc:MS Word 97', 'doc'],
      ['pdf:writer_pdf_Export', 'pdf'],
    ] as const) {
      execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', target, '--outdir', work, ...fodts], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      for (const fodtPath of fodts) {
        const name = basename(fodtPath, '.fodt');
        renameSync(join(work, `${name}.${ext}`), join(outDir, `${name}.${ext}`));
      }
    }
    // One report also set in two columns, as some UN documents are printed.
    const twoColumns = join(work, 'two-columns');
    mkdirSync(twoColumns);
    const report = SOURCES[4]!;
    const reportName = `seed-${basename(report).slice(0, 3)}`;
    writeFileSync(join(twoColumns, `${reportName}.columns.fodt`), fodt(readFileSync(join(root, report), 'utf8'), 'A/AC.1/1', 'V.21-00001', 2));
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', twoColumns, join(twoColumns, `${reportName}.columns.fodt`)], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    renameSync(join(twoColumns, `${reportName}.columns.pdf`), join(outDir, `${reportName}.columns.pdf`));
    manifest[`${reportName}.columns`] = { source: report, formats: ['pdf'] };
    writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`wrote ${SOURCES.length} documents in 4 formats to ${outDir}`);
}

main();
