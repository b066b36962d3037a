import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/errors.ts';
import type { JobStatus } from '../../src/core/Job.ts';
import type { JobStore, OpenJob, OpenJobStatus } from '../../src/core/ports.ts';
import { at, makeJob, newOwner, type JobStoreFactory } from './JobStore.contract.ts';

async function allOpen(
  store: JobStore,
  status: OpenJobStatus,
  before: string,
  limit = 100,
): Promise<{ items: OpenJob[]; pages: number[] }> {
  const items: OpenJob[] = [];
  const pages: number[] = [];
  let token: string | undefined;
  do {
    const page = await store.listOpenJobs(status, before, limit, token);
    items.push(...page.items);
    pages.push(page.items.length);
    token = page.nextToken;
  } while (token !== undefined && pages.length < 50);
  return { items, pages };
}

const ids = (open: readonly OpenJob[]) => open.map((entry) => entry.job.id);

/** listOpenJobs, the recovery sweep's query: part of the JobStore contract (called by describeJobStoreContract). */
export function describeOpenJobsContract(factory: JobStoreFactory): void {
  describe('listOpenJobs', () => {
    it("lists every owner's jobs of one open status changed before a time, oldest first, and no finished job", async () => {
      const store = await factory();
      const make = (status: JobStatus, seconds: number) =>
        makeJob({ status, owner: newOwner(), createdAt: at(0), updatedAt: at(seconds) });
      const jobs = [
        make('RUNNING', 30),
        make('QUEUED', 10),
        make('RUNNING', 10),
        make('SUCCEEDED', 5),
        make('FAILED', 5),
        make('RUNNING', 90),
      ];
      for (const job of jobs) await store.createJob(job);
      const running = await store.listOpenJobs('RUNNING', at(60), 10);
      expect(running).toEqual({
        items: [
          { job: jobs[2], requeues: 0 },
          { job: jobs[0], requeues: 0 },
        ],
      });
      expect(ids((await store.listOpenJobs('QUEUED', at(60), 10)).items)).toEqual([jobs[1]?.id]);
      // The bound is exclusive.
      expect(ids((await store.listOpenJobs('RUNNING', at(10), 10)).items)).toEqual([]);
    });

    it('follows status changes: a claimed job moves to RUNNING, a finished one leaves, a newer change is past the bound', async () => {
      const store = await factory();
      const job = makeJob({ kind: 'IMAGE', status: 'QUEUED', updatedAt: at(0) });
      await store.createJob(job);
      await store.updateJob(job.id, ['QUEUED'], { status: 'RUNNING', updatedAt: at(5) });
      expect(ids((await store.listOpenJobs('QUEUED', at(60), 10)).items)).toEqual([]);
      expect(ids((await store.listOpenJobs('RUNNING', at(60), 10)).items)).toEqual([job.id]);
      await store.updateJob(job.id, ['RUNNING'], { updatedAt: at(120) });
      expect(ids((await store.listOpenJobs('RUNNING', at(60), 10)).items)).toEqual([]);
      await store.updateJob(job.id, ['RUNNING'], {
        status: 'FAILED',
        updatedAt: at(130),
        error: { code: 'INTERNAL', message: 'failed' },
      });
      expect(ids((await store.listOpenJobs('RUNNING', at(600), 10)).items)).toEqual([]);
    });

    it('keeps the re-queue count beside the job, and getJob shows none of it', async () => {
      const store = await factory();
      const job = makeJob({ status: 'QUEUED' });
      await store.createJob(job);
      const requeued = await store.updateJob(job.id, ['QUEUED'], { requeues: 1, updatedAt: at(20) });
      expect(requeued).toEqual({ ...job, updatedAt: at(20) });
      expect(await store.getJob(job.id)).toEqual({ ...job, updatedAt: at(20) });
      expect((await store.listOpenJobs('QUEUED', at(60), 10)).items).toEqual([
        { job: { ...job, updatedAt: at(20) }, requeues: 1 },
      ]);
    });

    it('pages through jobs changed at the same moment without a gap or a repeat, also while the caller finishes them', async () => {
      const store = await factory();
      const jobs = Array.from({ length: 7 }, (_, i) => makeJob({ status: 'RUNNING', updatedAt: at(i < 5 ? 1 : 2) }));
      for (const job of jobs) await store.createJob(job);
      const all = await allOpen(store, 'RUNNING', at(60), 3);
      expect(all.pages).toEqual([3, 3, 1]);
      expect(new Set(ids(all.items))).toEqual(new Set(jobs.map((job) => job.id)));
      // The sweep finishes each job of a page before it asks for the next one.
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await store.listOpenJobs('RUNNING', at(60), 2, token);
        for (const { job } of page.items) {
          seen.push(job.id);
          await store.updateJob(job.id, ['RUNNING'], { status: 'FAILED', updatedAt: at(100) });
        }
        token = page.nextToken;
      } while (token !== undefined);
      expect(seen.sort()).toEqual(jobs.map((job) => job.id).sort());
    });

    it('refuses a bad status, time, limit or token', async () => {
      const store = await factory();
      await store.createJob(makeJob({ status: 'QUEUED', updatedAt: at(0) }));
      await store.createJob(makeJob({ status: 'QUEUED', updatedAt: at(1) }));
      await expect(store.listOpenJobs('SUCCEEDED' as OpenJobStatus, at(60), 10)).rejects.toBeInstanceOf(
        InvalidInputError,
      );
      await expect(store.listOpenJobs('QUEUED', 'yesterday', 10)).rejects.toBeInstanceOf(InvalidInputError);
      await expect(store.listOpenJobs('QUEUED', at(60), 0)).rejects.toBeInstanceOf(InvalidInputError);
      await expect(store.listOpenJobs('QUEUED', at(60), 1, 'garbage')).rejects.toBeInstanceOf(InvalidInputError);
      const { nextToken } = await store.listOpenJobs('QUEUED', at(60), 1);
      expect(nextToken).toBeDefined();
      await expect(store.listOpenJobs('RUNNING', at(60), 1, nextToken)).rejects.toBeInstanceOf(InvalidInputError);
    });
  });
}
