import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  createRealtimeServer,
  RealtimeAuthError,
  RealtimeSubscribeError,
  type ActiveSubscription,
  type RealtimeHooks,
  type RealtimeServer,
  type RealtimeServerOptions,
} from '../../../../local/realtime/index.ts';

interface TestPrincipal {
  user: string;
}

/**
 * Small in-test hooks: `Authorization: ok-<user>` authenticates; a start whose Authorization is `deny`
 * is refused; the subscribe hook refuses `onForbidden`, fails on `onBug`, and delivers publishJobUpdate
 * payloads whose `owner` is the subscriber (the filter a real resolver would apply).
 */
function makeHooks() {
  const seen = { connectAuth: [] as Record<string, string>[], startData: [] as string[], sourceIps: [] as string[] };
  const hooks: RealtimeHooks<TestPrincipal> = {
    async authenticateConnection(auth, request) {
      seen.connectAuth.push(auth);
      seen.sourceIps.push(request.sourceIp);
      const user = /^ok-(.+)$/.exec(auth.Authorization ?? '')?.[1];
      if (!user) throw new RealtimeAuthError();
      if (user === 'forbidden')
        throw new RealtimeAuthError('Access denied', { errorType: 'ForbiddenException', errorCode: 403 });
      return { user };
    },
    async authenticateStart(auth, data, principal) {
      seen.startData.push(data);
      if (auth.Authorization === 'deny') throw new RealtimeAuthError('Permission denied');
      return principal;
    },
    async subscribe(principal, request): Promise<ActiveSubscription> {
      if (request.query.includes('onForbidden')) {
        throw new RealtimeSubscribeError([
          { errorType: 'Unauthorized', message: 'Not Authorized to access onForbidden on type Subscription' },
        ]);
      }
      if (request.query.includes('onBug')) throw new TypeError('hook bug with secret detail');
      const throws = request.query.includes('onThrows');
      return {
        mutations: ['publishJobUpdate'],
        async deliver(_field, payload) {
          if (throws) throw new Error('deliver failed');
          const update = payload as { owner: string };
          return update.owner === principal.user ? { onJobsUpdated: update } : undefined;
        },
      };
    },
  };
  return { hooks, seen };
}

const started: { realtime: RealtimeServer; server: Server }[] = [];

async function start(options: Partial<RealtimeServerOptions<TestPrincipal>> = {}) {
  const { hooks, seen } = makeHooks();
  const realtime = createRealtimeServer({ hooks, ...options });
  const { server, base } = await listen(realtime);
  started.push({ realtime, server });
  return { realtime, base, seen, url: `${base}/graphql/realtime` };
}

afterEach(async () => {
  for (const { realtime, server } of started.splice(0)) {
    await realtime.close();
    server.close();
  }
});

const userAuth = (user: string) => ({
  host: 'example.appsync-api.us-east-1.amazonaws.com',
  Authorization: `ok-${user}`,
});
const headerProtocols = (user: string) => ['graphql-ws', `header-${b64url(userAuth(user))}`];
const startMessage = (
  id: string,
  query = 'subscription { onJobsUpdated { id owner } }',
  authorization: Record<string, string> = { Authorization: 'ok' },
) => ({
  id,
  type: 'start',
  payload: { data: JSON.stringify({ query, variables: {} }), extensions: { authorization } },
});

async function connect(url: string, user: string): Promise<TestClient> {
  const client = await TestClient.open(url, headerProtocols(user));
  expect(await client.init()).toMatchObject({ type: 'connection_ack' });
  return client;
}

async function subscribe(client: TestClient, id: string): Promise<void> {
  client.send(startMessage(id));
  expect(await client.next()).toEqual({ type: 'start_ack', id });
}

