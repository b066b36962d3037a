import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { jobIdOfMessage } from '../../src/adapters/aws/SqsJobQueue.ts';
import { loadConfig, processEnv } from '../../src/config.ts';
import { createAwsPowertools } from '../../src/services/awsPowertools.ts';
import { createAwsImageEngines } from '../../src/services/awsImageEngines.ts';
import { createAwsServices } from '../../src/services/awsServices.ts';
import type { JobServices } from '../../src/core/JobServices.ts';
import { processJob } from '../../src/core/processImageJob.ts';
import { instrumented } from './instrumented.ts';
import { lazyServices } from './lazyServices.ts';

/**
 * The worker (image jobs and long texts: processJob) for an SQS event source with `ReportBatchItemFailures`: each record's job runs in
 * turn (one image at a time keeps memory bounded), and only the records that threw are returned, so SQS
 * redelivers those and, after maxReceiveCount, moves them to the dead-letter queue. A job that fails on
 * its own (bad image, OCR error) is not a thrown error: processJob records it as FAILED and the
 * message is done. What throws is infrastructure (the table unreachable) or a message that names no job.
 */
export function createWorkerHandler(
  getServices: () => Promise<JobServices>,
): (event: SQSEvent) => Promise<SQSBatchResponse> {
  return async (event) => {
    // Without services no record can run; throwing makes SQS redeliver the whole batch.
    const services = await getServices();
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const jobId = jobIdOfMessage(record.body);
      if (jobId === undefined) {
        services.logger.error('worker.bad_message', { messageId: record.messageId });
        batchItemFailures.push({ itemIdentifier: record.messageId });
        continue;
      }
      try {
        const job = await processJob(services, jobId);
        services.logger.info('worker.done', { jobId, status: job?.status ?? 'missing' });
      } catch (error) {
        services.logger.error('worker.error', {
          jobId,
          messageId: record.messageId,
          error: error instanceof Error ? error.name : typeof error,
        });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };
}

/**
 * The Lambda entry point, with the image engines (sharp, OCR), and Powertools for logs, job metrics and traces
 * (instrumented.ts). Environment: see src/config/AwsSettings.ts AWS_ENV.
 */
const tools = createAwsPowertools();
const services = lazyServices(
  () =>
    createAwsServices(loadConfig(processEnv(), 'lambda'), {
      ...tools.servicesOptions,
      imageEngines: createAwsImageEngines,
    }),
  tools.logger,
);

export const handler = instrumented(tools, 'worker', createWorkerHandler(services));
