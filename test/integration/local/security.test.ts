import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppSyncRealtimeClient } from '../../helpers/appsyncRealtimeClient.ts';
import {
  leakedPhi,
  makeCredentials,
  maskText,
  type MaskedJob,
  NOTE,
  OTHER_NOTE,
  Q,
  startTestApi,
  type TestApi,
} from '../../helpers/localApi.ts';
import { type HttpResult, postRaw, sendSigned, signRequest } from '../../helpers/signedFetch.ts';

// Every way in that must be refused, and the refusals in AppSync's shapes. alice and bob have the default
// grants; carol may only read and subscribe (IAM-style resources on field ARNs, wildcards); worker is granted
// publishJobUpdate but is not a session of the worker role, and root is allowed everything ('*'): the
// publishJobUpdate resolver refuses both (test/integration/local/publishers.test.ts has the real worker role).

let t: TestApi;
let alicesJob: MaskedJob;

beforeAll(async () => {
  t = await startTestApi({
    principals: [
      { name: 'alice' },
      { name: 'bob' },
      {
        name: 'carol',
        allow: ['arn:aws:appsync:*:*:apis/*/types/Query/*', 'arn:aws:appsync:*:*:apis/*/types/Subscription/*'],
      },
      { name: 'worker', allow: ['Mutation.publishJobUpdate'] },
      { name: 'root', allow: ['*'] },
    ],
  });
  alicesJob = await maskText(t, NOTE, 'alice');
});
afterAll(async () => t?.dispose());

const maskBody = (text: string) => JSON.stringify({ query: Q.maskText, variables: { input: { text } } });

async function jobIdsOf(name: string): Promise<string[]> {
  const result = await t.graphql<{ jobs: { items: { id: string }[] } }>(Q.jobs, { limit: 100 }, name);
  return result.body.data?.jobs.items.map((j) => j.id) ?? [];
}

/** A refused request: AppSync's status, `{ errors: [{ errorType, message }] }` and nothing else. */
function expectRefused(result: HttpResult<unknown>, status: number, errorType: string): void {
  expect({ status: result.status, errorType: result.body.errors?.[0]?.errorType }).toEqual({ status, errorType });
  expect(result.body.data).toBeUndefined();
  expect(result.body.errors?.[0]?.message).toEqual(expect.any(String));
  expect(leakedPhi(JSON.stringify(result.body))).toEqual([]);
}

describe('authentication (SigV4) over HTTP', () => {
  it('an unsigned request gets 401 UnauthorizedException', async () => {
    expectRefused(
      await postRaw(t.api.url, { 'content-type': 'application/json' }, maskBody(NOTE)),
      401,
      'UnauthorizedException',
    );
  });

  it('a body changed after signing gets 403 InvalidSignatureException, and nothing is written', async () => {
    const before = await jobIdsOf('alice');
    const signed = await signRequest({ ...t.target(t.credentials('alice')), body: maskBody(OTHER_NOTE) });
    expectRefused(await sendSigned(signed, maskBody(NOTE)), 403, 'InvalidSignatureException');
    expect(await jobIdsOf('alice')).toEqual(before);
  });

  it('a changed body is caught without x-amz-content-sha256 too (as Amplify and the AppSync links sign)', async () => {
    const signed = await signRequest({
      ...t.target(t.credentials('alice')),
      body: maskBody(OTHER_NOTE),
      payloadHashHeader: false,
    });
    expect(signed.headers['x-amz-content-sha256']).toBeUndefined();
    expect((await sendSigned(signed)).status).toBe(200);
    expectRefused(await sendSigned(signed, maskBody(NOTE)), 403, 'InvalidSignatureException');
  });

  it('the right key id with a wrong secret gets 403 InvalidSignatureException', async () => {
    const wrong = { ...t.credentials('alice'), secretAccessKey: makeCredentials().secretAccessKey };
    expectRefused(
      await sendSigned(await signRequest({ ...t.target(wrong), body: maskBody(NOTE) })),
      403,
      'InvalidSignatureException',
    );
  });

  it('an unknown key id gets 403 UnrecognizedClientException', async () => {
    expectRefused(
      await sendSigned(await signRequest({ ...t.target(makeCredentials()), body: maskBody(NOTE) })),
      403,
      'UnrecognizedClientException',
    );
  });

  it('a signature made 6 minutes ago is refused as expired, as AppSync does (400 BadRequestException)', async () => {
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    const result = await sendSigned(
      await signRequest({ ...t.target(t.credentials('alice'), sixMinutesAgo), body: maskBody(NOTE) }),
    );
    expectRefused(result, 400, 'BadRequestException');
    expect(result.body.errors?.[0]?.message).toMatch(/^Signature expired: /);
  });

  it('a signature made 4 minutes ago is still inside the 5-minute window', async () => {
    const fourMinutesAgo = new Date(Date.now() - 4 * 60_000);
    const result = await sendSigned(
      await signRequest({
        ...t.target(t.credentials('alice'), fourMinutesAgo),
        body: JSON.stringify({ query: Q.jobs }),
      }),
    );
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
  });
});

