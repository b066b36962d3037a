import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { jobIdOfMessage } from '../../src/adapters/aws/SqsJobQueue.ts';
import { loadConfig, processEnv } from '../../src/config.ts';
import { createAwsPowertools } from '../../src/services/awsPowertools.ts';
import { createAwsServices } from '../../src/services/awsServices.ts';
import { failDeadLetteredJob } from '../../src/core/failDeadLetteredJob.ts';
import type { JobServices } from '../../src/core/JobServices.ts';
import type { SweepPolicy } from '../../src/core/sweepJobs.ts';
import { instrumented } from './instrumented.ts';
import { lazyServices } from './lazyServices.ts';
import { sweepPolicyFromEnv } from './recoverySettings.ts';

/**
 * The consumer of the image job queue's dead-letter queue (SQS event source, `ReportBatchItemFailures`): each
 * message's job is marked FAILED with a clear reason and the update published (failDeadLetteredJob). A message
 * whose job is gone or finished, or that names no job, is simply acknowledged: nothing is left to do. Only a
 * record that threw (the table unreachable) is returned, so SQS delivers it again later.
 */
export function createDeadLetterHandler(
  getServices: () => Promise<JobServices>,
  getPolicy: () => Pick<SweepPolicy, 'runningLimitMs'>,
): (event: SQSEvent) => Promise<SQSBatchResponse> {
  return async (event) => {
    const services = await getServices();
    const policy = getPolicy();
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const jobId = jobIdOfMessage(record.body);
      if (jobId === undefined) {
        services.logger.error('dead_letter.bad_message', { messageId: record.messageId });
        continue;
      }
      try {
        const outcome = await failDeadLetteredJob(services, jobId, policy);
        services.logger.warn('dead_letter.done', { jobId, messageId: record.messageId, outcome });
      } catch (error) {
        services.logger.error('dead_letter.error', {
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

/** The Lambda entry point: the API's wiring (no image engines). Environment: AWS_ENV and RECOVERY_ENV. */
const tools = createAwsPowertools();
const services = lazyServices(
  () => createAwsServices(loadConfig(processEnv(), 'lambda'), tools.servicesOptions),
  tools.logger,
);

// Instrumented as the API and the worker are: the jobs it fails count in the failed-jobs metric and alarm.
export const handler = instrumented(
  tools,
  'dead-letter',
  createDeadLetterHandler(services, () => sweepPolicyFromEnv(processEnv())),
);
