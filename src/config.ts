import { DEFAULT_SYNC_TEXT_LENGTH } from './core/JobServices.ts';
import type { AwsSettings, RecoverySettings } from './config/AwsSettings.ts';
import { ConfigError } from './config/ConfigError.ts';
import { type Env, nonEmpty, parseBoolean, parseInteger, parseName, parseRegions } from './config/envRules.ts';
import { readAwsOnlySettings, readRecoverySettings } from './config/readAwsSettings.ts';

export { ConfigError } from './config/ConfigError.ts';
export {
  AWS_ENV,
  RECOVERY_ENV,
  type AwsDetector,
  type AwsOcr,
  type AwsSettings,
  type RecoverySettings,
} from './config/AwsSettings.ts';
export type { Env } from './config/envRules.ts';

/** The settings of the local API server and the CLI (loadConfig modes 'local' and 'cli'); every one has a default. */
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

/** S3's rule for bucket names (lower case, 3-63 characters), for HDM_BUCKET and HDM_OUTPUT_BUCKET. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Which host reads the configuration. 'local' (`npm start`, startLocalApi) and 'cli' (`hdm`) read the same keys,
 * all with defaults; 'lambda' (every deployed function) reads what AWS_ENV names, the table, buckets and URLs
 * with no default; 'recovery' (the sweeper and the dead-letter consumer, besides 'lambda') their time limits.
 */
export type ConfigMode = 'local' | 'cli' | 'lambda' | 'recovery';

/** What loadConfig returns for each mode. */
export type ConfigOf<M extends ConfigMode> = M extends 'lambda'
  ? AwsSettings
  : M extends 'recovery'
    ? RecoverySettings
    : Config;

/** The process environment; the one place in the code base that reads it. */
export function processEnv(): Env {
  return process.env;
}

/**
 * Parses every setting of `mode` once, with one set of rules for every host, and reports all bad keys together
 * in one ConfigError, naming the key and the rule, never echoing a value.
 *
 * @example
 * const config = loadConfig({ HDM_DEBUG: '1', PORT: '8080' });
 * const settings = loadConfig(processEnv(), 'lambda');
 * @throws ConfigError with `problems`, one line per broken rule.
 */
export function loadConfig(env?: Env): Config;
export function loadConfig<M extends ConfigMode>(env: Env, mode: M): ConfigOf<M>;
export function loadConfig(
  env: Env = processEnv(),
  mode: ConfigMode = 'local',
): Config | AwsSettings | RecoverySettings {
  const problems: string[] = [];
  const config =
    mode === 'lambda'
      ? readLambda(env, problems)
      : mode === 'recovery'
        ? readRecoverySettings(env, problems)
        : readLocal(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The local server's and the CLI's settings; every key has a default. */
function readLocal(env: Env, problems: string[]): Config {
  const certFile = nonEmpty(env.HDM_TLS_CERT);
  const keyFile = nonEmpty(env.HDM_TLS_KEY);
  if ((certFile === undefined) !== (keyFile === undefined))
    problems.push('HDM_TLS_CERT and HDM_TLS_KEY must be set together');
  const tlsFlag = parseBoolean(env, 'HDM_TLS', false, problems);
  const config: Config = {
    debug: parseBoolean(env, 'HDM_DEBUG', false, problems),
    port: parseInteger(env, 'PORT', 4000, 0, 65535, problems),
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    dataDir: nonEmpty(env.HDM_DATA_DIR) ?? '.data',
    ...parseRegions(env, problems),
    tls: certFile && keyFile ? { certFile, keyFile } : tlsFlag,
    recordTtlDays: parseInteger(env, 'HDM_RECORD_TTL_DAYS', 30, 1, 3650, problems),
    maxRequestBytes: parseInteger(
      env,
      'HDM_MAX_REQUEST_BYTES',
      DEFAULT_MAX_REQUEST_BYTES,
      1024,
      64 * 1024 * 1024,
      problems,
    ),
    tableName: parseName(env, 'HDM_TABLE_NAME', 'hdm-jobs', /^[A-Za-z0-9_.-]{3,255}$/, problems),
    bucket: parseName(env, 'HDM_BUCKET', 'hdm-data', BUCKET_NAME, problems),
    outputBucket: parseName(env, 'HDM_OUTPUT_BUCKET', 'hdm-output', BUCKET_NAME, problems),
    maskFill: parseName(env, 'HDM_MASK_FILL', '#000000', /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, problems),
    workerConcurrency: parseInteger(env, 'HDM_WORKER_CONCURRENCY', 1, 1, 16, problems),
    queryDepthLimit: parseInteger(env, 'HDM_QUERY_DEPTH_LIMIT', DEFAULT_QUERY_DEPTH_LIMIT, 0, 75, problems),
    syncTextLength: parseInteger(env, 'HDM_SYNC_TEXT_LENGTH', DEFAULT_SYNC_TEXT_LENGTH, 1, 1_000_000, problems),
    resolverCountLimit: parseInteger(
      env,
      'HDM_RESOLVER_COUNT_LIMIT',
      DEFAULT_RESOLVER_COUNT_LIMIT,
      0,
      10_000,
      problems,
    ),
  };
  const principalsFile = nonEmpty(env.HDM_PRINCIPALS_FILE);
  if (principalsFile) config.principalsFile = principalsFile;
  return config;
}

/**
 * A deployed function's settings: the keys only AWS has, then the names, region, TTL, fill and sync length by the
 * same rules as locally (a bad local-only key, such as PORT, is reported too, as one environment is one story).
 */
function readLambda(env: Env, problems: string[]): AwsSettings {
  const aws = readAwsOnlySettings(env, problems);
  const local = readLocal(env, problems);
  return {
    tableName: local.tableName,
    bucket: local.bucket,
    outputBucket: local.outputBucket,
    region: local.region,
    ...aws,
    recordTtlDays: local.recordTtlDays,
    fill: local.maskFill,
    syncTextLength: local.syncTextLength,
  };
}
