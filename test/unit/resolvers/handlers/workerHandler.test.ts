import { describe, expect, it } from 'vitest';
import { createImageUpload } from '../../../../src/core/createImageUpload.ts';
import { maskImageJob } from '../../../../src/core/maskImageJob.ts';
import { createWorkerHandler } from '../../../../resolvers/handlers/workerHandler.ts';
import { inMemoryJobServices } from '../../../helpers/jobServices.ts';
import { sqsEvent, sqsRecord } from '../../../helpers/sqsEvents.ts';

const alice = { owner: 'arn:aws:iam::000000000000:user/alice' };
/** A 1×1 PNG: enough for the worker to prepare, read (the faked OCR finds no words) and store. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const record = (messageId: string, body: string) => sqsRecord(messageId, body);

describe('the SQS worker handler', () => {
  it('runs each queued job to its end and reports no failures', async () => {
    const { services, published } = inMemoryJobServices();
    const first = await maskImageJob(services, alice, { base64: PNG });
    const second = await maskImageJob(services, alice, { base64: PNG });
    const handler = createWorkerHandler(async () => services);
    const result = await handler(
      sqsEvent(record('m1', JSON.stringify({ jobId: first.id })), record('m2', JSON.stringify({ jobId: second.id }))),
    );
    expect(result).toEqual({ batchItemFailures: [] });
    expect((await services.jobs.getJob(first.id))?.status).toBe('SUCCEEDED');
    expect((await services.jobs.getJob(second.id))?.status).toBe('SUCCEEDED');
    expect(published.filter((u) => u.id === first.id).map((u) => u.status)).toEqual(['QUEUED', 'RUNNING', 'SUCCEEDED']);
  });

  it('does not fail the message of a job that failed on its own, or of one that no longer exists', async () => {
    const { services } = inMemoryJobServices();
    // An upload cut short: uploads are not opened at submission (inline images are), so it fails to decode in the worker.
    const upload = await createImageUpload(services, alice, 'image/png');
    await services.objects.put(
      { bucket: upload.bucket, key: upload.key },
      Buffer.from(PNG, 'base64').subarray(0, 40),
      'image/png',
    );
    const notAnImage = await maskImageJob(services, alice, { s3: { bucket: upload.bucket, key: upload.key } });
    const handler = createWorkerHandler(async () => services);
    const result = await handler(
      sqsEvent(
        record('m1', JSON.stringify({ jobId: notAnImage.id })),
        record('m2', JSON.stringify({ jobId: 'job-gone' })),
      ),
    );
    expect(result.batchItemFailures).toEqual([]);
    expect(await services.jobs.getJob(notAnImage.id)).toMatchObject({
      status: 'FAILED',
      error: { code: 'UNSUPPORTED_IMAGE' },
    });
  });

  it('returns only the records that threw, so SQS redelivers just those', async () => {
    const { services, logLines } = inMemoryJobServices();
    const good = await maskImageJob(services, alice, { base64: PNG });
    const jobs = services.jobs;
    // The store fails for one job, as an unreachable table would.
    services.jobs = Object.assign(Object.create(Object.getPrototypeOf(jobs)), jobs, {
      getJob: async (id: string) => {
        if (id === 'job-unreadable') throw new Error('table unreachable');
        return jobs.getJob(id);
      },
    });
    const handler = createWorkerHandler(async () => services);
    const result = await handler(
      sqsEvent(
        record('m1', JSON.stringify({ jobId: 'job-unreadable' })),
        record('m2', 'not json'),
        record('m3', JSON.stringify({ jobId: good.id })),
      ),
    );
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }, { itemIdentifier: 'm2' }]);
    expect((await services.jobs.getJob(good.id))?.status).toBe('SUCCEEDED');
    expect(logLines.filter((l) => l.includes('"worker.error"') || l.includes('"worker.bad_message"'))).toHaveLength(2);
    expect(logLines.join('\n')).not.toContain('not json');
  });

  it('fails the whole batch when the services cannot be wired', async () => {
    const handler = createWorkerHandler(async () => {
      throw new Error('wiring failed');
    });
    await expect(handler(sqsEvent(record('m1', '{"jobId":"job-0001"}')))).rejects.toThrow('wiring failed');
  });
});
