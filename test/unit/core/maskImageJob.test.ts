import { describe, expect, it } from 'vitest';
import { maskImageJob } from '../../../src/core/maskImageJob.ts';
import { inMemoryJobServices } from '../../helpers/jobServices.ts';

const alice = { owner: 'arn:aws:iam::000000000000:user/alice' };
// The smallest valid PNG: a 1x1 transparent pixel.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('maskImageJob', () => {
  it('stores an inline image and records a QUEUED job that points at it', async () => {
    const { services, published } = inMemoryJobServices();
    const job = await maskImageJob(services, alice, { base64: PNG });
    expect(job).toMatchObject({ kind: 'IMAGE', status: 'QUEUED', input: { bucket: 'hdm-test', key: `inputs/${job.id}/image` } });
    expect(Buffer.from(await services.objects.get(job.input!)).toString('base64')).toBe(PNG);
    expect(published).toEqual([expect.objectContaining({ id: job.id, status: 'QUEUED', kind: 'IMAGE' })]);
  });

  it('takes an uploaded object from the service bucket only', async () => {
    const { services } = inMemoryJobServices();
    const job = await maskImageJob(services, alice, { s3Object: { bucket: 'hdm-test', key: 'uploads/abc/scan.png' } });
    expect(job.input).toEqual({ bucket: 'hdm-test', key: 'uploads/abc/scan.png' });
    await expect(maskImageJob(services, alice, { s3Object: { bucket: 'someone-elses', key: 'uploads/x' } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(maskImageJob(services, alice, { s3Object: { bucket: 'hdm-test', key: 'results/x' } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('refuses bad images with a closed code and writes nothing', async () => {
    const { services } = inMemoryJobServices({ limits: { maxTextLength: 10, maxInlineResultBytes: 10, maxInlineImageBytes: 100 } });
    await expect(maskImageJob(services, alice, {})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(maskImageJob(services, alice, { base64: PNG, s3Object: { bucket: 'hdm-test', key: 'uploads/x' } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(maskImageJob(services, alice, { base64: 'not base64!' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(maskImageJob(services, alice, { base64: Buffer.from('GIF89a fake').toString('base64') })).rejects.toMatchObject({ code: 'UNSUPPORTED_IMAGE' });
    await expect(maskImageJob(services, alice, { base64: Buffer.alloc(200, 1).toString('base64') })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect((await services.jobs.listJobs(alice.owner, {}, 10)).items).toEqual([]);
  });
});
