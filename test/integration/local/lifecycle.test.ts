import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { loadConfig } from '../../../src/config.ts';
import { openRealtimeSocket, type RealtimeMessage, type RealtimeSocket } from '../../helpers/appsyncRealtimeClient.ts';
import { leakedPhi, NOTE, Q, startTestApi, type TestApi } from '../../helpers/localApi.ts';
import { signRequest } from '../../helpers/signedFetch.ts';

// Graceful shutdown (in-flight work finishes, new work is refused, real-time clients are told) and the
// edges of the HTTP endpoint: body limit, CORS, methods, paths, request ids and the request log line.

/** How long a test waits for something the server should do before it fails; never asserted as a duration. */
const WAIT_MS = 10_000;

const realtime = (t: TestApi) =>
  openRealtimeSocket({
    realtimeUrl: t.api.realtimeUrl,
    graphqlUrl: t.api.url,
    region: t.api.region,
    credentials: t.credentials(),
  });

function within<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const jobUpdate = (m: RealtimeMessage) =>
  m.payload?.data?.onJobsUpdated as { id?: string; status?: string } | undefined;

/** The node/undici error code behind a failed fetch. */
function connectionErrorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? String(error);
}

describe('graceful shutdown', () => {
  it('a request in flight at close() completes with SUCCEEDED; one sent after close() is refused', async () => {
    const t = await startTestApi();
    let rt: RealtimeSocket | undefined;
    try {
      // A 200-300 KB note with some PHI in it: long enough to still be writing findings when close() comes.
      const unit = `${'Assessment and plan: blood pressure stable on the current regimen, continue lisinopril, recheck renal function in four weeks. '.repeat(10)}${NOTE} `;
      const text = unit.repeat(Math.ceil(250_000 / unit.length));
      rt = await realtime(t);
      await rt.next('connection_ack', (m) => m.type === 'connection_ack');
      await rt.start('jobs', Q.onJobsUpdated);
      await rt.next('start_ack', (m) => m.id === 'jobs' && m.type === 'start_ack');

      const inFlight = t.graphql<{ maskText: { id: string; status: string; maskedText: string } }>(Q.maskText, {
        input: { text },
      });
      // RUNNING is published once the job exists: from then on the request is inside the resolver.
      await rt.next('the RUNNING update', (m) => m.type === 'data' && jobUpdate(m)?.status === 'RUNNING');
      const answered = t.logs.some((l) => l.includes('"Mutation.maskText"'));
      // close() stops listening at once; the client's own close lets the server's socket count reach zero.
      const closing = t.api.close();
      void rt.close();
      expect(answered, 'the request was answered before close(): the note is too small to be in flight').toBe(false);

      const refused = await t.graphql(Q.jobs, {}).then(
        (r) => `HTTP ${r.status}`,
        (error: unknown) => connectionErrorCode(error),
      );
      expect(refused).toMatch(/^(ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET)$/);

      const result = await inFlight;
      expect(result.status).toBe(200);
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data?.maskText.status).toBe('SUCCEEDED');
      expect(leakedPhi(result.body.data?.maskText.maskedText ?? NOTE)).toEqual([]);
      await within(closing, 'end of close() after the in-flight request');
    } finally {
      await rt?.close();
      await t.dispose();
    }
  });

  it('a real-time client connected at close() gets a close frame with 1001 (going away)', async () => {
    const t = await startTestApi();
    const rt = await realtime(t);
    try {
      await rt.next('connection_ack', (m) => m.type === 'connection_ack');
      const id = randomUUID();
      await rt.start(id, Q.onJobsUpdated);
      await rt.next('start_ack', (m) => m.id === id && m.type === 'start_ack');
      const closing = t.api.close();
      const { code } = await within(rt.closed, 'close frame');
      expect(code).toBe(1001);
      await within(closing, 'end of close()');
    } finally {
      // Unblocks close() if the server never sent its close frame.
      await rt.close();
      await t.dispose();
    }
  });
});

