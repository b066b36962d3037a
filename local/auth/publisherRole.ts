import type { PublisherEnv } from '../../resolvers/appsync/Mutation.publishJobUpdate.ts';
import { identityOf } from './identityOf.ts';
import type { IamIdentity } from './Principal.ts';

/**
 * The local stand-in for the stack's function roles: the one role whose sessions Mutation.publishJobUpdate
 * accepts locally. The in-process worker publishes as a session of it; a principal with `"role": "hdm-local-worker"`
 * (and `Mutation.publishJobUpdate` in its `allow`) is a worker over HTTP too. Any other principal is refused,
 * whatever it is allowed, as any other role is on AWS.
 */
export const LOCAL_WORKER_ROLE = 'hdm-local-worker';

/** The API environment variables the local server gives its APPSYNC_JS resolvers (`ctx.env`), as the stack does. */
export function localResolverEnv(accountId: string): Record<keyof PublisherEnv, string> {
  return { PUBLISHER_ROLE_NAMES: LOCAL_WORKER_ROLE, PUBLISHER_ACCOUNT_ID: accountId };
}

/** Who the in-process worker is when it publishes: a session of LOCAL_WORKER_ROLE, as a function's role is on AWS. */
export function localWorkerIdentity(accountId: string): IamIdentity {
  return identityOf(
    { name: 'worker', accessKeyId: '', secretAccessKey: '', accountId, allow: [], role: LOCAL_WORKER_ROLE },
    [],
  );
}
