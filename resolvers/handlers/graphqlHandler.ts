import { createLambdaHandler } from '../lambda.ts';
import { lazyServices } from './lazyServices.ts';

/**
 * The Lambda entry point behind every Direct Lambda resolver of the API (one function for all business
 * fields; AppSync's `info` says which). It takes and queues images but never opens one, so it is wired
 * without image engines and its bundle holds no native code. Environment: see src/awsServices.ts AWS_ENV.
 */
export const handler = createLambdaHandler(lazyServices());