describe('field-level permissions', () => {
  it("a principal without Mutation.maskText gets AppSync's field-level Unauthorized error", async () => {
    const before = await jobIdsOf('carol');
    const result = await t.graphql<{ maskText: MaskedJob | null }>(Q.maskText, { input: { text: NOTE } }, 'carol');
    expect(result.status).toBe(200);
    expect(result.body.data?.maskText ?? null).toBeNull();
    expect(result.body.errors).toEqual([
      expect.objectContaining({
        errorType: 'Unauthorized',
        message: 'Not Authorized to access maskText on type Mutation',
        path: ['maskText'],
      }),
    ]);
    expect(await jobIdsOf('carol')).toEqual(before);
  });

  it('the same limited principal may read (its grants are honoured, not just refused)', async () => {
    const result = await t.graphql(Q.jobs, {}, 'carol');
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
  });

  it("no caller may publish job updates (publishJobUpdate is the worker's)", async () => {
    const input = {
      id: alicesJob.id,
      owner: alicesJob.owner,
      kind: 'TEXT',
      status: 'FAILED',
      updatedAt: new Date().toISOString(),
    };
    const result = await t.graphql(
      `mutation P($input: JobUpdateInput!) { publishJobUpdate(input: $input) { id } }`,
      { input },
      'alice',
    );
    expect(result.body.errors?.[0]).toMatchObject({ errorType: 'Unauthorized', path: ['publishJobUpdate'] });
  });

  it.each(['worker', 'root'])(
    '%s, granted publishJobUpdate but not a worker role session, is refused, and no subscriber hears of it',
    async (name) => {
      const rt = await AppSyncRealtimeClient.connect({
        realtimeUrl: t.api.realtimeUrl,
        graphqlUrl: t.api.url,
        region: t.api.region,
        credentials: t.credentials('alice'),
      });
      try {
        await rt.waitFor('connection_ack', (m) => m.type === 'connection_ack');
        await rt.start('alice-all', Q.onJobsUpdated);
        await rt.waitFor('start_ack', (m) => m.id === 'alice-all' && m.type === 'start_ack');
        // A forged outcome for alice's real job, and one for a made-up job of hers.
        for (const id of [alicesJob.id, randomUUID()]) {
          const input = {
            id,
            owner: alicesJob.owner,
            kind: 'TEXT',
            status: 'FAILED',
            updatedAt: new Date().toISOString(),
            error: { code: 'INTERNAL', message: 'forged' },
          };
          const result = await t.graphql(
            `mutation P($input: JobUpdateInput!) { publishJobUpdate(input: $input) { id owner status } }`,
            { input },
            name,
          );
          expect(result.status).toBe(200);
          expect(result.body.data).toEqual({ publishJobUpdate: null });
          expect(result.body.errors).toEqual([
            expect.objectContaining({
              errorType: 'Unauthorized',
              message: 'Not Authorized to access publishJobUpdate on type Mutation',
              path: ['publishJobUpdate'],
            }),
          ]);
        }
        // Alice's own next job is the barrier: updates go out in order, so a forged one would have arrived before it.
        const hers = await maskText(t, OTHER_NOTE, 'alice');
        await rt.waitFor(
          "alice's SUCCEEDED update",
          (m) => m.type === 'data' && updateOf(m)?.id === hers.id && updateOf(m)?.status === 'SUCCEEDED',
        );
        const received = rt.messages.filter((m) => m.type === 'data').map((m) => updateOf(m));
        expect(received.every((u) => u?.id === hers.id)).toBe(true);
      } finally {
        await rt.close();
      }
      // The job itself is untouched.
      const asAlice = await t.graphql<{ job: { status: string } | null }>(Q.job, { id: alicesJob.id }, 'alice');
      expect(asAlice.body.data?.job?.status).toBe('SUCCEEDED');
    },
  );
});

