import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../../../local/auth/Principal.ts';
import type { GraphQLEngine } from '../../../../local/graphql/GraphQLEngine.ts';
import { createRequestListener } from '../../../../local/server/createRequestListener.ts';

// Security review, defect 2(c): a reply JSON.stringify could not build threw inside the listener's `.then`; the
// rejection went unhandled and Node exited. The send path of local/server/createRequestListener.ts, over real HTTP
// with a stand-in engine (the engine's own size check is tested in responseSize.test.ts).

const PHI = 'Marla Quenby 617-555-0143';
let reply: () => unknown = () => ({ data: { ok: true } });
const logs: Record<string, unknown>[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
let server: Server;
let url: string;

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  const engine = { execute: async () => reply() } as unknown as GraphQLEngine;
  server = createServer(
    createRequestListener({
      engine,
      authenticate: () => ({ name: 'alice' }) as Principal,
      identityOf: () => ({}) as never,
      maxRequestBytes: 1024 * 1024,
      log: (entry) => void logs.push(entry),
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  reply = () => ({ data: { ok: true } });
  logs.length = 0;
});

const post = async () => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ ok }' }),
  });
  return {
    status: response.status,
    body: (await response.json()) as unknown,
    requestId: response.headers.get('x-amzn-requestid'),
  };
};

describe('createRequestListener: sending the reply', () => {
  it("answers a reply that cannot be serialised with a 500 in AppSync's shape, logs the error's name only, and keeps serving", async () => {
    // V8's "Invalid string length" (600 aliases of a 1,000,000-character text), without building 600 MB here.
    reply = () => ({
      data: {
        job: {
          toJSON: () => {
            throw new RangeError(`Invalid string length near ${PHI}`);
          },
        },
      },
    });
    const failed = await post();
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ errors: [{ errorType: 'INTERNAL', message: 'Internal error' }] });
    expect(failed.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs).toEqual([
      expect.objectContaining({
        event: 'graphql.request',
        status: 500,
        sendError: 'RangeError',
        requestId: failed.requestId,
      }),
    ]);
    expect(JSON.stringify(logs)).not.toContain('Marla');

    // A value JSON cannot hold at all.
    reply = () => ({ data: { count: 10n } });
    expect((await post()).status).toBe(500);
    expect(logs.at(-1)).toMatchObject({ status: 500, sendError: 'TypeError' });

    reply = () => ({ data: { ok: true } });
    expect(await post()).toMatchObject({ status: 200, body: { data: { ok: true } } });
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  });

  it('still answers, and rejects nothing, when the log sink itself throws', async () => {
    const sink = logs.push;
    logs.push = () => {
      throw new Error('log sink down');
    };
    try {
      expect(await post()).toMatchObject({ status: 200, body: { data: { ok: true } } });
    } finally {
      logs.push = sink;
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  });
});
