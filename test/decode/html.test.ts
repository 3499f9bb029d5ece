// HTML pages: only the document's main text, in the parser's text shape.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/decode/html.js';
import { decodeDocument } from '../../src/decode/index.js';
import { parseDocumentBytes } from '../../src/structure/parse.js';

const page = (body: string, head = '') => `<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8">${head}<title>t</title></head><body>${body}</body></html>`;

describe('main text', () => {
  it('leaves out scripts, styles, navigation, forms, share buttons, banners and hidden elements', () => {
    const text = htmlToText(
      page(`
      <header><a href="/">الأمم المتحدة</a></header>
      <nav><a href="/ar">الرئيسية</a></nav>
      <div class="breadcrumb">الوثائق » القرارات</div>
      <div id="cookie-banner">نستخدم ملفات تعريف الارتباط</div>
      <script>var x = "لا";</script><style>p { color: red }</style>
      <p>إن الجمعية العامة،</p>
      <div class="social-share"><a href="#">فيسبوك</a><button>طباعة</button></div>
      <p hidden>مخفي</p><p style="display: none">مخفي أيضاً</p><span aria-hidden="true">⋮</span>
      <form><label>بحث</label><input name="q"></form>
      <aside>روابط ذات صلة</aside>
      <p>١ - <strong>تقرر</strong> أن تبقي المسألة قيد نظرها.</p>
      <footer>حقوق الطبع</footer>`),
    );
    expect(text).toBe('إن الجمعية العامة،\n\n١ - **تقرر** أن تبقي المسألة قيد نظرها.\n');
  });

  it('reads only <main> (or the one <article>) when the page has it', () => {
    expect(htmlToText(page('<div>قائمة الموقع</div><main><h1>العنوان</h1><p>النص.</p></main><div>تذييل</div>'))).toBe('العنوان\n\nالنص.\n');
    expect(htmlToText(page('<div>قائمة</div><article><header><p>A/RES/1/1</p></header><p>النص.</p></article>'))).toBe('A/RES/1/1\n\nالنص.\n');
  });

  it('keeps <br> line breaks inside a paragraph and collapses other white space', () => {
    expect(htmlToText(page('<p>Distr.: General<br>\n  1 January 2020</p><p>  كلمة   و\n كلمة </p>'))).toBe('Distr.: General\n1 January 2020\n\nكلمة و كلمة\n');
  });

  it('prints the numbers of ordered list items, from the list start', () => {
    expect(htmlToText(page('<ol start="3"><li><p>يقرر</p></li><li>يطلب</li></ol><ul><li>بند</li></ul>'))).toBe('3- يقرر\n\n4- يطلب\n\nبند\n');
  });
});

describe('footnotes', () => {
  it('reads <sup> numbers as markers in the text and as the number of a note that starts a paragraph', () => {
    const text = htmlToText(
      page('<p>وإذ تشير إلى قرارها،<sup><a href="#fn1">1</a></sup> و<sup>[٢]</sup></p><p id="fn1"><sup>1</sup> القرار ٦٤/٢٩٣. <a href="#r1">↩</a></p><p><sup>٢</sup> انظر.</p>'),
    );
    expect(text).toBe('وإذ تشير إلى قرارها،^(1) و^(٢)\n\n(1) القرار ٦٤/٢٩٣.\n\n(٢) انظر.\n');
  });

  it('numbers the items of a footnote list and drops their back-links', () => {
    const text = htmlToText(page('<p>نص<sup><a href="#footnote-1">[1]</a></sup></p><ol><li id="footnote-1"><p>الحاشية. <a href="#footnote-ref-1">↑</a></p></li></ol>'));
    expect(text).toBe('نص^(1)\n\n(1) الحاشية.\n');
  });

  it('leaves other superscripts as text', () => {
    expect(htmlToText(page('<p>10<sup>th</sup> session, m<sup>2</sup></p>'))).toBe('10th session, m^(2)\n');
  });
});

describe('bytes', () => {
  it('honours a declared Arabic code page', async () => {
    const html = page('<p>إن الجمعية العامة،</p>', '').replace('utf-8', 'windows-1256');
    const decoded = await decodeDocument(iconv.encode(html, 'windows-1256'), 'page.html', 'html');
    expect(decoded).toEqual({ text: 'إن الجمعية العامة،\n', encoding: 'windows-1256' });
  });

  it('says a page with no text in its main content is empty', async () => {
    await expect(decodeDocument(Buffer.from(page('<nav>قائمة</nav><script>x()</script>')), 'empty.html', 'html')).rejects.toThrow(
      'empty.html: is an HTML page with no text in it',
    );
  });

  it('records the format and the sha256 of the bytes', async () => {
    const bytes = Buffer.from(page('<p>إن الجمعية العامة،</p><p>١ - <b>تقرر</b> أن تبقي المسألة قيد نظرها.</p>'));
    const doc = await parseDocumentBytes(bytes, 'page.html');
    expect(doc.source).toMatchObject({ path: 'page.html', format: 'html', encoding: 'utf-8' });
    expect(doc.clauses.map((c) => c.lead)).toContain('تقرر');
  });
});
