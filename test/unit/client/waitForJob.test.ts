import { describe, expect, it } from 'vitest';
import type { JobQuery } from '../../../src/client/generated.ts';
import { HdmJobTimeoutError, waitForJob } from '../../../src/client/waitForJob.ts';

/** A `job(id)` reader that answers these statuses in turn (the last one from then on). */
function reader(statuses: string[]): { read: (id: string) => Promise<JobQuery>; calls: () => number } {
  let calls = 0;
  const read = async (id: string) => {
    const status = statuses[Math.min(calls++, statuses.length - 1)];
    return { job: { id, status } } as unknown as JobQuery;
  };
  return { read, calls: () => calls };
}

describe('waitForJob', () => {
  it('reads until the job is SUCCEEDED or FAILED, and returns it', async () => {
    const jobs = reader(['QUEUED', 'RUNNING', 'SUCCEEDED']);
    expect((await waitForJob(jobs.read, 'j1', { pollMs: 1 })).status).toBe('SUCCEEDED');
    expect(jobs.calls()).toBe(3);
    expect((await waitForJob(reader(['FAILED']).read, 'j2')).status).toBe('FAILED');
  });

  it('gives up with HdmJobTimeoutError naming the job and its last status', async () => {
    const error = await waitForJob(reader(['RUNNING']).read, 'j3', { timeoutMs: 20, pollMs: 5 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HdmJobTimeoutError);
    expect(error).toMatchObject({ jobId: 'j3', lastStatus: 'RUNNING' });
  });
});
