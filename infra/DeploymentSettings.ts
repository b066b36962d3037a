import type { Node } from 'constructs';
import { DEFAULT_QUERY_DEPTH_LIMIT, DEFAULT_RESOLVER_COUNT_LIMIT } from '../src/config.ts';

export type Detector = 'comprehend-medical' | 'local' | 'union';
export type OcrEngine = 'rekognition' | 'tesseract';
export type RemovalChoice = 'retain' | 'destroy';

/** What a deployment may choose through CDK context (`cdk deploy -c detector=local`); every key has a default. */
export interface DeploymentSettings {
  /** Context `detector`: how text is searched for PHI (default comprehend-medical). */
  detector: Detector;
  /** Context `ocr`: how text is read from images (default rekognition). */
  ocr: OcrEngine;
  /**
   * Context `retentionDays`: how long a job lasts (default 30). The one setting behind the job records' TTL
   * (HDM_RECORD_TTL_DAYS) and the lifecycle of what a job leaves: masked images (output bucket) and masked texts
   * too big for a record (`results/` in the input bucket). So a result never vanishes before its job.
   */
  retentionDays: number;
  /**
   * Context `inputRetentionDays`: inputs (uploads, inline images and their allow/deny terms, OCR copies) expire after
   * this many days (default 7, or retentionDays if shorter; at most retentionDays); the worker needs them only until
   * the job ends.
   */
  inputRetentionDays: number;
  /** Context `removalPolicy`: what `cdk destroy` does to the table, buckets and key (default retain: PHI-bearing data survives a mistaken destroy). */
  removalPolicy: RemovalChoice;
  /** Context `xray`: X-Ray tracing on the API and the functions (default false). */
  xray: boolean;
  /** Context `exampleClientRole`: also create a role granted every client field, to copy from (default false). */
  exampleClientRole: boolean;
  /**
   * Context `appUsers`: a Cognito user pool and identity pool whose signed-in users may call the client fields,
   * each owning its jobs by its `cognitoIdentityId` (default true; `false` for an API called only by IAM roles).
   */
  appUsers: boolean;
  /**
   * Context `corsOrigins`: comma-separated origins allowed to PUT uploads from a browser. Default none: a
   * browser app's origin is named on purpose (`-c corsOrigins=https://app.example.org`), never any page's.
   */
  corsOrigins: string[];
  /** Context `maskFill`: colour of the boxes over PHI in images (default #000000). */
  maskFill: string;
  /**
   * Context `queryDepthLimit`: AppSync's deepest nesting of fields per request (1-75, 0 none). Unset, the stack
   * uses the local server's default (src/config.ts, 15, which admits graphql-js's stock introspection query), so
   * the two cannot drift apart.
   */
  queryDepthLimit?: number;
  /** Context `resolverCountLimit`: AppSync's most resolver invocations per request (1-10000, 0 AppSync's 10000); unset, src/config.ts's 1000. */
  resolverCountLimit?: number;
}

export const DEFAULT_SETTINGS: Readonly<DeploymentSettings> = {
  detector: 'comprehend-medical',
  ocr: 'rekognition',
  retentionDays: 30,
  inputRetentionDays: 7,
  removalPolicy: 'retain',
  xray: false,
  exampleClientRole: false,
  appUsers: true,
  corsOrigins: [],
  maskFill: '#000000',
};

/** The request limits a deployment gets: the context's, else the local server's defaults. */
export function requestLimits(settings: DeploymentSettings): { queryDepthLimit: number; resolverCountLimit: number } {
  return {
    queryDepthLimit: settings.queryDepthLimit ?? DEFAULT_QUERY_DEPTH_LIMIT,
    resolverCountLimit: settings.resolverCountLimit ?? DEFAULT_RESOLVER_COUNT_LIMIT,
  };
}

/** One bad context value; the message lists every problem so one synth shows them all. */
export class DeploymentSettingsError extends Error {
  constructor(
    readonly problems: string[],
    options?: ErrorOptions,
  ) {
    super(`invalid CDK context:\n  ${problems.join('\n  ')}`, options);
    this.name = 'DeploymentSettingsError';
  }
}

