import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generatePage } from '../../../bench/images/generatePage.ts';
import { startLocalApi } from '../../../local/startLocalApi.ts';
import { startTestApi, type TestApi } from '../../helpers/localApi.ts';
import { listeningTcpPorts, listeningUnixSockets } from '../../helpers/processSockets.ts';
import { signRequest } from '../../helpers/signedFetch.ts';

// The stores as another user of the machine would attack them: dynalite and s3rver check no signature, so
// they must be reachable by no one but this process (Unix sockets in a 0700 directory, no TCP port), and
// the objects only through the API's own /s3 route, with a presigned URL used exactly as it was signed.

const UPLOAD = 'mutation Upload($type: String!) { createImageUpload(contentType: $type) { bucket key url } }';
const MASK_IMAGE = 'mutation Mask($input: MaskImageInput!) { maskImage(input: $input) { id status } }';
const JOB =
  'query Job($id: ID!) { job(id: $id) { id status error { code } maskedImage { bucket key url contentType } } }';
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];
const isRoot = process.getuid?.() === 0;
/** The listening-socket checks read Linux's /proc (other systems skip them; CI runs Linux). */
const hasProc = existsSync('/proc/net/tcp') && existsSync('/proc/self/fd');

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** node:http(s) rather than fetch: a test chooses every header (Host, Content-Length) and the exact path. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string | number>; body?: Uint8Array; ca?: string } = {},
): Promise<Raw> {
  const target = new URL(url);
  const requester = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = requester(
      target,
      { method: options.method ?? 'GET', headers: options.headers ?? {}, ...(options.ca ? { ca: options.ca } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('latin1'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A refusal as S3 answers it: the status, an XML <Error> with this code, and nothing of the store. */
function expectS3Error(response: Raw, status: number, code: string): void {
  expect({ status: response.status, code: /<Code>([A-Za-z]+)<\/Code>/.exec(response.body)?.[1] }).toEqual({
    status,
    code,
  });
  expect(response.headers['content-type']).toBe('application/xml');
  expect(response.body).not.toMatch(/ListBucketResult|<Key>|<Contents>|uploads\/[0-9a-f]{32}/);
}

async function createUpload(t: TestApi, as?: string): Promise<{ bucket: string; key: string; url: string }> {
  const created = await t.graphql<{ createImageUpload: { bucket: string; key: string; url: string } }>(
    UPLOAD,
    { type: 'image/png' },
    as,
  );
  const upload = created.body.data?.createImageUpload;
  if (!upload)
    throw new Error(`createImageUpload failed: ${JSON.stringify(created.body.errors?.map((e) => e.errorType))}`);
  return upload;
}

const PNG = { 'content-type': 'image/png' };
const body = new Uint8Array([...PNG_MAGIC, 1, 2, 3]);

/** Runs `script` in Node as the unprivileged user `nobody`: what another local account could do. */
function asNobody(script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], {
      uid: 65534,
      gid: 65534,
      cwd: '/',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(out.trim()));
  });
}

/** A script that tries each path as a socket and as a file and prints what happened to each, as JSON. */
const PROBE = (paths: string[]) => `
const net = require('node:net'), fs = require('node:fs');
const paths = ${JSON.stringify(paths)};
(async () => {
  const out = {};
  for (const p of paths) {
    const connect = await new Promise((r) => { const s = net.connect(p); s.on('connect', () => { s.destroy(); r('connected'); }); s.on('error', (e) => r(e.code)); });
    let read; try { fs.readdirSync(p); read = 'listed'; } catch (e) { try { fs.readFileSync(p); read = 'read'; } catch (e2) { read = e2.code; } }
    out[p] = { connect, read };
  }
  console.log(JSON.stringify(out));
})();`;

describe.skipIf(!hasProc)('the stores listen on no TCP port', () => {
  let t: TestApi;
  let before: number[];
  beforeAll(async () => {
    before = await listeningTcpPorts();
    t = await startTestApi({ principals: [{ name: 'alice' }, { name: 'bob' }] });
  });
  afterAll(async () => t?.dispose());

  it("the only TCP port this process opened is the API's, and nothing else it listens on answers S3 or DynamoDB", async () => {
    const apiPort = Number(new URL(t.api.url).port);
    const opened = (await listeningTcpPorts()).filter((port) => !before.includes(port));
    expect(opened).toEqual([apiPort]);
    for (const port of (await listeningTcpPorts()).filter((p) => p !== apiPort)) {
      const listBuckets = await send(`http://127.0.0.1:${port}/`).catch(() => undefined);
      expect(listBuckets?.body ?? '', `port ${port}`).not.toContain('ListAllMyBucketsResult');
      const listTables = await send(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables', 'content-type': 'application/x-amz-json-1.0' },
        body: new TextEncoder().encode('{}'),
      }).catch(() => undefined);
      expect(listTables?.body ?? '', `port ${port}`).not.toContain('TableNames');
    }
  });

  it('dynalite and s3rver listen on Unix sockets (0600) in a directory only this user may enter (0700)', async () => {
    const sockets = await listeningUnixSockets();
    const stores = sockets.filter((p) => /(dynamodb|s3)\.sock$/.test(p));
    expect(stores.map((p) => path.basename(p)).sort()).toEqual(['dynamodb.sock', 's3.sock']);
    const dir = path.dirname(stores[0] as string);
    expect(stores.every((p) => path.dirname(p) === dir)).toBe(true);
    const dirStats = await stat(dir);
    expect(dirStats.mode & 0o777).toBe(0o700);
    expect(dirStats.uid).toBe(process.getuid?.());
    for (const socket of stores) expect((await stat(socket)).mode & 0o777).toBe(0o600);
  });

  it.skipIf(!isRoot)(
    "another local user can neither connect to the stores' sockets nor list their directory",
    async () => {
      const stores = (await listeningUnixSockets()).filter((p) => /(dynamodb|s3)\.sock$/.test(p));
      const dir = path.dirname(stores[0] as string);
      const result = JSON.parse(await asNobody(PROBE([...stores, dir]))) as Record<
        string,
        { connect: string; read: string }
      >;
      for (const socket of stores) expect(result[socket]?.connect, socket).toBe('EACCES');
      expect(result[dir]?.read).toBe('EACCES');
    },
  );
});

describe('objects only through the API origin, with the presigned URL as signed', () => {
  let t: TestApi;
  let origin: string;
  beforeAll(async () => {
    t = await startTestApi({ principals: [{ name: 'alice' }, { name: 'bob' }] });
    origin = new URL(t.api.url).origin;
  });
  afterAll(async () => t?.dispose());

  it("presigned URLs name the API's own origin under /s3, path style", async () => {
    const upload = await createUpload(t, 'alice');
    const url = new URL(upload.url);
    expect(url.origin).toBe(origin);
    expect(url.pathname).toBe(`/s3/${upload.bucket}/${upload.key}`);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-type;host');
    expect(url.searchParams.get('X-Amz-Credential')).not.toContain(t.credentials('alice').accessKeyId);
  });

  it('refuses unsigned requests: listing a bucket or the buckets, reading or writing an object', async () => {
    const upload = await createUpload(t, 'alice');
    expect((await send(upload.url, { method: 'PUT', headers: PNG, body })).status).toBe(200);
    const unsigned = [
      `${origin}/s3`,
      `${origin}/s3/`,
      `${origin}/s3/${upload.bucket}`,
      `${origin}/s3/${upload.bucket}/`,
      `${origin}/s3/${upload.bucket}?list-type=2`,
      `${origin}/s3/hdm-output`,
      `${origin}/s3/${upload.bucket}/${upload.key}`,
      `${origin}/s3/${upload.bucket}/uploads/`,
    ];
    for (const url of unsigned) expectS3Error(await send(url), 403, 'AccessDenied');
    expectS3Error(
      await send(`${origin}/s3/${upload.bucket}/${upload.key}`, { method: 'PUT', headers: PNG, body }),
      403,
      'AccessDenied',
    );
    expectS3Error(await send(`${origin}/s3/${upload.bucket}/${upload.key}`, { method: 'DELETE' }), 403, 'AccessDenied');
  });

  it('refuses an upload URL with its signature removed, changed, or moved to another key or bucket', async () => {
    const upload = await createUpload(t, 'alice');
    const bobs = await createUpload(t, 'bob');
    const bobsPrefix = bobs.key.split('/').slice(0, 2).join('/');
    const alicesPrefix = upload.key.split('/').slice(0, 2).join('/');
    expect(bobsPrefix).not.toBe(alicesPrefix);
    const tampered = [
      upload.url.replace(/&X-Amz-Signature=[0-9a-f]+/, ''),
      upload.url.replace(/X-Amz-Signature=[0-9a-f]{4}/, 'X-Amz-Signature=0000'),
      upload.url.replace(alicesPrefix, bobsPrefix),
      upload.url.replace(`/s3/${upload.bucket}/`, '/s3/hdm-output/'),
      upload.url.replace(/\/[0-9a-f-]{36}\?/, '/someone-elses-id?'),
      `${upload.url}&acl=`,
    ];
    for (const url of tampered)
      expect((await send(url, { method: 'PUT', headers: PNG, body })).status, url.replace(/\?.*/, '')).toBe(403);
  });

  it('refuses a URL used with another method, another Content-Type, another Host, or over the size limit', async () => {
    const upload = await createUpload(t, 'alice');
    expectS3Error(await send(upload.url), 403, 'AccessDenied');
    expectS3Error(await send(upload.url, { method: 'DELETE' }), 403, 'AccessDenied');
    expectS3Error(await send(upload.url, { method: 'POST', headers: PNG, body }), 403, 'AccessDenied');
    expectS3Error(
      await send(upload.url, { method: 'PUT', headers: { 'content-type': 'text/html' }, body }),
      403,
      'SignatureDoesNotMatch',
    );
    expectS3Error(
      await send(upload.url, { method: 'PUT', headers: { ...PNG, host: `localhost:${new URL(origin).port}` }, body }),
      403,
      'SignatureDoesNotMatch',
    );
    // Declared 1 byte over 20 MiB: refused from the header, before any byte is stored.
    const tooBig = await send(upload.url, {
      method: 'PUT',
      headers: { ...PNG, 'content-length': 20 * 1024 * 1024 + 1 },
    });
    expectS3Error(tooBig, 400, 'EntityTooLarge');
    // The URL still works as signed.
    expect((await send(upload.url, { method: 'PUT', headers: PNG, body })).status).toBe(200);
  });

  it("refuses an upload URL once it has expired (the server's clock moved past X-Amz-Expires)", async () => {
    const upload = await createUpload(t, 'alice');
    const expires = Number(new URL(upload.url).searchParams.get('X-Amz-Expires'));
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + (expires + 1) * 1000 });
    try {
      const expired = await send(upload.url, { method: 'PUT', headers: PNG, body });
      expectS3Error(expired, 403, 'AccessDenied');
      expect(expired.body).toContain('<Message>Request has expired</Message>');
    } finally {
      vi.useRealTimers();
    }
    // A date moved into the past by hand is refused too (expired before the signature is even checked).
    const backdated = upload.url.replace(/X-Amz-Date=(\d{4})/, (_m, year: string) => `X-Amz-Date=${Number(year) - 1}`);
    expect((await send(backdated, { method: 'PUT', headers: PNG, body })).status).toBe(403);
  });

  it('answers CORS preflights for loopback pages only, as the buckets did', async () => {
    const upload = await createUpload(t, 'alice');
    const ask = (from: string, headers = 'content-type') =>
      send(upload.url, {
        method: 'OPTIONS',
        headers: { origin: from, 'access-control-request-method': 'PUT', 'access-control-request-headers': headers },
      });
    const allowed = await ask(`http://localhost:${new URL(origin).port}`);
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-methods']).toContain('PUT');
    expect(allowed.headers['access-control-allow-headers']).toBe('content-type');
    for (const foreign of ['https://evil.example', 'http://rebound.example:4000', 'null']) {
      const refused = await ask(foreign);
      expect(refused.status, foreign).toBe(403);
      expect(refused.headers['access-control-allow-origin'], foreign).toBeUndefined();
    }
    expect((await ask(origin, 'content-type, x-sneaky')).status).toBe(403);
  });

  it('the real flow: upload, mask, download the masked image by its URL (and HEAD it); its URL opens no other object', async () => {
    const page = await generatePage({ seed: 21, style: 'form', width: 700, height: 500 });
    const upload = await createUpload(t, 'alice');
    const put = await send(upload.url, { method: 'PUT', headers: PNG, body: page.bytes });
    expect(put.status).toBe(200);
    expect(put.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    const queued = await t.graphql<{ maskImage: { id: string } }>(
      MASK_IMAGE,
      { input: { s3: { bucket: upload.bucket, key: upload.key } } },
      'alice',
    );
    const id = queued.body.data?.maskImage.id as string;
    let job: { status: string; maskedImage: { key: string; url: string; contentType: string } | null } | undefined;
    for (let i = 0; i < 240 && !['SUCCEEDED', 'FAILED'].includes(job?.status ?? ''); i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 250));
      job = (await t.graphql<{ job: NonNullable<typeof job> }>(JOB, { id }, 'alice')).body.data?.job;
    }
    expect(job?.status).toBe('SUCCEEDED');
    const image = job?.maskedImage as { key: string; url: string; contentType: string };
    expect(new URL(image.url).origin).toBe(origin);
    const download = await send(image.url);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['cache-control']).toBe('no-store');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect([...Buffer.from(download.body, 'latin1').subarray(0, 4)]).toEqual(PNG_MAGIC);
    const head = await send(image.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(download.body, 'latin1')));
    // The download URL read from the uploads bucket, or turned into a write: refused.
    expect((await send(image.url.replace('/s3/hdm-output/', `/s3/${upload.bucket}/`))).status).toBe(403);
    expect(
      (await send(image.url.replace(image.key, upload.key).replace('/s3/hdm-output/', `/s3/${upload.bucket}/`))).status,
    ).toBe(403);
    expect((await send(image.url, { method: 'PUT', headers: PNG, body })).status).toBe(403);
  }, 120_000);
});

