import type { JobUpdate } from '../src/core/Job.ts';
import type { FieldResolver } from './ResolverEvent.ts';

/**
 * `publishJobUpdate(input: JobUpdateInput!): JobUpdate` — the update itself is the result: AppSync then
 * delivers it to the subscriptions that name this mutation. IAM grants the field to the worker only.
 */
export const publishJobUpdate: FieldResolver<{ input: JobUpdate }> = async (event) => event.arguments.input;
