/*
 * What a deployed function reads, and the names of its environment variables, for the CDK stack to set: one
 * source of truth for both sides. Names and types only, so the CDK app reads them without loading any wiring.
 */

export type AwsDetector = 'local' | 'comprehend-medical' | 'union';
export type AwsOcr = 'tesseract' | 'rekognition';

/** What a deployed function needs to wire the job services (loadConfig mode 'lambda'); names in AWS_ENV. */
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

/** The recovery functions' time limits (loadConfig mode 'recovery'); both required. */
export interface RecoverySettings {
  /** HDM_WORKER_TIMEOUT_SECONDS: the image worker's timeout, the limit of RUNNING image jobs. */
  workerTimeoutSeconds: number;
  /** HDM_RESOLVER_TIMEOUT_SECONDS: the API function's timeout, the limit of RUNNING text jobs. */
  resolverTimeoutSeconds: number;
}

/** Every function (loadConfig mode 'lambda'); keys of AwsSettings. */
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

/**
 * The recovery functions (sweeper, dead-letter consumer) beyond AWS_ENV (loadConfig mode 'recovery'): the time
 * limits they judge RUNNING jobs by. The CDK stack sets them from the image worker's and the API function's own
 * timeouts (infra/constructs/JobRecovery.ts), so the sweep's limits follow the functions' however those change.
 */
export const RECOVERY_ENV = {
  workerTimeoutSeconds: 'HDM_WORKER_TIMEOUT_SECONDS',
  resolverTimeoutSeconds: 'HDM_RESOLVER_TIMEOUT_SECONDS',
} as const satisfies Record<keyof RecoverySettings, string>;
