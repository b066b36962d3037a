import { readFile } from 'node:fs/promises';
import type { CliIo } from './CliIo.ts';
import { InputError, UsageError } from './CliError.ts';
import { decodeUtf8 } from './decodeUtf8.ts';

export const STDIN_NAME = '<stdin>';

export interface Input {
  text: string;
  /** How messages name the input: the path as given, or `<stdin>`. */
  name: string;
}

/** True when FILE means stdin: absent or `-`. */
export function isStdin(file: string | undefined): boolean {
  return file === undefined || file === '-';
}

/** Refuses to wait on a terminal for input nobody is typing on purpose. */
export function assertStdinUsable(file: string | undefined, io: CliIo, command: string): void {
  if (file === undefined && io.stdin.isTTY === true) {
    throw new UsageError('no input: give a FILE, or pipe text to stdin', `Run 'hdm ${command} --help' for usage.`);
  }
}

/** Reads FILE (or stdin for `-` or no FILE) whole and decodes it as strict UTF-8. */
export async function readInput(file: string | undefined, io: CliIo, command: string): Promise<Input> {
  assertStdinUsable(file, io, command);
  if (isStdin(file)) {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    } catch (error) {
      throw isSystemError(error) ? fileError(STDIN_NAME, error) : error;
    }
    return { text: decodeUtf8(Buffer.concat(chunks), STDIN_NAME), name: STDIN_NAME };
  }
  const name = file as string;
  return { text: await readTextFile(name), name };
}

/** Reads a whole file as strict UTF-8, with file errors turned into one-line InputErrors. */
export async function readTextFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw fileError(path, error);
  }
  return decodeUtf8(bytes, path);
}

/** `name: no such file`, etc. Only the error code is used: Node's own messages are not needed. */
export function fileError(name: string, error: unknown): InputError {
  const code = (error as { code?: unknown } | null)?.code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : code === 'ENOTDIR'
            ? 'a part of the path is not a directory'
            : typeof code === 'string' && /^E[A-Z]+$/.test(code)
              ? `cannot read (${code})`
              : 'cannot read';
  return new InputError(`${name}: ${reason}`);
}

/** An operating-system error (ENOENT, EIO, ...) rather than a bug: reported as an input error. */
export function isSystemError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}
