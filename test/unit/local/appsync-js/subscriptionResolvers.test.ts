import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IamIdentity } from '../../../../local/auth/Principal.ts';
import { createDynamoDbDataSource } from '../../../../local/appsync-js/createDynamoDbDataSource.ts';
import { noneDataSource, type JsDataSource } from '../../../../local/appsync-js/JsDataSource.ts';
import type { JsResolver } from '../../../../local/appsync-js/JsResolverContext.ts';
import { loadJsResolver } from '../../../../local/appsync-js/loadJsResolver.ts';
import { matchesSubscriptionFilter } from '../../../../local/appsync-js/matchesSubscriptionFilter.ts';
import { runJsResolver } from '../../../../local/appsync-js/runJsResolver.ts';

/* The two APPSYNC_JS subscription resolvers, as deployed, through the local runtime and a real dynalite. */

const resolverFile = (name: string) => fileURLToPath(new URL(`../../../../resolvers/appsync/${name}`, import.meta.url));

const iam = (name: string, cognitoIdentityId: string | null = null): IamIdentity => ({
  accountId: '000000000000',
  cognitoIdentityPoolId: null,
  cognitoIdentityId,
  sourceIp: ['127.0.0.1'],
  username: name,
  userArn: `arn:aws:iam::000000000000:user/${name}`,
  cognitoIdentityAuthType: null,
  cognitoIdentityAuthProvider: null,
});
const alice = iam('alice');
const bob = iam('bob');
const carol = iam('carol', 'us-east-1:11111111-2222-3333-4444-555555555555');

const update = (id: string, owner: string) => ({
  id,
  owner,
  kind: 'IMAGE',
  status: 'RUNNING',
  updatedAt: '2024-05-01T10:00:00.000Z',
});

let server: Server;
let client: DynamoDBClient;
let jobs: JsDataSource;
let onJobUpdated: JsResolver;
let onJobsUpdated: JsResolver;

beforeAll(async () => {
  server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await client.send(
    new CreateTableCommand({
      TableName: 'jobs',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
    }),
  );
  const putJob = (id: string, owner: string) =>
    client.send(
      new PutItemCommand({
        TableName: 'jobs',
        Item: { PK: { S: `JOB#${id}` }, SK: { S: 'JOB' }, id: { S: id }, owner: { S: owner }, status: { S: 'QUEUED' } },
      }),
    );
  await putJob('job-alice', alice.userArn);
  // Expired an hour ago, not yet deleted by TTL.
  await client.send(
    new PutItemCommand({
      TableName: 'jobs',
      Item: {
        PK: { S: 'JOB#job-expired' },
        SK: { S: 'JOB' },
        id: { S: 'job-expired' },
        owner: { S: alice.userArn },
        status: { S: 'SUCCEEDED' },
        expiresAt: { N: String(Math.floor(Date.now() / 1000) - 3600) },
      },
    }),
  );
  await putJob('job-carol', carol.cognitoIdentityId!);
  // A finding of alice's job: same partition, another sort key; never mistaken for the job.
  await client.send(
    new PutItemCommand({
      TableName: 'jobs',
      Item: { PK: { S: 'JOB#job-x' }, SK: { S: 'FINDING#000001' }, owner: { S: bob.userArn } },
    }),
  );
  jobs = createDynamoDbDataSource({ client, tableName: 'jobs' });
  [onJobUpdated, onJobsUpdated] = await Promise.all([
    loadJsResolver(resolverFile('Subscription.onJobUpdated.ts')),
    loadJsResolver(resolverFile('Subscription.onJobsUpdated.ts')),
  ]);
});

afterAll(async () => {
  client?.destroy();
  await new Promise((resolve) => server?.close(resolve));
});

const subscribeToJob = (identity: IamIdentity | null, id: string, dataSource = jobs) =>
  runJsResolver(
    onJobUpdated,
    {
      arguments: { id },
      identity,
      info: { fieldName: 'onJobUpdated', parentTypeName: 'Subscription' },
    },
    dataSource,
  );

const subscribeToAll = (identity: IamIdentity | null) =>
  runJsResolver(
    onJobsUpdated,
    {
      arguments: {},
      identity,
      info: { fieldName: 'onJobsUpdated', parentTypeName: 'Subscription' },
    },
    noneDataSource,
  );

