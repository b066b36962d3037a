import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CountingDynamoDb, startCountingDynamoDb } from '../../../helpers/countingDynamoDb.ts';
import { DynamoDbJobStore } from '../../../../src/adapters/dynamodb/DynamoDbJobStore.ts';
import { ensureJobTable } from '../../../../src/adapters/dynamodb/createJobTable.ts';
import { maskTextJob } from '../../../../src/core/maskTextJob.ts';
import { inMemoryJobServices } from '../../../helpers/jobServices.ts';

// The Cost target of issue 14: a text job in at most 3 DynamoDB requests, a clientToken included (its claim is
// the job's own conditional PutItem). Counted as the commands the SDK client sends.

let db: CountingDynamoDb;
let client: DynamoDBClient;
let sent: string[];

beforeAll(async () => {
  db = await startCountingDynamoDb();
  ({ client, sent } = db);
});

afterAll(async () => db?.close());

const NOTE =
  'Pt Marla Quenby, 67 y/o, seen 03/14/2023 by Dr. Ohanian at Mercy Hospital. Call 617-555-0143. MRN 12345678.';
const alice = { owner: `arn:aws:iam::000000000000:user/alice-${randomUUID()}` };

describe('maskText through DynamoDbJobStore: DynamoDB requests per job', () => {
  it('takes 3 with a clientToken (PutItem, BatchWriteItem, UpdateItem), 3 without, and 2 for a retry', async () => {
    const tableName = `jobs-${randomUUID()}`;
    await ensureJobTable(client, tableName);
    const { services } = inMemoryJobServices({ jobs: new DynamoDbJobStore({ tableName, client }) });

    sent.length = 0;
    const job = await maskTextJob(services, alice, { text: NOTE, clientToken: 'cost-1' });
    expect(job.status).toBe('SUCCEEDED');
    expect(job.findingCounts?.length).toBeGreaterThan(2);
    expect(sent).toEqual(['PutItem', 'BatchWriteItem', 'UpdateItem']);

    sent.length = 0;
    expect((await maskTextJob(services, alice, { text: NOTE })).status).toBe('SUCCEEDED');
    expect(sent).toEqual(['PutItem', 'BatchWriteItem', 'UpdateItem']);

    // A retry: the conditional PutItem fails, and one consistent GetItem returns the first call's job.
    sent.length = 0;
    const retry = await maskTextJob(services, alice, { text: NOTE, clientToken: 'cost-1' });
    expect(retry).toMatchObject({ id: job.id, status: 'SUCCEEDED', maskedText: job.maskedText });
    expect(sent).toEqual(['PutItem', 'GetItem']);
  });
});
