import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createImageUpload } from '../../../src/core/createImageUpload.ts';
import { maskImageJob } from '../../../src/core/maskImageJob.ts';
import { maskTextJob } from '../../../src/core/maskTextJob.ts';
import { uploadPrefixOf } from '../../../src/core/uploadPrefix.ts';
import type { ObjectRef } from '../../../src/core/Job.ts';
import { MAX_IMAGE_BYTES } from '../../../src/core/maxImageBytes.ts';
import type { UploadUrlOptions } from '../../../src/core/ports.ts';
import { inMemoryJobServices } from '../../helpers/jobServices.ts';

const alice = { owner: 'arn:aws:iam::000000000000:user/alice' };
const bob = { owner: 'arn:aws:iam::000000000000:user/bob' };
// The smallest valid PNG: a 1x1 transparent pixel.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('maskImageJob', () => {
  it('stores an inline image, records a QUEUED job that points at it, publishes and enqueues it', async () => {
    const { services, published, enqueued } = inMemoryJobServices();
    const job = await maskImageJob(services, alice, { base64: PNG });
    expect(job).toMatchObject({
      kind: 'IMAGE',
      status: 'QUEUED',
      input: { bucket: 'hdm-test', key: `inputs/${job.id}/image` },
    });
    expect(Buffer.from(await services.objects.get(job.input!)).toString('base64')).toBe(PNG);
    expect(published).toEqual([expect.objectContaining({ id: job.id, status: 'QUEUED', kind: 'IMAGE' })]);
    expect(enqueued).toEqual([job.id]);
  });

  it("takes only the caller's own uploads from the service bucket (no confused deputy)", async () => {
    const { services } = inMemoryJobServices();
    const upload = await createImageUpload(services, alice, 'image/png');
    expect(upload.key.startsWith(await uploadPrefixOf(alice.owner))).toBe(true);
    // Handed out but never uploaded to: refused at the call, no job.
    await expect(
      maskImageJob(services, alice, { s3: { bucket: upload.bucket, key: upload.key } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('no uploaded image') });
    expect((await services.jobs.listJobs(alice.owner, {}, 10)).items).toEqual([]);
    await services.objects.put({ bucket: upload.bucket, key: upload.key }, Buffer.from(PNG, 'base64'), 'image/png');
    const job = await maskImageJob(services, alice, { s3: { bucket: upload.bucket, key: upload.key } });
    expect(job.input).toEqual({ bucket: upload.bucket, key: upload.key });
    await expect(maskImageJob(services, bob, { s3: { bucket: upload.bucket, key: upload.key } })).rejects.toMatchObject(
      { code: 'UNAUTHORIZED' },
    );
    await expect(
      maskImageJob(services, alice, { s3: { bucket: 'someone-elses', key: upload.key } }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(
      maskImageJob(services, alice, { s3: { bucket: upload.bucket, key: 'results/x' } }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(
      maskImageJob(services, alice, { s3: { bucket: upload.bucket, key: `${await uploadPrefixOf(alice.owner)}../x` } }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    // Under the caller's prefix, but not an id createImageUpload hands out (and a name in a stored key is PHI).
    await expect(
      maskImageJob(services, alice, {
        s3: { bucket: upload.bucket, key: `${await uploadPrefixOf(alice.owner)}Jane Doe.png` },
      }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('hands out upload URLs for the four image types only', async () => {
    const { services } = inMemoryJobServices();
    const upload = await createImageUpload(services, alice, 'image/jpeg; charset=binary');
    expect(upload.url).toContain(upload.key);
    expect(Date.parse(upload.expiresAt)).toBeGreaterThan(Date.now());
    await expect(createImageUpload(services, alice, 'image/gif')).rejects.toMatchObject({ code: 'UNSUPPORTED_IMAGE' });
    await expect(createImageUpload(services, alice, 'text/html')).rejects.toMatchObject({ code: 'UNSUPPORTED_IMAGE' });
  });

  it('asks the store for a URL bound to the stated size, from 1 byte to the image limit', async () => {
    const { services } = inMemoryJobServices();
    const asked: unknown[] = [];
    const urls = services.images?.urls as NonNullable<typeof services.images>['urls'];
    const images = {
      ...(services.images as NonNullable<typeof services.images>),
      urls: {
        ...urls,
        uploadUrl: (ref: ObjectRef, options: UploadUrlOptions) => (asked.push(options), urls.uploadUrl(ref, options)),
      },
    };
    const sized = { ...services, images };
    await createImageUpload(sized, alice, 'Image/PNG', 1234);
    await createImageUpload(sized, alice, 'image/png', null);
    await createImageUpload(sized, alice, 'image/png', MAX_IMAGE_BYTES);
    expect(asked).toEqual([
      { contentType: 'image/png', contentLength: 1234, expiresInSeconds: expect.any(Number) },
      { contentType: 'image/png', expiresInSeconds: expect.any(Number) },
      { contentType: 'image/png', contentLength: MAX_IMAGE_BYTES, expiresInSeconds: expect.any(Number) },
    ]);
    for (const bad of [0, -1, 1.5])
      await expect(createImageUpload(sized, alice, 'image/png', bad)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(createImageUpload(sized, alice, 'image/png', MAX_IMAGE_BYTES + 1)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(asked).toHaveLength(3);
  });

  it('refuses a truncated, corrupt or oversized inline image at the call: no job, no stored object', async () => {
    const { services } = inMemoryJobServices();
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const cut = png.subarray(0, png.length - 20).toString('base64');
    await expect(
      maskImageJob(services, alice, { base64: cut.slice(0, cut.length - (cut.length % 4)) }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_IMAGE' });
    // The header and end marker intact, the pixels in between garbled: only a full decode sees it.
    const garbled = Buffer.from(png);
    garbled.fill(7, 41, garbled.length - 12);
    await expect(maskImageJob(services, alice, { base64: garbled.toString('base64') })).rejects.toMatchObject({
      code: 'UNSUPPORTED_IMAGE',
    });
    // A few hundred bytes that claim 100,000 × 100,000 pixels.
    const bomb = Buffer.from(png);
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    await expect(maskImageJob(services, alice, { base64: bomb.toString('base64') })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect((await services.jobs.listJobs(alice.owner, {}, 10)).items).toEqual([]);
    await expect(services.objects.get({ bucket: 'hdm-test', key: 'inputs/job-0001/image' })).rejects.toThrow();
  });

  it('checks the header alone where no image engine is at hand (the API function on AWS)', async () => {
    const { services } = inMemoryJobServices();
    const { redactor: _redactor, ...withoutEngine } = services.images!;
    const apiOnly = { ...services, images: withoutEngine };
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const cut = png.subarray(0, png.length - 20).toString('base64');
    await expect(
      maskImageJob(apiOnly, alice, { base64: cut.slice(0, cut.length - (cut.length % 4)) }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_IMAGE' });
    expect((await maskImageJob(apiOnly, alice, { base64: png.toString('base64') })).status).toBe('QUEUED');
  });

  it('binds a clientToken to one operation: a token first used for maskText is refused by maskImage', async () => {
    const { services } = inMemoryJobServices();
    const text = await maskTextJob(services, alice, {
      text: 'Seen by Dr. Quenby Marsh today.',
      clientToken: 'token-1',
    });
    await expect(maskImageJob(services, alice, { base64: PNG, clientToken: 'token-1' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      name: 'ClientTokenReusedError',
    });
    const image = await maskImageJob(services, alice, { base64: PNG, clientToken: 'token-2' });
    await expect(
      maskTextJob(services, alice, { text: 'Seen by Dr. Quenby Marsh today.', clientToken: 'token-2' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    // Nothing left by the refused calls: two jobs, the image job's input only.
    expect((await services.jobs.listJobs(alice.owner, {}, 10)).items.map((j) => j.id).sort()).toEqual(
      [text.id, image.id].sort(),
    );
  });

  it('refuses an empty list of types (it would mask nothing)', async () => {
    const { services } = inMemoryJobServices();
    await expect(maskImageJob(services, alice, { base64: PNG, options: { types: [] } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(maskTextJob(services, alice, { text: 'Quenby Marsh', options: { types: [] } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('options.types'),
    });
    expect((await services.jobs.listJobs(alice.owner, {}, 10)).items).toEqual([]);
  });

  it('keeps allow and deny terms out of the job record, next to the input instead', async () => {
    const { services } = inMemoryJobServices();
    const job = await maskImageJob(services, alice, { base64: PNG, options: { denyList: ['Quenby'] } });
    expect(job.options).toMatchObject({ denyList: ['Quenby'], denyListCount: 1 });
    expect(JSON.stringify(await services.jobs.getJob(job.id))).not.toContain('Quenby');
    expect(
      new TextDecoder().decode(await services.objects.get({ bucket: 'hdm-test', key: `inputs/${job.id}/terms.json` })),
    ).toContain('Quenby');
  });

  it('refuses bad images with a closed code and writes nothing', async () => {
    const { services } = inMemoryJobServices({
      limits: {
        maxTextLength: 10,
        maxSyncTextLength: 10,
        maxInlineResultBytes: 10,
        maxInlineImageBytes: 100,
        maxImagePixels: 50_000_000,
      },
    });
    await expect(maskImageJob(services, alice, {})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      maskImageJob(services, alice, { base64: PNG, s3: { bucket: 'hdm-test', key: 'uploads/x' } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(maskImageJob(services, alice, { base64: 'not base64!' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      maskImageJob(services, alice, { base64: Buffer.from('GIF89a fake').toString('base64') }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_IMAGE' });
    await expect(
      maskImageJob(services, alice, { base64: Buffer.alloc(200, 1).toString('base64') }),
    ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect((await services.jobs.listJobs(alice.owner, {}, 10)).items).toEqual([]);
  });
});