describe('the data directory is private', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'hdm-it-private-'));
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("tightens a data directory left 0755 with 0644 files, and keeps the stores' files 0700/0600", async () => {
    await chmod(dataDir, 0o755);
    await mkdir(path.join(dataDir, 's3', 'hdm-data'), { recursive: true, mode: 0o755 });
    await writeFile(path.join(dataDir, 's3', 'hdm-data', 'old-object'), 'x', { mode: 0o644 });
    const t = await startTestApi({ dataDir, inMemory: false });
    try {
      // Something the stores write while running: a job record and an object.
      const upload = await createUpload(t);
      expect((await send(upload.url, { method: 'PUT', headers: PNG, body })).status).toBe(200);
      expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
      for (const folder of ['dynamodb', 's3', 'run', 's3/hdm-data'])
        expect((await stat(path.join(dataDir, folder))).mode & 0o777, folder).toBe(0o700);
      expect((await stat(path.join(dataDir, 'credentials.json'))).mode & 0o777).toBe(0o600);
      expect((await stat(path.join(dataDir, 's3', 'hdm-data', 'old-object'))).mode & 0o777).toBe(0o600);
      const sockets = hasProc
        ? (await listeningUnixSockets()).filter((p) => p.startsWith(path.join(dataDir, 'run')))
        : [];
      if (hasProc) expect(sockets.map((p) => path.basename(p)).sort()).toEqual(['dynamodb.sock', 's3.sock']);
      if (isRoot) {
        const probed = JSON.parse(
          await asNobody(PROBE([dataDir, path.join(dataDir, 'credentials.json'), ...sockets])),
        ) as Record<string, { connect: string; read: string }>;
        for (const [p, outcome] of Object.entries(probed))
          expect(outcome.connect === 'connected' || /^(listed|read)$/.test(outcome.read), p).toBe(false);
      }
    } finally {
      await t.close();
    }
  });

  it('writes the TLS key pair 0600 in a 0700 folder, and presigned URLs work over https', async () => {
    const api = await startLocalApi({ tls: true, dataDir, port: 0, host: '127.0.0.1', inMemory: true, log: () => {} });
    try {
      expect((await stat(path.join(dataDir, 'tls'))).mode & 0o777).toBe(0o700);
      for (const file of ['key.pem', 'cert.pem'])
        expect((await stat(path.join(dataDir, 'tls', file))).mode & 0o777, file).toBe(0o600);
      const ca = await readFile(path.join(dataDir, 'tls', 'cert.pem'), 'utf8');
      const principal = api.generatedPrincipal ?? api.principals[0];
      const payload = JSON.stringify({ query: UPLOAD, variables: { type: 'image/png' } });
      const signed = await signRequest({
        url: api.url,
        region: api.region,
        credentials: { accessKeyId: principal!.accessKeyId, secretAccessKey: principal!.secretAccessKey },
        body: payload,
      });
      const created = await send(api.url, {
        method: 'POST',
        headers: signed.headers,
        body: new TextEncoder().encode(payload),
        ca,
      });
      const url = (JSON.parse(created.body) as { data: { createImageUpload: { url: string } } }).data.createImageUpload
        .url;
      expect(url.startsWith(`${new URL(api.url).origin}/s3/`)).toBe(true);
      expect(url).toMatch(/^https:/);
      expect((await send(url, { method: 'PUT', headers: PNG, body, ca })).status).toBe(200);
      expect(
        (await send(url.replace(/&X-Amz-Signature=[0-9a-f]+/, ''), { method: 'PUT', headers: PNG, body, ca })).status,
      ).toBe(403);
    } finally {
      await api.close();
    }
  });
});
