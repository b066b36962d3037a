import { util } from '@aws-appsync/utils';
import type { AppSyncIdentityIAM, Context, NONERequest } from '@aws-appsync/utils';
import type { JobUpdate } from '../../src/core/Job.ts';

/*
 * Mutation.publishJobUpdate(input): how the worker tells subscribers about a job's status. NONE data
 * source: the input goes through unchanged and becomes the result, which AppSync then delivers to the
 * subscriptions that name this mutation in @aws_subscribe (their own filters pick the recipients).
 * IAM grants the field to the stack's functions only, but a broad grant (`apis/<id>/*`) would let any role
 * forge SUCCEEDED or FAILED updates for any owner; so the resolver itself accepts only sessions of the
 * publisher roles named in the API's environment variables (ctx.env), and refuses everyone else with
 * AppSync's own Unauthorized error.
 * APPSYNC_JS: synchronous, no throw/try/classes/loops but for-of; see resolvers/appsync/README.md.
 */

/**
 * The API environment variables this resolver reads (`ctx.env`). The stack sets them to its functions' roles
 * and account (infra/loadJsResolverCode.ts), the local server to its worker role (local/auth/publisherRole.ts).
 */
export interface PublisherEnv {
  /** Comma-separated IAM role names whose sessions may publish. */
  PUBLISHER_ROLE_NAMES: string;
  /** The 12-digit account those roles belong to. */
  PUBLISHER_ACCOUNT_ID: string;
}

interface Args {
  input: JobUpdate;
}

export function request(ctx: Context<Args>): NONERequest {
  const env = ctx.env as Partial<PublisherEnv> | undefined;
  if (!isPublisher(ctx.identity as AppSyncIdentityIAM | null | undefined, env)) util.unauthorized();
  return { payload: ctx.args.input };
}

export function response(
  ctx: Context<Args, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, JobUpdate>,
): JobUpdate {
  return ctx.result;
}

/**
 * Whether the caller is a session of one of the publisher roles: its `userArn` must be exactly
 * `arn:<partition>:sts::<PUBLISHER_ACCOUNT_ID>:assumed-role/<one of PUBLISHER_ROLE_NAMES>/<session>`. Each part is
 * compared whole (never "contains"), so a session name, a longer role name or an IAM user of that name does not
 * pass. An app user's credentials (a Cognito identity) never publish, whatever role they come from. No
 * environment, no publisher: the check fails closed.
 */
function isPublisher(identity: AppSyncIdentityIAM | null | undefined, env: Partial<PublisherEnv> | undefined): boolean {
  const account = env?.PUBLISHER_ACCOUNT_ID ?? '';
  if (!identity || identity.cognitoIdentityId || account === '' || identity.accountId !== account) return false;
  const parts = (identity.userArn ?? '').split(':');
  if (parts.length !== 6 || parts[0] !== 'arn' || parts[2] !== 'sts' || parts[3] !== '' || parts[4] !== account)
    return false;
  const resource = (parts[5] ?? '').split('/');
  const role = resource[1] ?? '';
  if (resource.length !== 3 || resource[0] !== 'assumed-role' || role === '' || resource[2] === '') return false;
  let allowed = false;
  for (const name of (env?.PUBLISHER_ROLE_NAMES ?? '').split(',')) {
    if (name.trim() === role) allowed = true;
  }
  return allowed;
}
