import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_WORKER_ROLE } from '../../../local/auth/publisherRole.ts';
import { AppSyncRealtimeClient } from '../../helpers/appsyncRealtimeClient.ts';
import {
  makeCredentials,
  maskText,
  type MaskedJob,
  NOTE,
  OTHER_NOTE,
  Q,
  startTestApi,
  type TestApi,
} from '../../helpers/localApi.ts';

// Who may publish job updates over HTTP: a session of the local worker role that is also granted the field, as a
// function on AWS is (its role in PUBLISHER_ROLE_NAMES, and appsync:GraphQL on the field). A principal of another
// role with the same grant is refused, as is the worker role without the grant (IAM first, then the resolver).

let t: TestApi;
let dataDir: string;
let alicesJob: MaskedJob;

const PUBLISH =
  'mutation P($input: JobUpdateInput!) { publishJobUpdate(input: $input) { id owner kind status updatedAt } }';

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'hdm-pub-'));
  const principal = (name: string, extra: Record<string, unknown> = {}) => ({ name, ...makeCredentials(), ...extra });
  // credentials.json is where the server looks when no principals file is named; fields as in HDM_PRINCIPALS_FILE.
  await writeFile(
    path.join(dataDir, 'credentials.json'),
    JSON.stringify([
      principal('alice'),
      principal('bob'),
      principal('fn-worker', {
        role: LOCAL_WORKER_ROLE,
        sessionName: 'hdm-worker-fn',
        allow: ['Mutation.publishJobUpdate'],
      }),
      principal('fn-other', { role: 'SomeOtherFunctionRole', allow: ['*'] }),
      principal('fn-ungranted', { role: LOCAL_WORKER_ROLE, allow: ['Query.*'] }),
    ]),
    { mode: 0o600 },
  );
  t = await startTestApi({ dataDir });
  alicesJob = await maskText(t, NOTE, 'alice');
});
afterAll(async () => {
  await t?.dispose();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('publishJobUpdate over HTTP', () => {
  it("a worker role session granted the field gets its input back, and only the owner's subscription receives it", async () => {
    const connectAs = (name: string) =>
      AppSyncRealtimeClient.connect({
        realtimeUrl: t.api.realtimeUrl,
        graphqlUrl: t.api.url,
        region: t.api.region,
        credentials: t.credentials(name),
      });
    const [alice, bob] = await Promise.all([connectAs('alice'), connectAs('bob')]);
    try {
      for (const [rt, id] of [
        [alice, 'alice-all'],
        [bob, 'bob-all'],
      ] as const) {
        await rt.waitFor('connection_ack', (m) => m.type === 'connection_ack');
        await rt.start(id, Q.onJobsUpdated);
        await rt.waitFor('start_ack', (m) => m.id === id && m.type === 'start_ack');
      }
      const input = {
        id: randomUUID(),
        owner: alicesJob.owner,
        kind: 'TEXT',
        status: 'RUNNING',
        updatedAt: new Date().toISOString(),
      };
      const result = await t.graphql(PUBLISH, { input }, 'fn-worker');
      expect(result.body).toEqual({ data: { publishJobUpdate: input } });
      const delivered = await alice.waitFor(
        'the published update',
        (m) => m.type === 'data' && updateOf(m)?.id === input.id,
      );
      expect(updateOf(delivered)).toMatchObject({ id: input.id, owner: input.owner, status: 'RUNNING' });
      // Bob's own job is the barrier: updates go out in order, so the published one would have arrived before it.
      const his = await maskText(t, OTHER_NOTE, 'bob');
      await bob.waitFor(
        "bob's SUCCEEDED update",
        (m) => m.type === 'data' && updateOf(m)?.id === his.id && updateOf(m)?.status === 'SUCCEEDED',
      );
      expect(bob.messages.map((m) => updateOf(m)?.id)).not.toContain(input.id);
    } finally {
      await Promise.all([alice.close(), bob.close()]);
    }
  });

  it('a session of another role is refused by the resolver, even allowed "*"', async () => {
    const input = {
      id: alicesJob.id,
      owner: alicesJob.owner,
      kind: 'TEXT',
      status: 'FAILED',
      updatedAt: new Date().toISOString(),
    };
    const result = await t.graphql(PUBLISH, { input }, 'fn-other');
    expect(result.body).toMatchObject({
      data: { publishJobUpdate: null },
      errors: [{ errorType: 'Unauthorized', path: ['publishJobUpdate'] }],
    });
  });

  it('a worker role session without the grant is refused by IAM, before the resolver', async () => {
    const input = {
      id: alicesJob.id,
      owner: alicesJob.owner,
      kind: 'TEXT',
      status: 'FAILED',
      updatedAt: new Date().toISOString(),
    };
    const result = await t.graphql(PUBLISH, { input }, 'fn-ungranted');
    expect(result.body.errors?.[0]).toMatchObject({ errorType: 'Unauthorized', path: ['publishJobUpdate'] });
  });

  it('the in-process worker still publishes every status change (it is a session of the worker role)', async () => {
    const rt = await AppSyncRealtimeClient.connect({
      realtimeUrl: t.api.realtimeUrl,
      graphqlUrl: t.api.url,
      region: t.api.region,
      credentials: t.credentials('bob'),
    });
    try {
      await rt.waitFor('connection_ack', (m) => m.type === 'connection_ack');
      await rt.start('bob-all', Q.onJobsUpdated);
      await rt.waitFor('start_ack', (m) => m.id === 'bob-all' && m.type === 'start_ack');
      const his = await maskText(t, OTHER_NOTE, 'bob');
      await rt.waitFor(
        "bob's SUCCEEDED update",
        (m) => m.type === 'data' && updateOf(m)?.id === his.id && updateOf(m)?.status === 'SUCCEEDED',
      );
      expect(
        rt.messages.filter((m) => m.type === 'data' && updateOf(m)?.id === his.id).map((m) => updateOf(m)?.status),
      ).toEqual(['RUNNING', 'SUCCEEDED']);
    } finally {
      await rt.close();
    }
    expect(t.logs.filter((line) => line.includes('publish_failed'))).toEqual([]);
  });
});

function updateOf(m: {
  payload?: { data?: Record<string, unknown> | null };
}): { id?: string; owner?: string; status?: string } | undefined {
  return m.payload?.data?.onJobsUpdated as { id?: string; owner?: string; status?: string } | undefined;
}
