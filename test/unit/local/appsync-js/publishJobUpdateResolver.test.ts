import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IamIdentity } from '../../../../local/auth/Principal.ts';
import { noneDataSource } from '../../../../local/appsync-js/JsDataSource.ts';
import type { JsResolver } from '../../../../local/appsync-js/JsResolverContext.ts';
import { loadJsResolver } from '../../../../local/appsync-js/loadJsResolver.ts';
import { matchesSubscriptionFilter } from '../../../../local/appsync-js/matchesSubscriptionFilter.ts';
import { runJsResolver } from '../../../../local/appsync-js/runJsResolver.ts';
import { JS_RESOLVERS } from '../../../../resolvers/appsync/jsResolvers.ts';
import { identityOf } from '../../../../local/auth/identityOf.ts';
import { LOCAL_WORKER_ROLE, localResolverEnv, localWorkerIdentity } from '../../../../local/auth/publisherRole.ts';

/*
 * Mutation.publishJobUpdate, as deployed, through the local APPSYNC_JS runtime and the NONE data source: it passes
 * its input through for sessions of the publisher roles named in ctx.env, and refuses every other caller.
 */

const resolverFile = (name: string) => fileURLToPath(new URL(`../../../../resolvers/appsync/${name}`, import.meta.url));

const ACCOUNT = '123456789012';
const iam = (name: string): IamIdentity => ({
  accountId: ACCOUNT,
  cognitoIdentityPoolId: null,
  cognitoIdentityId: null,
  sourceIp: ['127.0.0.1'],
  username: name,
  userArn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
  cognitoIdentityAuthType: null,
  cognitoIdentityAuthProvider: null,
});
/** A role session as AppSync shows it: the userArn STS gives an assumed role (how a Lambda function calls). */
const session = (role: string, name: string, account = ACCOUNT, partition = 'aws'): IamIdentity => ({
  ...iam(name),
  accountId: account,
  username: `AROAEXAMPLE:${name}`,
  userArn: `arn:${partition}:sts::${account}:assumed-role/${role}/${name}`,
});
/** What the stack sets on the API (infra/loadJsResolverCode.ts publisherEnvironment): its two function roles. */
const ENV = { PUBLISHER_ROLE_NAMES: 'Hdm-GraphqlHandlerRole-AB12,Hdm-WorkerRole-CD34', PUBLISHER_ACCOUNT_ID: ACCOUNT };
const worker = session('Hdm-WorkerRole-CD34', 'Hdm-Worker-XYZ');
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

const publish = (
  input: Record<string, unknown>,
  identity: IamIdentity | null = worker,
  env: Record<string, string> | null = ENV,
) =>
  runJsResolver(
    publishJobUpdate,
    {
      arguments: { input },
      identity,
      ...(env ? { env } : {}),
      info: { fieldName: 'publishJobUpdate', parentTypeName: 'Mutation' },
    },
    noneDataSource,
  );

const UPDATE = {
  id: 'job-9',
  owner: 'arn:aws:iam::123456789012:user/alice',
  kind: 'IMAGE',
  status: 'SUCCEEDED',
  updatedAt: '2024-05-01T10:00:00.000Z',
};
const REFUSED = {
  result: null,
  errors: [{ message: 'Not Authorized to access publishJobUpdate on type Mutation', errorType: 'Unauthorized' }],
};

