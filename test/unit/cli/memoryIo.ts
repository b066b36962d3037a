import { Readable, Writable } from 'node:stream';
import type { CliIo } from '../../../src/cli/CliIo.ts';

export interface MemoryIoOptions {
  stdin?: string | Buffer | Readable;
  stdinIsTTY?: boolean;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  env?: Record<string, string | undefined>;
  now?: () => number;
}

export interface MemoryIo {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
}

/** In-memory stdin/stdout/stderr for calling `main` directly. */
export function memoryIo(options: MemoryIoOptions = {}): MemoryIo {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const source = options.stdin ?? '';
  const stdin = source instanceof Readable ? source : Readable.from([Buffer.from(source)]);
  const io: CliIo = {
    stdin: Object.assign(stdin, options.stdinIsTTY ? { isTTY: true } : {}),
    stdout: Object.assign(collector(out), options.stdoutIsTTY ? { isTTY: true } : {}),
    stderr: Object.assign(collector(err), options.stderrIsTTY ? { isTTY: true } : {}),
    env: options.env ?? {},
    now: options.now ?? (() => performance.now()),
  };
  return {
    io,
    stdout: () => Buffer.concat(out).toString('utf8'),
    stderr: () => Buffer.concat(err).toString('utf8'),
  };
}

export function collector(chunks: Buffer[]): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      callback();
    },
  });
}
