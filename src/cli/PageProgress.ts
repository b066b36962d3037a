import type { Writable } from 'node:stream';
import type { MaybeTty } from './CliIo.ts';

const REDRAW_EVERY_MS = 100;

/**
 * A one-line progress display for a batch of pages on a terminal: pages done of the total, failures,
 * pages per second and the time left at that rate. Redraws at most every 100 ms; counts only, never a
 * file name or content. `note` prints a line above the bar without garbling it.
 */
export class PageProgress {
  readonly #stream: Writable;
  readonly #now: () => number;
  readonly #total: number;
  readonly #startedAt: number;
  #lastDrawAt = Number.NEGATIVE_INFINITY;
  #drawn = false;
  #done = 0;
  #failed = 0;

  constructor(stream: Writable, now: () => number, total: number) {
    this.#stream = stream;
    this.#now = now;
    this.#total = total;
    this.#startedAt = now();
  }

  /** A bar on `stderr` when it is a terminal (batch outputs go to files, so stdout does not matter). */
  static forTerminal(stderr: Writable & MaybeTty, now: () => number, total: number): PageProgress | undefined {
    return stderr.isTTY === true ? new PageProgress(stderr, now, total) : undefined;
  }

  /** Pages finished so far (masked or failed), and how many of them failed. */
  update(done: number, failed: number): void {
    this.#done = done;
    this.#failed = failed;
    const now = this.#now();
    if (now - this.#lastDrawAt < REDRAW_EVERY_MS) return;
    this.#lastDrawAt = now;
    this.#stream.write(`\r${this.render(now)}\x1b[K`);
    this.#drawn = true;
  }

  /** Prints `line` (ending in a newline) on a line of its own, and the bar again below it. */
  note(line: string): void {
    const drawn = this.#drawn;
    this.clear();
    this.#stream.write(line);
    if (drawn) {
      this.#stream.write(`\r${this.render(this.#now())}\x1b[K`);
      this.#drawn = true;
    }
  }

  /** Erases the bar (before the summary or an error message). */
  clear(): void {
    if (this.#drawn) this.#stream.write('\r\x1b[K');
    this.#drawn = false;
  }

  /** `hdm: 12/60 pages, 1 failed, 1.4 pages/s, ETA 0:34`. */
  render(now: number): string {
    const seconds = (now - this.#startedAt) / 1000;
    const rate = seconds > 0 ? this.#done / seconds : 0;
    const failed = this.#failed > 0 ? `, ${this.#failed} failed` : '';
    const eta = rate > 0 ? clock((this.#total - this.#done) / rate) : '--:--';
    return `hdm: ${this.#done}/${this.#total} pages${failed}, ${rate.toFixed(1)} pages/s, ETA ${eta}`;
  }
}

/** 34 → "0:34", 3725 → "1:02:05". */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const mmss = `${Math.floor((s % 3600) / 60)}:${String(s % 60).padStart(2, '0')}`;
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mmss.padStart(5, '0')}` : mmss;
}
