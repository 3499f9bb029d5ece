// The page-layout rules of the PDF reader, on pages built by hand from
// positioned runs (no PDF needed): each rule in its general form, not as the
// fixtures happen to show it.
import { describe, expect, it } from 'vitest';
import { layOutPages, type PageText, type TextRun } from '../../src/decode/pdf-layout.js';

const SIZE = 12;
const WIDTH = 595;
const HEIGHT = 842;
/** Width of a word's box: a rough advance per character. */
const widthOf = (word: string) => word.length * 5;

/** An Arabic line set right to left from `right`, one run per word, a space's gap between words. */
function rtlLine(text: string, y: number, right = 524, size = SIZE): TextRun[] {
  const runs: TextRun[] = [];
  let x = right;
  for (const word of text.split(' ')) {
    const w = widthOf(word);
    x -= w;
    runs.push({ text: word, x, y, width: w, size });
    x -= 0.3 * size;
  }
  return runs;
}

/** Words drawn left to right from `left` (a Latin block, or a drawn sequence given in visual order). */
function ltrRuns(words: string[], y: number, left: number, gaps: number[] = []): TextRun[] {
  const runs: TextRun[] = [];
  let x = left;
  words.forEach((word, i) => {
    const w = widthOf(word);
    runs.push({ text: word, x, y, width: w, size: SIZE });
    x += w + (gaps[i] ?? 0.3 * SIZE);
  });
  return runs;
}

/** A line that fills the measure (72..524): words of filler before the given text. */
function fullLine(text: string, y: number): TextRun[] {
  let line = text;
  while (line.split(' ').reduce((w, word) => w + widthOf(word) + 0.3 * SIZE, 0) < 452 - 20) line = `كلمة ${line}`;
  return rtlLine(line, y);
}

const page = (runs: TextRun[]): PageText => ({ width: WIDTH, height: HEIGHT, runs });

