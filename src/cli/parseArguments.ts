import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './CliError.ts';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** The result of `parseArgs` for a given options config, with positionals allowed and strict checks. */
export type ParsedArguments<O extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/** True when `-h` or `--help` appears before any `--`: help wins over every other error. */
export function hasHelpFlag(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

/**
 * `node:util` parseArgs in strict mode, turning its errors into a UsageError of our own wording:
 * parseArgs' messages quote option values, and a value (e.g. a deny-list term) may be PHI.
 */
export function parseArguments<O extends OptionsConfig>(
  command: string,
  args: string[],
  options: O,
): ParsedArguments<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(args, options, error), `Run 'hdm ${command} --help' for usage.`);
  }
}

function describeParseError(args: string[], options: OptionsConfig, error: unknown): string {
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    const name = token.rawName;
    if (!spec) return `unknown option ${safeOptionName(name)}`;
    if (spec.type === 'boolean' && token.value !== undefined) return `option ${name} takes no value`;
    if (spec.type === 'string' && token.value === undefined) return `option ${name} needs a value`;
    if (spec.type === 'string' && !token.inlineValue && token.value?.startsWith('-')) {
      return `option ${name} needs a value (write ${name}=VALUE for a value that starts with '-')`;
    }
  }
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' ? 'unexpected argument' : 'invalid arguments';
}

/** Option names are ours to echo; anything odd-looking might be a pasted value, so it is not echoed. */
function safeOptionName(rawName: string): string {
  return /^--?[A-Za-z][\w-]{0,39}$/.test(rawName) ? `'${rawName}'` : '(not shown)';
}
