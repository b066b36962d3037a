import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DynamoDbJobStore } from '../../../src/adapters/dynamodb/DynamoDbJobStore.ts';
import type { Job } from '../../../src/core/Job.ts';
import { INTERRUPTED_MESSAGE } from '../../../local/worker/recoverJobs.ts';
import { startDynalite } from '../../../local/dynamodb/startDynalite.ts';
import { startTestApi, type TestApi } from '../../helpers/localApi.ts';

// The local worker's queue is the job records: a job left QUEUED by a stopped server resumes at the next
// start, one left RUNNING (its work may be half done) fails with a clear message.

let dataDir: string | undefined;
const running: TestApi[] = [];

afterAll(async () => {
  for (const api of running) await api.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const JOB = `query Job($id: ID!) { job(id: $id) { id status error { code message } } }`;

it('resumes QUEUED image jobs and fails RUNNING ones after a restart', async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'hdm-it-recover-'));
  const first = await startTestApi({ dataDir, inMemory: false });
  running.push(first);
  const owner = first.api.generatedPrincipal
    ? `arn:aws:iam::${first.api.accountId}:user/${first.api.generatedPrincipal.name}`
    : '';
  await first.close();

  // What a crash leaves behind, written straight into the stopped server's table.
  const dynalite = await startDynalite({ path: path.join(dataDir, 'dynamodb') });
  const store = new DynamoDbJobStore({
    tableName: 'hdm-jobs',
    endpoint: dynalite.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  const now = new Date().toISOString();
  const base = {
    owner,
    createdAt: now,
    updatedAt: now,
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
    options: {
      minScore: 0.5,
      types: ['NAME' as const],
      style: 'TYPE_LABEL' as const,
      allowList: [],
      denyList: [],
      allowListCount: 0,
      denyListCount: 0,
      maskCareUnits: false,
    },
  };
  const queued: Job = {
    ...base,
    kind: 'IMAGE',
    id: 'left-queued',
    status: 'QUEUED',
    input: { bucket: 'hdm-data', key: 'inputs/left-queued/image' },
  };
  const runningJob: Job = {
    ...base,
    kind: 'IMAGE',
    id: 'left-running',
    status: 'RUNNING',
    input: { bucket: 'hdm-data', key: 'inputs/left-running/image' },
  };
  await store.createJob(queued);
  await store.createJob(runningJob);
  store.destroy();
  await dynalite.close();

  const second = await startTestApi({ dataDir, inMemory: false });
  running.push(second);
  const failed = await second.graphql<{ job: { status: string; error: { code: string; message: string } } }>(JOB, {
    id: 'left-running',
  });
  expect(failed.body.data?.job).toMatchObject({
    status: 'FAILED',
    error: { code: 'INTERNAL', message: INTERRUPTED_MESSAGE },
  });
  // The QUEUED job was taken up again: its input never existed, so the worker ends it as FAILED (INVALID_INPUT).
  let status = 'QUEUED';
  let code: string | undefined;
  for (let i = 0; i < 60 && (status === 'QUEUED' || status === 'RUNNING'); i++) {
    const read = await second.graphql<{ job: { status: string; error?: { code: string } } }>(JOB, {
      id: 'left-queued',
    });
    status = read.body.data?.job.status ?? 'missing';
    code = read.body.data?.job.error?.code;
    if (status === 'QUEUED' || status === 'RUNNING') await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect({ status, code }).toEqual({ status: 'FAILED', code: 'INVALID_INPUT' });
  expect(second.logs.some((line) => line.includes('worker.recovered'))).toBe(true);
});
