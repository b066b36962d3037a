import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliIo } from './CliIo.ts';
import { InputError } from './CliError.ts';
import { isStdin } from './readInput.ts';

/** `.<name>.<random>.tmp` next to `target`: same folder, so the final rename is atomic. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** `target: cannot write (EACCES)`: the error code only, Node's message is not needed. */
export function writeError(target: string, error: unknown): InputError {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' && /^E[A-Z]+$/.test(code) ? ` (${code})` : '';
  return new InputError(`${target}: cannot write${reason}`);
}

/**
 * Writes to a temporary file next to the target and renames it: a failed run leaves no half-written
 * file. `-` writes to stdout.
 */
export async function writeAtomically(target: string, data: Uint8Array | string, io: CliIo): Promise<void> {
  if (isStdin(target)) return writeStdout(data, io);
  const temp = tempPathFor(target);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw writeError(target, error);
  }
}

function writeStdout(data: Uint8Array | string, io: CliIo): Promise<void> {
  return new Promise((resolve, reject) => {
    // A reader that went away (EPIPE) is not an error, as for the text commands.
    const onError = (error: unknown): void => {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') resolve();
      else reject(new InputError('cannot write the output'));
    };
    io.stdout.once('error', onError);
    io.stdout.write(data, () => {
      io.stdout.off('error', onError);
      resolve();
    });
  });
}
