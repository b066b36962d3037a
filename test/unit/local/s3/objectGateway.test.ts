import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createObjectGateway, type ObjectGateway } from '../../../../local/s3/objectGateway.ts';
import { presignDownload, presignUpload } from '../../../../src/adapters/s3/presign.ts';

// The gateway between presigned URLs and s3rver, against a stand-in store on a Unix socket that records
// what reaches it: only the checked operation on the checked key, nothing of the caller's query or headers.

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bytes: number;
}

let dir: string;
let store: Server;
let api: Server;
let gateway: ObjectGateway;
let origin: string;
const seen: Seen[] = [];
const logs: Record<string, unknown>[] = [];
const UPLOAD_KEY = 'uploads/0123456789abcdef0123456789abcdef/3f1c2d7e-0000-4000-8000-000000000001';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hdm-gw-'));
  store = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, bytes });
      res.writeHead(200, {
        etag: '"abc"',
        'content-type': 'image/png',
        server: 'store',
        'x-amz-request-id': 'store-id',
        'access-control-allow-origin': '*',
        'set-cookie': 'a=b',
      });
      res.end(req.method === 'GET' ? 'PNG-BYTES' : '');
    });
  });
  await new Promise<void>((resolve) => store.listen(path.join(dir, 's3.sock'), resolve));
  gateway = createObjectGateway({
    s3SocketPath: path.join(dir, 's3.sock'),
    region: 'us-east-1',
    uploads: { bucket: 'hdm-data', prefix: 'uploads/' },
    downloads: { bucket: 'hdm-output' },
    maxUploadBytes: 1024,
    log: (entry) => void logs.push(entry),
  });
  api = createServer((req, res) => {
    if (!gateway.serve(req, res)) res.writeHead(404).end('not the gateway');
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  const address = api.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await gateway?.close();
  await new Promise((resolve) => api?.close(resolve));
  await new Promise((resolve) => store?.close(resolve));
  if (dir) await rm(dir, { recursive: true, force: true });
});

const signer = () =>
  new S3Client({
    endpoint: `${origin}/s3`,
    region: gateway.key.region,
    forcePathStyle: true,
    credentials: gateway.key,
  });

function send(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string | number>;
    body?: Buffer | string;
    chunked?: boolean;
  } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    if (options.chunked) {
      req.write(options.body ?? '');
      req.end();
    } else req.end(options.body);
  });
}

describe('createObjectGateway', () => {
  it('leaves every path outside /s3 to the server (even /s3x)', async () => {
    for (const p of ['/', '/graphql', '/s3x', '/s3x/hdm-data/key'])
      expect((await send(`${origin}${p}`)).body).toBe('not the gateway');
  });

  it('forwards a checked upload as a bare PUT of that key: no query, no caller headers, only what the store needs', async () => {
    seen.length = 0;
    const upload = await presignUpload(
      signer(),
      { bucket: 'hdm-data', key: UPLOAD_KEY },
      { contentType: 'image/png', expiresInSeconds: 60 },
    );
    const answer = await send(upload.url, {
      method: 'PUT',
      headers: {
        'content-type': 'image/png',
        authorization: 'AWS4-HMAC-SHA256 x',
        cookie: 'c=d',
        'x-amz-acl': 'public-read',
      },
      body: Buffer.alloc(1024, 1),
    });
    expect(answer.status).toBe(200);
    expect(seen).toEqual([{ method: 'PUT', url: `/hdm-data/${UPLOAD_KEY}`, headers: expect.any(Object), bytes: 1024 }]);
    expect(Object.keys(seen[0]?.headers ?? {}).sort()).toEqual([
      'connection',
      'content-length',
      'content-type',
      'host',
    ]);
    // What comes back: the object's own headers and the gateway's, none of the store's (server, CORS, cookies).
    expect(answer.headers.etag).toBe('"abc"');
    expect(answer.headers.server).toBeUndefined();
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(answer.headers['x-amz-request-id']).not.toBe('store-id');
  });

  it('refuses a body over the limit (declared) or of unknown length (chunked), before the store sees it', async () => {
    seen.length = 0;
    const upload = await presignUpload(
      signer(),
      { bucket: 'hdm-data', key: UPLOAD_KEY },
      { contentType: 'image/png', expiresInSeconds: 60 },
    );
    const big = await send(upload.url, {
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      body: Buffer.alloc(1025),
    });
    expect({ status: big.status, code: /<Code>(\w+)/.exec(big.body)?.[1] }).toEqual({
      status: 400,
      code: 'EntityTooLarge',
    });
    const chunked = await send(upload.url, {
      method: 'PUT',
      headers: { 'content-type': 'image/png', 'transfer-encoding': 'chunked' },
      body: 'abc',
      chunked: true,
    });
    expect({ status: chunked.status, code: /<Code>(\w+)/.exec(chunked.body)?.[1] }).toEqual({
      status: 411,
      code: 'MissingContentLength',
    });
    expect(seen).toEqual([]);
  });

  it('serves GET and HEAD of an output object with a download URL, with headers that keep it an image', async () => {
    seen.length = 0;
    const download = await presignDownload(
      signer(),
      { bucket: 'hdm-output', key: 'masked/job-1/image.png' },
      { expiresInSeconds: 60 },
    );
    const get = await send(download.url);
    expect({ status: get.status, body: get.body, type: get.headers['content-type'] }).toEqual({
      status: 200,
      body: 'PNG-BYTES',
      type: 'image/png',
    });
    expect(get.headers['content-security-policy']).toContain("default-src 'none'");
    expect((await send(download.url, { method: 'HEAD' })).status).toBe(200);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /hdm-output/masked/job-1/image.png',
      'HEAD /hdm-output/masked/job-1/image.png',
    ]);
  });

  it("refuses keys the API never signs, even when signed with the gateway's key: other buckets, prefixes, dot segments", async () => {
    seen.length = 0;
    const refused = [
      await presignUpload(
        signer(),
        { bucket: 'hdm-output', key: UPLOAD_KEY },
        { contentType: 'image/png', expiresInSeconds: 60 },
      ),
      await presignUpload(
        signer(),
        { bucket: 'hdm-data', key: 'results/job-1/text' },
        { contentType: 'image/png', expiresInSeconds: 60 },
      ),
      await presignUpload(
        signer(),
        { bucket: 'hdm-data', key: 'uploads/0123456789abcdef0123456789abcdef/../x' },
        { contentType: 'image/png', expiresInSeconds: 60 },
      ),
    ];
    for (const upload of refused)
      expect(
        (await send(upload.url, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: 'x' })).status,
      ).toBe(403);
    for (const ref of [
      { bucket: 'hdm-data', key: UPLOAD_KEY },
      { bucket: 'hdm-output', key: 'masked/../x' },
      { bucket: 'hdm-output', key: 'masked//x' },
    ]) {
      expect((await send((await presignDownload(signer(), ref, { expiresInSeconds: 60 })).url)).status, ref.key).toBe(
        403,
      );
    }
    expect(seen).toEqual([]);
  });

  it('logs method, status and timing only: no key, no query, no signature', async () => {
    const line = JSON.stringify(logs);
    expect(logs.length).toBeGreaterThan(5);
    expect(logs.every((entry) => entry.event === 's3.request' && typeof entry.status === 'number')).toBe(true);
    expect(line).not.toContain('uploads/');
    expect(line).not.toContain('X-Amz');
    expect(line).not.toContain(gateway.key.secretAccessKey);
  });
});
