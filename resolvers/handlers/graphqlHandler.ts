import { createLambdaHandler } from '../lambda.ts';
import { lazyServices } from './lazyServices.ts';

/**
 * The Lambda entry point behind every Direct Lambda resolver of the API (one function for all business
 * fields; AppSync's `info` says which). Environment: see src/awsServices.ts AWS_ENV.
 */
export const handler = createLambdaHandler(lazyServices());
