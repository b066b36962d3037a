import { request as httpRequest } from 'node:http';
import { connect as netConnect } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRealtimeSocket } from '../../helpers/appsyncRealtimeClient.ts';
import { leakedPhi, NOTE, Q, startTestApi, type TestApi } from '../../helpers/localApi.ts';
import { type HttpResult, postRaw, sendSigned, signRequest } from '../../helpers/signedFetch.ts';

// Issue 13's loose checks, tried as an attacker would against the real server: signatures made for
// another host or leaving the date unsigned, a clientToken reused across operations, options that would
// store a note unmasked, inline images that are not whole images, and clients that hold sockets.

let t: TestApi;

beforeAll(async () => {
  t = await startTestApi({
    principals: [{ name: 'alice' }, { name: 'bob' }],
    limits: {
      server: { requestTimeoutMs: 1_500, headersTimeoutMs: 1_000 },
      realtime: { maxConnectionsPerPrincipal: 3 },
    },
  });
});
afterAll(async () => t?.dispose());

const maskImage = `mutation MaskImage($input: MaskImageInput!) { maskImage(input: $input) { id status } }`;
const maskBody = (text: string) => JSON.stringify({ query: Q.maskText, variables: { input: { text } } });

function expectRefused(result: HttpResult<unknown>, status: number, errorType: string): void {
  expect({ status: result.status, errorType: result.body.errors?.[0]?.errorType }).toEqual({ status, errorType });
  expect(result.body.data ?? undefined).toBeUndefined();
  expect(leakedPhi(JSON.stringify(result.body))).toEqual([]);
}

async function jobCount(name: string): Promise<number> {
  const result = await t.graphql<{ jobs: { items: unknown[] } }>(Q.jobs, { limit: 100 }, name);
  return result.body.data?.jobs.items.length ?? -1;
}