describe('createRealtimeServer: connecting', () => {
  it('accepts the documented header query parameter, selects graphql-ws and acks with connectionTimeoutMs', async () => {
    // Prepare
    const { base, seen } = await start();
    const url = `${base}/graphql/realtime?header=${b64(userAuth('alice'))}&payload=${b64({})}`;

    // Act
    const client = await TestClient.open(url, ['graphql-ws']);
    const ack = await client.init();

    // Assess
    expect(client.ws.protocol).toBe('graphql-ws');
    expect(ack).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300_000 } });
    expect(seen.connectAuth).toEqual([userAuth('alice')]);
    expect(seen.sourceIps[0]).toMatch(/127\.0\.0\.1/);
  });

  it('accepts the header- subprotocol Amplify JS v6 sends and the /graphql path, with a configured timeout', async () => {
    const { base, seen } = await start({ connectionTimeoutMs: 120_000 });

    const client = await TestClient.open(`${base}/graphql`, headerProtocols('bob'));
    const ack = await client.init();

    expect(client.ws.protocol).toBe('graphql-ws');
    expect(ack).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 120_000 } });
    expect(seen.connectAuth).toEqual([userAuth('bob')]);
  });

  it('refuses an upgrade that does not offer graphql-ws with HTTP 400', async () => {
    const { url } = await start();
    const ws = new WebSocket(url, ['graphql-transport-ws']);

    const [, response] = await once(ws, 'unexpected-response');

    expect(response.statusCode).toBe(400);
  });

  it('leaves other paths to the caller', async () => {
    const { base } = await start();
    const ws = new WebSocket(`${base}/somewhere-else`, ['graphql-ws']);

    const [, response] = await once(ws, 'unexpected-response');

    expect(response.statusCode).toBe(404);
  });

  it('answers a connection without credentials with AppSync connection_error (401) and closes', async () => {
    const { url, seen } = await start();
    const client = await TestClient.open(url, ['graphql-ws']);

    const frame = await client.init();

    expect(frame).toEqual({
      type: 'connection_error',
      payload: {
        errors: [{ errorType: 'UnauthorizedException', message: 'Missing authorization header', errorCode: 401 }],
      },
    });
    expect((await client.closed).code).toBe(4401);
    expect(seen.connectAuth).toEqual([]);
  });

  it('reports the auth hook refusal in connection_error: default and custom error types', async () => {
    const { url } = await start();
    const wrong = await TestClient.open(url, ['graphql-ws', `header-${b64url({ Authorization: 'bad' })}`]);
    const forbidden = await TestClient.open(url, headerProtocols('forbidden'));

    const [wrongFrame, forbiddenFrame] = await Promise.all([wrong.init(), forbidden.init()]);

    expect(wrongFrame.payload).toEqual({
      errors: [
        { errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.', errorCode: 401 },
      ],
    });
    expect(forbiddenFrame.payload).toEqual({
      errors: [{ errorType: 'ForbiddenException', message: 'Access denied', errorCode: 403 }],
    });
  });

  it('refuses an undecodable header with a 400 connection_error', async () => {
    const { base } = await start();
    const client = await TestClient.open(`${base}/graphql/realtime?header=not-base64-json`, ['graphql-ws']);

    const frame = await client.init();

    expect(frame.payload).toMatchObject({ errors: [{ errorType: 'BadRequestException', errorCode: 400 }] });
  });

  it('sends ka after the ack and keeps sending it', async () => {
    const { url } = await start({ keepAliveMs: 20 });
    const client = await connect(url, 'alice');

    const frames = [
      await client.next({ keepAlive: true }),
      await client.next({ keepAlive: true }),
      await client.next({ keepAlive: true }),
    ];

    expect(frames).toEqual([{ type: 'ka' }, { type: 'ka' }, { type: 'ka' }]);
  });

  it('closes a socket that never initialises', async () => {
    const { url, realtime } = await start({ initTimeoutMs: 50 });
    const client = await TestClient.open(url, headerProtocols('alice'));

    const closed = await client.closed;

    expect(closed.code).toBe(4408);
    await waitFor(() => realtime.stats().connections === 0);
  });
});

describe('createRealtimeServer: connection caps', () => {
  it('refuses a principal past its connection cap with LimitExceededError, and admits it again once one closes', async () => {
    const { url, realtime } = await start({ principalKey: (p) => p.user, maxConnectionsPerPrincipal: 2 });
    const first = await connect(url, 'alice');
    await connect(url, 'alice');
    const third = await TestClient.open(url, headerProtocols('alice'));

    const refused = await third.init();

    expect(refused).toEqual({
      type: 'connection_error',
      payload: { errors: [{ errorType: 'LimitExceededError', message: 'Too many connections for this principal' }] },
    });
    await third.closed;
    // Another principal is not affected; a closed connection gives its place back.
    await connect(url, 'bob');
    first.ws.close();
    await first.closed;
    await waitFor(() => realtime.stats().connections === 2);
    expect(await (await TestClient.open(url, headerProtocols('alice'))).init()).toMatchObject({
      type: 'connection_ack',
    });
  });

  it("refuses a start whose query would take the connection's subscriptions past their byte budget", async () => {
    const { url } = await start({ maxSubscriptionBytesPerConnection: 250 });
    const client = await connect(url, 'alice');
    await subscribe(client, 'small');
    const padded = `subscription { onJobsUpdated { id owner } }${' '.repeat(150)}`;

    client.send(startMessage('big', padded));
    expect(await client.next()).toMatchObject({
      type: 'error',
      id: 'big',
      payload: { errors: [{ errorType: 'LimitExceededError' }] },
    });
    // Stopping the first gives its bytes back.
    client.send({ id: 'small', type: 'stop' });
    expect(await client.next()).toEqual({ type: 'complete', id: 'small' });
    client.send(startMessage('big', padded));
    expect(await client.next()).toEqual({ type: 'start_ack', id: 'big' });
  });

  it('refuses upgrades past the total cap with HTTP 503', async () => {
    const { url } = await start({ maxConnections: 1 });
    await connect(url, 'alice');
    const ws = new WebSocket(url, headerProtocols('bob'));

    const [, response] = await once(ws, 'unexpected-response');

    expect(response.statusCode).toBe(503);
  });
});

