import { extensions, util } from '@aws-appsync/utils';
import type { AppSyncIdentityIAM, Context, NONERequest } from '@aws-appsync/utils';

/*
 * Subscription.onJobsUpdated: status changes of all of the caller's jobs. NONE data source; the response
 * sets an enhanced filter so AppSync delivers a publishJobUpdate result only when its `owner` is the caller.
 * APPSYNC_JS: synchronous, no throw/try/classes/loops but for-of; see resolvers/appsync/README.md.
 */

export function request(_ctx: Context): NONERequest {
  return { payload: null };
}

export function response(ctx: Context): null {
  const owner = callerOwner(ctx);
  if (!owner) util.unauthorized();
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ owner: { eq: owner } }));
  return null;
}

/** The owner every job record stores: the Cognito identity when present, else the IAM user ARN. */
function callerOwner(ctx: Context): string {
  // The API is IAM only; the cast keeps this compiling against the full Identity union of @aws-appsync/utils.
  const identity = ctx.identity as AppSyncIdentityIAM | null | undefined;
  return identity?.cognitoIdentityId || identity?.userArn || '';
}
