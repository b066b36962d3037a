import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { AppSyncJobEvents } from './adapters/aws/AppSyncJobEvents.ts';
import { ComprehendMedicalDetector } from './adapters/aws/ComprehendMedicalDetector.ts';
import { PowertoolsLogger } from './adapters/aws/PowertoolsLogger.ts';
import { SqsJobQueue } from './adapters/aws/SqsJobQueue.ts';
import { DynamoDbJobStore } from './adapters/dynamodb/DynamoDbJobStore.ts';
import { S3ObjectStore } from './adapters/s3/S3ObjectStore.ts';
import { S3ObjectUrls } from './adapters/s3/S3ObjectUrls.ts';
import { loadConfig } from './config.ts';
import { HdmError } from './core/errors.ts';
import { type JobMetrics, withJobMetrics } from './core/JobMetrics.ts';
import { DEFAULT_JOB_LIMITS, type JobServices, type Logger } from './core/JobServices.ts';
import { DEFAULT_IMAGE_PADDING_PX } from './core/maskImageContent.ts';
import type { ImageRedactor, ObjectStore, PhiDetector, TextExtractor } from './core/ports.ts';
import { UnionPhiDetector } from './adapters/union/UnionPhiDetector.ts';
import { LocalPhiDetector } from './detect/LocalPhiDetector.ts';

export type AwsDetector = 'local' | 'comprehend-medical' | 'union';
export type AwsOcr = 'tesseract' | 'rekognition';

/** What a deployed function needs to wire the job services; the CDK stack sets it as environment variables. */
export interface AwsSettings {
  /** HDM_TABLE_NAME: the jobs table. */
  tableName: string;
  /** HDM_BUCKET: inputs (uploads, inline images), large results, and Rekognition's temporary `ocr/` copies. */
  bucket: string;
  /** HDM_OUTPUT_BUCKET: masked images. */
  outputBucket: string;
  /** AWS_REGION (set by Lambda), or HDM_REGION: region of every client and of the AppSync signature. */
  region: string;
  /** HDM_GRAPHQL_URL: the API's `https://…/graphql` endpoint, for publishJobUpdate. */
  graphqlUrl: string;
  /** HDM_QUEUE_URL: the image job queue. */
  queueUrl: string;
  /** HDM_DETECTOR (default comprehend-medical). */
  detector: AwsDetector;
  /** HDM_OCR (default rekognition). */
  ocr: AwsOcr;
  /** HDM_RECORD_TTL_DAYS (default 30). */
  recordTtlDays: number;
  /** HDM_MASK_FILL: colour of the boxes over PHI in images (default #000000). */
  fill: string;
  /** HDM_SYNC_TEXT_LENGTH: longer maskText inputs are queued for the worker (default DEFAULT_SYNC_TEXT_LENGTH, as locally). */
  syncTextLength: number;
}

/** The environment variable names, for the CDK stack to set (one source of truth for both sides). */
export const AWS_ENV = {
  tableName: 'HDM_TABLE_NAME',
  bucket: 'HDM_BUCKET',
  outputBucket: 'HDM_OUTPUT_BUCKET',
  region: 'HDM_REGION',
  graphqlUrl: 'HDM_GRAPHQL_URL',
  queueUrl: 'HDM_QUEUE_URL',
  detector: 'HDM_DETECTOR',
  ocr: 'HDM_OCR',
  recordTtlDays: 'HDM_RECORD_TTL_DAYS',
  fill: 'HDM_MASK_FILL',
  syncTextLength: 'HDM_SYNC_TEXT_LENGTH',
} as const satisfies Record<keyof AwsSettings, string>;

/** A deployed function's environment is missing or breaks a rule; the message names keys, never values. */
export class AwsConfigurationError extends HdmError {
  readonly problems: string[];

