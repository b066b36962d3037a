import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TesseractTextExtractor } from '../../../src/adapters/tesseract/TesseractTextExtractor.ts';
import { SharpImageRedactor } from '../../../src/adapters/sharp/SharpImageRedactor.ts';
import { generatePage } from '../../../bench/images/generatePage.ts';
import { AppSyncRealtimeClient, type RealtimeMessage } from '../../helpers/appsyncRealtimeClient.ts';
import { Q, startTestApi, type TestApi } from '../../helpers/localApi.ts';

// maskImage end to end over the real local server: presigned upload to s3rver, the job's updates over
// the real-time protocol in order, the masked image downloaded and read again by OCR.

let t: TestApi;
const ocr = new TesseractTextExtractor({ poolSize: 1 });

beforeAll(async () => {
  t = await startTestApi();
});
afterAll(async () => {
  await ocr.close();
  await t?.dispose();
});

const UPLOAD = `mutation Upload($type: String!) { createImageUpload(contentType: $type) { bucket key url expiresAt } }`;
const MASK_IMAGE = `mutation Mask($input: MaskImageInput!) { maskImage(input: $input) { id kind status owner } }`;
const JOB = `query Job($id: ID!) { job(id: $id) { id status findingCount findingCounts { type count } warnings error { code message }
  maskedImage { bucket key url contentType width height } findings(limit: 100) { items { type score boundingBox { left top width height } pixelBox { left top width height } } } } }`;

interface Upload {
  bucket: string;
  key: string;
  url: string;
}

async function upload(bytes: Buffer, contentType: string): Promise<Upload> {
  const created = await t.graphql<{ createImageUpload: Upload }>(UPLOAD, { type: contentType });
  const target = created.body.data?.createImageUpload;
  if (!target) throw new Error(`createImageUpload failed: ${JSON.stringify(created.body.errors)}`);
  const put = await fetch(target.url, { method: 'PUT', headers: { 'content-type': contentType }, body: bytes });
  expect(put.status).toBe(200);
  return target;
}

