import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoDbJobStore } from '../../../../src/adapters/dynamodb/DynamoDbJobStore.ts';
import { createJobTableInput } from '../../../../src/adapters/dynamodb/createJobTable.ts';
import { jobToItem } from '../../../../src/adapters/dynamodb/jobItems.ts';
import { InvalidInputError } from '../../../../src/core/errors.ts';
import { at, makeJob } from '../../../contract/JobStore.contract.ts';
import { useDynalite } from '../../../helpers/useDynalite.ts';

// A local data directory from before GSI3 keeps its table (dynalite cannot add an index): the store then
// finds open jobs with a Scan, including those written before `openStatus` existed.

describe('listOpenJobs on a table made before GSI3', () => {
  const db = useDynalite();

  async function oldTable(): Promise<{ store: DynamoDbJobStore; tableName: string }> {
    const tableName = `old-${randomUUID()}`;
    const input = createJobTableInput(tableName);
    const indexes = input.GlobalSecondaryIndexes?.filter((index) => index.IndexName !== 'GSI3');
    const attributes = input.AttributeDefinitions?.filter(
      (a) => a.AttributeName !== 'openStatus' && a.AttributeName !== 'updatedAt',
    );
    await db.client.send(
      new CreateTableCommand({ ...input, GlobalSecondaryIndexes: indexes, AttributeDefinitions: attributes }),
    );
    return { store: new DynamoDbJobStore({ tableName, client: db.client }), tableName };
  }

  it('scans for open jobs, old items without openStatus too, and pages with its own tokens', async () => {
    const { store, tableName } = await oldTable();
    const jobs = Array.from({ length: 5 }, (_, i) => makeJob({ status: 'RUNNING', updatedAt: at(i) }));
    for (const job of jobs.slice(1)) await store.createJob(job);
    // Written as the adapter did before GSI3: no openStatus attribute.
    const { openStatus: _open, ...legacy } = jobToItem(jobs[0] as never);
    await DynamoDBDocumentClient.from(db.client).send(new PutCommand({ TableName: tableName, Item: legacy }));
    await store.createJob(makeJob({ status: 'QUEUED', updatedAt: at(1) }));
    await store.createJob(makeJob({ status: 'SUCCEEDED', updatedAt: at(1) }));
    await store.createJob(makeJob({ status: 'RUNNING', updatedAt: at(100) }));

    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await store.listOpenJobs('RUNNING', at(60), 2, token);
      seen.push(...page.items.map((entry) => entry.job.id));
      token = page.nextToken;
      pages++;
    } while (token !== undefined && pages < 10);
    expect(seen.sort()).toEqual(jobs.map((job) => job.id).sort());
    expect(pages).toBe(3);
    await expect(store.listOpenJobs('RUNNING', at(60), 2, 'garbage')).rejects.toBeInstanceOf(InvalidInputError);
  });
});
