import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppSyncRealtimeClient, type AuthForm, type RealtimeMessage } from '../../helpers/appsyncRealtimeClient.ts';
import { leakedPhi, makeCredentials, maskText, NOTE, Q, startTestApi, type TestApi } from '../../helpers/localApi.ts';

// AppSync's real-time protocol spoken by a raw client, with the connect auth in each of the two forms
// clients use: the documented `header` query parameter and Amplify v6's `header-<base64url>` subprotocol.

let t: TestApi;

beforeAll(async () => {
  t = await startTestApi();
});
afterAll(async () => t?.dispose());

const connect = (authForm: AuthForm, credentials = t.credentials()) =>
  AppSyncRealtimeClient.connect({
    realtimeUrl: t.api.realtimeUrl,
    graphqlUrl: t.api.url,
    region: t.api.region,
    credentials,
    authForm,
  });

const jobUpdate = (m: RealtimeMessage) =>
  m.payload?.data?.onJobsUpdated as { id?: string; status?: string; owner?: string } | undefined;

describe.each<AuthForm>(['query', 'subprotocol'])('auth in the %s form', (authForm) => {
  it("connection_ack carries connectionTimeoutMs; start_ack; data for the caller's own job; stop gives complete", async () => {
    const rt = await connect(authForm);
    try {
      expect(rt.protocol).toBe('graphql-ws');
      const ack = await rt.waitFor(
        'connection_ack',
        (m) => m.type === 'connection_ack' || m.type === 'connection_error',
      );
      expect(ack.type).toBe('connection_ack');
      expect(ack.payload?.connectionTimeoutMs).toBeGreaterThan(0);

      const id = randomUUID();
      await rt.start(id, Q.onJobsUpdated);
      const started = await rt.waitFor(
        'start_ack',
        (m) => m.id === id && (m.type === 'start_ack' || m.type === 'error'),
      );
      expect(started.type).toBe('start_ack');

      const job = await maskText(t, NOTE);
      const running = await rt.waitFor(
        'the RUNNING update',
        (m) => m.type === 'data' && m.id === id && jobUpdate(m)?.id === job.id && jobUpdate(m)?.status === 'RUNNING',
      );
      const done = await rt.waitFor(
        'the SUCCEEDED update',
        (m) => m.type === 'data' && m.id === id && jobUpdate(m)?.id === job.id && jobUpdate(m)?.status === 'SUCCEEDED',
      );
      expect(jobUpdate(running)).toMatchObject({ owner: job.owner });
      expect(jobUpdate(done)).toMatchObject({ owner: job.owner, findingCount: job.findingCount });
      expect(rt.messages.indexOf(running)).toBeLessThan(rt.messages.indexOf(done));
      expect(leakedPhi(JSON.stringify(rt.messages))).toEqual([]);

      rt.stop(id);
      await rt.waitFor('complete', (m) => m.id === id && m.type === 'complete');
      // After complete no further data for that id: the next job's updates are not delivered to it.
      const after = await maskText(t, NOTE);
      const other = randomUUID();
      await rt.start(other, Q.onJobsUpdated);
      await rt.waitFor('start_ack of a second subscription', (m) => m.id === other && m.type === 'start_ack');
      const next = await maskText(t, NOTE);
      await rt.waitFor(
        "the second subscription's update",
        (m) => m.id === other && jobUpdate(m)?.id === next.id && jobUpdate(m)?.status === 'SUCCEEDED',
      );
      expect(rt.messages.filter((m) => m.id === id && [after.id, next.id].includes(jobUpdate(m)?.id ?? ''))).toEqual(
        [],
      );
    } finally {
      await rt.close();
    }
  });

  it('a wrong secret on connect gets connection_error, then the socket closes', async () => {
    const wrong = { ...t.credentials(), secretAccessKey: makeCredentials().secretAccessKey };
    const rt = await connect(authForm, wrong);
    const reply = await rt.waitFor(
      'connection_error',
      (m) => m.type === 'connection_error' || m.type === 'connection_ack',
    );
    expect(reply.type).toBe('connection_error');
    expect(reply.payload?.errors?.[0]).toMatchObject({ errorType: expect.any(String), errorCode: expect.any(Number) });
    await rt.waitForClose();
  });
});

describe('starts', () => {
  it('a start signed with a wrong secret gets an error for that id; the connection stays usable', async () => {
    const rt = await connect('query');
    try {
      await rt.waitFor('connection_ack', (m) => m.type === 'connection_ack');
      await rt.start('bad', Q.onJobsUpdated, undefined, {
        ...t.credentials(),
        secretAccessKey: makeCredentials().secretAccessKey,
      });
      const reply = await rt.waitFor(
        'a reply to the bad start',
        (m) => m.id === 'bad' && (m.type === 'error' || m.type === 'start_ack'),
      );
      expect(reply.type).toBe('error');
      await rt.start('good', Q.onJobsUpdated);
      await rt.waitFor('start_ack', (m) => m.id === 'good' && m.type === 'start_ack');
    } finally {
      await rt.close();
    }
  });

  it("a start with a validation error gets AppSync's error frame for that id", async () => {
    const rt = await connect('query');
    try {
      await rt.waitFor('connection_ack', (m) => m.type === 'connection_ack');
      await rt.start('invalid', 'subscription { onJobsUpdated { id noSuchField } }');
      const reply = await rt.waitFor(
        'a reply to the invalid start',
        (m) => m.id === 'invalid' && (m.type === 'error' || m.type === 'start_ack'),
      );
      expect(reply.type).toBe('error');
      expect(reply.payload?.errors?.[0]?.message).toMatch(/^Validation error of type FieldUndefined: /);
    } finally {
      await rt.close();
    }
  });
});