async function waitForJob(id: string, done: (status: string) => boolean): Promise<Record<string, unknown>> {
  for (let i = 0; i < 240; i++) {
    const result = await t.graphql<{ job: Record<string, unknown> }>(JOB, { id });
    const job = result.body.data?.job;
    if (job && done(String(job.status))) return job;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the job did not finish in 2 minutes');
}

describe('maskImage over the local API', () => {
  it('uploads, queues, runs and masks a page: updates arrive in order and OCR of the output finds no PHI', async () => {
    const page = await generatePage({ seed: 11, style: 'form', width: 1155, height: 866 });
    const { key, bucket } = await upload(page.bytes, 'image/png');
    expect(key).toMatch(/^uploads\/[0-9a-f]{32}\//);

    const rt = await AppSyncRealtimeClient.connect({
      realtimeUrl: t.api.realtimeUrl,
      graphqlUrl: t.api.url,
      region: t.api.region,
      credentials: t.credentials(),
    });
    try {
      await rt.waitFor('connection_ack', (m) => m.type === 'connection_ack');
      const sub = randomUUID();
      await rt.start(sub, Q.onJobsUpdated);
      await rt.waitFor('start_ack', (m) => m.id === sub && m.type === 'start_ack');

      const queued = await t.graphql<{ maskImage: { id: string; status: string; kind: string } }>(MASK_IMAGE, {
        input: { s3: { bucket, key } },
      });
      const job = queued.body.data?.maskImage;
      expect(job).toMatchObject({ kind: 'IMAGE', status: 'QUEUED' });
      const id = job?.id as string;
      const statuses = (m: RealtimeMessage) =>
        m.payload?.data?.onJobsUpdated as { id?: string; status?: string } | undefined;
      await rt.waitFor(
        'SUCCEEDED or FAILED',
        (m) => statuses(m)?.id === id && ['SUCCEEDED', 'FAILED'].includes(statuses(m)?.status ?? ''),
        120_000,
      );
      const seen = rt.messages.filter((m) => statuses(m)?.id === id).map((m) => statuses(m)?.status);
      expect(seen).toEqual(['QUEUED', 'RUNNING', 'SUCCEEDED']);
    } finally {
      await rt.close();
    }
  });

  it('serves the masked image in the input format with every PHI word covered and the rest readable', async () => {
    const page = await generatePage({ seed: 12, style: 'letter', width: 1155, height: 866 });
    const { key, bucket } = await upload(page.bytes, 'image/png');
    const queued = await t.graphql<{ maskImage: { id: string } }>(MASK_IMAGE, { input: { s3: { bucket, key } } });
    const job = await waitForJob(queued.body.data?.maskImage.id as string, (s) => s === 'SUCCEEDED' || s === 'FAILED');
    expect(job.status).toBe('SUCCEEDED');
    const image = job.maskedImage as { url: string; contentType: string; width: number; height: number };
    expect(image).toMatchObject({ contentType: 'image/png', width: page.width, height: page.height });
    const findings = (job.findings as { items: { boundingBox: object; pixelBox: object }[] }).items;
    expect(findings.length).toBe(job.findingCount);
    expect(JSON.stringify(findings)).not.toMatch(/"text"/);

    const masked = Buffer.from(await (await fetch(image.url)).arrayBuffer());
    const prepared = await new SharpImageRedactor().prepare(masked);
    const read = (await ocr.extract(prepared)).words.map((w) => w.text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
    const phiWords = page.words
      .filter((w) => w.phi && w.text.replace(/[^\p{L}\p{N}]/gu, '').length >= 3)
      .map((w) => w.text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
    const leaked = phiWords.filter((w) => read.includes(w));
    expect(leaked.length, `PHI words still readable: ${leaked.length} of ${phiWords.length}`).toBe(0);
    const plain = page.words.filter((w) => !w.phi && /^[A-Za-z]{4,}$/.test(w.text)).map((w) => w.text.toLowerCase());
    const kept = plain.filter((w) => read.includes(w));
    expect(kept.length / plain.length).toBeGreaterThan(0.8);
  });

  it("refuses another caller's upload, a foreign bucket and an upload that is not the declared type", async () => {
    const page = await generatePage({ seed: 13, style: 'screenshot', width: 1155, height: 866 });
    const mine = await upload(page.bytes, 'image/png');
    const foreign = await t.graphql(MASK_IMAGE, {
      input: { s3: { bucket: mine.bucket, key: 'uploads/0000000000000000000000000000000a/x' } },
    });
    expect(foreign.body.errors?.[0]?.errorType).toBe('UNAUTHORIZED');
    const otherBucket = await t.graphql(MASK_IMAGE, { input: { s3: { bucket: 'someone-else', key: mine.key } } });
    expect(otherBucket.body.errors?.[0]?.errorType).toBe('UNAUTHORIZED');
    const unsupported = await t.graphql(UPLOAD, { type: 'image/gif' });
    expect(unsupported.body.errors?.[0]?.errorType).toBe('UNSUPPORTED_IMAGE');

    const liar = await upload(page.bytes, 'image/jpeg');
    const queued = await t.graphql<{ maskImage: { id: string } }>(MASK_IMAGE, {
      input: { s3: { bucket: liar.bucket, key: liar.key } },
    });
    const failed = await waitForJob(
      queued.body.data?.maskImage.id as string,
      (s) => s === 'SUCCEEDED' || s === 'FAILED',
    );
    expect(failed).toMatchObject({ status: 'FAILED', error: { code: 'UNSUPPORTED_IMAGE' } });

    const garbage = await upload(Buffer.from('not an image at all'), 'image/png');
    const bad = await t.graphql<{ maskImage: { id: string } }>(MASK_IMAGE, {
      input: { s3: { bucket: garbage.bucket, key: garbage.key } },
    });
    const badJob = await waitForJob(bad.body.data?.maskImage.id as string, (s) => s === 'SUCCEEDED' || s === 'FAILED');
    expect(badJob).toMatchObject({ status: 'FAILED', error: { code: 'UNSUPPORTED_IMAGE' } });

    // A key under the caller's prefix that nothing was uploaded to: refused at the call, no job.
    const missing = await t.graphql<{ maskImage: { id: string } }>(MASK_IMAGE, {
      input: { s3: { bucket: mine.bucket, key: `${mine.key.split('/').slice(0, 2).join('/')}/never-uploaded` } },
    });
    expect(missing.body.errors?.[0]?.errorType).toBe('INVALID_INPUT');
    expect(missing.body.data?.maskImage ?? null).toBeNull();
  });

  it('bounds an upload to the contentLength it was asked for: another size is refused by the URL itself', async () => {
    const UPLOAD_SIZED = `mutation Upload($type: String!, $length: Int) { createImageUpload(contentType: $type, contentLength: $length) { bucket key url } }`;
    const page = await generatePage({ seed: 14, style: 'fax-cover', width: 850, height: 1100 });
    const created = await t.graphql<{ createImageUpload: Upload }>(UPLOAD_SIZED, {
      type: 'image/png',
      length: page.bytes.length,
    });
    const target = created.body.data?.createImageUpload as Upload;
    expect(new URL(target.url).searchParams.get('X-Amz-SignedHeaders')?.split(';')).toContain('content-length');
    const bigger = await fetch(target.url, {
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      body: Buffer.concat([page.bytes, Buffer.alloc(1024)]),
    });
    expect(bigger.status).toBe(403);
    expect(await bigger.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    const exact = await fetch(target.url, {
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      body: page.bytes,
    });
    expect(exact.status).toBe(200);
    const queued = await t.graphql<{ maskImage: { id: string } }>(MASK_IMAGE, {
      input: { s3: { bucket: target.bucket, key: target.key } },
    });
    expect(queued.body.errors).toBeUndefined();

    const refusals = await Promise.all(
      [0, -5, 20 * 1024 * 1024 + 1].map((length) => t.graphql(UPLOAD_SIZED, { type: 'image/png', length })),
    );
    expect(refusals.map((r) => r.body.errors?.[0]?.errorType)).toEqual([
      'INVALID_INPUT',
      'INVALID_INPUT',
      'PAYLOAD_TOO_LARGE',
    ]);
    expect(refusals.every((r) => (r.body.data?.createImageUpload ?? null) === null)).toBe(true);
  });
});
