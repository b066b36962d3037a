import { describe, expect, it } from 'vitest';
import { createImageUpload } from '../../../src/core/createImageUpload.ts';
import { maskImageJob } from '../../../src/core/maskImageJob.ts';
import { uploadPrefixOf } from '../../../src/core/uploadPrefix.ts';
import { inMemoryJobServices } from '../../helpers/jobServices.ts';

const alice = { owner: 'arn:aws:iam::000000000000:user/alice' };
const bob = { owner: 'arn:aws:iam::000000000000:user/bob' };
// The smallest valid PNG: a 1x1 transparent pixel.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('maskImageJob', () => {
  it('stores an inline image, records a QUEUED job that points at it, publishes and enqueues it', async () => {
    const { services, published, enqueued } = inMemoryJobServices();
    const job = await maskImageJob(services, alice, { base64: PNG });
    expect(job).toMatchObject({ kind: 'IMAGE', status: 'QUEUED', input: { bucket: 'hdm-test', key: `inputs/${job.id}/image` } });
    expect(Buffer.from(await services.objects.get(job.input!)).toString('base64')).toBe(PNG);
    expect(published).toEqual([expect.objectContaining({ id: job.id, status: 'QUEUED', kind: 'IMAGE' })]);
    expect(enqueued).toEqual([job.id]);
  });

  it('takes only the caller\'s own uploads from the service bucket (no confused deputy)', async () => {
    const { services } = inMemoryJobServices();
    const upload = await createImageUpload(services, alice, 'image/png');
    expect(upload.key.startsWith(await uploadPrefixOf(alice.owner))).toBe(true);
    const job = await maskImageJob(services, alice, { s3: { bucket: upload.bucket, key: upload.key } });
    expect(job.input).toEqual({ bucket: upload.bucket, key: upload.key });
    await expect(maskImageJob(services, bob, { s3: { bucket: upload.bucket, key: upload.key } })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(maskImageJob(services, alice, { s3: { bucket: 'someone-elses', key: upload.key } })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(maskImageJob(services, alice, { s3: { bucket: upload.bucket, key: 'results/x' } })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(maskImageJob(services, alice, { s3: { bucket: upload.bucket, key: `${await uploadPrefixOf(alice.owner)}../x` } })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    // Under the caller's prefix, but not an id createImageUpload hands out (and a name in a stored key is PHI).
    await expect(maskImageJob(services, alice, { s3: { bucket: upload.bucket, key: `${await uploadPrefixOf(alice.owner)}Jane Doe.png` } })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('hands out upload URLs for the four image types only', async () => {
    const { services } = inMemoryJobServices();
    const upload = await createImageUpload(services, alice, 'image/jpeg; charset=binary');
    expect(upload.url).toContain(upload.key);
    expect(Date.parse(upload.expiresAt)).toBeGreaterThan(Date.now());
    await expect(createImageUpload(services, alice, 'image/gif')).rejects.toMatchObject({ code: 'UNSUPPORTED_IMAGE' });
    await expect(createImageUpload(services, alice, 'text/html')).rejects.toMatchObject({ code: 'UNSUPPORTED_IMAGE' });
  });

  it('keeps allow and deny terms out of the job record, next to the input instead', async () => {
    const { services } = inMemoryJobServices();
    const job = await maskImageJob(services, alice, { base64: PNG, options: { denyList: ['Quenby'] } });
    expect(job.options).toMatchObject({ denyList: ['Quenby'], denyListCount: 1 });
    expect(JSON.stringify(await services.jobs.getJob(job.id))).not.toContain('Quenby');
    expect(new TextDecoder().decode(await services.objects.get({ bucket: 'hdm-test', key: `inputs/${job.id}/terms.json` }))).toContain('Quenby');
  });

  it('refuses bad images with a closed code and writes nothing', async () => {
    const { services } = inMemoryJobServices({ limits: { maxTextLength: 10, maxInlineResultBytes: 10, maxInlineImageBytes: 100 } });
    await expect(maskImageJob(services, alice, {})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(maskImageJob(services, alice, { base64: PNG, s3: { bucket: 'hdm-test', key: 'uploads/x' } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(maskImageJob(services, alice, { base64: 'not base64!' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(maskImageJob(services, alice, { base64: Buffer.from('GIF89a fake').toString('base64') })).rejects.toMatchObject({ code: 'UNSUPPORTED_IMAGE' });
    await expect(maskImageJob(services, alice, { base64: Buffer.alloc(200, 1).toString('base64') })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect((await services.jobs.listJobs(alice.owner, {}, 10)).items).toEqual([]);
  });
});
