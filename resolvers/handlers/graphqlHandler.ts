import { loadConfig, processEnv } from '../../src/config.ts';
import { createAwsPowertools } from '../../src/services/awsPowertools.ts';
import { createAwsServices } from '../../src/services/awsServices.ts';
import { createLambdaHandler } from '../lambda.ts';
import { instrumented } from './instrumented.ts';
import { lazyServices } from './lazyServices.ts';

/**
 * The Lambda entry point behind every Direct Lambda resolver of the API (one function for all business
 * fields; AppSync's `info` says which; the nested `Job.*` fields arrive batched, as an array). It takes and
 * queues images but never opens one, so it is wired without image engines and its bundle holds no native
 * code. Logs, job metrics and traces go through Powertools (instrumented.ts). Environment: see
 * src/config/AwsSettings.ts AWS_ENV.
 */
const tools = createAwsPowertools();
const services = lazyServices(
  () => createAwsServices(loadConfig(processEnv(), 'lambda'), tools.servicesOptions),
  tools.logger,
);

export const handler = instrumented(tools, 'graphql', createLambdaHandler(services, { logger: tools.logger }));
