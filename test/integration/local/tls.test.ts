import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApi } from '../../../local/LocalApi.ts';
import { startLocalApi } from '../../../local/startLocalApi.ts';
import { openRealtimeSocket } from '../../helpers/appsyncRealtimeClient.ts';
import { leakedPhi, NOTE, Q } from '../../helpers/localApi.ts';
import { type AwsCredentials, signRequest } from '../../helpers/signedFetch.ts';

// HTTPS and WSS with the self-signed certificate the server generates into <dataDir>/tls/: clients that
// trust exactly that certificate get through, clients that trust only the public roots do not.

let dataDir: string;
let api: LocalApi;
let credentials: AwsCredentials;
const logs: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'hdm-it-tls-'));
  api = await startTls();
  const principal = api.generatedPrincipal;
  if (!principal) throw new Error('expected a generated principal');
  credentials = { accessKeyId: principal.accessKeyId, secretAccessKey: principal.secretAccessKey };
});
afterAll(async () => {
  await api?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** What Node's TLS reports for a self-signed certificate it was not told to trust. */
const CERTIFICATE_ERROR = /^(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)$/;

const startTls = () =>
  startLocalApi({
    tls: true,
    dataDir,
    port: 0,
    host: '127.0.0.1',
    inMemory: true,
    log: (line) => void logs.push(line),
  });

interface HttpsResult {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { errorType?: string }[] };
}

/** A POST over node:https; `ca` replaces the trusted roots when given. Rejects with the TLS error. */
function httpsPost(url: string, headers: Record<string, string>, body: string, ca?: string): Promise<HttpsResult> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        ...(ca ? { ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as HttpsResult['body'],
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function signedHttps(
  target: LocalApi,
  query: string,
  variables: Record<string, unknown> | undefined,
  ca?: string,
): Promise<HttpsResult> {
  const body = JSON.stringify(variables ? { query, variables } : { query });
  const signed = await signRequest({ url: target.url, region: target.region, credentials, body });
  return httpsPost(target.url, signed.headers, body, ca);
}

const realtime = (target: LocalApi, ca?: string) =>
  openRealtimeSocket(
    { realtimeUrl: target.realtimeUrl, graphqlUrl: target.url, region: target.region, credentials },
    ca ? { ca } : {},
  );

describe('HTTPS and WSS with the generated certificate', () => {
  it('serves https:// and wss:// URLs and writes the certificate it serves into <dataDir>/tls/', async () => {
    expect(api.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(api.realtimeUrl).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/graphql\/realtime$/);
    expect(api.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(await readFile(path.join(dataDir, 'tls', 'cert.pem'), 'utf8')).toBe(api.certificatePem);
  });

  it('a signed maskText over HTTPS, trusting only that certificate, returns the masked job', async () => {
    const result = await signedHttps(api, Q.maskText, { input: { text: NOTE } }, api.certificatePem);
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    const job = result.body.data?.maskText as { status: string; maskedText: string } | undefined;
    expect(job?.status).toBe('SUCCEEDED');
    expect(leakedPhi(job?.maskedText ?? NOTE)).toEqual([]);
  });

  it('an HTTPS client that does not trust the certificate is refused by TLS', async () => {
    const refused = await signedHttps(api, Q.jobs, {}).then(
      () => undefined,
      (error: NodeJS.ErrnoException) => error.code,
    );
    expect(refused).toMatch(CERTIFICATE_ERROR);
  });

  it("the real-time endpoint over WSS: connection_ack, start_ack, and the job's updates", async () => {
    const rt = await realtime(api, api.certificatePem);
    try {
      const ack = await rt.next('connection_ack', (m) => m.type === 'connection_ack' || m.type === 'connection_error');
      expect(ack.type).toBe('connection_ack');
      const id = randomUUID();
      await rt.start(id, Q.onJobsUpdated);
      const started = await rt.next('start_ack', (m) => m.id === id && (m.type === 'start_ack' || m.type === 'error'));
      expect(started.type).toBe('start_ack');

      const result = await signedHttps(api, Q.maskText, { input: { text: NOTE } }, api.certificatePem);
      const jobId = (result.body.data?.maskText as { id: string } | undefined)?.id;
      expect(jobId).toEqual(expect.any(String));
      const update = await rt.next(
        'the SUCCEEDED update',
        (m) =>
          m.type === 'data' &&
          (m.payload?.data?.onJobsUpdated as { id?: string; status?: string } | undefined)?.status === 'SUCCEEDED',
      );
      expect(update.payload?.data?.onJobsUpdated).toMatchObject({ id: jobId, status: 'SUCCEEDED' });
    } finally {
      await rt.close();
    }
  });

  it('a WSS client that does not trust the certificate cannot connect', async () => {
    const refused = await realtime(api).then(
      async (rt) => void (await rt.close()),
      (error: NodeJS.ErrnoException) => error.code,
    );
    expect(refused).toMatch(CERTIFICATE_ERROR);
  });

  it('a restart on the same data directory serves the same certificate, so clients keep trusting it', async () => {
    const first = api.certificatePem;
    await api.close();
    api = await startTls();
    expect(api.certificatePem).toBe(first);
    expect(await readFile(path.join(dataDir, 'tls', 'cert.pem'), 'utf8')).toBe(first);
    const result = await signedHttps(api, Q.jobs, {}, first);
    expect({ status: result.status, errors: result.body.errors }).toEqual({ status: 200, errors: undefined });
  });

  it('logs the TLS start-up and never the note', () => {
    const started = logs.filter((l) => l.includes('"api.started"')).map((l) => JSON.parse(l) as { tls?: boolean });
    expect(started.map((s) => s.tls)).toEqual([true, true]);
    expect(leakedPhi(logs.join('\n'))).toEqual([]);
  });
});
