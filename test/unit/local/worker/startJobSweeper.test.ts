import { describe, expect, it } from 'vitest';
import { maskImageJob } from '../../../../src/core/maskImageJob.ts';
import { TIME_LIMIT_ERROR } from '../../../../src/core/sweepJobs.ts';
import { recoverJobs, INTERRUPTED_MESSAGE } from '../../../../local/worker/recoverJobs.ts';
import { LOCAL_SWEEP_POLICY, startJobSweeper } from '../../../../local/worker/startJobSweeper.ts';
import { inMemoryJobServices } from '../../../helpers/jobServices.ts';

const alice = { owner: 'arn:aws:iam::000000000000:user/alice' };
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function clockedServices() {
  const env = inMemoryJobServices();
  const clock = { ms: Date.now() };
  env.services.now = () => new Date(clock.ms);
  return { ...env, clock };
}

describe('recoverJobs (local start)', () => {
  it('fails every RUNNING job as interrupted and queues every QUEUED one again, whatever their age, published', async () => {
    const { services, published, enqueued, clock } = clockedServices();
    const queued = await maskImageJob(services, alice, { base64: PNG });
    const running = await maskImageJob(services, alice, { base64: PNG });
    await services.jobs.updateJob(running.id, ['QUEUED'], {
      status: 'RUNNING',
      updatedAt: services.now().toISOString(),
    });
    enqueued.length = 0;
    clock.ms += 1;
    expect(await recoverJobs(services)).toEqual({ requeued: 1, failed: 1 });
    expect(enqueued).toEqual([queued.id]);
    const interrupted = { code: 'INTERNAL', message: INTERRUPTED_MESSAGE };
    expect(await services.jobs.getJob(running.id)).toMatchObject({ status: 'FAILED', error: interrupted });
    expect(published.at(-1)).toMatchObject({ id: running.id, status: 'FAILED', error: interrupted });
    // A second start queues it again: the in-process queue is lost with every stop.
    clock.ms += 1;
    expect(await recoverJobs(services)).toEqual({ requeued: 1, failed: 0 });
  });
});

describe("startJobSweeper (the local server's timer)", () => {
  it('sweeps on its interval with the local limits, and stops on close', async () => {
    const { services, clock } = clockedServices();
    const job = await maskImageJob(services, alice, { base64: PNG });
    await services.jobs.updateJob(job.id, ['QUEUED'], { status: 'RUNNING', updatedAt: services.now().toISOString() });
    clock.ms += LOCAL_SWEEP_POLICY.runningLimitMs.IMAGE + 1;
    const sweeper = startJobSweeper(services, { intervalMs: 5 });
    for (let i = 0; i < 200 && (await services.jobs.getJob(job.id))?.status === 'RUNNING'; i++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    await sweeper.close();
    expect(await services.jobs.getJob(job.id)).toMatchObject({ status: 'FAILED', error: TIME_LIMIT_ERROR });
  });

  it('logs a failed sweep without its message and keeps going', async () => {
    const { services, logLines } = clockedServices();
    services.jobs.listOpenJobs = async () => {
      throw new Error('Quenby Marsh');
    };
    const sweeper = startJobSweeper(services, { intervalMs: 5 });
    for (let i = 0; i < 200 && logLines.filter((line) => line.includes('worker.sweep_failed')).length < 2; i++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    await sweeper.close();
    expect(logLines.filter((line) => line.includes('worker.sweep_failed')).length).toBeGreaterThanOrEqual(2);
    expect(logLines.join('\n')).not.toContain('Quenby');
  });
});