/** A POST with the Host header the signature names, sent to the server's own address (fetch cannot set Host). */
function postWithHost(url: string, headers: Record<string, string>, body: string): Promise<HttpResult<unknown>> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('signatures bound to this server', () => {
  it('refuses a request signed for another host name (a rebound or foreign name), and takes loopback names', async () => {
    const port = new URL(t.api.url).port;
    const foreign = await signRequest({
      ...t.target(t.credentials('alice')),
      url: `http://attacker.example:${port}/graphql`,
      body: maskBody(NOTE),
    });
    expectRefused(await postWithHost(t.api.url, foreign.headers, foreign.body), 403, 'InvalidSignatureException');
    const loopback = await signRequest({
      ...t.target(t.credentials('alice')),
      url: `http://localhost:${port}/graphql`,
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect((await postWithHost(t.api.url, loopback.headers, loopback.body)).status).toBe(200);
  });

  it('refuses x-amz-date outside SignedHeaders: a captured signature cannot take a fresh date', async () => {
    const before = await jobCount('alice');
    const signed = await signRequest({ ...t.target(t.credentials('alice')), body: maskBody(NOTE) });
    const authorization = (signed.headers.authorization ?? '').replace(
      /SignedHeaders=([^,]*)/,
      (_m, list: string) =>
        `SignedHeaders=${list
          .split(';')
          .filter((h) => h !== 'x-amz-date')
          .join(';')}`,
    );
    const result = await sendSigned({ ...signed, headers: { ...signed.headers, authorization } });
    expectRefused(result, 403, 'InvalidSignatureException');
    expect(result.body.errors?.[0]?.message).toBe("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
    expect(await jobCount('alice')).toBe(before);
  });

  it('refuses a real-time handshake signed for another host', async () => {
    const port = new URL(t.api.url).port;
    const socket = await openRealtimeSocket({
      realtimeUrl: t.api.realtimeUrl,
      graphqlUrl: `http://attacker.example:${port}/graphql`,
      region: t.api.region,
      credentials: t.credentials('alice'),
    });
    const refused = await socket.next('connection_error', (m) => m.type === 'connection_error');
    expect(refused.payload?.errors?.[0]?.errorType).toBe('InvalidSignatureException');
    await socket.closed;
  });
});

describe('inputs refused before anything is written', () => {
  it('binds a clientToken to its first operation: maskImage cannot return a maskText job', async () => {
    const token = `token-${Date.now()}`;
    const text = await t.graphql<{ maskText: { id: string } }>(
      Q.maskText,
      { input: { text: NOTE, clientToken: token } },
      'alice',
    );
    expect(text.body.data?.maskText.id).toEqual(expect.any(String));
    const png = (
      await sharp({ create: { width: 40, height: 20, channels: 3, background: '#fff' } })
        .png()
        .toBuffer()
    ).toString('base64');
    const before = await jobCount('alice');
    const image = await t.graphql(maskImage, { input: { base64: png, clientToken: token } }, 'alice');
    expect(image.body.errors?.[0]).toMatchObject({
      errorType: 'INVALID_INPUT',
      message: expect.stringContaining('clientToken'),
    });
    expect(JSON.stringify(image.body)).not.toContain(text.body.data?.maskText.id);
    expect(await jobCount('alice')).toBe(before);
  });

  it('refuses an upload key that was handed out but never uploaded to, with no job record', async () => {
    const upload = await t.graphql<{ createImageUpload: { bucket: string; key: string } }>(
      `mutation { createImageUpload(contentType: "image/png") { bucket key } }`,
      undefined,
      'bob',
    );
    const ref = upload.body.data?.createImageUpload;
    expect(ref?.key).toEqual(expect.any(String));
    const before = await jobCount('bob');
    const result = await t.graphql(maskImage, { input: { s3: { bucket: ref?.bucket, key: ref?.key } } }, 'bob');
    expect(result.body.errors?.[0]).toMatchObject({
      errorType: 'INVALID_INPUT',
      message: expect.stringContaining('no uploaded image'),
    });
    expect(await jobCount('bob')).toBe(before);
  });

  it('refuses options.types: [] (it would store the note as its own masked text)', async () => {
    const before = await jobCount('bob');
    const result = await t.graphql(Q.maskText, { input: { text: NOTE, options: { types: [] } } }, 'bob');
    expect(result.body.errors?.[0]).toMatchObject({
      errorType: 'INVALID_INPUT',
      message: expect.stringContaining('options.types'),
    });
    expect(leakedPhi(JSON.stringify(result.body))).toEqual([]);
    expect(await jobCount('bob')).toBe(before);
  });

  it('refuses a truncated or pixel-bomb inline image at the call, with no job record', async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const cut = png.subarray(0, png.length - 20).toString('base64');
    const bomb = Buffer.from(png);
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    const before = await jobCount('bob');
    const truncated = await t.graphql(
      maskImage,
      { input: { base64: cut.slice(0, cut.length - (cut.length % 4)) } },
      'bob',
    );
    expect(truncated.body.errors?.[0]?.errorType).toBe('UNSUPPORTED_IMAGE');
    const huge = await t.graphql(maskImage, { input: { base64: bomb.toString('base64') } }, 'bob');
    expect(huge.body.errors?.[0]?.errorType).toBe('PAYLOAD_TOO_LARGE');
    expect(await jobCount('bob')).toBe(before);
  });
});

describe('clients that hold sockets', () => {
  it("refuses a principal's real-time connections past its cap with LimitExceededError; others still connect", async () => {
    const options = { realtimeUrl: t.api.realtimeUrl, graphqlUrl: t.api.url, region: t.api.region };
    const held = await Promise.all(
      [1, 2, 3].map(() => openRealtimeSocket({ ...options, credentials: t.credentials('alice') })),
    );
    await Promise.all(held.map((s) => s.next('connection_ack', (m) => m.type === 'connection_ack')));
    const fourth = await openRealtimeSocket({ ...options, credentials: t.credentials('alice') });
    const refused = await fourth.next('connection_error', (m) => m.type === 'connection_error');
    expect(refused.payload?.errors?.[0]?.errorType).toBe('LimitExceededError');
    const bobs = await openRealtimeSocket({ ...options, credentials: t.credentials('bob') });
    await bobs.next('connection_ack', (m) => m.type === 'connection_ack');
    await Promise.all([...held, bobs].map((s) => s.close()));
  });

  it('cuts off a client that trickles its request body', async () => {
    const { hostname, port } = new URL(t.api.url);
    const socket = netConnect(Number(port), hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"query":`,
    );
    const timer = setInterval(() => socket.write(' '), 200);
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.once('close', () => resolve(text));
    });
    clearInterval(timer);
    // Cut off by the server (408, or a closed socket), well before the body could finish at this pace.
    expect(answer === '' || /^HTTP\/1\.1 408/.test(answer)).toBe(true);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('refusals carry no PHI and no store address', () => {
  it('an unsigned request is refused without leaking', async () => {
    expectRefused(
      await postRaw(t.api.url, { 'content-type': 'application/json' }, maskBody(NOTE)),
      401,
      'UnauthorizedException',
    );
  });
});
