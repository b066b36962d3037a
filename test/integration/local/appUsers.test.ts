import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// App users as AWS sees them: credentials from a Cognito identity pool are sessions of the pool's one authenticated
// role, all with the session name CognitoIdentityCredentials, so their userArn is the same; only
// identity.cognitoIdentityId tells them apart, and it is the owner of their jobs. Two local principals stand for two
// such users (same role, same session name, different cognitoIdentityId): neither may see the other's jobs.

const ROLE = 'HealthDataMasking-AppUsersAuthenticatedRole-1A2B3C';
const SESSION = 'CognitoIdentityCredentials';
const ID_A = `us-east-1:${randomUUID()}`;
const ID_B = `us-east-1:${randomUUID()}`;

let t: TestApi;
let dataDir: string;
let jobOfA: MaskedJob;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'hdm-app-'));
  const user = (name: string, cognitoIdentityId: string) => ({
    name,
    ...makeCredentials(),
    role: ROLE,
    sessionName: SESSION,
    cognitoIdentityId,
  });
  await writeFile(
    path.join(dataDir, 'credentials.json'),
    JSON.stringify([user('app-user-a', ID_A), user('app-user-b', ID_B)]),
    { mode: 0o600 },
  );
  t = await startTestApi({ dataDir });
  jobOfA = await maskText(t, NOTE, 'app-user-a');
});
afterAll(async () => {
  await t?.dispose();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('app users of one identity pool role', () => {
  it('own their jobs by cognitoIdentityId, not by the role session they share', () => {
    expect(jobOfA.owner).toBe(ID_A);
  });

  it("job(id) of A's job is null for B, and B's list and findings hold nothing of A's", async () => {
    const asB = await t.graphql<{ job: unknown }>(Q.job, { id: jobOfA.id }, 'app-user-b');
    expect(asB.body).toEqual({ data: { job: null } });
    const jobOfB = await maskText(t, OTHER_NOTE, 'app-user-b');
    expect(jobOfB.owner).toBe(ID_B);
    const listB = await t.graphql<{ jobs: { items: { id: string }[] } }>(Q.jobs, { limit: 100 }, 'app-user-b');
    expect(listB.body.data?.jobs.items.map((job) => job.id)).toEqual([jobOfB.id]);
    const findingsB = await t.graphql<{ findings: { items: unknown[] } }>(
      Q.findings,
      { filter: { jobId: jobOfA.id } },
      'app-user-b',
    );
    expect(findingsB.body.data?.findings.items).toEqual([]);
    const asA = await t.graphql<{ job: { id: string; owner: string } | null }>(Q.job, { id: jobOfA.id }, 'app-user-a');
    expect(asA.body.data?.job).toMatchObject({ id: jobOfA.id, owner: ID_A });
  });

  it("B may not subscribe to A's job, and B's onJobsUpdated gets B's updates only", async () => {
    const rt = await AppSyncRealtimeClient.connect({
      realtimeUrl: t.api.realtimeUrl,
      graphqlUrl: t.api.url,
      region: t.api.region,
      credentials: t.credentials('app-user-b'),
    });
    try {
      await rt.waitFor('connection_ack', (m) => m.type === 'connection_ack');
      await rt.start('b-on-a', Q.onJobUpdated, { id: jobOfA.id });
      const refused = await rt.waitFor(
        'a reply to the start',
        (m) => m.id === 'b-on-a' && ['error', 'start_ack'].includes(m.type),
      );
      expect(refused.type).toBe('error');
      await rt.start('b-all', Q.onJobsUpdated);
      await rt.waitFor('start_ack', (m) => m.id === 'b-all' && m.type === 'start_ack');
      const hers = await maskText(t, NOTE, 'app-user-a');
      // B's own job is the barrier: updates go out in order, so A's would have arrived before it.
      const his = await maskText(t, OTHER_NOTE, 'app-user-b');
      await rt.waitFor(
        "B's SUCCEEDED update",
        (m) => m.type === 'data' && updateOf(m)?.id === his.id && updateOf(m)?.status === 'SUCCEEDED',
      );
      const received = rt.messages.filter((m) => m.type === 'data').map((m) => updateOf(m));
      expect(received.every((u) => u?.owner === ID_B)).toBe(true);
      expect(received.map((u) => u?.id)).not.toContain(hers.id);
    } finally {
      await rt.close();
    }
  });
});

function updateOf(m: {
  payload?: { data?: Record<string, unknown> | null };
}): { id?: string; owner?: string; status?: string } | undefined {
  return m.payload?.data?.onJobsUpdated as { id?: string; owner?: string; status?: string } | undefined;
}
