import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbJobStore } from '../../../../src/adapters/dynamodb/DynamoDbJobStore.ts';
import { ensureJobTable } from '../../../../src/adapters/dynamodb/createJobTable.ts';
import { FindingsWriteConflictError, JobStoreError } from '../../../../src/adapters/dynamodb/errors.ts';
import { MAX_ITEM_BYTES, estimateItemSize } from '../../../../src/adapters/dynamodb/itemSize.ts';
import { jobToItem } from '../../../../src/adapters/dynamodb/jobItems.ts';
import { findingChunkKey, jobKey } from '../../../../src/adapters/dynamodb/tableDesign.ts';
import { clientTokenJobId } from '../../../../src/core/clientTokenJobId.ts';
import type { Finding } from '../../../../src/core/Job.ts';
import {
  localDynamoDbClientConfig,
  startDynalite,
  type RunningDynalite,
} from '../../../../local/dynamodb/startDynalite.ts';
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

interface StoreOptions {
  findingsRetry?: { maxAttempts: number; baseDelayMs: number };
  client?: DynamoDBClient;
}

async function freshStore(options: StoreOptions = {}) {
  const tableName = `jobs-${randomUUID()}`;
  await ensureJobTable(client, tableName);
  return { tableName, store: new DynamoDbJobStore({ tableName, client: doc, ...options }) };
}

/** Every item under the job's partition except the job itself. */
async function chunkItems(tableName: string, jobId: string) {
  const out = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :f)',
      ExpressionAttributeValues: { ':pk': `JOB#${jobId}`, ':f': 'FINDING' },
    }),
  );
  return out.Items ?? [];
}

async function rawItem(tableName: string, key: { PK: string; SK: string }) {
  return (await doc.send(new GetCommand({ TableName: tableName, Key: key }))).Item;
}

