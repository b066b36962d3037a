import { InvalidInputError } from './core/errors.ts';

/** Settings read from the environment. Later issues add the server, storage and AWS settings here. */
export interface Config {
  /** HDM_DEBUG=1: internal errors print their stack trace (never input content). */
  debug: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The process environment; the one place in the code base that reads it. */
export function processEnv(): Env {
  return process.env;
}

/**
 * Parses every setting once and reports all bad keys together, naming the key and the rule, never
 * echoing a value.
 *
 * @example
 * const config = loadConfig({ HDM_DEBUG: '1' }); // { debug: true }
 */
export function loadConfig(env: Env = processEnv()): Config {
  const problems: string[] = [];
  const debug = parseBoolean(env, 'HDM_DEBUG', false, problems);
  if (problems.length > 0) throw new InvalidInputError(`invalid configuration: ${problems.join('; ')}`);
  return { debug };
}

function parseBoolean(env: Env, key: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[key]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  problems.push(`${key} must be 1/0, true/false, yes/no or on/off`);
  return fallback;
}