/** Reads the settings from CDK context (strings from `-c key=value`, or JSON values from cdk.json). */
export function readDeploymentSettings(node: Pick<Node, 'tryGetContext'>): DeploymentSettings {
  const problems: string[] = [];
  const get = (key: string): unknown => node.tryGetContext(key);
  const settings: DeploymentSettings = {
    detector: oneOf(
      get('detector'),
      'detector',
      ['comprehend-medical', 'local', 'union'],
      DEFAULT_SETTINGS.detector,
      problems,
    ),
    ocr: oneOf(get('ocr'), 'ocr', ['rekognition', 'tesseract'], DEFAULT_SETTINGS.ocr, problems),
    retentionDays: integer(get('retentionDays'), 'retentionDays', DEFAULT_SETTINGS.retentionDays, problems),
    inputRetentionDays: integer(
      get('inputRetentionDays'),
      'inputRetentionDays',
      DEFAULT_SETTINGS.inputRetentionDays,
      problems,
    ),
    removalPolicy: oneOf(
      get('removalPolicy'),
      'removalPolicy',
      ['retain', 'destroy'],
      DEFAULT_SETTINGS.removalPolicy,
      problems,
    ),
    xray: boolean(get('xray'), 'xray', DEFAULT_SETTINGS.xray, problems),
    exampleClientRole: boolean(
      get('exampleClientRole'),
      'exampleClientRole',
      DEFAULT_SETTINGS.exampleClientRole,
      problems,
    ),
    appUsers: boolean(get('appUsers'), 'appUsers', DEFAULT_SETTINGS.appUsers, problems),
    corsOrigins: origins(get('corsOrigins')),
    maskFill: DEFAULT_SETTINGS.maskFill,
  };
  // An input outliving its job would keep PHI that nothing can reach any more. Unset, inputs follow a shorter retention.
  if (get('inputRetentionDays') === undefined)
    settings.inputRetentionDays = Math.min(settings.inputRetentionDays, settings.retentionDays);
  else if (settings.inputRetentionDays > settings.retentionDays)
    problems.push('inputRetentionDays must not exceed retentionDays');
  const queryDepthLimit = limit(get('queryDepthLimit'), 'queryDepthLimit', 75, problems);
  if (queryDepthLimit !== undefined) settings.queryDepthLimit = queryDepthLimit;
  const resolverCountLimit = limit(get('resolverCountLimit'), 'resolverCountLimit', 10_000, problems);
  if (resolverCountLimit !== undefined) settings.resolverCountLimit = resolverCountLimit;
  const fill = get('maskFill');
  if (fill !== undefined) {
    if (typeof fill === 'string' && /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(fill)) settings.maskFill = fill;
    else problems.push('maskFill must be #rgb or #rrggbb');
  }
  if (problems.length > 0) throw new DeploymentSettingsError(problems);
  return settings;
}

function oneOf<T extends string>(
  value: unknown,
  key: string,
  allowed: readonly T[],
  fallback: T,
  problems: string[],
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`${key} must be one of ${allowed.join(', ')}`);
  return fallback;
}

function integer(value: unknown, key: string, fallback: number, problems: string[]): number {
  if (value === undefined) return fallback;
  const parsed =
    typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (Number.isInteger(parsed) && parsed >= 1 && parsed <= 3650) return parsed;
  problems.push(`${key} must be a whole number of days from 1 to 3650`);
  return fallback;
}

/** One of AppSync's request limits: 0 (its default) up to `max`; undefined when not given or bad. */
function limit(value: unknown, key: string, max: number, problems: string[]): number | undefined {
  if (value === undefined) return undefined;
  const parsed =
    typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (Number.isInteger(parsed) && parsed >= 0 && parsed <= max) return parsed;
  problems.push(`${key} must be a whole number from 0 to ${max}`);
  return undefined;
}

function boolean(value: unknown, key: string, fallback: boolean, problems: string[]): boolean {
  if (value === undefined) return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  problems.push(`${key} must be true or false`);
  return fallback;
}

function origins(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value.trim() !== '')
    return value
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
  return [...DEFAULT_SETTINGS.corsOrigins];
}