describe('Mutation.publishJobUpdate', () => {
  it('is listed for the stack and the local server on the NONE data source', () => {
    expect(JS_RESOLVERS).toContainEqual({
      typeName: 'Mutation',
      fieldName: 'publishJobUpdate',
      file: 'Mutation.publishJobUpdate.ts',
      dataSource: 'NONE',
    });
  });

  it('returns its input unchanged, with no errors and no filter', async () => {
    const input = {
      id: 'job-1',
      owner: alice.userArn,
      kind: 'IMAGE',
      status: 'SUCCEEDED',
      updatedAt: '2024-05-01T10:00:00.000Z',
      findingCount: 3,
    };
    expect(await publish(input)).toEqual({ result: input, errors: [] });
  });

  it("passes a failed job's error through, and drops undefined members as AppSync's JSON does", async () => {
    const input = {
      id: 'job-2',
      owner: alice.userArn,
      kind: 'TEXT',
      status: 'FAILED',
      updatedAt: '2024-05-01T10:00:00.000Z',
      error: { code: 'INTERNAL', message: 'Internal error' },
      findingCount: undefined,
    };
    const { findingCount: _dropped, ...expected } = input;
    expect((await publish(input)).result).toEqual(expected);
  });

  it("its result reaches the owner's onJobsUpdated filter and no one else's", async () => {
    const { result } = await publish({
      id: 'job-3',
      owner: alice.userArn,
      kind: 'TEXT',
      status: 'RUNNING',
      updatedAt: '2024-05-01T10:00:00.000Z',
    });
    const filterOf = async (identity: IamIdentity) =>
      (
        await runJsResolver(
          onJobsUpdated,
          {
            arguments: {},
            identity,
            info: { fieldName: 'onJobsUpdated', parentTypeName: 'Subscription' },
          },
          noneDataSource,
        )
      ).subscriptionFilter!;
    expect(matchesSubscriptionFilter(await filterOf(alice), result)).toBe(true);
    expect(matchesSubscriptionFilter(await filterOf(bob), result)).toBe(false);
  });

  it('accepts a session of each publisher role, in any partition, whatever the session name', async () => {
    expect((await publish(UPDATE, session('Hdm-GraphqlHandlerRole-AB12', 'Hdm-GraphqlHandler-1'))).errors).toEqual([]);
    expect((await publish(UPDATE, session('Hdm-WorkerRole-CD34', 'any-session'))).result).toEqual(UPDATE);
    expect((await publish(UPDATE, session('Hdm-WorkerRole-CD34', 'w', ACCOUNT, 'aws-us-gov'))).errors).toEqual([]);
  });

  it.each([
    ['an IAM user', iam('worker')],
    ['an IAM user named like a publisher role', iam('Hdm-WorkerRole-CD34')],
    ['another role of the account', session('Hdm-ExampleClientRole-EF56', 'Hdm-WorkerRole-CD34')],
    ['a role whose name only starts like a publisher role', session('Hdm-WorkerRole-CD34-evil', 's1')],
    ['a role whose name only ends like a publisher role', session('x-Hdm-WorkerRole-CD34', 's1')],
    ['a publisher role name in the session name only', session('Other', 'Hdm-WorkerRole-CD34')],
    ['a publisher role of another account', session('Hdm-WorkerRole-CD34', 'w', '999999999999')],
    ['a federated user', { ...iam('x'), userArn: `arn:aws:sts::${ACCOUNT}:federated-user/Hdm-WorkerRole-CD34` }],
    [
      'an app user (a Cognito identity) of a publisher role',
      {
        ...session('Hdm-WorkerRole-CD34', 'CognitoIdentityCredentials'),
        cognitoIdentityId: 'us-east-1:1a2b3c4d-0000-4000-8000-000000000001',
      },
    ],
    [
      'an ARN with extra parts',
      { ...iam('x'), userArn: `arn:aws:sts::${ACCOUNT}:assumed-role/Hdm-WorkerRole-CD34/s/extra` },
    ],
    ['an empty role name', { ...iam('x'), userArn: `arn:aws:sts::${ACCOUNT}:assumed-role//s` }],
    ['no identity', null],
  ] as Array<[string, IamIdentity | null]>)(
    "refuses %s with AppSync's Unauthorized error, and publishes nothing",
    async (_case, identity) => {
      expect(await publish(UPDATE, identity)).toEqual(REFUSED);
    },
  );

  it('fails closed without its environment variables, or with an empty role list', async () => {
    expect(await publish(UPDATE, worker, null)).toEqual(REFUSED);
    expect(await publish(UPDATE, worker, { PUBLISHER_ACCOUNT_ID: ACCOUNT })).toEqual(REFUSED);
    expect(await publish(UPDATE, worker, { PUBLISHER_ROLE_NAMES: '', PUBLISHER_ACCOUNT_ID: ACCOUNT })).toEqual(REFUSED);
    expect(
      await publish(UPDATE, worker, { PUBLISHER_ROLE_NAMES: ENV.PUBLISHER_ROLE_NAMES, PUBLISHER_ACCOUNT_ID: '' }),
    ).toEqual(REFUSED);
  });

  it("accepts the local server's in-process worker with the local server's environment, and no other local principal", async () => {
    expect((await publish(UPDATE, localWorkerIdentity(ACCOUNT), localResolverEnv(ACCOUNT))).errors).toEqual([]);
    const principal = {
      name: 'root',
      accessKeyId: 'AKIAEXAMPLE0000001',
      secretAccessKey: 's',
      accountId: ACCOUNT,
      allow: ['*'],
    };
    expect(await publish(UPDATE, identityOf(principal, ['127.0.0.1']), localResolverEnv(ACCOUNT))).toEqual(REFUSED);
    expect(
      (
        await publish(
          UPDATE,
          identityOf({ ...principal, role: LOCAL_WORKER_ROLE }, ['127.0.0.1']),
          localResolverEnv(ACCOUNT),
        )
      ).errors,
    ).toEqual([]);
  });

  it('deploys as a bundle that imports only @aws-appsync/utils, if anything (the JobUpdate type import is erased)', () => {
    const imports = [...publishJobUpdate.code.matchAll(/^import .* from ["'](.+)["'];?$/gm)].map((match) => match[1]);
    expect(imports.every((specifier) => specifier === '@aws-appsync/utils')).toBe(true);
    expect(publishJobUpdate.code).not.toContain('src/core');
    expect(publishJobUpdate.code).toMatch(/export \{[^}]*\brequest\b[^}]*\bresponse\b/s);
  });
});
