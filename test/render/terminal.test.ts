import { describe, expect, it } from 'vitest';
import { cutLine, humanStyleFor, renderLines, shapeFromEnv } from '../../src/render/terminal.js';
import { toVisual } from '../../src/render/shape.js';
import { displayWidth } from '../../src/render/width.js';

const tty = { isTTY: true, columns: 100 };
const pipe = { isTTY: false };

describe('humanStyleFor', () => {
  it('shapes only on a terminal, even when asked', () => {
    expect(humanStyleFor(pipe, {}, true).shape).toBe(false);
    expect(humanStyleFor(tty, {}, true)).toEqual({ color: true, shape: true, width: 100 });
    expect(humanStyleFor(pipe, {}, true)).toEqual({ color: false, shape: false });
    expect(humanStyleFor(tty, {}, false).shape).toBe(false);
  });

  it('takes UNRES_SHAPE=1 as --shape', () => {
    expect(humanStyleFor(tty, { UNRES_SHAPE: '1' }, false).shape).toBe(true);
    expect(shapeFromEnv({ UNRES_SHAPE: '0' })).toBe(false);
    expect(shapeFromEnv({})).toBe(false);
  });

  it('honours NO_COLOR', () => {
    expect(humanStyleFor(tty, { NO_COLOR: '1' }, false).color).toBe(false);
  });
});

describe('renderLines', () => {
  const lines = [[{ text: '  ' }, { text: 'الأطفال', style: 'match' as const }, { text: ' هنا' }]];

  it('writes logical text, no escapes, for a pipe', () => {
    expect(renderLines(lines, { color: false, shape: false })).toBe('  الأطفال هنا\n');
  });

  it('keeps the indentation on the left when shaping right-to-left text', () => {
    const out = renderLines(lines, { color: false, shape: true });
    expect(out).toBe('  ' + toVisual('الأطفال هنا') + '\n');
  });

  it('colours matches after shaping', () => {
    const out = renderLines(lines, { color: true, shape: true });
    expect(out).toContain('\x1b[1;31m');
    expect(out.startsWith('  ')).toBe(true);
  });
});

describe('renderLines with --shape and a width', () => {
  it('keeps a label column on the left and hangs wrapped lines under the text', () => {
    const line = [{ text: 'title       ', style: 'label' as const }, { text: 'واحد اثنان ثلاثة أربعة' }];
    const out = renderLines([line], { color: false, shape: true, width: 24 }).split('\n');
    // Right-to-left lines end at the right margin: 12 cells of room.
    const padded = (text: string) => ' '.repeat(12 - displayWidth(toVisual(text))) + toVisual(text);
    expect(out[0]).toBe('title       ' + padded('واحد اثنان'));
    expect(out[1]).toBe(' '.repeat(12) + padded('ثلاثة أربعة'));
    for (const line of out.filter(Boolean)) expect(displayWidth(line)).toBe(24);
  });

  it('does not take Arabic labels into the gutter', () => {
    const line = [{ text: 'pp1 ', style: 'heading' as const }, { text: 'وإذ تؤكد', style: 'label' as const }, { text: ' أهمية' }];
    const out = renderLines([line], { color: false, shape: true });
    expect(out).toBe('pp1 ' + toVisual('وإذ تؤكد أهمية') + '\n');
  });
});

describe('wrapping on a terminal without --shape', () => {
  const words = 'تحث الدول الأعضاء على تعزيز حماية المرأة والطفل من الاتجار بالأشخاص';

  it('breaks at word boundaries and hangs continuation lines under the text', () => {
    const out = renderLines([[{ text: 'op4  ', style: 'label' as const }, { text: words }]], { color: false, shape: false, width: 30 }).trimEnd().split('\n');
    expect(out.length).toBeGreaterThan(1);
    expect(out[0]!.startsWith('op4  ')).toBe(true);
    for (const line of out.slice(1)) expect(line.startsWith('     ') && !line.startsWith('      ')).toBe(true);
    for (const line of out) expect(displayWidth(line)).toBeLessThanOrEqual(30);
    // No word is cut: the lines, joined, are the words again.
    expect(out.map((l) => l.trim().replace(/^op4 +/, '')).join(' ')).toBe(words);
  });

  it('leaves a pipe alone: one line per line', () => {
    const out = renderLines([[{ text: 'op4  ', style: 'label' as const }, { text: words }]], { color: false, shape: false });
    expect(out).toBe(`op4  ${words}\n`);
  });

  it('cuts lines marked to be cut, at a word, with an ellipsis', () => {
    const line = cutLine([{ text: 'E/RES/2017/18', style: 'heading' as const }, { text: ` · ${words}` }]);
    const out = renderLines([line], { color: false, shape: false, width: 40 }).trimEnd();
    expect(out.endsWith('…')).toBe(true);
    expect(displayWidth(out)).toBeLessThanOrEqual(40);
    expect(words).toContain(out.slice('E/RES/2017/18 · '.length, -1));
  });
});

describe('cut lines with --shape', () => {
  const title = 'تنفيذ خطة عمل الأمم المتحدة العالمية لمكافحة الاتجار بالأشخاص';
  const ARABIC = /[\ufe70-\ufefc]/;

  it('puts the ellipsis at the visual end of an Arabic title in a left-to-right heading: its left', () => {
    const line = cutLine([{ text: 'E/RES/2017/18', style: 'heading' as const }, { text: ` · ${title}` }]);
    const out = renderLines([line], { color: false, shape: true, width: 40 }).trimEnd();
    expect(displayWidth(out)).toBeLessThanOrEqual(40);
    expect(out.startsWith('E/RES/2017/18 · …')).toBe(true);
    // The first word of the title, read from the right, is where the line ends.
    expect(out.endsWith(toVisual('تنفيذ'))).toBe(true);
    expect(out.slice(-1)).toMatch(ARABIC);
  });

  it('right-aligns a cut right-to-left line, its ellipsis on the left', () => {
    const line = cutLine([{ text: 'حماية الأطفال', style: 'heading' as const }, { text: ` · ${title}` }]);
    for (const width of [40, 60]) {
      const out = renderLines([line], { color: false, shape: true, width }).replace(/\n$/, '');
      expect(displayWidth(out)).toBe(width);
      expect(out.trimStart().startsWith('…')).toBe(true);
      expect(out.endsWith(toVisual('حماية'))).toBe(true);
    }
  });

  it('leaves a line that fits alone: no ellipsis', () => {
    const line = cutLine([{ text: 'E/RES/2017/18', style: 'heading' as const }, { text: ' · قرار' }]);
    expect(renderLines([line], { color: false, shape: true, width: 40 })).toBe(`E/RES/2017/18 · ${toVisual('قرار')}\n`);
  });
});

describe('colour choice', () => {
  it('auto: a terminal, unless NO_COLOR or TERM=dumb; always and never as said', () => {
    expect(humanStyleFor(tty, { TERM: 'dumb' }, {}).color).toBe(false);
    expect(humanStyleFor(tty, { TERM: 'xterm' }, {}).color).toBe(true);
    expect(humanStyleFor(pipe, {}, { color: 'always' }).color).toBe(true);
    expect(humanStyleFor(tty, { NO_COLOR: '1' }, { color: 'always' }).color).toBe(true);
    expect(humanStyleFor(tty, {}, { color: 'never' }).color).toBe(false);
  });
});
