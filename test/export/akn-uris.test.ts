import { describe, expect, it } from 'vitest';
import { aknDocumentType, frbrUris, workUriForSymbol } from '../../src/export/akn-uris.js';

describe('workUriForSymbol', () => {
  it('names resolutions and decisions of the main organs by organ, session or year, and number', () => {
    expect(workUriForSymbol('A/RES/64/293')).toBe('/akn/un/statement/resolution/ga/64/293');
    expect(workUriForSymbol('E/RES/2011/33')).toBe('/akn/un/statement/resolution/ecosoc/2011/33');
    expect(workUriForSymbol('E/DEC/2017/201')).toBe('/akn/un/statement/decision/ecosoc/2017/201');
    expect(workUriForSymbol('S/RES/2334 (2016)')).toBe('/akn/un/statement/resolution/sc/2334-2016');
    expect(workUriForSymbol('A/RES/ES-10/19')).toBe('/akn/un/statement/resolution/ga/es-10/19');
  });

  it('keeps any other symbol whole, in lower case, under the document type', () => {
    expect(workUriForSymbol('CTOC/COP/WG.4/2021/3', 'report')).toBe('/akn/un/doc/report/ctoc/cop/wg.4/2021/3');
    expect(workUriForSymbol('E/CN.15/2018/L.3/Rev.1', 'draft-resolution')).toBe('/akn/un/statement/draft-resolution/e/cn.15/2018/l.3/rev.1');
  });

  it('never produces spaces, empty segments or dot segments', () => {
    expect(workUriForSymbol('X//  /../Y Z', 'unknown')).toBe('/akn/un/doc/unknown/x/_/y-z');
  });
});

describe('frbrUris', () => {
  it('builds work, expression and manifestation from the symbol', () => {
    expect(frbrUris({ symbol: 'E/RES/2017/18', kind: 'resolution', id: 'E-RES-2017-18' })).toEqual({
      work: '/akn/un/statement/resolution/ecosoc/2017/18',
      expression: '/akn/un/statement/resolution/ecosoc/2017/18/ara@',
      manifestation: '/akn/un/statement/resolution/ecosoc/2017/18/ara@.akn',
    });
  });

  it('falls back to the document id', () => {
    expect(frbrUris({ symbol: null, kind: 'draft-resolution', id: '000_891190217a09267c' }).work).toBe(
      '/akn/un/statement/draft-resolution/000_891190217a09267c',
    );
  });

  it('makes resolutions, decisions and drafts statements, and the rest docs', () => {
    expect(['resolution', 'decision', 'draft-resolution', 'report', 'unknown'].map((k) => aknDocumentType(k as never))).toEqual([
      'statement',
      'statement',
      'statement',
      'doc',
      'doc',
    ]);
  });
});