const UNAUTHORIZED = {
  result: null,
  errors: [{ message: 'Not Authorized to access onJobUpdated on type Subscription', errorType: 'Unauthorized' }],
};

describe('Subscription.onJobUpdated', () => {
  it('lets the owner subscribe, filtered on the job id and the owner', async () => {
    expect(await subscribeToJob(alice, 'job-alice')).toEqual({
      result: null,
      errors: [],
      subscriptionFilter: {
        filterGroup: [
          {
            filters: [
              { fieldName: 'id', operator: 'eq', value: 'job-alice' },
              { fieldName: 'owner', operator: 'eq', value: alice.userArn },
            ],
          },
        ],
      },
    });
  });

  it("delivers that job's updates and no other's", async () => {
    const { subscriptionFilter } = await subscribeToJob(alice, 'job-alice');
    expect(matchesSubscriptionFilter(subscriptionFilter!, update('job-alice', alice.userArn))).toBe(true);
    expect(matchesSubscriptionFilter(subscriptionFilter!, update('job-other', alice.userArn))).toBe(false);
    expect(matchesSubscriptionFilter(subscriptionFilter!, update('job-alice', bob.userArn))).toBe(false);
  });

  it("refuses another caller's job and a missing job with the same answer", async () => {
    const others = await subscribeToJob(bob, 'job-alice');
    const missing = await subscribeToJob(bob, 'job-nobody-has');
    expect(others).toEqual(UNAUTHORIZED);
    expect(missing).toEqual(others);
    expect(await subscribeToJob(bob, 'job-x')).toEqual(UNAUTHORIZED); // only a finding item exists there
    expect(await subscribeToJob(alice, 'job-expired')).toEqual(UNAUTHORIZED); // past its expiresAt: gone
  });

  it('refuses a caller without an identity', async () => {
    expect(await subscribeToJob(null, 'job-alice')).toEqual(UNAUTHORIZED);
  });

  it('takes the Cognito identity as the owner when there is one', async () => {
    const { subscriptionFilter, errors } = await subscribeToJob(carol, 'job-carol');
    expect(errors).toEqual([]);
    expect(subscriptionFilter?.filterGroup[0]?.filters[1]).toEqual({
      fieldName: 'owner',
      operator: 'eq',
      value: carol.cognitoIdentityId,
    });
    // carol's user ARN is not the owner of her job: the Cognito identity is
    expect(await subscribeToJob({ ...carol, cognitoIdentityId: null }, 'job-carol')).toEqual(UNAUTHORIZED);
  });

  it('answers a generic INTERNAL error when the table cannot be read', async () => {
    const broken = createDynamoDbDataSource({ client, tableName: 'no-such-table' });
    expect(await subscribeToJob(alice, 'job-alice', broken)).toEqual({
      result: null,
      errors: [{ message: 'Internal error', errorType: 'INTERNAL' }],
    });
  });
});

describe('Subscription.onJobsUpdated', () => {
  it('filters on the caller as owner', async () => {
    expect(await subscribeToAll(alice)).toEqual({
      result: null,
      errors: [],
      subscriptionFilter: {
        filterGroup: [{ filters: [{ fieldName: 'owner', operator: 'eq', value: alice.userArn }] }],
      },
    });
  });

  it('delivers every job of the caller and none of anyone else', async () => {
    const { subscriptionFilter } = await subscribeToAll(alice);
    expect(matchesSubscriptionFilter(subscriptionFilter!, update('job-1', alice.userArn))).toBe(true);
    expect(matchesSubscriptionFilter(subscriptionFilter!, update('job-2', alice.userArn))).toBe(true);
    expect(matchesSubscriptionFilter(subscriptionFilter!, update('job-3', bob.userArn))).toBe(false);
  });

  it('uses the Cognito identity when there is one, and refuses a caller without an identity', async () => {
    expect((await subscribeToAll(carol)).subscriptionFilter).toEqual({
      filterGroup: [{ filters: [{ fieldName: 'owner', operator: 'eq', value: carol.cognitoIdentityId }] }],
    });
    expect(await subscribeToAll(null)).toEqual({
      result: null,
      errors: [{ message: 'Not Authorized to access onJobsUpdated on type Subscription', errorType: 'Unauthorized' }],
    });
  });
});
