import { describe, expect, it } from 'vitest';
import { HdmError } from '../../../src/core/errors.ts';
import { DEAD_LETTER_ERROR, failDeadLetteredJob } from '../../../src/core/failDeadLetteredJob.ts';
import type { Job } from '../../../src/core/Job.ts';
import type { JobServices } from '../../../src/core/JobServices.ts';
import { maskImageJob } from '../../../src/core/maskImageJob.ts';
import { maskTextJob } from '../../../src/core/maskTextJob.ts';
import { processImageJob } from '../../../src/core/processImageJob.ts';
import {
  QUEUE_LIMIT_ERROR,
  QUEUE_RETENTION_MS,
  sweepJobs,
  sweepPolicyFor,
  TIME_LIMIT_ERROR,
} from '../../../src/core/sweepJobs.ts';
import { inMemoryJobServices } from '../../helpers/jobServices.ts';

// Each way a job could be left QUEUED or RUNNING for good ends with a FAILED or SUCCEEDED job and a published
// update: a worker killed after it claimed a job, a SendMessage that failed after the job was written, a message
// that went to the dead-letter queue, and a maskText that ran past the resolver's time limit.

const alice = { owner: 'arn:aws:iam::000000000000:user/alice' };
/** A 1×1 PNG: enough for the worker to prepare, read (the faked OCR finds no words) and store. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
/** Synthetic PHI: must never reach a log line, a stored reason or an update. */
const NOTE = 'Patient Quenby Marsh, MRN 99-000-123, called from 617-555-0143.';
/** The AWS limits: the worker's 5 minutes and AppSync's 30 seconds, each plus the margin. */
const POLICY = sweepPolicyFor({ workerMs: 300_000, resolverMs: 30_000 });
const never = () => new Promise<never>(() => {});

