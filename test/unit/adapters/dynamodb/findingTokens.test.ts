import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../src/core/errors.ts';
import { InMemoryJobStore } from '../../../../src/adapters/memory/InMemoryJobStore.ts';
import { planFindingsQuery, planJobFindingsQuery, planJobsQuery } from '../../../../src/adapters/dynamodb/queryPlan.ts';
import { makeFindings, makeJob } from '../../../contract/JobStore.contract.ts';

/* Findings page tokens name a chunk item and a seq in it: the planner must refuse any that could not have come from the query. */

function token(body: unknown): string {
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

async function seeded() {
  const store = new InMemoryJobStore();
  const job = makeJob();
  await store.createJob(job);
  await store.putFindings(makeFindings(job, 600, ['NAME', 'DATE']));
  return { store, job };
}

describe('findings page tokens', () => {
  it('restart at the chunk group of the last finding and skip up to its seq', async () => {
    const { job } = await seeded();
    const key = { PK: `JOB#${job.id}`, SK: 'FINDINGS#0001#DATE' };
    const plan = planJobFindingsQuery(job.id, 10, token({ v: 1, i: 'TABLE', k: key, s: 502 }));
    expect(plan.sortRange).toEqual({ gte: 'FINDINGS#0001', lt: 'FINDINGS$' });
    expect(plan.resume).toEqual({ group: 'FINDINGS#0001', seq: 502 });
    const descending = planFindingsQuery(job.owner, { jobId: job.id }, 10, token({ v: 1, i: 'TABLE', k: key, s: 502 }));
    expect(descending.sortRange).toEqual({ gte: 'FINDINGS#', lt: 'FINDINGS#0001$' });
  });

  it('refuse a seq outside the chunk the token names, a missing seq, and a seq on a jobs token', async () => {
    const { job } = await seeded();
    const key = { PK: `JOB#${job.id}`, SK: 'FINDINGS#0001#DATE' };
    for (const s of [500, 1001, 0, 1.5, '502', undefined]) {
      expect(() => planJobFindingsQuery(job.id, 10, token({ v: 1, i: 'TABLE', k: key, s }))).toThrow(InvalidInputError);
    }
    const notAChunk = { PK: `JOB#${job.id}`, SK: 'FINDINGS#x#DATE' };
    expect(() => planJobFindingsQuery(job.id, 10, token({ v: 1, i: 'TABLE', k: notAChunk, s: 1 }))).toThrow(
      InvalidInputError,
    );
    const jobKey = { PK: `JOB#${job.id}`, SK: 'JOB' };
    expect(() => planJobFindingsQuery(job.id, 10, token({ v: 1, i: 'TABLE', k: jobKey, s: 1 }))).toThrow(
      InvalidInputError,
    );
    const jobsKey = {
      PK: `JOB#${job.id}`,
      SK: 'JOB',
      GSI1PK: `OWNER#${job.owner}#JOBS`,
      GSI1SK: `${job.createdAt}#${job.id}`,
    };
    expect(() => planJobsQuery(job.owner, {}, 10, token({ v: 1, i: 'GSI1', k: jobsKey, s: 1 }))).toThrow(
      InvalidInputError,
    );
  });

  it('a real token reads on where the last page ended, with no finding twice or missed', async () => {
    const { store, job } = await seeded();
    const first = await store.listFindings(job.owner, { type: 'DATE' }, 100);
    const second = await store.listFindings(job.owner, { type: 'DATE' }, 100, first.nextToken);
    const seqs = [...first.items, ...second.items].map((f) => f.seq);
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => 600 - 2 * i));
  });
});
