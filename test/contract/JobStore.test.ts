import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbJobStore } from '../../src/adapters/dynamodb/DynamoDbJobStore.ts';
import { ensureJobTable } from '../../src/adapters/dynamodb/createJobTable.ts';
import { InMemoryJobStore } from '../../src/adapters/memory/InMemoryJobStore.ts';
import { localDynamoDbClientConfig, startDynalite } from '../../local/dynamodb/startDynalite.ts';
import { useDynalite } from '../helpers/useDynalite.ts';
import { clientTokenJobId } from '../../src/core/clientTokenJobId.ts';
import { describeJobStoreContract, makeFindings, makeJob, newOwner } from './JobStore.contract.ts';
import { describeOpenJobsContract } from './openJobs.contract.ts';

describeJobStoreContract('InMemoryJobStore', () => new InMemoryJobStore());
describe('JobStore contract: InMemoryJobStore', () => describeOpenJobsContract(() => new InMemoryJobStore()));

describe('on dynalite', () => {
  const db = useDynalite();

  // A table per test: cheap on dynalite (ACTIVE at once) and no test sees another's items.
  const freshStore = async () => {
    const tableName = `jobs-${randomUUID()}`;
    await ensureJobTable(db.client, tableName);
    return new DynamoDbJobStore({ tableName, client: db.client });
  };
  describeJobStoreContract('DynamoDbJobStore', freshStore);
  describe('JobStore contract: DynamoDbJobStore', () => describeOpenJobsContract(freshStore));
});

describe('DynamoDbJobStore on a persistent dynalite path', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hdm-dynalite-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads jobs and findings back after a restart', async () => {
    const owner = newOwner();
    const job = makeJob({
      owner,
      id: await clientTokenJobId(owner, 'restart-token'),
      status: 'SUCCEEDED',
      findingCount: 3,
    });
    const findings = makeFindings(job, 3, ['NAME', 'DATE']);

    const first = await startDynalite({ path: dir });
    const setup = new DynamoDBClient(localDynamoDbClientConfig(first.endpoint));
    await ensureJobTable(setup, 'jobs');
    setup.destroy();
    const store = new DynamoDbJobStore({ tableName: 'jobs', ...localDynamoDbClientConfig(first.endpoint) });
    await store.createJob(job, 'restart-token');
    await store.putFindings(findings);
    store.destroy();
    await first.close();

    const second = await startDynalite({ path: dir });
    const again = new DynamoDbJobStore({ tableName: 'jobs', ...localDynamoDbClientConfig(second.endpoint) });
    const check = new DynamoDBClient(localDynamoDbClientConfig(second.endpoint));
    try {
      expect(await ensureJobTable(check, 'jobs')).toMatchObject({ created: false });
      expect(await again.getJob(job.id)).toEqual(job);
      expect((await again.listJobFindings(job.id, 10)).items).toEqual(findings);
      expect((await again.listFindings(job.owner, { type: 'DATE' }, 10)).items).toEqual([findings[1]]);
      expect(await again.createJob(makeJob({ owner, id: job.id }), 'restart-token')).toEqual({ job, created: false });
    } finally {
      check.destroy();
      again.destroy();
      await second.close();
    }
  });
});
