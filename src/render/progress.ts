// A one-line progress bar redrawn in place on stderr. Callers only create one
// when stderr is a terminal: a log file must not fill with carriage returns.

export interface ProgressStream {
  write(chunk: string): unknown;
  columns?: number;
}

const BAR_CELLS = 24;
const REDRAW_EVERY_MS = 80;
const CLEAR_LINE = '\r\x1b[K';

/** `m:ss`, or `h:mm:ss` from an hour on. */
function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const [h, m] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60)];
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * The time left, printed (`1:40`), when `done` of `total` items took
 * `elapsedMs`: the items left at the mean pace so far. Null before the first
 * item (no pace yet) and after the last.
 */
export function etaText(elapsedMs: number, done: number, total: number): string | null {
  if (done <= 0 || done >= total || !Number.isFinite(elapsedMs)) return null;
  return clock((Math.max(0, elapsedMs) / 1000 / done) * (total - done));
}

export function progressText(done: number, total: number, label: string): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * BAR_CELLS);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_CELLS - filled)}] ${done}/${total} ${label}`;
}

export class ProgressBar {
  private lastDraw = 0;

  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number = Date.now,
  ) {}

  update(done: number, total: number, label: string): void {
    const time = this.now();
    if (done < total && time - this.lastDraw < REDRAW_EVERY_MS) return;
    this.lastDraw = time;
    let text = progressText(done, total, label);
    // A pseudo-terminal may report 0 columns: assume a common width then.
    const room = (this.stream.columns || 80) - 1;
    if (text.length > room) text = text.slice(0, Math.max(0, room));
    this.stream.write(CLEAR_LINE + text);
  }

  /** Removes the bar, so that what follows starts on a clean line. */
  clear(): void {
    if (this.lastDraw > 0) this.stream.write(CLEAR_LINE);
    this.lastDraw = 0;
  }
}
