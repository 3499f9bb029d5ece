// DOC character runs: raised numbers (a repeated footnote reference, typed as
// superscript rather than made a new note) become markers; NUL (what
// word-extractor writes over deleted revisions) is not text.
import { describe, expect, it } from 'vitest';
import { cleanWordText, markRaisedNumbers, raisedRanges } from '../../src/decode/doc.js';

/** A WordDocument stream whose second 512-byte page holds one CHPX page, and a table stream naming it. */
function streams(grpprl: number[]): { word: Buffer; table: Buffer } {
  const word = Buffer.alloc(1024);
  word.writeUInt32LE(0, 0x00fa); // fcPlcfbteChpx
  word.writeUInt32LE(12, 0x00fe); // lcbPlcfbteChpx: one page
  const table = Buffer.alloc(12);
  table.writeUInt32LE(0, 0);
  table.writeUInt32LE(10, 4);
  table.writeUInt32LE(1, 8); // page 1
  const page = word.subarray(512);
  page.writeUInt8(2, 511); // two runs
  [600, 604, 610].forEach((fc, i) => page.writeUInt32LE(fc, i * 4));
  page.writeUInt8(0, 12); // run 0: no properties
  page.writeUInt8(100, 13); // run 1: properties at byte 200
  page.writeUInt8(grpprl.length, 200);
  Buffer.from(grpprl).copy(page, 201);
  return { word, table };
}

const pieces = [{ text: 'abcde', startCp: 0, endCp: 5, startFilePos: 600, bpc: 2 }];

describe('DOC raised type', () => {
  it('finds superscript runs and turns file positions into character positions', () => {
    const { word, table } = streams([0x48, 0x2a, 0x01]);
    expect(raisedRanges(word, table, pieces)).toEqual([[2, 5]]);
  });

  it('finds a raised position, and not a lowered one or subscript', () => {
    expect(raisedRanges(...Object.values(streams([0x45, 0x48, 0x06, 0x00])) as [Buffer, Buffer], pieces)).toEqual([[2, 5]]);
    expect(raisedRanges(...Object.values(streams([0x45, 0x48, 0xfa, 0xff])) as [Buffer, Buffer], pieces)).toEqual([]);
    expect(raisedRanges(...Object.values(streams([0x48, 0x2a, 0x02])) as [Buffer, Buffer], pieces)).toEqual([]);
  });

  it('reads past other properties to the one that raises', () => {
    // sprmCFBold (1 byte), sprmCHps (2 bytes), then superscript
    const { word, table } = streams([0x35, 0x08, 0x01, 0x43, 0x4a, 0x18, 0x00, 0x48, 0x2a, 0x01]);
    expect(raisedRanges(word, table, pieces)).toEqual([[2, 5]]);
  });

  it('refuses a bin table that points outside the streams', () => {
    const { word, table } = streams([0x48, 0x2a, 0x01]);
    table.writeUInt32LE(99, 8);
    expect(raisedRanges(word, table, pieces)).toEqual([]);
  });

  it('marks a raised number, bracketed or not, and leaves raised words alone', () => {
    const body = 'قرارها5 والقرار(3) ثم er';
    const at = (s: string) => [body.indexOf(s), body.indexOf(s) + s.length] as [number, number];
    const marked = cleanWordText(markRaisedNumbers(body, [at('5'), at('(3)'), at('er')]));
    expect(marked).toBe('قرارها\ue0015\ue002 والقرار\ue0013\ue002 ثم er');
  });

  it('drops NUL', () => {
    expect(cleanWordText('نص\u0000\u0000 محذوف\r')).toBe('نص محذوف\n\n');
  });
});
