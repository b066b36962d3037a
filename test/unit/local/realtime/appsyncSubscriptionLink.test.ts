import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createRealtimeServer, RealtimeAuthError, type RealtimeHooks } from '../../../../local/realtime/index.ts';

// Loaded through require: the links' ESM builds import a CommonJS @aws-crypto/sha256-js@1 whose named
// exports Node cannot see ("Sha256 is not a constructor"); their CommonJS builds work unchanged.
const require = createRequire(import.meta.url);
const { ApolloClient, ApolloLink, gql, InMemoryCache } = require('@apollo/client') as typeof import('@apollo/client', {
  with: { 'resolution-mode': 'require' },
});
const { AUTH_TYPE } = require('aws-appsync-auth-link') as typeof import('aws-appsync-auth-link');
const { createSubscriptionHandshakeLink } =
  require('aws-appsync-subscription-link') as typeof import('aws-appsync-subscription-link');

// The link uses the global WebSocket, which Node 20 lacks; `ws` has the same browser-style API.
const globals = globalThis as { WebSocket?: unknown };
const previousWebSocket = globals.WebSocket;

const credentials = { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-secret' };
const seen = { connect: [] as Record<string, string>[], start: [] as Record<string, string>[] };

/** Accepts any SigV4-shaped auth object for our key (signature checks are the integrator's SigV4 hook). */
const hooks: RealtimeHooks<string> = {
  async authenticateConnection(auth) {
    seen.connect.push(auth);
    if (!auth.Authorization?.startsWith(`AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/`))
      throw new RealtimeAuthError();
    return credentials.accessKeyId;
  },
  async authenticateStart(auth, _data, principal) {
    seen.start.push(auth);
    if (!auth.Authorization?.includes(principal)) throw new RealtimeAuthError();
    return principal;
  },
  async subscribe(_principal, request) {
    const jobId = request.variables?.id;
    return {
      mutations: ['publishJobUpdate'],
      deliver: async (_field, payload) => {
        const update = payload as { id: string };
        return update.id === jobId ? { onJobUpdated: { __typename: 'JobUpdate', ...update } } : undefined;
      },
    };
  },
};

const realtime = createRealtimeServer({ hooks });
const server = createServer((_req, res) => res.writeHead(404).end());
server.on('upgrade', (req, socket, head) => {
  if (!realtime.handleUpgrade(req, socket, head)) socket.destroy();
});

beforeAll(async () => {
  globals.WebSocket = WebSocket;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
});

afterAll(async () => {
  globals.WebSocket = previousWebSocket;
  await realtime.close();
  server.close();
});

describe('aws-appsync-subscription-link against the local realtime server', () => {
  it('connects with IAM, subscribes and receives the published update unchanged', async () => {
    // Prepare: the link derives ws://<host>/graphql/realtime for a non-AppSync URL and signs with SigV4.
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const link = createSubscriptionHandshakeLink({
      url,
      region: 'us-east-1',
      auth: { type: AUTH_TYPE.AWS_IAM, credentials },
    });
    const client = new ApolloClient({ link: ApolloLink.from([link]), cache: new InMemoryCache() });
    const query = gql`
      subscription OnJobUpdated($id: ID!) {
        onJobUpdated(id: $id) {
          id
          status
        }
      }
    `;
    const received: unknown[] = [];
    const gotData = new Promise<void>((resolve, reject) => {
      const sub = client.subscribe({ query, variables: { id: 'job-1' } }).subscribe({
        next: (result) => {
          if (!result.data) return;
          received.push(result.data);
          sub.unsubscribe();
          resolve();
        },
        error: reject,
      });
    });

    // Act: publish once the subscription is registered (start_ack sent).
    const deadline = Date.now() + 5_000;
    while (realtime.stats().subscriptions === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await realtime.publish('publishJobUpdate', { id: 'job-2', status: 'RUNNING' });
    await realtime.publish('publishJobUpdate', { id: 'job-1', status: 'SUCCEEDED' });
    await gotData;

    // Assess
    expect(received).toEqual([{ onJobUpdated: { __typename: 'JobUpdate', id: 'job-1', status: 'SUCCEEDED' } }]);
    expect(seen.connect[0]).toMatchObject({
      host: url.slice('http://'.length, -'/graphql'.length),
      'content-encoding': 'amz-1.0',
    });
    expect(seen.start[0]?.Authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDLOCALTEST\//);
  });
});
