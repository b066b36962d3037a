/*
 * The rules every setting is read with. Each takes the key, reports a broken rule by pushing one line that names
 * the key and the rule (never the value) onto `problems`, and returns the default instead, so loadConfig can
 * report every bad key together.
 */

export type Env = Readonly<Record<string, string | undefined>>;

/** The value without surrounding blanks; undefined when unset or blank. */
export function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function parseBoolean(env: Env, key: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[key]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  problems.push(`${key} must be 1/0, true/false, yes/no or on/off`);
  return fallback;
}

export function parseInteger(
  env: Env,
  key: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = nonEmpty(env[key]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problems.push(`${key} must be a whole number from ${min} to ${max}`);
    return fallback;
  }
  return value;
}

/** HDM_REGION, else AWS_REGION: one region or several, comma-separated (the first is the advertised one). */
export function parseRegions(env: Env, problems: string[]): { region: string; regions: string[] } {
  const key = nonEmpty(env.HDM_REGION) ? 'HDM_REGION' : 'AWS_REGION';
  const regions = (nonEmpty(env[key]) ?? 'us-east-1')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  if (regions.length === 0 || !regions.every((r) => /^[a-z]{2}(?:-[a-z]+)+-\d$/.test(r))) {
    problems.push(`${key} must be an AWS region name such as us-east-1, or several separated by commas`);
    return { region: 'us-east-1', regions: ['us-east-1'] };
  }
  return { region: regions[0] as string, regions };
}

export function parseName(env: Env, key: string, fallback: string, rule: RegExp, problems: string[]): string {
  const value = nonEmpty(env[key]) ?? fallback;
  if (!rule.test(value)) problems.push(`${key} is not a valid name`);
  return value;
}

/** A key with no default: on AWS a default would silently point at someone else's resources. */
export function requireSet(env: Env, key: string, problems: string[]): void {
  if (!env[key]?.trim()) problems.push(`${key} must be set`);
}

export function parseHttpsUrl(env: Env, key: string, problems: string[]): string {
  const value = env[key]?.trim();
  if (!value) {
    problems.push(`${key} must be set`);
    return '';
  }
  try {
    if (new URL(value).protocol === 'https:') return value;
  } catch {
    // Not a URL at all: the same problem as another scheme.
  }
  problems.push(`${key} must be an https URL`);
  return '';
}

export function parseOneOf<T extends string>(
  env: Env,
  key: string,
  allowed: readonly T[],
  fallback: T,
  problems: string[],
): T {
  const value = env[key]?.trim();
  if (!value) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`${key} must be one of ${allowed.join(', ')}`);
  return fallback;
}

/** A Lambda timeout, required: a whole number of seconds from 1 to 900 (Lambda's own range). */
export function parseTimeoutSeconds(env: Env, key: string, problems: string[]): number {
  const raw = env[key]?.trim();
  const value = raw ? Number(raw) : Number.NaN;
  if (Number.isInteger(value) && value >= 1 && value <= 900) return value;
  problems.push(`${key} must be a whole number of seconds from 1 to 900`);
  return 0;
}
