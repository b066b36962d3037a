import type { ScheduledEvent } from 'aws-lambda';
import { loadConfig, processEnv } from '../../src/config.ts';
import { createAwsPowertools } from '../../src/services/awsPowertools.ts';
import { createAwsServices } from '../../src/services/awsServices.ts';
import type { JobServices } from '../../src/core/JobServices.ts';
import { sweepJobs, type SweepPolicy, type SweepResult } from '../../src/core/sweepJobs.ts';
import { instrumented } from './instrumented.ts';
import { lazyServices } from './lazyServices.ts';
import { sweepPolicyFromEnv } from './recoverySettings.ts';

/**
 * The recovery sweeper, run by an EventBridge schedule (every 5 minutes): fails jobs RUNNING past their time
 * limit and re-queues, then fails, jobs QUEUED too long (src/core/sweepJobs.ts), publishing every FAILED. A
 * throw (the table unreachable) fails the invocation, which Lambda retries; the next run goes on anyway.
 */
export function createSweeperHandler(
  getServices: () => Promise<JobServices>,
  getPolicy: () => SweepPolicy,
): (event: ScheduledEvent) => Promise<SweepResult> {
  return async () => {
    const services = await getServices();
    const result = await sweepJobs(services, getPolicy());
    services.logger.info('sweeper.done', { ...result });
    return result;
  };
}

/** The Lambda entry point: the API's wiring (no image engines; SQS for re-queues). Environment: AWS_ENV and RECOVERY_ENV. */
const tools = createAwsPowertools();
const services = lazyServices(
  () => createAwsServices(loadConfig(processEnv(), 'lambda'), tools.servicesOptions),
  tools.logger,
);

// Instrumented as the API and the worker are: the jobs it fails count in the failed-jobs metric and alarm.
export const handler = instrumented(
  tools,
  'sweeper',
  createSweeperHandler(services, () => sweepPolicyFromEnv(processEnv())),
);