describe('createRealtimeServer: subscriptions', () => {
  it('acks a start and passes the exact data string to authenticateStart', async () => {
    const { url, seen } = await start();
    const client = await connect(url, 'alice');
    const message = startMessage('sub-1');

    client.send(message);

    expect(await client.next()).toEqual({ type: 'start_ack', id: 'sub-1' });
    expect(seen.startData).toEqual([message.payload.data]);
  });

  it('delivers a publish only to the subscriber the hook accepts', async () => {
    const { url, realtime } = await start();
    const alice = await connect(url, 'alice');
    const bob = await connect(url, 'bob');
    await subscribe(alice, 'a1');
    await subscribe(bob, 'b1');

    const result = await realtime.publish('publishJobUpdate', { id: 'job-1', owner: 'bob' });
    const ignored = await realtime.publish('someOtherMutation', { id: 'job-2', owner: 'bob' });

    expect(await bob.next()).toEqual({
      type: 'data',
      id: 'b1',
      payload: { data: { onJobsUpdated: { id: 'job-1', owner: 'bob' } } },
    });
    expect(result).toEqual({ matched: 2, delivered: 1, failed: 0 });
    expect(ignored).toEqual({ matched: 0, delivered: 0, failed: 0 });
    // Frames are ordered: had alice (or bob, for the other mutation) been sent data, it would come before this.
    alice.send({ type: 'stop', id: 'a1' });
    bob.send({ type: 'stop', id: 'b1' });
    expect(await alice.next()).toEqual({ type: 'complete', id: 'a1' });
    expect(await bob.next()).toEqual({ type: 'complete', id: 'b1' });
  });

  it('keeps delivering to the others when one subscriber fails', async () => {
    const { url, realtime } = await start();
    const broken = await connect(url, 'bob');
    const healthy = await connect(url, 'bob');
    broken.send(startMessage('x', 'subscription onThrows { onJobsUpdated { id } }'));
    expect(await broken.next()).toEqual({ type: 'start_ack', id: 'x' });
    await subscribe(healthy, 'h');

    const result = await realtime.publish('publishJobUpdate', { id: 'job-3', owner: 'bob' });

    expect(result).toEqual({ matched: 2, delivered: 1, failed: 1 });
    expect(await healthy.next()).toMatchObject({ type: 'data', id: 'h' });
  });

  it('stops a subscription: complete, then no more data', async () => {
    const { url, realtime } = await start();
    const client = await connect(url, 'alice');
    await subscribe(client, 's');

    client.send({ type: 'stop', id: 's' });
    expect(await client.next()).toEqual({ type: 'complete', id: 's' });
    const result = await realtime.publish('publishJobUpdate', { id: 'job-4', owner: 'alice' });

    expect(result.matched).toBe(0);
    expect(realtime.stats()).toEqual({ connections: 1, subscriptions: 0 });
    client.send({ type: 'stop', id: 'unknown' });
    expect(await client.next()).toEqual({ type: 'complete', id: 'unknown' });
  });

  it('refuses a start the auth hook rejects, with the subscription id', async () => {
    const { url } = await start();
    const client = await connect(url, 'alice');

    client.send(startMessage('s', undefined, { Authorization: 'deny' }));

    expect(await client.next()).toEqual({
      type: 'error',
      id: 's',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'Permission denied' }] },
    });
  });

  it('refuses a start the subscribe hook rejects, and hides hook bugs behind InternalFailure', async () => {
    const { url, realtime } = await start();
    const client = await connect(url, 'alice');

    client.send(startMessage('f', 'subscription { onForbidden { id } }'));
    const refused = await client.next();
    client.send(startMessage('b', 'subscription { onBug { id } }'));
    const bug = await client.next();

    expect(refused).toEqual({
      type: 'error',
      id: 'f',
      payload: {
        errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access onForbidden on type Subscription' }],
      },
    });
    expect(bug).toMatchObject({ type: 'error', id: 'b', payload: { errors: [{ errorType: 'InternalFailure' }] } });
    expect(JSON.stringify(bug)).not.toContain('secret');
    expect(realtime.stats().subscriptions).toBe(0);
  });

  it('refuses a start on a connection whose credentials were refused, even without connection_init', async () => {
    const { url } = await start();
    const client = await TestClient.open(url, ['graphql-ws']);

    client.send(startMessage('s'));

    expect(await client.next()).toMatchObject({ type: 'connection_error' });
    expect((await client.closed).code).toBe(4401);
  });

  it('accepts a start without connection_init (AppSync makes it optional)', async () => {
    const { url } = await start();
    const client = await TestClient.open(url, headerProtocols('alice'));

    client.send(startMessage('s'));

    expect(await client.next()).toEqual({ type: 'start_ack', id: 's' });
  });

  it('refuses a duplicate id and starts past the per-connection limit', async () => {
    const { url } = await start({ maxSubscriptionsPerConnection: 2 });
    const client = await connect(url, 'alice');
    await subscribe(client, 'one');

    client.send(startMessage('one'));
    const duplicate = await client.next();
    await subscribe(client, 'two');
    client.send(startMessage('three'));
    const overLimit = await client.next();

    expect(duplicate).toEqual({
      type: 'error',
      id: 'one',
      payload: { errors: [{ errorType: 'DuplicatedOperationError', message: 'Duplicated operation with id one' }] },
    });
    expect(overLimit).toEqual({
      type: 'error',
      id: 'three',
      payload: {
        errors: [{ errorType: 'MaxSubscriptionsReachedError', message: 'Max number of 2 subscriptions reached' }],
      },
    });
  });
});