  constructor(problems: string[], options?: ErrorOptions) {
    super('INTERNAL', `invalid AWS configuration: ${problems.join('; ')}`, options);
    this.name = 'AwsConfigurationError';
    this.problems = problems;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Parses a function's environment (the handlers pass `processEnv()` from src/config.ts, the one reader
 * of process.env). Names, buckets, region, TTL and fill go through loadConfig's rules; on AWS the table,
 * buckets and URLs have no defaults, because a default would silently point at someone else's resources.
 * Every problem is reported at once.
 */
export function awsSettingsFromEnv(env: Env): AwsSettings {
  const problems: string[] = [];
  for (const key of [AWS_ENV.tableName, AWS_ENV.bucket, AWS_ENV.outputBucket]) {
    if (!env[key]?.trim()) problems.push(`${key} must be set`);
  }
  const graphqlUrl = httpsUrl(env, AWS_ENV.graphqlUrl, problems);
  const queueUrl = httpsUrl(env, AWS_ENV.queueUrl, problems);
  const detector = oneOf(env, AWS_ENV.detector, ['comprehend-medical', 'local', 'union'] as const, 'comprehend-medical', problems);
  const ocr = oneOf(env, AWS_ENV.ocr, ['rekognition', 'tesseract'] as const, 'rekognition', problems);
  let config: ReturnType<typeof loadConfig> | undefined;
  try {
    config = loadConfig(env);
  } catch (error) {
    // loadConfig lists its problems after this prefix; they name keys and rules only.
    problems.push((error as Error).message.replace(/^invalid configuration: /, ''));
  }
  if (problems.length > 0 || !config) throw new AwsConfigurationError(problems);
  return {
    tableName: config.tableName,
    bucket: config.bucket,
    outputBucket: config.outputBucket,
    region: config.region,
    graphqlUrl,
    queueUrl,
    detector,
    ocr,
    recordTtlDays: config.recordTtlDays,
    fill: config.maskFill,
    syncTextLength: config.syncTextLength,
  };
}

export interface AwsServicesOptions {
  /** Default: Powertools Logger (JSON lines on stdout, which Lambda sends to CloudWatch Logs). */
  logger?: Logger;
  /** Counts every job that ends (see withJobMetrics); the handlers pass PowertoolsJobMetrics and flush it per invocation. Default none. */
  metrics?: JobMetrics;
  /** Wraps each SDK client this builds (the handlers pass Powertools Tracer's captureAWSv3Client when X-Ray is on). */
  traceClient?: <C extends object>(client: C) => C;
  /** Injected clients (tests); by default each is built for `settings.region`. */
  dynamoDb?: DynamoDBClient;
  s3?: S3Client;
  /**
   * The engines that read and mask pixels (createAwsImageEngines), for the image worker. The API function
   * leaves them out: it only takes and queues images, and its bundle then holds no sharp or tesseract.
   */
  imageEngines?: (context: ImageEngineContext) => ImageEngines;
}

export interface ImageEngineContext {
  settings: AwsSettings;
  /** The input bucket's store, where Rekognition's temporary copies of large images go. */
  objects: ObjectStore;
  logger: Logger;
}

export interface ImageEngines {
  extractor: TextExtractor;
  redactor: ImageRedactor;
}

/**
 * The AWS wiring, next to createLocalServices: DynamoDB, S3, AppSync for status updates, SQS for image
 * jobs, the detector the deployment chose, and (for the worker) the image engines. Nothing here calls AWS:
 * clients connect on first use.
 */
export function createAwsServices(settings: AwsSettings, options: AwsServicesOptions = {}): JobServices {
  const { region } = settings;
  const logger = options.logger ?? new PowertoolsLogger();
  const trace = options.traceClient ?? (<C extends object>(client: C): C => client);
  const dynamoDb = trace(options.dynamoDb ?? new DynamoDBClient({ region }));
  const s3 = trace(options.s3 ?? new S3Client({ region }));
  const objects = new S3ObjectStore({ client: s3 });
  const jobs = new DynamoDbJobStore({ tableName: settings.tableName, client: dynamoDb });
  return {
    jobs: options.metrics ? withJobMetrics(jobs, options.metrics) : jobs,
    objects,
    events: new AppSyncJobEvents({ url: settings.graphqlUrl, region }),
    detector: createDetector(settings.detector, region),
    bucket: settings.bucket,
    recordTtlSeconds: settings.recordTtlDays * 86_400,
    now: () => new Date(),
    newId: randomUUID,
    logger,
    limits: { ...DEFAULT_JOB_LIMITS, maxSyncTextLength: settings.syncTextLength },
    images: {
      ...options.imageEngines?.({ settings, objects, logger }),
      urls: new S3ObjectUrls({ client: s3 }),
      queue: new SqsJobQueue({ queueUrl: settings.queueUrl, region }),
      outputBucket: settings.outputBucket,
      fill: settings.fill,
      paddingPx: DEFAULT_IMAGE_PADDING_PX,
      urlExpirySeconds: 300,
    },
  };
}

export function createDetector(choice: AwsDetector, region: string): PhiDetector {
  switch (choice) {
    case 'local':
      return new LocalPhiDetector();
    case 'comprehend-medical':
      return new ComprehendMedicalDetector({ region });
    case 'union':
      // Recall first: a span either detector flags is masked.
      return new UnionPhiDetector({ detectors: [new ComprehendMedicalDetector({ region }), new LocalPhiDetector()] });
    default:
      throw new AwsConfigurationError([`unknown detector '${String(choice)}'`]);
  }
}

function httpsUrl(env: Env, key: string, problems: string[]): string {
  const value = env[key]?.trim();
  if (!value) {
    problems.push(`${key} must be set`);
    return '';
  }
  try {
    if (new URL(value).protocol === 'https:') return value;
  } catch {
    // reported below
  }
  problems.push(`${key} must be an https URL`);
  return '';
}

function oneOf<T extends string>(env: Env, key: string, allowed: readonly T[], fallback: T, problems: string[]): T {
  const value = env[key]?.trim();
  if (!value) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`${key} must be one of ${allowed.join(', ')}`);
  return fallback;
}
