import { InvalidInputError } from './core/errors.ts';
import { DEFAULT_SYNC_TEXT_LENGTH } from './core/JobServices.ts';

/** Settings read from the environment: the CLI, the local API server, and (later) AWS deployment. */
export interface Config {
  /** HDM_DEBUG=1: internal errors print their stack trace (never input content). */
  debug: boolean;
  /** PORT: the local API's port (default 4000; 0 picks a free one). */
  port: number;
  /** HOST: the address it listens on (default 127.0.0.1, loopback only). */
  host: string;
  /** HDM_DATA_DIR: dynalite, s3rver, generated credentials and certificates (default `.data`). */
  dataDir: string;
  /** HDM_PRINCIPALS_FILE: JSON principals for SigV4 (default: one generated into the data directory). */
  principalsFile?: string;
  /** HDM_REGION, else AWS_REGION: the region the API advertises (default us-east-1). */
  region: string;
  /** Every region a request may be signed for: HDM_REGION may list several, comma-separated; the first is `region`. */
  regions: string[];
  /** HDM_TLS=1: HTTPS and WSS with a self-signed certificate (or HDM_TLS_CERT and HDM_TLS_KEY, PEM files). */
  tls: boolean | { certFile: string; keyFile: string };
  /** HDM_RECORD_TTL_DAYS: job records expire after this many days (default 30). */
  recordTtlDays: number;
  /** HDM_MAX_REQUEST_BYTES: largest request body the local server reads (default 6 MiB). */
  maxRequestBytes: number;
  /** HDM_TABLE_NAME: the DynamoDB table (default hdm-jobs). */
  tableName: string;
  /** HDM_BUCKET: the S3 bucket for inputs and large results (default hdm-data). */
  bucket: string;
  /** HDM_OUTPUT_BUCKET: the S3 bucket masked images go to (default hdm-output). */
  outputBucket: string;
  /** HDM_MASK_FILL: colour of the boxes covering PHI in images, #rgb or #rrggbb (default #000000). */
  maskFill: string;
  /** HDM_WORKER_CONCURRENCY: image jobs the local worker runs at once (default 1). */
  workerConcurrency: number;
  /** HDM_QUERY_DEPTH_LIMIT: AppSync's queryDepthLimit, the deepest nesting of fields a request may have (default 15; 1-75, 0 none). */
  queryDepthLimit: number;
  /**
   * HDM_SYNC_TEXT_LENGTH: maskText inputs longer than this (characters) are answered with a QUEUED job that the
   * worker finishes (default DEFAULT_SYNC_TEXT_LENGTH, 100,000; 1 to 1,000,000). Read locally and on AWS.
   */
  syncTextLength: number;
  /** HDM_RESOLVER_COUNT_LIMIT: AppSync's resolverCountLimit, the most resolvers a request may invoke (default 1000; 1-10000, 0 AppSync's 10000). */
  resolverCountLimit: number;
}

/**
 * AppSync's request limits for this API, locally and on AWS (infra/DeploymentSettings.ts reads these too). The
 * deepest query the client kit sends is 5 levels, and a full page of 100 jobs with their findings and images
 * invokes 201 resolvers; 380 aliases of a page of jobs with findings once held the local server for 52 s. Depth
 * 15 admits graphql-js's stock getIntrospectionQuery() (15 levels: its type references nest `ofType` deeply), so
 * tools that introspect the API work, and stays far below AppSync's 75.
 */
export const DEFAULT_QUERY_DEPTH_LIMIT = 15;
export const DEFAULT_RESOLVER_COUNT_LIMIT = 1000;
/** HDM_MAX_REQUEST_BYTES's default; the local server also bounds the mask inputs of one request by it. */
export const DEFAULT_MAX_REQUEST_BYTES = 6 * 1024 * 1024;

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
 * const config = loadConfig({ HDM_DEBUG: '1', PORT: '8080' });
 */
