import type { Writable } from 'node:stream';
import { CliError } from './CliError.ts';

/** Flush to the stream once this much output is buffered (a line per write() call would be a syscall each). */
const FLUSH_AT_CHARS = 16 * 1024;

/**
 * Buffered text output that honours backpressure: `write` appends and flushes past a threshold,
 * `flush` hands the buffer to the stream and waits for 'drain' when the stream asks to, and
 * `finish` resolves once everything written has left the stream's own buffer.
 * A reader that goes away (EPIPE, as in `hdm detect --jsonl big.jsonl | head`) is not an error:
 * `closed` turns true and further output is dropped, so the caller can stop early and quietly.
 */
export class OutputWriter {
  readonly #stream: Writable;
  #buffer = '';
  #closed = false;
  #failure: string | undefined;
  readonly #onError = (error: unknown): void => {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') this.#closed = true;
    else this.#failure = typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : 'unknown error';
  };

  constructor(stream: Writable) {
    this.#stream = stream;
    stream.on('error', this.#onError);
  }

  /** True once the reader has gone away; output is then dropped. */
  get closed(): boolean {
    return this.#closed || this.#stream.destroyed;
  }

  /** Appends text; returns a promise only when a flush was due, which the caller should await. */
  write(text: string): Promise<void> | undefined {
    this.#buffer += text;
    return this.#buffer.length >= FLUSH_AT_CHARS ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    this.#throwIfFailed();
    if (this.#buffer === '' || this.closed) return;
    const chunk = this.#buffer;
    this.#buffer = '';
    if (!this.#stream.write(chunk)) await settled(this.#stream, 'drain');
    this.#throwIfFailed();
  }

  /** Flushes, waits until the stream has taken everything, and stops listening for errors. */
  async finish(): Promise<void> {
    try {
      await this.flush();
      if (!this.closed) await new Promise<void>((resolve) => this.#stream.write('', () => resolve()));
      this.#throwIfFailed();
    } finally {
      this.#stream.off('error', this.#onError);
    }
  }

  #throwIfFailed(): void {
    if (this.#failure !== undefined) throw new CliError(`cannot write the output (${this.#failure})`, 1);
  }
}

/** Resolves on `event`, or when the stream errors or closes (so a dead reader never hangs us). */
function settled(stream: Writable, event: string): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off(event, done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.on(event, done);
    stream.on('error', done);
    stream.on('close', done);
  });
}
