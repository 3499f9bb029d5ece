import { describe, expect, it } from 'vitest';
import { ProgressBar, progressText } from '../../src/render/progress.js';

describe('progress bar', () => {
  it('draws a bar with counts', () => {
    expect(progressText(6, 24, 'parsing')).toBe(`[${'#'.repeat(6)}${'-'.repeat(18)}] 6/24 parsing`);
    expect(progressText(0, 0, 'x')).toContain('0/0');
  });

  it('redraws in place, at most every few tens of milliseconds, and clears', () => {
    const written: string[] = [];
    let now = 1000;
    const bar = new ProgressBar({ write: (s: string) => written.push(s), columns: 80 }, () => now);
    bar.update(1, 30, 'parsing');
    bar.update(2, 30, 'parsing');
    now += 100;
    bar.update(3, 30, 'parsing');
    bar.update(30, 30, 'parsing');
    bar.clear();
    expect(written).toHaveLength(4);
    expect(written.every((s) => s.startsWith('\r\x1b[K'))).toBe(true);
  });
});

describe('progress bar width', () => {
  it('assumes 80 columns when the terminal reports 0', () => {
    const written: string[] = [];
    new ProgressBar({ write: (s: string) => written.push(s), columns: 0 }, () => 1000).update(1, 30, 'reading');
    expect(written[0]).toContain('1/30 reading');
  });
});
