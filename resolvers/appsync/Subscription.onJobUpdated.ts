import { extensions, util } from '@aws-appsync/utils';
import type { AppSyncIdentityIAM, Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';

/*
 * Subscription.onJobUpdated(id): status changes of one of the caller's jobs. DynamoDB data source (the job
 * table): the request reads the job's owner, the response refuses any job that is not the caller's, and
 * sets an enhanced filter on the job id and the owner.
 * APPSYNC_JS: synchronous, no throw/try/classes/loops but for-of; see resolvers/appsync/README.md.
 */

interface Args {
  id: string;
}

export function request(ctx: Context<Args>): DynamoDBGetItemRequest {
  return {
    operation: 'GetItem',
    key: util.dynamodb.toMapValues({ PK: 'JOB#' + ctx.args.id, SK: 'JOB' }),
    // A client subscribes right after maskImage returns; an eventually consistent read could miss the new job.
    consistentRead: true,
    // Only the owner and expiry: the item may hold input references the resolver has no need to see.
    projection: { expression: '#owner, #expiresAt', expressionNames: { '#owner': 'owner', '#expiresAt': 'expiresAt' } },
  };
}

export function response(
  ctx: Context<
    Args,
    Record<string, unknown>,
    Record<string, unknown>,
    Record<string, unknown>,
    { owner?: string; expiresAt?: number } | null
  >,
): null {
  // A generic message: the data source's own could name the table or the key.
  if (ctx.error) util.error('Internal error', 'INTERNAL');
  const owner = callerOwner(ctx);
  // One answer for "no such job" and "not yours", so a caller cannot probe which job ids exist. A job past
  // its expiresAt is gone, as for every other read, though DynamoDB's TTL may not have deleted it yet.
  const expired = typeof ctx.result?.expiresAt === 'number' && ctx.result.expiresAt <= util.time.nowEpochSeconds();
  if (!owner || !ctx.result || ctx.result.owner !== owner || expired) util.unauthorized();
  extensions.setSubscriptionFilter(
    util.transform.toSubscriptionFilter({ id: { eq: ctx.args.id }, owner: { eq: owner } }),
  );
  return null;
}

/** The owner every job record stores: the Cognito identity when present, else the IAM user ARN. */
function callerOwner(ctx: Context<Args>): string {
  // The API is IAM only; the cast keeps this compiling against the full Identity union of @aws-appsync/utils.
  const identity = ctx.identity as AppSyncIdentityIAM | null | undefined;
  return identity?.cognitoIdentityId || identity?.userArn || '';
}
