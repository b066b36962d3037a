import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CountingDynamoDb, startCountingDynamoDb } from '../../../helpers/countingDynamoDb.ts';
import { batchPutItems } from '../../../../src/adapters/dynamodb/batchPutItems.ts';
import { DynamoDbJobStore } from '../../../../src/adapters/dynamodb/DynamoDbJobStore.ts';
import { ensureJobTable } from '../../../../src/adapters/dynamodb/createJobTable.ts';
import { ThrottledError } from '../../../../src/core/errors.ts';
import type { PhiType } from '../../../../src/core/PhiEntity.ts';
import { makeFindings, makeJob } from '../../../contract/JobStore.contract.ts';

let db: CountingDynamoDb;
let client: DynamoDBClient;
let sent: string[];

beforeAll(async () => {
  db = await startCountingDynamoDb();
  ({ client, sent } = db);
});

afterAll(async () => db?.close());

async function freshStore() {
  const tableName = `jobs-${randomUUID()}`;
  await ensureJobTable(client, tableName);
  return { tableName, store: new DynamoDbJobStore({ tableName, client }) };
}

async function findingItems(tableName: string, jobId: string) {
  const doc = DynamoDBDocumentClient.from(client);
  const out = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :f)',
      ExpressionAttributeValues: { ':pk': `JOB#${jobId}`, ':f': 'FINDINGS#' },
    }),
  );
  return out.Items ?? [];
}

const TYPES: PhiType[] = ['NAME', 'DATE', 'PHONE_OR_FAX', 'EMAIL', 'ID', 'URL', 'ADDRESS', 'PROFESSION', 'AGE'];

describe('DynamoDbJobStore.putFindings with firstWrite (a job just created, one writer)', () => {
  it("writes a small job's findings in one BatchWriteItem, with no read", async () => {
    const { store } = await freshStore();
    const job = makeJob({ status: 'RUNNING' });
    await store.createJob(job);
    sent.length = 0;
    await store.putFindings(makeFindings(job, 12, ['NAME', 'DATE', 'PHONE_OR_FAX']), { firstWrite: true });
    expect(sent).toEqual(['BatchWriteItem']);
    expect((await store.listJobFindings(job.id, 100)).items.map((f) => f.seq)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
  });

  it('stores exactly the items the merging path stores, 25 to a call past 25 chunk items', async () => {
    const first = await freshStore();
    const merged = await freshStore();
    const job = makeJob({ status: 'RUNNING' });
    // 1,200 findings of 9 types: 3 seq chunks × 9 types = 27 chunk items.
    const findings = makeFindings(job, 1200, TYPES);
    await first.store.createJob(job);
    await merged.store.createJob(job);
    sent.length = 0;
    await first.store.putFindings(findings, { firstWrite: true });
    expect(sent).toEqual(['BatchWriteItem', 'BatchWriteItem']);
    await merged.store.putFindings(findings);
    const sortBySk = (items: Record<string, unknown>[]) =>
      [...items].sort((a, b) => String(a.SK).localeCompare(String(b.SK)));
    const written = sortBySk(await findingItems(first.tableName, job.id));
    expect(written).toHaveLength(27);
    expect(written).toEqual(sortBySk(await findingItems(merged.tableName, job.id)));
    // A later merging write sees them as its own: the same findings again change nothing.
    sent.length = 0;
    await first.store.putFindings(findings.slice(0, 40));
    expect(sent).toEqual(['Query']);
  });
});

describe('batchPutItems', () => {
  /** A DocumentClient stand-in that leaves `unprocessed` items for as many calls as `times`. */
  function flakyClient(unprocessed: number, times: number) {
    const calls: number[] = [];
    const send = async (command: BatchWriteCommand) => {
      const requests = command.input.RequestItems?.t ?? [];
      calls.push(requests.length);
      const left = calls.length <= times ? requests.slice(0, unprocessed) : [];
      return { UnprocessedItems: left.length > 0 ? { t: left } : {} };
    };
    return { doc: { send } as unknown as DynamoDBDocumentClient, calls };
  }
  const items = Array.from({ length: 30 }, (_, i) => ({ PK: `JOB#x`, SK: `FINDINGS#${i}` }));

  it('puts again what DynamoDB leaves unprocessed until nothing is left', async () => {
    const { doc, calls } = flakyClient(3, 2);
    await batchPutItems(doc, 't', items, { baseDelayMs: 1 });
    // Groups of 25 and 5 in parallel; the stand-in leaves 3 of each first call, and each group puts its 3 again.
    expect(calls.sort((a, b) => a - b)).toEqual([3, 3, 5, 25]);
  });

  it('gives up with ThrottledError (so the job fails, never SUCCEEDED without its findings)', async () => {
    const { doc } = flakyClient(1, Number.POSITIVE_INFINITY);
    await expect(batchPutItems(doc, 't', items.slice(0, 2), { maxAttempts: 3, baseDelayMs: 1 })).rejects.toBeInstanceOf(
      ThrottledError,
    );
  });
});