export function loadConfig(env: Env = processEnv()): Config {
  const problems: string[] = [];
  const certFile = nonEmpty(env.HDM_TLS_CERT);
  const keyFile = nonEmpty(env.HDM_TLS_KEY);
  if ((certFile === undefined) !== (keyFile === undefined)) problems.push('HDM_TLS_CERT and HDM_TLS_KEY must be set together');
  const tlsFlag = parseBoolean(env, 'HDM_TLS', false, problems);
  const config: Config = {
    debug: parseBoolean(env, 'HDM_DEBUG', false, problems),
    port: parseInteger(env, 'PORT', 4000, 0, 65535, problems),
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    dataDir: nonEmpty(env.HDM_DATA_DIR) ?? '.data',
    ...parseRegions(env, problems),
    tls: certFile && keyFile ? { certFile, keyFile } : tlsFlag,
    recordTtlDays: parseInteger(env, 'HDM_RECORD_TTL_DAYS', 30, 1, 3650, problems),
    maxRequestBytes: parseInteger(env, 'HDM_MAX_REQUEST_BYTES', DEFAULT_MAX_REQUEST_BYTES, 1024, 64 * 1024 * 1024, problems),
    tableName: parseName(env, 'HDM_TABLE_NAME', 'hdm-jobs', /^[A-Za-z0-9_.-]{3,255}$/, problems),
    bucket: parseName(env, 'HDM_BUCKET', 'hdm-data', /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, problems),
    outputBucket: parseName(env, 'HDM_OUTPUT_BUCKET', 'hdm-output', /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, problems),
    maskFill: parseName(env, 'HDM_MASK_FILL', '#000000', /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, problems),
    workerConcurrency: parseInteger(env, 'HDM_WORKER_CONCURRENCY', 1, 1, 16, problems),
    queryDepthLimit: parseInteger(env, 'HDM_QUERY_DEPTH_LIMIT', DEFAULT_QUERY_DEPTH_LIMIT, 0, 75, problems),
    syncTextLength: parseInteger(env, 'HDM_SYNC_TEXT_LENGTH', DEFAULT_SYNC_TEXT_LENGTH, 1, 1_000_000, problems),
    resolverCountLimit: parseInteger(env, 'HDM_RESOLVER_COUNT_LIMIT', DEFAULT_RESOLVER_COUNT_LIMIT, 0, 10_000, problems),
  };
  const principalsFile = nonEmpty(env.HDM_PRINCIPALS_FILE);
  if (principalsFile) config.principalsFile = principalsFile;
  if (problems.length > 0) throw new InvalidInputError(`invalid configuration: ${problems.join('; ')}`);
  return config;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function parseBoolean(env: Env, key: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[key]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  problems.push(`${key} must be 1/0, true/false, yes/no or on/off`);
  return fallback;
}

function parseInteger(env: Env, key: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = nonEmpty(env[key]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problems.push(`${key} must be a whole number from ${min} to ${max}`);
    return fallback;
  }
  return value;
}

function parseRegions(env: Env, problems: string[]): { region: string; regions: string[] } {
  const key = nonEmpty(env.HDM_REGION) ? 'HDM_REGION' : 'AWS_REGION';
  const regions = (nonEmpty(env[key]) ?? 'us-east-1').split(',').map((r) => r.trim()).filter(Boolean);
  if (regions.length === 0 || !regions.every((r) => /^[a-z]{2}(?:-[a-z]+)+-\d$/.test(r))) {
    problems.push(`${key} must be an AWS region name such as us-east-1, or several separated by commas`);
    return { region: 'us-east-1', regions: ['us-east-1'] };
  }
  return { region: regions[0] as string, regions };
}

function parseName(env: Env, key: string, fallback: string, rule: RegExp, problems: string[]): string {
  const value = nonEmpty(env[key]) ?? fallback;
  if (!rule.test(value)) problems.push(`${key} is not a valid name`);
  return value;
}
