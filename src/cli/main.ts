import { performance } from 'node:perf_hooks';
import type { Writable } from 'node:stream';
import { loadConfig, processEnv } from '../config.ts';
import { HdmError } from '../core/errors.ts';
import type { CliIo } from './CliIo.ts';
import { CliError, UsageError } from './CliError.ts';
import { detect } from './commands/detect.ts';
import { mask } from './commands/mask.ts';
import { maskImage } from './commands/maskImage.ts';
import { COMMAND_HELP, GENERAL_HELP } from './help.ts';
import { hasHelpFlag } from './parseArguments.ts';
import { version } from './version.ts';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = { mask, detect, 'mask-image': maskImage };
const GENERAL_HINT = "Run 'hdm --help' for usage.";

/**
 * The `hdm` command. Returns the exit code instead of exiting, after stdout and stderr have taken
 * everything written, so callers (bin/hdm.js, tests) decide what happens next. Every failure ends
 * as one line on stderr that never shows input content.
 */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const full: CliIo = {
    stdin: io.stdin ?? process.stdin,
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? processEnv(),
    now: io.now ?? (() => performance.now()),
  };
  let code: number;
  try {
    code = await run([...argv], full);
  } catch (error) {
    code = await report(error, full);
  }
  return code;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined) {
    await print(io.stderr, GENERAL_HELP);
    return 2;
  }
  if (first === '--help' || first === '-h') return print(io.stdout, GENERAL_HELP);
  if (first === '--version') return print(io.stdout, `${version()}\n`);
  if (first === 'help') return help(rest, io);
  if (first.startsWith('-')) throw new UsageError(`unknown option ${shown(first)}`, GENERAL_HINT);
  const command = COMMANDS[first];
  if (command === undefined) throw new UsageError(`unknown command ${shown(first)}`, GENERAL_HINT);
  if (hasHelpFlag(rest)) return print(io.stdout, COMMAND_HELP[first] ?? GENERAL_HELP);
  return command(rest, io);
}

async function help(args: string[], io: CliIo): Promise<number> {
  const [topic, ...extra] = args;
  if (topic === undefined || topic === '--help' || topic === '-h') return print(io.stdout, GENERAL_HELP);
  const text = COMMAND_HELP[topic];
  if (text === undefined || extra.length > 0) {
    throw new UsageError(`no help for ${shown([topic, ...extra].join(' '))}`, GENERAL_HINT);
  }
  return print(io.stdout, text);
}

async function report(error: unknown, io: CliIo): Promise<number> {
  if (error instanceof CliError) {
    await print(io.stderr, `hdm: ${error.message}\n${error.hint === undefined ? '' : `${error.hint}\n`}`);
    return error.exitCode;
  }
  // Core errors about the input carry messages written to be PHI-free (src/core/errors.ts).
  if (error instanceof HdmError && (error.code === 'INVALID_INPUT' || error.code === 'PAYLOAD_TOO_LARGE')) {
    await print(io.stderr, `hdm: ${error.message}\n`);
    return 1;
  }
  // Anything else may quote input in its message: show it only when asked.
  let text = 'hdm: internal error (set HDM_DEBUG=1 to see details)\n';
  if (debugEnabled(io.env)) text += `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
  await print(io.stderr, text);
  return 1;
}

/** Writes and waits until the stream has taken the text; resolves to exit code 0. */
function print(stream: Writable, text: string): Promise<number> {
  return new Promise((resolve) => {
    // A reader that has gone away (EPIPE) must not crash us with an unhandled 'error' event.
    const ignore = (): void => undefined;
    stream.on('error', ignore);
    stream.write(text, () => {
      stream.off('error', ignore);
      resolve(0);
    });
  });
}

/** Echoes a command or option name only when it looks like one: a mistyped value may be PHI. */
function shown(word: string): string {
  return /^-{0,2}[A-Za-z][\w-]{0,39}$/.test(word) ? `'${word}'` : '(not shown)';
}

/** A broken setting elsewhere must not hide the error being reported: treat it as "no debug". */
function debugEnabled(env: CliIo['env']): boolean {
  try {
    return loadConfig(env, 'cli').debug;
  } catch {
    return false;
  }
}