describe('the HTTP endpoint', () => {
  let t: TestApi;
  const limit = loadConfig().maxRequestBytes;

  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(async () => t?.dispose());

  /** A signed POST of exactly this body; the response's status, headers and parsed body. */
  async function signedPost(body: string) {
    const signed = await signRequest({ ...t.target(), body });
    const { host: _host, ...headers } = signed.headers;
    const response = await fetch(t.api.url, { method: 'POST', headers, body });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : undefined) as
        { errors?: { errorType?: string; message?: string }[]; data?: unknown } | undefined,
    };
  }

  /** A maskText body of exactly `bytes` bytes (ASCII), padded inside the text. */
  function bodyOf(bytes: number): string {
    const empty = JSON.stringify({ query: Q.maskText, variables: { input: { text: '' } } });
    return JSON.stringify({ query: Q.maskText, variables: { input: { text: 'a'.repeat(bytes - empty.length) } } });
  }

  it('a body one byte over the limit gets 413 PAYLOAD_TOO_LARGE; one at the limit is read', async () => {
    const over = await signedPost(bodyOf(limit + 1));
    expect({ status: over.status, errorType: over.body?.errors?.[0]?.errorType }).toEqual({
      status: 413,
      errorType: 'PAYLOAD_TOO_LARGE',
    });
    // At the limit the body is read, verified and executed: the text (over 1,000,000 characters) is what is refused.
    const at = await signedPost(bodyOf(limit));
    expect({ status: at.status, errorType: at.body?.errors?.[0]?.errorType }).toEqual({
      status: 200,
      errorType: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('OPTIONS /graphql answers the CORS preflight with 204 and the headers signed requests need', async () => {
    const response = await fetch(t.api.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://app.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-amz-date,x-amz-security-token,x-amz-user-agent',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')?.split(/,\s*/)).toContain('POST');
    const allowed = response.headers.get('access-control-allow-headers')?.toLowerCase().split(/,\s*/) ?? [];
    expect(allowed).toEqual(
      expect.arrayContaining([
        'authorization',
        'content-type',
        'x-amz-date',
        'x-amz-security-token',
        'x-amz-user-agent',
      ]),
    );
    expect(await response.text()).toBe('');
  });

  it("GET /graphql gets 405, an unknown path 404, both in AppSync's error shape", async () => {
    const get = await fetch(t.api.url);
    expect(get.status).toBe(405);
    expect(((await get.json()) as { errors: { errorType: string }[] }).errors[0]?.errorType).toBe(
      'MethodNotAllowedException',
    );
    const unknown = await fetch(new URL('/nothing-here', t.api.url), { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { errors: { errorType: string }[] }).errors[0]?.errorType).toBe(
      'NotFoundException',
    );
  });

  it('a WebSocket upgrade on an unknown path is refused with 404, one without graphql-ws with 400', async () => {
    const upgrade = (url: string, protocols: string[]) =>
      new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(url, protocols);
        socket.once(
          'unexpected-response',
          (_req, res) => (resolve(res.statusCode ?? 0), res.resume(), socket.terminate()),
        );
        socket.once(
          'open',
          () => (socket.terminate(), reject(new Error(`upgrade accepted on ${new URL(url).pathname}`))),
        );
        socket.once('error', () => {});
      });
    expect(await upgrade(t.api.realtimeUrl.replace('/graphql/realtime', '/elsewhere'), ['graphql-ws'])).toBe(404);
    expect(await upgrade(t.api.realtimeUrl, ['graphql-transport-ws'])).toBe(400);
  });

  it("x-amzn-requestid matches the request's log line, which has fields, status and latencyMs", async () => {
    const result = await signedPost(JSON.stringify({ query: Q.maskText, variables: { input: { text: NOTE } } }));
    expect(result.status).toBe(200);
    const requestId = result.headers.get('x-amzn-requestid');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const lines = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.requestId === requestId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      event: 'graphql.request',
      level: 'info',
      requestId,
      fields: ['Mutation.maskText'],
      status: 200,
      principal: expect.any(String),
      latencyMs: expect.any(Number),
    });
    expect(lines[0]?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(leakedPhi(JSON.stringify(lines))).toEqual([]);
  });

  it('a refused request has its own request id, logged with the status and the auth failure', async () => {
    const response = await fetch(t.api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: Q.jobs }),
    });
    expect(response.status).toBe(401);
    const requestId = response.headers.get('x-amzn-requestid');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const line = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.requestId === requestId);
    expect(line).toMatchObject({
      event: 'graphql.request',
      status: 401,
      auth: 'UnauthorizedException',
      latencyMs: expect.any(Number),
    });
    const ids = t.logs.map((l) => (JSON.parse(l) as { requestId?: string }).requestId).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
