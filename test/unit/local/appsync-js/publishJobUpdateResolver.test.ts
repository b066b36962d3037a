import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IamIdentity } from '../../../../local/auth/Principal.ts';
import { noneDataSource } from '../../../../local/appsync-js/JsDataSource.ts';
import type { JsResolver } from '../../../../local/appsync-js/JsResolverContext.ts';
import { loadJsResolver } from '../../../../local/appsync-js/loadJsResolver.ts';
import { matchesSubscriptionFilter } from '../../../../local/appsync-js/matchesSubscriptionFilter.ts';
import { runJsResolver } from '../../../../local/appsync-js/runJsResolver.ts';
import { JS_RESOLVERS } from '../../../../resolvers/appsync/jsResolvers.ts';

/* Mutation.publishJobUpdate, as deployed, through the local APPSYNC_JS runtime and the NONE data source. */

const resolverFile = (name: string) => fileURLToPath(new URL(`../../../../resolvers/appsync/${name}`, import.meta.url));

const iam = (name: string): IamIdentity => ({
  accountId: '000000000000', cognitoIdentityPoolId: null, cognitoIdentityId: null, sourceIp: ['127.0.0.1'], username: name,
  userArn: `arn:aws:iam::000000000000:user/${name}`, cognitoIdentityAuthType: null, cognitoIdentityAuthProvider: null,
});
const worker = iam('worker');
const alice = iam('alice');
const bob = iam('bob');

let publishJobUpdate: JsResolver;
let onJobsUpdated: JsResolver;

beforeAll(async () => {
  [publishJobUpdate, onJobsUpdated] = await Promise.all([
    loadJsResolver(resolverFile('Mutation.publishJobUpdate.ts')),
    loadJsResolver(resolverFile('Subscription.onJobsUpdated.ts')),
  ]);
});

const publish = (input: Record<string, unknown>) => runJsResolver(publishJobUpdate, {
  arguments: { input }, identity: worker, info: { fieldName: 'publishJobUpdate', parentTypeName: 'Mutation' },
}, noneDataSource);

describe('Mutation.publishJobUpdate', () => {
  it('is listed for the stack and the local server on the NONE data source', () => {
    expect(JS_RESOLVERS).toContainEqual({ typeName: 'Mutation', fieldName: 'publishJobUpdate', file: 'Mutation.publishJobUpdate.ts', dataSource: 'NONE' });
  });

  it('returns its input unchanged, with no errors and no filter', async () => {
    const input = { id: 'job-1', owner: alice.userArn, kind: 'IMAGE', status: 'SUCCEEDED', updatedAt: '2024-05-01T10:00:00.000Z', findingCount: 3 };
    expect(await publish(input)).toEqual({ result: input, errors: [] });
  });

  it('passes a failed job\'s error through, and drops undefined members as AppSync\'s JSON does', async () => {
    const input = { id: 'job-2', owner: alice.userArn, kind: 'TEXT', status: 'FAILED', updatedAt: '2024-05-01T10:00:00.000Z', error: { code: 'INTERNAL', message: 'Internal error' }, findingCount: undefined };
    const { findingCount: _dropped, ...expected } = input;
    expect((await publish(input)).result).toEqual(expected);
  });

  it('its result reaches the owner\'s onJobsUpdated filter and no one else\'s', async () => {
    const { result } = await publish({ id: 'job-3', owner: alice.userArn, kind: 'TEXT', status: 'RUNNING', updatedAt: '2024-05-01T10:00:00.000Z' });
    const filterOf = async (identity: IamIdentity) => (await runJsResolver(onJobsUpdated, {
      arguments: {}, identity, info: { fieldName: 'onJobsUpdated', parentTypeName: 'Subscription' },
    }, noneDataSource)).subscriptionFilter!;
    expect(matchesSubscriptionFilter(await filterOf(alice), result)).toBe(true);
    expect(matchesSubscriptionFilter(await filterOf(bob), result)).toBe(false);
  });

  it('deploys as a bundle that imports only @aws-appsync/utils, if anything (the JobUpdate type import is erased)', () => {
    const imports = [...publishJobUpdate.code.matchAll(/^import .* from ["'](.+)["'];?$/gm)].map((match) => match[1]);
    expect(imports.every((specifier) => specifier === '@aws-appsync/utils')).toBe(true);
    expect(publishJobUpdate.code).not.toContain('src/core');
    expect(publishJobUpdate.code).toMatch(/export \{[^}]*\brequest\b[^}]*\bresponse\b/s);
  });
});
