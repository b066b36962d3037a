import type { Writable } from 'node:stream';
import type { MaybeTty } from './CliIo.ts';

const REDRAW_EVERY_MS = 100;

/**
 * A one-line progress display on a terminal: lines done, lines per second and, when the input size
 * is known, the share of bytes read. Redraws at most every 100 ms, so it costs nothing per line.
 * It shows counts only, never content.
 */
export class ProgressBar {
  readonly #stream: Writable;
  readonly #now: () => number;
  readonly #totalBytes: number | undefined;
  readonly #startedAt: number;
  #lastDrawAt = Number.NEGATIVE_INFINITY;
  #drawn = false;

  constructor(stream: Writable, now: () => number, totalBytes?: number) {
    this.#stream = stream;
    this.#now = now;
    this.#totalBytes = totalBytes !== undefined && totalBytes > 0 ? totalBytes : undefined;
    this.#startedAt = now();
  }

  /**
   * A bar on `stderr` when it is a terminal and `stdout` is not (a bar between output lines on the
   * same screen would garble both); otherwise undefined, and the caller shows nothing.
   */
  static forTerminal(
    stderr: Writable & MaybeTty,
    stdout: MaybeTty,
    now: () => number,
    totalBytes?: number,
  ): ProgressBar | undefined {
    return stderr.isTTY === true && stdout.isTTY !== true ? new ProgressBar(stderr, now, totalBytes) : undefined;
  }

  update(lines: number, bytesRead: number): void {
    const now = this.#now();
    if (now - this.#lastDrawAt < REDRAW_EVERY_MS) return;
    this.#lastDrawAt = now;
    this.#draw(lines, bytesRead, now);
  }

  /** Draws the final counts and ends the line. */
  finish(lines: number, bytesRead: number): void {
    this.#draw(lines, bytesRead, this.#now());
    this.#stream.write('\n');
    this.#drawn = false;
  }

  /** Erases the bar, e.g. before an error message. */
  clear(): void {
    if (this.#drawn) this.#stream.write('\r\x1b[K');
    this.#drawn = false;
  }

  #draw(lines: number, bytesRead: number, now: number): void {
    const seconds = (now - this.#startedAt) / 1000;
    const rate = seconds > 0 ? lines / seconds : 0;
    let text = `hdm: ${grouped(lines)} lines, ${grouped(rate)} lines/s`;
    if (this.#totalBytes !== undefined) {
      text += `, ${Math.min(100, Math.floor((100 * bytesRead) / this.#totalBytes))}%`;
    }
    this.#stream.write(`\r${text}\x1b[K`);
    this.#drawn = true;
  }
}

/** 1234567.8 → "1,234,568". (Intl.NumberFormat would cost tens of milliseconds at start-up.) */
function grouped(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+$)/g, ',');
}
