import { awsSettingsFromEnv, createAwsServices } from '../../src/awsServices.ts';
import { processEnv } from '../../src/config.ts';
import { createLambdaHandler } from '../lambda.ts';
import { createAwsPowertools, instrumented } from './instrumented.ts';
import { lazyServices } from './lazyServices.ts';

/**
 * The Lambda entry point behind every Direct Lambda resolver of the API (one function for all business
 * fields; AppSync's `info` says which; the nested `Job.*` fields arrive batched, as an array). It takes and
 * queues images but never opens one, so it is wired without image engines and its bundle holds no native
 * code. Logs, job metrics and traces go through Powertools (instrumented.ts). Environment: see
 * src/awsServices.ts AWS_ENV.
 */
const tools = createAwsPowertools();
const services = lazyServices(() => createAwsServices(awsSettingsFromEnv(processEnv()), tools.servicesOptions), tools.logger);

export const handler = instrumented(tools, 'graphql', createLambdaHandler(services, { logger: tools.logger }));
