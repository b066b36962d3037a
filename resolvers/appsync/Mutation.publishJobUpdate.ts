import type { Context, NONERequest } from '@aws-appsync/utils';
import type { JobUpdate } from '../../src/core/Job.ts';

/*
 * Mutation.publishJobUpdate(input): how the worker tells subscribers about a job's status. NONE data
 * source: the input goes through unchanged and becomes the result, which AppSync then delivers to the
 * subscriptions that name this mutation in @aws_subscribe (their own filters pick the recipients).
 * IAM grants the field to the worker only; there is nothing to check here.
 * APPSYNC_JS: synchronous, no throw/try/classes/loops but for-of; see resolvers/appsync/README.md.
 */

interface Args {
  input: JobUpdate;
}

export function request(ctx: Context<Args>): NONERequest {
  return { payload: ctx.args.input };
}

export function response(ctx: Context<Args, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, JobUpdate>): JobUpdate {
  return ctx.result;
}
