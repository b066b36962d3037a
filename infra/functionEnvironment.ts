import type { GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { DEFAULT_SYNC_TEXT_LENGTH } from '../src/core/JobServices.ts';
import type { JobStorage } from './constructs/JobStorage.ts';
import type { DeploymentSettings } from './DeploymentSettings.ts';

/**
 * The variables every function of the stack gets: the names AWS_ENV (src/config.ts) lists; a template
 * test checks the two lists agree.
 */
export function functionEnvironment(
  api: GraphqlApi,
  storage: JobStorage,
  queue: IQueue,
  settings: DeploymentSettings,
): Record<string, string> {
  return {
    HDM_GRAPHQL_URL: api.graphqlUrl,
    HDM_TABLE_NAME: storage.table.tableName,
    HDM_BUCKET: storage.inputBucket.bucketName,
    HDM_OUTPUT_BUCKET: storage.outputBucket.bucketName,
    HDM_QUEUE_URL: queue.queueUrl,
    HDM_DETECTOR: settings.detector,
    HDM_OCR: settings.ocr,
    HDM_RECORD_TTL_DAYS: String(settings.retentionDays),
    HDM_MASK_FILL: settings.maskFill,
    // Longer maskText inputs are queued for the worker; the same default as locally (src/config.ts).
    HDM_SYNC_TEXT_LENGTH: String(DEFAULT_SYNC_TEXT_LENGTH),
  };
}
