import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sha256 } from '@aws-crypto/sha256-js';
import { S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3rverClientConfig, startS3rver, type RunningS3rver } from '../../local/s3/startS3rver.ts';
import { InMemoryObjectStore } from '../../src/adapters/memory/InMemoryObjectStore.ts';
import { presignDownload, presignUpload } from '../../src/adapters/s3/presign.ts';
import { S3ObjectStore } from '../../src/adapters/s3/S3ObjectStore.ts';
import { HdmError, ObjectNotFoundError, ThrottledError } from '../../src/core/errors.ts';
import { objectStoreContract } from './ObjectStore.contract.ts';

// The SDK warns once per process that Node 20 support ends in 2027; known (dependencies.md), so quiet.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const BUCKET = 'hdm-contract';
// A recognisable body and key, to show that error messages never quote either.
const SECRET_BODY = 'Synthetic patient Jane Roe, MRN 0000000';
const SECRET_KEY = 'uploads/jane-roe-0000000.txt';

objectStoreContract('InMemoryObjectStore', async () => ({ store: new InMemoryObjectStore(), bucket: BUCKET }));

describe('S3ObjectStore on s3rver', () => {
  let s3: RunningS3rver;
  let client: S3Client;
  let store: S3ObjectStore;

  beforeAll(async () => {
    s3 = await startS3rver({ buckets: [BUCKET] });
    client = new S3Client(s3rverClientConfig(s3.endpoint));
    store = new S3ObjectStore({ client });
  });
  afterAll(async () => {
    client?.destroy();
    await s3?.close();
  });

  objectStoreContract('S3ObjectStore', async () => ({ store, bucket: BUCKET }));

  it('reports size and content type with head, and ObjectNotFoundError for a missing key', async () => {
    const ref = { bucket: BUCKET, key: 'head/one.txt' };
    await store.put(ref, 'héllo', 'text/plain; charset=utf-8');
    expect(await store.head(ref)).toEqual({ size: 6, contentType: 'text/plain; charset=utf-8' });
    await expect(store.head({ bucket: BUCKET, key: 'head/none' })).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('reports a missing bucket as INTERNAL, not as a missing object, without quoting the key', async () => {
    const error = await store.get({ bucket: 'no-such-bucket', key: SECRET_KEY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HdmError);
    expect(error).not.toBeInstanceOf(ObjectNotFoundError);
    expect((error as HdmError).code).toBe('INTERNAL');
    expect((error as HdmError).message).toBe('S3 GetObject failed (NoSuchBucket)');
    expect((error as HdmError).cause).toBeInstanceOf(Error);
  });

  describe('presignUpload', () => {
    it('gives a URL that fetch can PUT to with the signed Content-Type; get then returns the bytes', async () => {
      const ref = { bucket: BUCKET, key: 'presigned/upload.png' };
      const body = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
      const upload = await presignUpload(client, ref, { contentType: 'image/png', expiresInSeconds: 300 });
      expect(upload.headers).toEqual({ 'content-type': 'image/png' });

      const response = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body });
      expect(response.status).toBe(200);
      expect(Buffer.from(await store.get(ref)).equals(Buffer.from(body))).toBe(true);
      expect(await store.head(ref)).toEqual({ size: body.byteLength, contentType: 'image/png' });
    });

    it('signs Content-Type and carries no empty-body checksum (which real S3 would reject)', async () => {
      const upload = await presignUpload(
        client,
        { bucket: BUCKET, key: 'presigned/x.png' },
        { contentType: 'image/png', expiresInSeconds: 60 },
      );
      const params = new URL(upload.url).searchParams;
      expect(params.get('X-Amz-SignedHeaders')?.split(';')).toContain('content-type');
      expect([...params.keys()].filter((name) => /checksum/i.test(name))).toEqual([]);
    });

    it('produces the signature an independent SigV4 signer computes for the same request', async () => {
      const signingDate = new Date('2030-01-02T03:04:05Z');
      const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
      const awsLike = new S3Client({ region: 'eu-west-1', credentials });
      const upload = await presignUpload(
        awsLike,
        { bucket: 'hdm-input', key: 'uploads/abc.jpg' },
        { contentType: 'image/jpeg', expiresInSeconds: 900, signingDate },
      );
      awsLike.destroy();
      const url = new URL(upload.url);
      expect(url.hostname).toBe('hdm-input.s3.eu-west-1.amazonaws.com');
      expect(upload.expiresAt.toISOString()).toBe('2030-01-02T03:19:05.000Z');

      const signer = new SignatureV4({
        service: 's3',
        region: 'eu-west-1',
        credentials,
        sha256: Sha256,
        uriEscapePath: false,
      });
      const expected = await signer.presign(
        {
          method: 'PUT',
          protocol: 'https:',
          hostname: url.hostname,
          path: url.pathname,
          query: { 'x-id': 'PutObject' },
          headers: { host: url.host, 'content-type': 'image/jpeg', 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
        },
        { signingDate, expiresIn: 900 },
      );
      expect(url.searchParams.get('X-Amz-Signature')).toBe(expected.query?.['X-Amz-Signature']);
    });

    it('signs Content-Length when given, with the signature an independent signer computes, so S3 takes that size only', async () => {
      const signingDate = new Date('2030-01-02T03:04:05Z');
      const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
      const awsLike = new S3Client({ region: 'eu-west-1', credentials });
      const upload = await presignUpload(
        awsLike,
        { bucket: 'hdm-input', key: 'uploads/abc.png' },
        { contentType: 'image/png', contentLength: 4321, expiresInSeconds: 300, signingDate },
      );
      awsLike.destroy();
      const url = new URL(upload.url);
      expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
      const signer = new SignatureV4({
        service: 's3',
        region: 'eu-west-1',
        credentials,
        sha256: Sha256,
        uriEscapePath: false,
      });
      const expected = await signer.presign(
        {
          method: 'PUT',
          protocol: 'https:',
          hostname: url.hostname,
          path: url.pathname,
          query: { 'x-id': 'PutObject' },
          headers: {
            host: url.host,
            'content-type': 'image/png',
            'content-length': '4321',
            'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD',
          },
        },
        { signingDate, expiresIn: 300 },
      );
      expect(url.searchParams.get('X-Amz-Signature')).toBe(expected.query?.['X-Amz-Signature']);
      await expect(
        presignUpload(
          client,
          { bucket: BUCKET, key: 'x' },
          { contentType: 'image/png', contentLength: -1, expiresInSeconds: 60 },
        ),
      ).rejects.toBeInstanceOf(HdmError);
    });

    it('is not enforced by s3rver: another Content-Type is stored as sent, so callers must check it (head)', async () => {
      const ref = { bucket: BUCKET, key: 'presigned/wrong-type' };
      const upload = await presignUpload(client, ref, { contentType: 'image/png', expiresInSeconds: 300 });
      const response = await fetch(upload.url, {
        method: 'PUT',
        headers: { 'content-type': 'text/html' },
        body: '<p>not an image</p>',
      });
      expect(response.status).toBe(200);
      expect((await store.head(ref)).contentType).toBe('text/html');
    });

    it('rejects expiries outside 1 s to 7 days', async () => {
      const ref = { bucket: BUCKET, key: 'presigned/x' };
      for (const expiresInSeconds of [0, 1.5, 604_801]) {
        await expect(presignUpload(client, ref, { contentType: 'image/png', expiresInSeconds })).rejects.toBeInstanceOf(
          HdmError,
        );
      }
      await expect(presignDownload(client, ref, { expiresInSeconds: 604_801 })).rejects.toBeInstanceOf(HdmError);
    });
  });

  describe('presignDownload', () => {
    it('gives a URL that fetch can GET', async () => {
      const ref = { bucket: BUCKET, key: 'presigned/download.bin' };
      await store.put(ref, new Uint8Array([7, 8, 9]), 'application/octet-stream');
      const download = await presignDownload(client, ref, { expiresInSeconds: 60 });
      const response = await fetch(download.url);
      expect(response.status).toBe(200);
      expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([7, 8, 9]);
    });

    it('gives a URL that stops working once expired', async () => {
      const ref = { bucket: BUCKET, key: 'presigned/expired.bin' };
      await store.put(ref, 'x', 'text/plain');
      const signingDate = new Date(Date.now() - 3_600_000);
      const download = await presignDownload(client, ref, { expiresInSeconds: 60, signingDate });
      expect(download.expiresAt.getTime()).toBe(signingDate.getTime() + 60_000);
      expect((await fetch(download.url)).status).toBe(403);
    });
  });
});

describe('startS3rver', () => {
  it('keeps objects and buckets across a restart on the same directory', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'hdm-s3rver-test-'));
    try {
      const ref = { bucket: BUCKET, key: 'persist/note.txt' };
      const first = await startS3rver({ directory, buckets: [BUCKET] });
      await withStore(first, (store) => store.put(ref, 'survives restarts', 'text/plain'));
      await first.close();

      const second = await startS3rver({ directory, buckets: [BUCKET] });
      try {
        expect(second.directory).toBe(directory);
        const text = await withStore(second, async (store) => new TextDecoder().decode(await store.get(ref)));
        expect(text).toBe('survives restarts');
      } finally {
        await second.close();
      }
      expect(existsSync(directory)).toBe(true);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('removes its temp directory on close, and close can be called twice', async () => {
    const s3 = await startS3rver({ buckets: [BUCKET] });
    await withStore(s3, (store) => store.put({ bucket: BUCKET, key: 'k' }, 'x', 'text/plain'));
    expect(existsSync(s3.directory)).toBe(true);
    await s3.close();
    await s3.close();
    expect(existsSync(s3.directory)).toBe(false);
  });

  it('creates every configured bucket', async () => {
    const s3 = await startS3rver({ buckets: ['hdm-in', 'hdm-out'] });
    try {
      await withStore(s3, async (store) => {
        for (const bucket of ['hdm-in', 'hdm-out']) {
          await store.put({ bucket, key: 'k' }, bucket, 'text/plain');
          expect(new TextDecoder().decode(await store.get({ bucket, key: 'k' }))).toBe(bucket);
        }
      });
    } finally {
      await s3.close();
    }
  });
});

describe('S3ObjectStore error mapping and headers (a stub S3 endpoint over HTTP)', () => {
  let server: Server;
  let endpoint: string;
  let reply: { status: number; code: string } = { status: 200, code: '' };
  const seen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      req.on('end', () => {
        if (reply.status === 200) return void res.writeHead(200).end();
        res.writeHead(reply.status, { 'content-type': 'application/xml' });
        res.end(
          `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${reply.code}</Code><Message>stub</Message></Error>`,
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // One attempt, so the SDK's own retries do not hide what a single answer maps to.
  const storeAt = (url: string, options: ConstructorParameters<typeof S3ObjectStore>[0] = {}) =>
    new S3ObjectStore({ client: new S3Client({ ...s3rverClientConfig(url), maxAttempts: 1 }), ...options });

  it('maps 503 SlowDown to ThrottledError', async () => {
    reply = { status: 503, code: 'SlowDown' };
    const error = await storeAt(endpoint)
      .put({ bucket: BUCKET, key: SECRET_KEY }, SECRET_BODY, 'text/plain')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as HdmError).code).toBe('THROTTLED');
    expectNoSecrets(error as HdmError);
  });

  it('maps other S3 errors to an INTERNAL HdmError that quotes neither key nor body', async () => {
    reply = { status: 403, code: 'AccessDenied' };
    const error = await storeAt(endpoint)
      .put({ bucket: BUCKET, key: SECRET_KEY }, SECRET_BODY, 'text/plain')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HdmError);
    expect(error).not.toBeInstanceOf(ThrottledError);
    expect((error as HdmError).code).toBe('INTERNAL');
    expect((error as HdmError).message).toBe('S3 PutObject failed (AccessDenied)');
    expectNoSecrets(error as HdmError);
  });

  it('maps a connection failure to an INTERNAL HdmError', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await storeAt(`http://127.0.0.1:${port}`)
      .get({ bucket: BUCKET, key: SECRET_KEY })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HdmError);
    expect((error as HdmError).code).toBe('INTERNAL');
    expectNoSecrets(error as HdmError);
  });

  it('sends server-side encryption headers only when configured', async () => {
    reply = { status: 200, code: '' };
    seen.length = 0;
    await storeAt(endpoint).put({ bucket: BUCKET, key: 'plain' }, 'x', 'text/plain');
    await storeAt(endpoint, { serverSideEncryption: 'aws:kms', kmsKeyId: 'alias/hdm' }).put(
      { bucket: BUCKET, key: 'kms' },
      'x',
      'text/plain',
    );
    expect(seen).toHaveLength(2);
    expect(seen[0]?.['x-amz-server-side-encryption']).toBeUndefined();
    expect(seen[0]?.['content-type']).toBe('text/plain');
    expect(seen[1]?.['x-amz-server-side-encryption']).toBe('aws:kms');
    expect(seen[1]?.['x-amz-server-side-encryption-aws-kms-key-id']).toBe('alias/hdm');
  });

  it('refuses a KMS key id without KMS encryption', () => {
    expect(() => new S3ObjectStore({ region: 'us-east-1', kmsKeyId: 'alias/hdm' })).toThrow(HdmError);
    expect(
      () => new S3ObjectStore({ region: 'us-east-1', serverSideEncryption: 'AES256', kmsKeyId: 'alias/hdm' }),
    ).toThrow(HdmError);
  });
});

async function withStore<T>(s3: RunningS3rver, use: (store: S3ObjectStore) => Promise<T>): Promise<T> {
  const client = new S3Client(s3rverClientConfig(s3.endpoint));
  try {
    return await use(new S3ObjectStore({ client }));
  } finally {
    client.destroy();
  }
}

function expectNoSecrets(error: HdmError): void {
  expect(error.message).not.toContain(SECRET_KEY);
  expect(error.message).not.toContain('jane');
  expect(error.message).not.toContain(SECRET_BODY);
}