describe('createRealtimeServer: malformed messages', () => {
  it.each([
    [
      'not JSON',
      '{oops',
      {
        type: 'error',
        payload: { errors: [{ errorType: 'BadRequestException', message: 'Message is not valid JSON' }] },
      },
    ],
    [
      'a JSON array',
      '[]',
      {
        type: 'error',
        payload: { errors: [{ errorType: 'BadRequestException', message: 'Message must be a JSON object' }] },
      },
    ],
    [
      'an unknown type',
      JSON.stringify({ type: 'subscribe', id: 'u' }),
      {
        type: 'error',
        id: 'u',
        payload: {
          errors: [
            { errorType: 'UnsupportedOperation', message: 'subscribe not supported through the realtime channel' },
          ],
        },
      },
    ],
    [
      'a start without data',
      JSON.stringify({ type: 'start', id: 'd', payload: {} }),
      {
        type: 'error',
        id: 'd',
        payload: {
          errors: [{ errorType: 'BadRequestException', message: 'start requires payload.data, a JSON string' }],
        },
      },
    ],
    [
      'a start without id',
      JSON.stringify({ type: 'start', payload: { data: '{}' } }),
      { type: 'error', payload: { errors: [{ errorType: 'BadRequestException', message: 'start requires an id' }] } },
    ],
    [
      'a start whose data has no query',
      JSON.stringify({
        type: 'start',
        id: 'q',
        payload: { data: '{"variables":{}}', extensions: { authorization: {} } },
      }),
      {
        type: 'error',
        id: 'q',
        payload: {
          errors: [
            { errorType: 'BadRequestException', message: 'payload.data must be a JSON object with a query string' },
          ],
        },
      },
    ],
    [
      'a stop without id',
      JSON.stringify({ type: 'stop' }),
      { type: 'error', payload: { errors: [{ errorType: 'BadRequestException', message: 'stop requires an id' }] } },
    ],
  ])('answers %s with an error frame and keeps the connection', async (_name, text, expected) => {
    const { url } = await start();
    const client = await connect(url, 'alice');

    client.send(text);

    expect(await client.next()).toEqual(expected);
    await subscribe(client, 'still-works');
  });

  it('closes the socket (1009) on a frame over the inbound limit', async () => {
    const { url } = await start({ maxInboundMessageBytes: 1024 });
    const client = await connect(url, 'alice');

    client.send({ type: 'start', id: 'big', payload: { data: 'x'.repeat(2048) } });

    expect((await client.closed).code).toBe(1009);
  });
});

