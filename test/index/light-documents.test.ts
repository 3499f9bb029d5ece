import { describe, expect, it } from 'vitest';
import { SegmentBuilder, lightDocument, withId, withPrepared } from '../../src/index/builder.js';
import { analyseDocument } from '../../src/index/analysed.js';
import { encodeDocument } from '../../src/index/format/stored.js';
import { IntLists } from '../../src/index/int-lists.js';
import type { UnresDocument } from '../../src/types.js';
import { clause, doc, ops } from '../search/helpers/docs.js';

const docs: UnresDocument[] = [
  doc('A/RES/2', ops(['يحث الدول على حماية الأطفال من الاتجار بالأشخاص', 'يرحب بقرار الجمعية العامة ٢٩٣/٦٤']), { title: 'الاتجار بالأشخاص', kind: 'resolution' }),
  doc('A/RES/1', [clause('preamble', 1, 'وإذ يشير إلى جائحة كوفيد-19 في عام 2020'), clause('operative', 1, 'يطلب إلى الأمين العام تقديم تقرير عن الأطفال')]),
];

/** A segment's files, as bytes (the header holds no identity here). */
function segmentOf(add: (b: SegmentBuilder) => void): Record<string, Uint8Array> {
  const b = new SegmentBuilder();
  add(b);
  return b.finish().files;
}

/** As a parse worker hands a document back: light, with its JSON and its analysed text. */
function fromWorker(d: UnresDocument): UnresDocument {
  return withPrepared(lightDocument(d), { compressed: encodeDocument(JSON.stringify(d)), analysed: analyseDocument(d) });
}

describe('light documents from the parse workers', () => {
  it('build the same segment as the whole documents', () => {
    expect(segmentOf((b) => docs.forEach((d) => b.add(fromWorker(d))))).toEqual(segmentOf((b) => docs.forEach((d) => b.add(d))));
  });

  it('are made whole again when the store gives them another id', () => {
    const renamed = withId(fromWorker(docs[0]!), 'A-RES-2-abcd');
    expect(renamed).toEqual(JSON.parse(JSON.stringify({ ...docs[0]!, id: 'A-RES-2-abcd' })));
    expect(segmentOf((b) => b.add(renamed))).toEqual(segmentOf((b) => b.add({ ...docs[0]!, id: 'A-RES-2-abcd' })));
  });
});

describe('IntLists', () => {
  it('gives back every list as pushed, across slices and pages', () => {
    const lists = new IntLists();
    const expected: number[][] = [];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff);
    for (let i = 0; i < 3000; i++) expected.push([]), lists.create();
    for (let k = 0; k < 400_000; k++) {
      // A few long lists (past the largest slice, over many pages) among many short ones.
      const list = next() % 4 === 0 ? next() % 5 : next() % 3000;
      const value = (next() % 2_000_000) - 1_000_000;
      lists.push(list, value);
      expected[list]!.push(value);
    }
    let out = new Int32Array(1);
    for (let i = 0; i < expected.length; i++) {
      out = lists.read(i, out);
      expect(lists.length(i)).toBe(expected[i]!.length);
      expect(Array.from(out.subarray(0, lists.length(i)))).toEqual(expected[i]);
    }
  });

  it('files a posting (two values and a run) as the same values pushed one by one', () => {
    const lists = new IntLists();
    const expected: number[][] = [];
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff);
    const source = Int32Array.from({ length: 5000 }, (_, i) => i * 3 - 7000);
    for (let i = 0; i < 500; i++) expected.push([]), lists.create();
    for (let k = 0; k < 60_000; k++) {
      const list = next() % 4 === 0 ? next() % 3 : next() % 500;
      // Mostly short runs, some long enough to cross several slices at once.
      const run = next() % 50 === 0 ? next() % 3000 : next() % 4;
      const from = next() % (source.length - run);
      const first = next() % 1000;
      const second = -(next() % 1000);
      if (next() % 2 === 0) lists.pushPosting(list, first, second, source, from, from + run);
      else {
        lists.push(list, first);
        lists.push(list, second);
        for (let p = from; p < from + run; p++) lists.push(list, source[p]!);
      }
      expected[list]!.push(first, second, ...source.subarray(from, from + run));
    }
    let out = new Int32Array(1);
    for (let i = 0; i < expected.length; i++) {
      out = lists.read(i, out);
      expect(lists.length(i)).toBe(expected[i]!.length);
      expect(Array.from(out.subarray(0, lists.length(i)))).toEqual(expected[i]);
    }
  });
});
