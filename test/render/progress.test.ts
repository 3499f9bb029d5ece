import { describe, expect, it } from 'vitest';
import { ProgressBar, etaText, progressText } from '../../src/render/progress.js';

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

describe('ingest ETA', () => {
  it('is the files left at the mean pace so far, as m:ss', () => {
    // 10 s for 1 file, 10 left: 100 s.
    expect(etaText(10_000, 1, 11)).toBe('1:40');
    expect(etaText(3_000, 3, 4)).toBe('0:01');
    expect(etaText(1_500, 2, 3)).toBe('0:01');
    expect(etaText(100, 50, 1050)).toBe('0:02');
    expect(etaText(59_000, 1, 2)).toBe('0:59');
  });

  it('counts hours past an hour', () => {
    expect(etaText(3_600_000, 1, 3)).toBe('2:00:00');
    expect(etaText(61_000, 1, 61)).toBe('1:01:00');
  });

  it('has nothing to say before the first file or after the last', () => {
    expect(etaText(0, 0, 10)).toBeNull();
    expect(etaText(5_000, 0, 10)).toBeNull();
    expect(etaText(5_000, 10, 10)).toBeNull();
    expect(etaText(5_000, 0, 0)).toBeNull();
  });
});