describe('createRealtimeServer: lifecycle', () => {
  it('drops every subscription of a socket when it closes', async () => {
    const { url, realtime } = await start();
    const client = await connect(url, 'alice');
    await subscribe(client, 'a');
    await subscribe(client, 'b');
    expect(realtime.stats()).toEqual({ connections: 1, subscriptions: 2 });

    client.ws.close(1000);

    await waitFor(() => realtime.stats().connections === 0);
    expect(realtime.stats()).toEqual({ connections: 0, subscriptions: 0 });
    expect(await realtime.publish('publishJobUpdate', { id: 'j', owner: 'alice' })).toEqual({
      matched: 0,
      delivered: 0,
      failed: 0,
    });
  });

  it('close() ends every socket with 1001 and refuses new upgrades', async () => {
    const { url, realtime } = await start();
    const a = await connect(url, 'alice');
    const b = await connect(url, 'bob');
    await subscribe(a, 'a');

    await realtime.close();

    expect((await a.closed).code).toBe(1001);
    expect((await b.closed).code).toBe(1001);
    expect(realtime.stats()).toEqual({ connections: 0, subscriptions: 0 });
    const late = new WebSocket(url, headerProtocols('carol'));
    const [, response] = await once(late, 'unexpected-response');
    expect(response.statusCode).toBe(503);
  });

  it('logs events with connection ids and counts, never auth values or payloads', async () => {
    const lines: string[] = [];
    const log = (level: string) => (event: string, fields?: Record<string, unknown>) =>
      lines.push(JSON.stringify({ level, event, ...fields }));
    const { url, realtime } = await start({ logger: { info: log('info'), warn: log('warn'), error: log('error') } });
    const client = await connect(url, 'alice');
    await subscribe(client, 's');
    await realtime.publish('publishJobUpdate', { id: 'job-5', owner: 'alice', note: 'Patient John Q. Sample' });
    await client.next();

    client.ws.close();
    await waitFor(() => lines.some((l) => l.includes('realtime.closed')));

    expect(lines.map((l) => JSON.parse(l).event)).toEqual(
      expect.arrayContaining(['realtime.opened', 'realtime.started', 'realtime.published', 'realtime.closed']),
    );
    expect(lines.join('\n')).not.toMatch(/John|ok-alice|onJobsUpdated/);
    expect(JSON.parse(lines.find((l) => l.includes('realtime.started'))!)).toMatchObject({
      connectionId: expect.any(String),
      subscriptions: 1,
    });
  });
});

type Frame = { type: string; id?: string; payload?: Record<string, unknown> };

/** A real `ws` client that queues frames so a test can await them in order. */
class TestClient {
  readonly ws: WebSocket;
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly #frames: Frame[] = [];
  readonly #waiters: ((frame: Frame) => void)[] = [];

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      const waiter = this.#waiters.shift();
      if (waiter) waiter(frame);
      else this.#frames.push(frame);
    });
    this.closed = once(ws, 'close').then(([code, reason]) => ({ code: code as number, reason: String(reason) }));
  }

  static async open(url: string, protocols: string[]): Promise<TestClient> {
    const ws = new WebSocket(url, protocols);
    const client = new TestClient(ws);
    await once(ws, 'open');
    return client;
  }

  send(message: object | string): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next frame, skipping `ka` unless asked for; fails after timeoutMs. */
  async next(options: { keepAlive?: boolean; timeoutMs?: number } = {}): Promise<Frame> {
    for (;;) {
      const frame = await this.#nextRaw(options.timeoutMs ?? 5_000);
      if (frame.type !== 'ka' || options.keepAlive) return frame;
    }
  }

  #nextRaw(timeoutMs: number): Promise<Frame> {
    const queued = this.#frames.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no frame within ${timeoutMs} ms`)), timeoutMs);
      this.#waiters.push((frame) => {
        clearTimeout(timer);
        resolve(frame);
      });
    });
  }

  async init(): Promise<Frame> {
    this.send({ type: 'connection_init' });
    return this.next();
  }
}

/** An http server on 127.0.0.1:0 whose upgrades go to the realtime server (other paths get 404). */
async function listen(realtime: RealtimeServer): Promise<{ server: Server; base: string }> {
  const server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    if (!realtime.handleUpgrade(req, socket, head)) socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, base: `ws://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Polls a condition that becomes true after an event we cannot await directly (a server-side close). */
async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
