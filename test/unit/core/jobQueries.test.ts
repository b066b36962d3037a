import { describe, expect, it } from 'vitest';
import { getOwnJob, listOwnFindings, listOwnJobs } from '../../../src/core/jobQueries.ts';
import { maskTextJob } from '../../../src/core/maskTextJob.ts';
import { inMemoryJobServices } from '../../helpers/jobServices.ts';

const alice = { owner: 'arn:aws:iam::000000000000:user/alice' };
const bob = { owner: 'arn:aws:iam::000000000000:user/bob' };

describe('job queries', () => {
  it('show callers their own jobs and findings only', async () => {
    const { services } = inMemoryJobServices();
    const job = await maskTextJob(services, alice, { text: 'Seen by Dr. Ohanian on 03/14/2023.' });
    expect(await getOwnJob(services, alice, job.id)).toMatchObject({ id: job.id });
    expect(await getOwnJob(services, bob, job.id)).toBeUndefined();
    expect((await listOwnJobs(services, bob)).items).toEqual([]);
    expect((await listOwnFindings(services, bob, { jobId: job.id })).items).toEqual([]);
    expect((await listOwnFindings(services, alice, { jobId: job.id })).items.length).toBe(job.findingCount);
    expect((await listOwnFindings(services, alice, { type: 'DATE' })).items.map((f) => f.type)).toEqual(['DATE']);
  });

  it('lists newest first and pages with nextToken', async () => {
    const { services } = inMemoryJobServices();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await maskTextJob(services, alice, { text: `note ${i}` })).id);
    const first = await listOwnJobs(services, alice, {}, 3);
    expect(first.items.map((j) => j.id)).toEqual(ids.slice(2).reverse());
    const second = await listOwnJobs(services, alice, {}, 3, first.nextToken);
    expect(second.items.map((j) => j.id)).toEqual(ids.slice(0, 2).reverse());
    expect(second.nextToken).toBeUndefined();
  });

  it('checks limits and time filters, accepting any ISO 8601 offset', async () => {
    const { services } = inMemoryJobServices();
    await maskTextJob(services, alice, { text: 'note' });
    await expect(listOwnJobs(services, alice, {}, 0)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(listOwnJobs(services, alice, {}, 101)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(listOwnJobs(services, alice, { createdAfter: 'yesterday' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      listOwnJobs(services, alice, { createdAfter: '2030-01-01T00:00:00Z', createdBefore: '2020-01-01T00:00:00Z' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const inOffset = new Date(Date.now() - 3_600_000).toISOString().replace('Z', '+00:00');
    expect((await listOwnJobs(services, alice, { createdAfter: inOffset })).items).toHaveLength(1);
    expect((await listOwnJobs(services, alice, { createdBefore: inOffset })).items).toHaveLength(0);
  });
});