describe('DynamoDbJobStore items (the table design others read directly)', () => {
  it('writes the job item with its keys and every field at the top level', async () => {
    const { tableName, store } = await freshStore();
    const job = makeJob({
      findingCount: 2,
      findingCounts: [{ type: 'NAME', count: 2 }],
      error: { code: 'INTERNAL', message: 'x' },
    });
    await store.createJob(job);
    expect(await rawItem(tableName, jobKey(job.id))).toEqual({
      PK: `JOB#${job.id}`,
      SK: 'JOB',
      GSI1PK: `OWNER#${job.owner}#JOBS`,
      GSI1SK: `${job.createdAt}#${job.id}`,
      // GSI3 (open jobs by age, for the recovery sweep): only while QUEUED or RUNNING.
      openStatus: 'QUEUED',
      ...job,
    });
    await store.updateJob(job.id, ['QUEUED'], { status: 'SUCCEEDED', updatedAt: job.updatedAt });
    expect(await rawItem(tableName, jobKey(job.id))).not.toHaveProperty('openStatus');
  });

  it('packs findings into one chunk item per type and 500 seqs, with both index keys and no text', async () => {
    const { tableName, store } = await freshStore();
    const job = makeJob();
    const [f1, f2, f3] = makeFindings(job, 3, ['DATE', 'NAME']);
    const box = {
      boundingBox: { left: 0.25, top: 0.5, width: 0.125, height: 0.0625 },
      pixelBox: { left: 50, top: 100, width: 25, height: 12 },
    };
    const boxed: Finding = { ...f3!, beginOffset: undefined, endOffset: undefined, ...box };
    const late: Finding = { ...f1!, id: `${job.id}:501`, seq: 501, score: 0.75 };
    await store.putFindings([boxed, f2!, f1!, late]);
    const common = { jobId: job.id, owner: job.owner, createdAt: job.createdAt, expiresAt: job.expiresAt, rev: 1 };
    expect(await rawItem(tableName, findingChunkKey(job.id, 0, 'DATE'))).toEqual({
      PK: `JOB#${job.id}`,
      SK: 'FINDINGS#0000#DATE',
      GSI1PK: `OWNER#${job.owner}#FINDINGS`,
      GSI1SK: `${job.createdAt}#${job.id}#0000#DATE`,
      GSI2PK: `OWNER#${job.owner}#FINDINGS#DATE`,
      GSI2SK: `${job.createdAt}#${job.id}#0000`,
      type: 'DATE',
      ...common,
      items: [
        { s: 1, c: 0.9, b: 0, e: 4 },
        { s: 3, c: 0.9, x: { l: 0.25, t: 0.5, w: 0.125, h: 0.0625 }, p: { l: 50, t: 100, w: 25, h: 12 } },
      ],
    });
    expect(await rawItem(tableName, findingChunkKey(job.id, 0, 'NAME'))).toMatchObject({
      SK: 'FINDINGS#0000#NAME',
      type: 'NAME',
      items: [{ s: 2, c: 0.9, b: 10, e: 14 }],
    });
    expect(await rawItem(tableName, findingChunkKey(job.id, 1, 'DATE'))).toMatchObject({
      SK: 'FINDINGS#0001#DATE',
      GSI1SK: `${job.createdAt}#${job.id}#0001#DATE`,
      GSI2SK: `${job.createdAt}#${job.id}#0001`,
      items: [{ s: 501, c: 0.75, b: 0, e: 4 }],
    });
    expect((await chunkItems(tableName, job.id)).map((item) => item.SK)).toEqual([
      'FINDINGS#0000#DATE',
      'FINDINGS#0000#NAME',
      'FINDINGS#0001#DATE',
    ]);
    expect((await store.listJobFindings(job.id, 10)).items).toEqual([f1, f2, boxed, late]);
  });

  it('writes only the chunks a call changes, bumping their rev, and deletes chunks left empty', async () => {
    const { tableName, store } = await freshStore();
    const job = makeJob();
    const findings = makeFindings(job, 4, ['NAME', 'DATE']);
    await store.putFindings(findings);
    await store.putFindings(findings.slice(0, 2)); // nothing new: no write at all
    const revs = async () =>
      Object.fromEntries((await chunkItems(tableName, job.id)).map((item) => [item.SK, item.rev]));
    expect(await revs()).toEqual({ 'FINDINGS#0000#DATE': 1, 'FINDINGS#0000#NAME': 1 });
    await store.putFindings([{ ...findings[0]!, score: 0.5 }]);
    expect(await revs()).toEqual({ 'FINDINGS#0000#DATE': 1, 'FINDINGS#0000#NAME': 2 });
    await store.putFindings(findings.filter((f) => f.type === 'DATE').map((f) => ({ ...f, type: 'AGE' as const })));
    expect(await revs()).toEqual({ 'FINDINGS#0000#AGE': 1, 'FINDINGS#0000#NAME': 2 });
  });

  it('merges again when another writer changed a chunk between its read and its write', async () => {
    const job = makeJob();
    const [mine, theirs] = makeFindings(job, 2);
    const run = async (maxAttempts: number) => {
      // A real concurrent write, made right after the store has read the job's chunks (once).
      const racing = new DynamoDBClient(localDynamoDbClientConfig(dynalite.endpoint));
      const { tableName, store } = await freshStore({ client: racing, findingsRetry: { maxAttempts, baseDelayMs: 1 } });
      const rival = new DynamoDbJobStore({ tableName, client: doc });
      let raced = false;
      racing.middlewareStack.add(
        (next, context) => async (args) => {
          const result = await next(args);
          if (context.commandName === 'QueryCommand' && !raced) {
            raced = true;
            await rival.putFindings([theirs!]);
          }
          return result;
        },
        { step: 'initialize', name: 'raceAfterRead' },
      );
      try {
        const outcome = await store.putFindings([mine!]).catch((e: unknown) => e);
        return { outcome, listed: (await rival.listJobFindings(job.id, 10)).items };
      } finally {
        racing.destroy();
      }
    };
    const once = await run(1);
    expect(once.outcome).toBeInstanceOf(FindingsWriteConflictError);
    expect((once.outcome as FindingsWriteConflictError).code).toBe('THROTTLED');
    expect(once.listed).toEqual([theirs]);
    const twice = await run(2);
    expect(twice.outcome).toBeUndefined();
    expect(twice.listed).toEqual([mine, theirs]);
  });

  it('with a clientToken, writes the job item alone: its conditional write is the claim', async () => {
    const { tableName, store } = await freshStore();
    const owner = `arn:aws:iam::000000000000:user/${randomUUID()}`;
    const job = makeJob({ owner, id: await clientTokenJobId(owner, 'tok') });
    expect(job.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await store.createJob(job, 'tok');
    const all = await doc.send(new ScanCommand({ TableName: tableName }));
    expect(all.Items?.map((item) => item.PK)).toEqual([`JOB#${job.id}`]);
  });

  it('reads a job recorded before maskCareUnits existed as maskCareUnits false (the contract field is non-null)', async () => {
    const { tableName, store } = await freshStore();
    const job = makeJob();
    const { maskCareUnits: _, ...olderOptions } = job.options;
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: jobToItem({ ...job, options: olderOptions as typeof job.options }),
      }),
    );
    expect((await store.getJob(job.id))?.options).toEqual({ ...olderOptions, maskCareUnits: false });
    expect((await store.listJobs(job.owner, {}, 10)).items[0]?.options.maskCareUnits).toBe(false);
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

  it('stores a full chunk of findings with offsets and boxes, estimated at under half the item limit', async () => {
    const { tableName, store } = await freshStore();
    const job = makeJob();
    const findings = makeFindings(job, 500, ['NAME']).map((f) => ({
      ...f,
      score: 0.123456789012345,
      beginOffset: 999_999 - f.seq,
      endOffset: 1_000_000 - f.seq,
      boundingBox: {
        left: 0.123456789012345,
        top: 0.223456789012345,
        width: 0.323456789012345,
        height: 0.0123456789012345,
      },
      pixelBox: { left: 12_345, top: 23_456, width: 3_456, height: 456 },
    }));
    await store.putFindings(findings);
    const [chunk, ...rest] = await chunkItems(tableName, job.id);
    expect(rest).toEqual([]);
    expect(estimateItemSize(chunk!)).toBeLessThan(MAX_ITEM_BYTES / 2);
    expect((await store.listFindings(job.owner, { type: 'NAME' }, 100)).items).toEqual(
      [...findings].reverse().slice(0, 100),
    );
  });

  it("accepts every record its size estimate lets through (the estimate is not below DynamoDB's)", async () => {
    const { store } = await freshStore();
    const job = makeJob({ maskedText: '' });
    const room = MAX_ITEM_BYTES - estimateItemSize(jobToItem(job));
    const fits = makeJob({ maskedText: 'é'.repeat(Math.floor(room / 2)) });
    expect(estimateItemSize(jobToItem(fits))).toBeLessThanOrEqual(MAX_ITEM_BYTES);
    await expect(store.createJob(fits)).resolves.toMatchObject({ created: true });
  });
});
