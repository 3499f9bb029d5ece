import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropInvalidXmlChars, element, escapeAttribute, escapeText, serializeXml } from '../../src/export/xml.js';
import { elementsNamed, readXml, textContent } from './xml-reader.js';

describe('escaping', () => {
  it('escapes markup characters in text', () => {
    expect(escapeText('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
  });

  it('escapes quotes and whitespace that attribute normalisation would eat', () => {
    expect(escapeAttribute('say "hi"\tnow\nthen')).toBe('say &quot;hi&quot;&#9;now&#10;then');
  });

  it('keeps a carriage return as a reference, so readers do not turn it into a line feed', () => {
    expect(escapeText('a\r\nb')).toBe('a&#13;\nb');
  });

  it('drops characters XML 1.0 cannot hold, and keeps Arabic and astral characters', () => {
    expect(dropInvalidXmlChars('a\u0000b\u0008c\u001fd\ufffee')).toBe('abcde');
    expect(dropInvalidXmlChars('x\ud800y')).toBe('xy');
    expect(dropInvalidXmlChars('قرار 😀\t\n')).toBe('قرار 😀\t\n');
  });
});

describe('serializeXml', () => {
  it('writes a declaration, indents element-only content and keeps mixed content on one line', () => {
    const tree = element('root', { a: '1', skipped: undefined }, [
      element('block', {}, [element('p', {}, ['نص ', element('ref', { href: '/x' }, ['٢٩٣/٦٤']), '.'])]),
      element('empty'),
    ]);
    expect(serializeXml(tree)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<root a="1">\n  <block>\n    <p>نص <ref href="/x">٢٩٣/٦٤</ref>.</p>\n  </block>\n  <empty/>\n</root>\n',
    );
  });

  it('keeps elements named inline on one line even when they hold only elements', () => {
    const tree = element('root', {}, [element('p', {}, [element('ref', { href: '/x' }, ['t'])])]);
    expect(serializeXml(tree, new Set(['p']))).toContain('  <p><ref href="/x">t</ref></p>\n');
  });

  it('refuses names that are not XML names', () => {
    expect(() => serializeXml(element('bad name'))).toThrow(/not an XML name/);
    expect(() => serializeXml(element('ok', { 'a b': 'x' }))).toThrow(/not an XML name/);
  });

  it('round-trips any text and attribute value through a reader', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), (text, value) => {
        const xml = serializeXml(element('r', { v: value }, [element('p', {}, [text])]));
        const root = readXml(xml);
        expect(textContent(elementsNamed(root, 'p')[0]!)).toBe(dropInvalidXmlChars(text));
        expect(root.attributes.v).toBe(dropInvalidXmlChars(value));
      }),
    );
  });
});
