import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbJobStore } from '../../../../src/adapters/dynamodb/DynamoDbJobStore.ts';
import { ensureJobTable } from '../../../../src/adapters/dynamodb/createJobTable.ts';
import { JobStoreError } from '../../../../src/adapters/dynamodb/errors.ts';
import { MAX_ITEM_BYTES, estimateItemSize } from '../../../../src/adapters/dynamodb/itemSize.ts';
import { idempotencyItem, jobToItem } from '../../../../src/adapters/dynamodb/jobItems.ts';
import { findingKey, idempotencyKey, jobKey } from '../../../../src/adapters/dynamodb/tableDesign.ts';
import { localDynamoDbClientConfig, startDynalite, type RunningDynalite } from '../../../../local/dynamodb/startDynalite.ts';
import { makeFindings, makeJob } from '../../../contract/JobStore.contract.ts';

let dynalite: RunningDynalite;
let client: DynamoDBClient;
let doc: DynamoDBDocumentClient;

beforeAll(async () => {
  dynalite = await startDynalite();
  client = new DynamoDBClient(localDynamoDbClientConfig(dynalite.endpoint));
  doc = DynamoDBDocumentClient.from(client);
});

afterAll(async () => {
  client?.destroy();
  await dynalite?.close();
});

async function freshStore(options: { claimWait?: { attempts: number; baseDelayMs: number } } = {}) {
  const tableName = `jobs-${randomUUID()}`;
  await ensureJobTable(client, tableName);
  return { tableName, store: new DynamoDbJobStore({ tableName, client: doc, ...options }) };
}

async function rawItem(tableName: string, key: { PK: string; SK: string }) {
  return (await doc.send(new GetCommand({ TableName: tableName, Key: key }))).Item;
}

describe('DynamoDbJobStore items (the table design others read directly)', () => {
  it('writes the job item with its keys and every field at the top level', async () => {
    const { tableName, store } = await freshStore();
    const job = makeJob({ findingCount: 2, findingCounts: [{ type: 'NAME', count: 2 }], error: { code: 'INTERNAL', message: 'x' } });
    await store.createJob(job);
    expect(await rawItem(tableName, jobKey(job.id))).toEqual({
      PK: `JOB#${job.id}`,
      SK: 'JOB',
      GSI1PK: `OWNER#${job.owner}#JOBS`,
      GSI1SK: `${job.createdAt}#${job.id}`,
      ...job,
    });
  });

  it('writes finding items with both index keys and no text', async () => {
    const { tableName, store } = await freshStore();
    const job = makeJob();
    const [finding] = makeFindings(job, 1, ['DATE']);
    await store.putFindings([finding!]);
    const sortKey = `${job.createdAt}#${job.id}#000001`;
    expect(await rawItem(tableName, findingKey(job.id, 1))).toEqual({
      PK: `JOB#${job.id}`,
      SK: 'FINDING#000001',
      GSI1PK: `OWNER#${job.owner}#FINDINGS`,
      GSI1SK: sortKey,
      GSI2PK: `OWNER#${job.owner}#FINDINGS#DATE`,
      GSI2SK: sortKey,
      ...finding,
    });
  });

  it('writes an idempotency item keyed by a hash of owner and token', async () => {
    const { tableName, store } = await freshStore();
    const job = makeJob();
    await store.createJob(job, 'tok');
    const key = idempotencyKey(job.owner, 'tok');
    expect(key.PK).toMatch(/^IDEMPOTENCY#[0-9a-f]{64}$/);
    expect(await rawItem(tableName, key)).toEqual({ ...key, jobId: job.id, owner: job.owner, expiresAt: job.expiresAt });
  });
});

describe('DynamoDbJobStore idempotency recovery', () => {
  it('writes the job under the recorded id when a claimer died between its two writes', async () => {
    const { tableName, store } = await freshStore({ claimWait: { attempts: 2, baseDelayMs: 5 } });
    const lost = makeJob();
    await doc.send(new PutCommand({ TableName: tableName, Item: idempotencyItem(lost.owner, 'tok', lost) }));
    const retry = makeJob({ owner: lost.owner });
    const result = await store.createJob(retry, 'tok');
    expect(result).toEqual({ job: { ...retry, id: lost.id }, created: true });
    expect(await store.createJob(makeJob({ owner: lost.owner }), 'tok')).toEqual({ job: result.job, created: false });
    expect(await store.getJob(retry.id)).toBeUndefined();
  });

  it('takes over an expired claim that TTL has not swept yet', async () => {
    const { tableName, store } = await freshStore();
    const old = makeJob({ expiresAt: Math.floor(Date.now() / 1000) - 60 });
    await doc.send(new PutCommand({ TableName: tableName, Item: idempotencyItem(old.owner, 'tok', old) }));
    const fresh = makeJob({ owner: old.owner });
    expect(await store.createJob(fresh, 'tok')).toEqual({ job: fresh, created: true });
  });
});

describe('DynamoDbJobStore errors', () => {
  it('wraps SDK errors in JobStoreError with the SDK error as cause', async () => {
    const store = new DynamoDbJobStore({ tableName: `missing-${randomUUID()}`, client });
    const error = await store.getJob('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobStoreError);
    expect((error as JobStoreError).code).toBe('INTERNAL');
    expect((error as Error).cause).toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('builds its own client from region, endpoint and credentials, and releases it', async () => {
    const { tableName } = await freshStore();
    const store = new DynamoDbJobStore({ tableName, ...localDynamoDbClientConfig(dynalite.endpoint) });
    const job = makeJob();
    await store.createJob(job);
    expect(await store.getJob(job.id)).toEqual(job);
    store.destroy();
  });

  it('accepts every record its size estimate lets through (the estimate is not below DynamoDB\'s)', async () => {
    const { store } = await freshStore();
    const job = makeJob({ maskedText: '' });
    const room = MAX_ITEM_BYTES - estimateItemSize(jobToItem(job));
    const fits = makeJob({ maskedText: 'é'.repeat(Math.floor(room / 2)) });
    expect(estimateItemSize(jobToItem(fits))).toBeLessThanOrEqual(MAX_ITEM_BYTES);
    await expect(store.createJob(fits)).resolves.toMatchObject({ created: true });
  });
});
