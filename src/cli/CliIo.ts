import type { Readable, Writable } from 'node:stream';

/** A stream that may be a terminal (process.stdin/stdout/stderr set `isTTY`; in-memory streams do not). */
export type MaybeTty = { isTTY?: boolean };

/** Everything the CLI touches outside its arguments, injectable so tests run `main` in memory. */
export interface CliIo {
  stdin: Readable & MaybeTty;
  stdout: Writable & MaybeTty;
  stderr: Writable & MaybeTty;
  /** HDM_DEBUG, and HDM_BENCH_IN_FLIGHT_EXTRA for `mask-image` batches (bench/maskImageBatch.ts). */
  env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds, monotonic; injectable for the progress bar's tests. */
  now: () => number;
}
