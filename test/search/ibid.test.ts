import { describe, expect, it } from 'vitest';
import { citedWork, isIbid, resolveIbid } from '../../src/un/ibid.js';
import { documentYears, titleFieldText } from '../../src/search/fields.js';
import { cpuTimed } from '../helpers/cpu-time.js';

describe('ibid. footnotes', () => {
  it('gives an ibid. footnote the work of the last full citation before it', () => {
    const resolved = resolveIbid([
      'الأمم المتحدة، مجموعة المعاهدات، المجلد ٢٢٢٥، الرقم ٣٩٥٧٤.',
      'المرجع نفسه، المجلد ٢٢٣٧، الرقم ٣٩٥٧٤.',
      'المرجع نفسه، المجلد ٢٢٤١.',
      'انظر الوثائق الرسمية للمجلس الاقتصادي والاجتماعي، ٢٠٠٧، الملحق رقم ١٠ (E/2007/30/Rev.1).',
      'Ibid., 2018, Supplement No. 10.',
    ]);
    expect(resolved[1]).toBe('الأمم المتحدة، مجموعة المعاهدات، المرجع نفسه، المجلد ٢٢٣٧، الرقم ٣٩٥٧٤.');
    expect(resolved[2]).toMatch(/^الأمم المتحدة، مجموعة المعاهدات، المرجع نفسه/);
    expect(resolved[4]).toMatch(/^انظر الوثائق الرسمية للمجلس الاقتصادي والاجتماعي، Ibid/);
  });

  it('leaves other footnotes, and an ibid. with nothing before it, as printed', () => {
    expect(resolveIbid(['المرجع نفسه، المجلد 2225.'])).toEqual(['المرجع نفسه، المجلد 2225.']);
    expect(isIbid('المراجع الأخرى نفسها')).toBe(false);
    expect(isIbid('Ibidem is not a word here')).toBe(false);
    expect(isIbid('المرجعُ نفسُه، ص 3')).toBe(true);
    expect(citedWork('E/CN.15/2006/10.')).toBe('');
    expect(citedWork('United Nations, Treaty Series, vol. 2225, No. 39574.')).toBe('United Nations، Treaty Series');
  });

  it('is linear on hostile input', () => {
    const long = 'المرجع نفسه، '.repeat(20_000) + 'x';
    const { cpuMs } = cpuTimed(() => resolveIbid(['a, b, c', long, long]));
    expect(cpuMs).toBeLessThan(1000);
  });
});

describe('title field', () => {
  it('names a document without a symbol by the resolution its header says adopted it', () => {
    const citation = { symbol: 'A/RES/61/295', text: '61/295', clause: 'header', basis: 'range' };
    expect(titleFieldText({ symbol: null, title: 'إعلان', citations: [citation] } as never)).toBe('A/RES/61/295\nإعلان');
    // A document with its own symbol keeps only its own.
    expect(titleFieldText({ symbol: 'A/RES/37/120', title: 'الأونروا', citations: [citation] } as never)).toBe('A/RES/37/120\nالأونروا');
  });

  it('holds no years: they lengthen the title and have a field of their own', () => {
    expect(titleFieldText({ symbol: 'E/RES/2019/20', title: 'مكافحة', adopted: '2019-07-23' } as never)).toBe('E/RES/2019/20\nمكافحة');
    expect(titleFieldText({ symbol: null, title: 'إعلان', adopted: '2007-09-13' } as never)).toBe('إعلان');
  });
});

describe('years field', () => {
  it('holds the years a document is of: adopted, and in its own symbol', () => {
    expect(documentYears({ symbol: 'E/RES/2019/20', adopted: '2019-07-23' })).toEqual(['2019']);
    expect(documentYears({ symbol: 'E/2001/22' })).toEqual(['2001']);
    expect(documentYears({ symbol: 'S/RES/338 (1973)', adopted: '1973-10-22' })).toEqual(['1973']);
    expect(documentYears({ symbol: 'E/RES/2019/20', adopted: '2020-01-10' })).toEqual(['2020', '2019']);
    // Numbers of a symbol that are no year (a session, a resolution number) are not years.
    expect(documentYears({ symbol: 'A/RES/52/31' })).toEqual([]);
    expect(documentYears({ symbol: 'A/RES/1514(XV)' })).toEqual([]);
    expect(documentYears({ symbol: null, adopted: '2007-09-13' })).toEqual(['2007']);
  });
});
