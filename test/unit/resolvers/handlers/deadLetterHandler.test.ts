import { describe, expect, it } from 'vitest';
import { DEAD_LETTER_ERROR } from '../../../../src/core/failDeadLetteredJob.ts';
import { maskImageJob } from '../../../../src/core/maskImageJob.ts';
import { sweepPolicyFor } from '../../../../src/core/sweepJobs.ts';
import { createDeadLetterHandler } from '../../../../resolvers/handlers/deadLetterHandler.ts';
import { inMemoryJobServices } from '../../../helpers/jobServices.ts';
import { sqsEvent, sqsRecord } from '../../../helpers/sqsEvents.ts';

const alice = { owner: 'arn:aws:iam::000000000000:user/alice' };
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const POLICY = sweepPolicyFor({ workerMs: 300_000, resolverMs: 30_000 });

const record = (messageId: string, body: string) => sqsRecord(messageId, body, 'hdm-image-jobs-dlq');

describe('the dead-letter queue handler', () => {
  it("fails each message's job with a clear reason and publishes it; gone, finished and unreadable messages are acknowledged", async () => {
    const { services, published, logLines } = inMemoryJobServices();
    const lost = await maskImageJob(services, alice, { base64: PNG });
    const done = await maskImageJob(services, alice, { base64: PNG });
    await services.jobs.updateJob(done.id, ['QUEUED'], {
      status: 'SUCCEEDED',
      updatedAt: services.now().toISOString(),
    });
    const handler = createDeadLetterHandler(
      async () => services,
      () => POLICY,
    );
    const result = await handler(
      sqsEvent(
        record('m1', JSON.stringify({ jobId: lost.id })),
        record('m2', JSON.stringify({ jobId: done.id })),
        record('m3', JSON.stringify({ jobId: 'job-gone' })),
        record('m4', 'Quenby Marsh'),
      ),
    );
    expect(result).toEqual({ batchItemFailures: [] });
    expect(await services.jobs.getJob(lost.id)).toMatchObject({ status: 'FAILED', error: DEAD_LETTER_ERROR });
    expect(published.filter((update) => update.id === lost.id).at(-1)).toMatchObject({
      status: 'FAILED',
      error: DEAD_LETTER_ERROR,
    });
    expect((await services.jobs.getJob(done.id))?.status).toBe('SUCCEEDED');
    expect(
      logLines.filter((line) => line.includes('"dead_letter.done"')).map((line) => JSON.parse(line).outcome),
    ).toEqual(['FAILED', 'FINISHED', 'MISSING']);
    expect(logLines.join('\n')).not.toContain('Quenby');
  });

  it('returns only the records that threw, so SQS delivers them again', async () => {
    const { services } = inMemoryJobServices();
    const job = await maskImageJob(services, alice, { base64: PNG });
    const jobs = services.jobs;
    services.jobs = Object.assign(Object.create(Object.getPrototypeOf(jobs)), jobs, {
      getJob: async (id: string) => {
        if (id === 'job-unreadable') throw new Error('table unreachable');
        return jobs.getJob(id);
      },
    });
    const handler = createDeadLetterHandler(
      async () => services,
      () => POLICY,
    );
    const result = await handler(
      sqsEvent(
        record('m1', JSON.stringify({ jobId: 'job-unreadable' })),
        record('m2', JSON.stringify({ jobId: job.id })),
      ),
    );
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }]);
    expect((await services.jobs.getJob(job.id))?.status).toBe('FAILED');
  });

  it('fails the whole batch when the services cannot be wired', async () => {
    const handler = createDeadLetterHandler(
      async () => {
        throw new Error('wiring failed');
      },
      () => POLICY,
    );
    await expect(handler(sqsEvent(record('m1', '{"jobId":"job-0001"}')))).rejects.toThrow('wiring failed');
  });
});