describe("one caller cannot see another's jobs", () => {
  it("job(id) of alice's job is null for bob (and her job for her)", async () => {
    const asBob = await t.graphql<{ job: unknown }>(Q.job, { id: alicesJob.id }, 'bob');
    expect(asBob.body.errors).toBeUndefined();
    expect(asBob.body.data).toEqual({ job: null });
    const asAlice = await t.graphql<{ job: { id: string } | null }>(Q.job, { id: alicesJob.id }, 'alice');
    expect(asAlice.body.data?.job?.id).toBe(alicesJob.id);
  });

  it("bob's jobs list holds his jobs only", async () => {
    const bobsJob = await maskText(t, OTHER_NOTE, 'bob');
    const ids = await jobIdsOf('bob');
    expect(ids).toContain(bobsJob.id);
    expect(ids).not.toContain(alicesJob.id);
  });

  it("findings(filter: {jobId}) of alice's job is empty for bob", async () => {
    const asBob = await t.graphql<{ findings: { items: unknown[] } }>(
      Q.findings,
      { filter: { jobId: alicesJob.id } },
      'bob',
    );
    expect(asBob.body.errors).toBeUndefined();
    expect(asBob.body.data?.findings.items).toEqual([]);
    const asAlice = await t.graphql<{ findings: { items: unknown[] } }>(
      Q.findings,
      { filter: { jobId: alicesJob.id } },
      'alice',
    );
    expect(asAlice.body.data?.findings.items.length).toBeGreaterThan(0);
  });

  it("bob's onJobUpdated on alice's job is refused with an error on start; alice's own is acknowledged", async () => {
    const rt = await AppSyncRealtimeClient.connect({
      realtimeUrl: t.api.realtimeUrl,
      graphqlUrl: t.api.url,
      region: t.api.region,
      credentials: t.credentials('bob'),
    });
    try {
      await rt.waitFor('connection_ack', (m) => m.type === 'connection_ack');
      await rt.start('bob-on-alice', Q.onJobUpdated, { id: alicesJob.id });
      const refused = await rt.waitFor(
        'a reply to the start',
        (m) => m.id === 'bob-on-alice' && ['error', 'start_ack'].includes(m.type),
      );
      expect(refused.type).toBe('error');
      expect(refused.payload?.errors?.[0]?.message).toEqual(expect.any(String));
      await rt.start('alice-on-alice', Q.onJobUpdated, { id: alicesJob.id }, t.credentials('alice'));
      const acked = await rt.waitFor(
        "a reply to alice's start",
        (m) => m.id === 'alice-on-alice' && ['error', 'start_ack'].includes(m.type),
      );
      expect(acked.type).toBe('start_ack');
    } finally {
      await rt.close();
    }
  });

  it("bob's onJobsUpdated gets his own updates and never alice's", async () => {
    const rt = await AppSyncRealtimeClient.connect({
      realtimeUrl: t.api.realtimeUrl,
      graphqlUrl: t.api.url,
      region: t.api.region,
      credentials: t.credentials('bob'),
    });
    try {
      await rt.waitFor('connection_ack', (m) => m.type === 'connection_ack');
      const id = randomUUID();
      await rt.start(id, Q.onJobsUpdated);
      await rt.waitFor('start_ack', (m) => m.id === id && m.type === 'start_ack');
      const hers = await maskText(t, NOTE, 'alice');
      // Bob's own job is the barrier: updates go out in order, so alice's would have arrived before it.
      const his = await maskText(t, OTHER_NOTE, 'bob');
      await rt.waitFor(
        "bob's SUCCEEDED update",
        (m) => m.type === 'data' && updateOf(m)?.id === his.id && updateOf(m)?.status === 'SUCCEEDED',
      );
      const received = rt.messages.filter((m) => m.type === 'data').map((m) => updateOf(m));
      expect(received.every((u) => u?.owner === his.owner)).toBe(true);
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