describe('PDF page layout', () => {
  it('keeps a sentence that recurs at the foot of one page and the top of the next, and drops a running head', () => {
    const head = (n: number) => ltrRuns([`A/RES/${n}`], 800, 72).map((r) => ({ ...r, text: 'A/RES/70/1', size: 9 }));
    const pages = [
      page([...head(1), ...rtlLine('تقرير الأمين العام عن الحالة', 700), ...rtlLine('عبارة تتكرر في الصفحتين', 80)]),
      page([...head(2), ...rtlLine('عبارة تتكرر في الصفحتين', 740), ...rtlLine('نص آخر في الصفحة الثانية', 600)]),
    ];
    const text = layOutPages(pages);
    expect(text).not.toContain('A/RES/70/1');
    expect(text.match(/عبارة تتكرر في الصفحتين/g)).toHaveLength(2);
  });

  it('reads two columns that share baselines column by column, the right one first in Arabic', () => {
    const runs: TextRun[] = [];
    for (let i = 0; i < 9; i++) {
      runs.push(...rtlLine(`يمين ${i + 1} سطر`, 700 - i * 14, 524));
      runs.push(...rtlLine(`يسار ${i + 1} سطر`, 700 - i * 14, 280));
    }
    const text = layOutPages([page(runs)]);
    const order = [...text.matchAll(/(يمين|يسار) (\d)/g)].map((m) => `${m[1]}${m[2]}`);
    expect(order).toEqual([...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `يمين${n}`), ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `يسار${n}`)]);
  });

  it('keeps the line break before a numbered line that follows a full line', () => {
    const runs = [...fullLine('١ - تحث الدول الأعضاء على', 700), ...rtlLine('٢ - تشجع الدول', 686)];
    const text = layOutPages([page(runs)]);
    expect(text).toMatch(/على\n٢ - تشجع/);
  });

  it('joins a wrapped line with a space, and without one after a word-ending hyphen, slash or opening bracket', () => {
    const joined = (end: string, start: string) => layOutPages([page([...fullLine(`نص ${end}`, 700), ...rtlLine(`${start} تتمة`, 686)])]);
    expect(joined('كوفيد-', '19')).toContain('كوفيد-19 تتمة');
    expect(joined('الأول/', 'أكتوبر')).toContain('الأول/أكتوبر تتمة');
    expect(joined('(', 'انظر')).toContain('(انظر تتمة');
    expect(joined('الدول', 'الأعضاء')).toContain('الدول الأعضاء تتمة');
  });

  it('turns round a bracket pair drawn with its mirror codes, and reads a number after a Latin word with it', () => {
    // "مشروع THB Liberi (2018-2025)،" drawn: the Latin block left of the Arabic word, its brackets carrying mirror codes.
    const block = ltrRuns(['THB', 'Liberi', ')', '2018-2025', '('], 700, 300, [3.6, 3.6, 0, 0]);
    const end = block.at(-1)!;
    const arabic = rtlLine('وقدمت مشروع', 700, 524).filter((r) => r.x > end.x + end.width);
    const comma = { text: '،', x: block[0]!.x - 4, y: 700, width: 4, size: SIZE };
    const text = layOutPages([page([...arabic, ...block, comma])]);
    expect(text.trim()).toBe('وقدمت مشروع THB Liberi (2018-2025)،');
  });

  it('reads a masthead: the small Latin block beside large Arabic type on one baseline band is a line of its own, read left to right', () => {
    // "الاقتصادي والاجتماعي" in 18 pt on the right; "7 December 2017" in 11 pt on the left, 2.8 pt higher.
    const organ = rtlLine('الاقتصادي والاجتماعي', 650.6, 470, 18).map((r) => ({ ...r, size: 18 }));
    const date = ltrRuns(['7', 'December', '2017'], 653.4, 62).map((r) => ({ ...r, size: 11 }));
    const body = [500, 486, 472].flatMap((y) => fullLine('نص الوثيقة', y));
    const text = layOutPages([page([...organ, ...date, ...body])]);
    expect(text).toContain('7 December 2017');
    expect(text).toContain('الاقتصادي والاجتماعي');
    expect(text).not.toContain('^(');
  });

  it('keeps the number a small-type line opens with when the line stays in the text (not a footnote)', () => {
    const date = ltrRuns(['29', 'December', '2017'], 700, 62).map((r) => ({ ...r, size: 9 }));
    const text = layOutPages([page([...date, ...rtlLine('نص الوثيقة الأول', 600), ...rtlLine('نص الوثيقة الثاني', 586)])]);
    expect(text).toContain('29 December 2017');
  });

  it('takes a document set in presentation forms for the Arabic it is, right to left', () => {
    // "الأمم المتحدة" with each word in presentation forms: words are read right to left.
    const runs = rtlLine('\ufe8d\ufedf\ufe84\ufee3\ufee2 \ufe8d\ufedf\ufee4\ufe98\ufea4\ufeaa\ufe93', 700);
    expect(layOutPages([page(runs)]).trim()).toBe('\ufe8d\ufedf\ufe84\ufee3\ufee2 \ufe8d\ufedf\ufee4\ufe98\ufea4\ufeaa\ufe93');
  });

  it('reads numbers drawn in pieces but joined by one separator they touch as one number ("2018-2019"), and spaced ones as units', () => {
    // "لفترة السنتين 2018-2019" drawn: 2018 | - | 2019 to the left of the Arabic words, each piece a run of its own.
    const range = ltrRuns(['2018', '-', '2019'], 700, 300, [0, 0]);
    const arabic = rtlLine('لفترة السنتين', 700, 524).filter((r) => r.x > 340);
    expect(layOutPages([page([...arabic, ...range])]).trim()).toBe('لفترة السنتين 2018-2019');
    const spaced = ltrRuns(['52', '/', '31'], 700, 300);
    expect(layOutPages([page([...arabic, ...spaced])]).trim()).toBe('لفترة السنتين 31 / 52');
  });

  it('turns round a mirrored pair whose opening bracket touches the Arabic word before it, giving back the space', () => {
    // "في دورته العاشرة (الكويت، 2018)" drawn with mirror codes and the space before the bracket squeezed.
    const runs = [
      ...rtlLine('في دورته العاشرة', 700, 524),
      { text: ')', x: 524 - 95 - 4, y: 700, width: 4, size: SIZE },
      ...rtlLine('الكويت،', 700, 524 - 95 - 4),
      ...ltrRuns(['2018'], 700, 524 - 95 - 4 - 35 - 3.6 - 20),
      { text: '(', x: 524 - 95 - 4 - 35 - 3.6 - 20 - 4, y: 700, width: 4, size: SIZE },
    ];
    expect(layOutPages([page(runs)]).trim()).toBe('في دورته العاشرة (الكويت، 2018)');
  });
});