/** In-memory services on a clock the test moves (near the real time: record expiry is compared with it). */
function recoveryServices() {
  const env = inMemoryJobServices();
  const clock = { ms: Date.now() };
  env.services.now = () => new Date(clock.ms);
  const advance = (ms: number) => void (clock.ms += ms);
  return { ...env, advance };
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

const statusOf = async (services: JobServices, id: string) => (await services.jobs.getJob(id))?.status;
const lastUpdate = (published: { id: string }[], id: string) => published.filter((update) => update.id === id).at(-1);

describe('recovery: a worker killed after it claimed the job', () => {
  it("leaves the job RUNNING for redelivered messages, and the sweep fails it once past the worker's time limit", async () => {
    const { services, published, advance } = recoveryServices();
    const job = await maskImageJob(services, alice, { base64: PNG });
    // The worker claims the job, then dies: its OCR never returns.
    services.images = { ...services.images!, extractor: { extract: never } };
    void processImageJob(services, job.id);
    await until(async () => (await statusOf(services, job.id)) === 'RUNNING');
    // What made the job stick: the redelivered message finds RUNNING and is done with it.
    expect((await processImageJob(services, job.id))?.status).toBe('RUNNING');

    advance(5 * 60_000);
    expect(await sweepJobs(services, POLICY)).toEqual({ failed: 0, requeued: 0 });
    advance(2 * 60_000);
    expect(await sweepJobs(services, POLICY)).toEqual({ failed: 1, requeued: 0 });
    expect(await services.jobs.getJob(job.id)).toMatchObject({ status: 'FAILED', error: TIME_LIMIT_ERROR });
    expect(lastUpdate(published, job.id)).toMatchObject({ status: 'FAILED', error: TIME_LIMIT_ERROR });
    // Swept jobs leave the index: the next sweep finds nothing.
    expect(await sweepJobs(services, POLICY)).toEqual({ failed: 0, requeued: 0 });
  });
});

describe("recovery: maskText past the resolver's time limit", () => {
  it('fails a TEXT job RUNNING past 30 s and the margin, and leaves an IMAGE job of the same age to its own limit', async () => {
    const { services, published, logLines, advance } = recoveryServices();
    services.detector = { detect: never };
    void maskTextJob(services, alice, { text: NOTE });
    await until(async () => (await services.jobs.listJobs(alice.owner, {}, 10)).items.length === 1);
    const [text] = (await services.jobs.listJobs(alice.owner, {}, 10)).items as [Job];
    expect(text.status).toBe('RUNNING');
    const image = await maskImageJob(services, alice, { base64: PNG });
    await services.jobs.updateJob(image.id, ['QUEUED'], { status: 'RUNNING', updatedAt: services.now().toISOString() });

    advance(60_000);
    expect(await sweepJobs(services, POLICY)).toEqual({ failed: 0, requeued: 0 });
    advance(31_000);
    expect(await sweepJobs(services, POLICY)).toEqual({ failed: 1, requeued: 0 });
    expect(await services.jobs.getJob(text.id)).toMatchObject({ status: 'FAILED', error: TIME_LIMIT_ERROR });
    expect(lastUpdate(published, text.id)).toMatchObject({ status: 'FAILED', error: { code: 'INTERNAL' } });
    expect(await statusOf(services, image.id)).toBe('RUNNING');
    expect(JSON.stringify([logLines, published, await services.jobs.getJob(text.id)])).not.toMatch(
      /Quenby|Marsh|617-555/,
    );
  });
});

describe('recovery: SendMessage fails after the job was written', () => {
  function failingOnce(services: JobServices, enqueued: string[]) {
    let calls = 0;
    services.images = {
      ...services.images!,
      queue: {
        enqueue: async (jobId) => {
          if (calls++ === 0) throw new HdmError('INTERNAL', 'SQS SendMessage failed (InternalError)');
          enqueued.push(jobId);
        },
      },
    };
  }

  it('re-queues the job on a retry with the same clientToken, and the worker finishes it once', async () => {
    const { services, published, enqueued } = recoveryServices();
    failingOnce(services, enqueued);
    await expect(maskImageJob(services, alice, { base64: PNG, clientToken: 'retry-1' })).rejects.toMatchObject({
      code: 'INTERNAL',
    });
    const [stuck] = (await services.jobs.listJobs(alice.owner, {}, 10)).items as [Job];
    expect(stuck.status).toBe('QUEUED');
    expect(enqueued).toEqual([]);

    const retry = await maskImageJob(services, alice, { base64: PNG, clientToken: 'retry-1' });
    expect(retry.id).toBe(stuck.id);
    expect(enqueued).toEqual([stuck.id]);
    expect((await processImageJob(services, stuck.id))?.status).toBe('SUCCEEDED');
    expect(lastUpdate(published, stuck.id)).toMatchObject({ status: 'SUCCEEDED' });
    // Another retry of a finished job queues nothing; a duplicate message changes nothing.
    await maskImageJob(services, alice, { base64: PNG, clientToken: 'retry-1' });
    expect(enqueued).toEqual([stuck.id]);
    const updates = published.length;
    expect((await processImageJob(services, stuck.id))?.status).toBe('SUCCEEDED');
    expect(published).toHaveLength(updates);
  });

  it('without a retry: the sweep re-queues the stale QUEUED job once and the worker finishes it', async () => {
    const { services, published, enqueued, advance } = recoveryServices();
    failingOnce(services, enqueued);
    await expect(maskImageJob(services, alice, { base64: PNG })).rejects.toBeInstanceOf(HdmError);
    const [stuck] = (await services.jobs.listJobs(alice.owner, {}, 10)).items as [Job];
    advance(29 * 60_000);
    expect(await sweepJobs(services, POLICY)).toEqual({ failed: 0, requeued: 0 });
    advance(2 * 60_000);
    expect(await sweepJobs(services, POLICY)).toEqual({ failed: 0, requeued: 1 });
    expect(enqueued).toEqual([stuck.id]);
    // Re-queued once: the next sweep leaves it its full wait again.
    expect(await sweepJobs(services, POLICY)).toEqual({ failed: 0, requeued: 0 });
    expect((await processImageJob(services, stuck.id))?.status).toBe('SUCCEEDED');
    expect(lastUpdate(published, stuck.id)).toMatchObject({ status: 'SUCCEEDED' });
  });

  it('fails a job still QUEUED once every message for it has expired, with a clear reason, published; a backlog is left alone', async () => {
    const { services, published, enqueued, advance } = recoveryServices();
    const job = await maskImageJob(services, alice, { base64: PNG });
    advance(31 * 60_000);
    expect(await sweepJobs(services, POLICY)).toEqual({ failed: 0, requeued: 1 });
    // Hours in a backlog: its message may still come; nothing is failed, nothing sent again.
    advance(6 * 60 * 60_000);
    expect(await sweepJobs(services, POLICY)).toEqual({ failed: 0, requeued: 0 });
    advance(QUEUE_RETENTION_MS);
    expect(await sweepJobs(services, POLICY)).toEqual({ failed: 1, requeued: 0 });
    expect(enqueued).toEqual([job.id, job.id]);
    expect(await services.jobs.getJob(job.id)).toMatchObject({ status: 'FAILED', error: QUEUE_LIMIT_ERROR });
    expect(lastUpdate(published, job.id)).toMatchObject({ status: 'FAILED', error: QUEUE_LIMIT_ERROR });
  });
});

describe('recovery: a message dead-lettered', () => {
  it('fails its QUEUED job with a clear reason and publishes it; a gone or finished job needs nothing', async () => {
    const { services, published } = recoveryServices();
    const job = await maskImageJob(services, alice, { base64: PNG });
    expect(await failDeadLetteredJob(services, job.id, POLICY)).toBe('FAILED');
    expect(await services.jobs.getJob(job.id)).toMatchObject({ status: 'FAILED', error: DEAD_LETTER_ERROR });
    expect(lastUpdate(published, job.id)).toMatchObject({ status: 'FAILED', error: DEAD_LETTER_ERROR });
    expect(await failDeadLetteredJob(services, job.id, POLICY)).toBe('FINISHED');
    expect(await failDeadLetteredJob(services, 'job-gone', POLICY)).toBe('MISSING');
  });

  it('leaves a RUNNING job within its time limit to the sweep (another message may be running it), and fails it after', async () => {
    const { services, advance } = recoveryServices();
    const job = await maskImageJob(services, alice, { base64: PNG });
    await services.jobs.updateJob(job.id, ['QUEUED'], { status: 'RUNNING', updatedAt: services.now().toISOString() });
    expect(await failDeadLetteredJob(services, job.id, POLICY)).toBe('LEFT_RUNNING');
    advance(7 * 60_000);
    expect(await failDeadLetteredJob(services, job.id, POLICY)).toBe('FAILED');
  });

  it("judges a worker-run TEXT job by the worker's time limit, not the resolver's", async () => {
    const { services, advance } = recoveryServices();
    services.limits = { ...services.limits, maxSyncTextLength: 10 };
    const job = await maskTextJob(services, alice, { text: NOTE });
    expect(job.status).toBe('QUEUED');
    await services.jobs.updateJob(job.id, ['QUEUED'], { status: 'RUNNING', updatedAt: services.now().toISOString() });
    // Past the resolver's 90 s, within the worker's 6 minutes: a live run, left to the sweep.
    advance(2 * 60_000);
    expect(await failDeadLetteredJob(services, job.id, POLICY)).toBe('LEFT_RUNNING');
    advance(5 * 60_000);
    expect(await failDeadLetteredJob(services, job.id, POLICY)).toBe('FAILED');
  });
});

describe('the sweep', () => {
  it('leaves alone a job that finished between its read and its write, and publishes nothing for it', async () => {
    const { services, published, advance } = recoveryServices();
    const job = await maskImageJob(services, alice, { base64: PNG });
    await services.jobs.updateJob(job.id, ['QUEUED'], { status: 'RUNNING', updatedAt: services.now().toISOString() });
    advance(10 * 60_000);
    const store = services.jobs;
    const listOpenJobs = store.listOpenJobs.bind(store);
    store.listOpenJobs = async (...args) => {
      const page = await listOpenJobs(...args);
      // The worker finishes just after the sweep read the index.
      for (const { job: listed } of page.items)
        await store.updateJob(listed.id, ['RUNNING'], { status: 'SUCCEEDED', updatedAt: services.now().toISOString() });
      return page;
    };
    const before = published.length;
    expect(await sweepJobs(services, POLICY)).toEqual({ failed: 0, requeued: 0 });
    expect(await statusOf(services, job.id)).toBe('SUCCEEDED');
    expect(published).toHaveLength(before);
  });

  it('acts on at most maxJobs jobs a call; the next call goes on', async () => {
    const { services, advance } = recoveryServices();
    for (let i = 0; i < 3; i++) await maskImageJob(services, alice, { base64: PNG });
    advance(31 * 60_000);
    expect(await sweepJobs(services, { ...POLICY, maxJobs: 2 })).toEqual({ failed: 0, requeued: 2 });
    expect(await sweepJobs(services, { ...POLICY, maxJobs: 2 })).toEqual({ failed: 0, requeued: 1 });
  });

  it('fails QUEUED jobs instead of re-queuing them where there is no queue', async () => {
    const { services, advance } = recoveryServices();
    const job = await maskImageJob(services, alice, { base64: PNG });
    advance(31 * 60_000);
    delete services.images;
    expect(await sweepJobs(services, POLICY)).toEqual({ failed: 1, requeued: 0 });
    expect(await services.jobs.getJob(job.id)).toMatchObject({ status: 'FAILED', error: QUEUE_LIMIT_ERROR });
  });
});
