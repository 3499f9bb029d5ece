import { describe, expect, it } from 'vitest';
import { humanStyleFor, renderLines, shapeFromEnv } from '../../src/render/terminal.js';
import { toVisual } from '../../src/render/shape.js';

const tty = { isTTY: true, columns: 100 };
const pipe = { isTTY: false };

describe('humanStyleFor', () => {
  it('shapes only on a terminal, even when asked', () => {
    expect(humanStyleFor(pipe, {}, true).shape).toBe(false);
    expect(humanStyleFor(tty, {}, true)).toEqual({ color: true, shape: true, width: 100 });
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
    expect(out[0]).toBe('title       ' + toVisual('واحد اثنان'));
    expect(out[1]).toBe(' '.repeat(12) + toVisual('ثلاثة أربعة'));
  });

  it('does not take Arabic labels into the gutter', () => {
    const line = [{ text: 'pp1 ', style: 'heading' as const }, { text: 'وإذ تؤكد', style: 'label' as const }, { text: ' أهمية' }];
    const out = renderLines([line], { color: false, shape: true });
    expect(out).toBe('pp1 ' + toVisual('وإذ تؤكد أهمية') + '\n');
  });
});
