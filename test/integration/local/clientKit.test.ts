import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FindingsDocument,
  HdmClient,
  HdmGraphQLError,
  HdmHttpError,
  type JobUpdateFieldsFragment,
  JobDocument,
  JobsDocument,
  MaskTextDocument,
  OnJobsUpdatedDocument,
  OnJobUpdatedDocument,
} from '../../../src/client/index.ts';
import { leakedPhi, NOTE, startTestApi, type TestApi } from '../../helpers/localApi.ts';

// The client kit (src/client) against the real local API: signed requests, typed documents, AppSync's
// real-time protocol over `ws` (Node 20 has no global WebSocket).

let t: TestApi;
let client: HdmClient;

beforeAll(async () => {
  t = await startTestApi();
  client = new HdmClient({ url: t.api.url, region: t.api.region, credentials: t.credentials(), WebSocket });
});
afterAll(async () => {
  client?.close();
  await t?.dispose();
});

describe('HdmClient.request', () => {
  it('masks text and returns the typed job with its findings', async () => {
    const { maskText: job } = await client.request(MaskTextDocument, { input: { text: NOTE } });
    expect(job.status).toBe('SUCCEEDED');
    expect(job.kind).toBe('TEXT');
    expect(leakedPhi(job.maskedText ?? '')).toEqual([]);
    expect(job.findings.items.length).toBeGreaterThan(0);
    expect(job.findings.items.every((f) => f.jobId === job.id && typeof f.beginOffset === 'number')).toBe(true);
    expect(job.options.style).toBe('TYPE_LABEL');
  });

  it('lists jobs and findings, and reads one job with a page of findings', async () => {
    const { maskText: job } = await client.request(MaskTextDocument, { input: { text: NOTE } });
    const { jobs } = await client.request(JobsDocument, { limit: 50 });
    expect(jobs.items.map((j) => j.id)).toContain(job.id);
    const { findings } = await client.request(FindingsDocument, { filter: { jobId: job.id } });
    expect(findings.items.map((f) => f.id).sort()).toEqual(job.findings.items.map((f) => f.id).sort());
    const { job: read } = await client.request(JobDocument, { id: job.id, findingsLimit: 1 });
    expect(read?.findings.items).toHaveLength(1);
    expect(read?.findings.nextToken).toBeTruthy();
  });

  it('stores maskCareUnits with the job and returns it from job(id), false when not given', async () => {
    const { maskText: asked } = await client.request(MaskTextDocument, {
      input: { text: NOTE, options: { maskCareUnits: true } },
    });
    const { maskText: plain } = await client.request(MaskTextDocument, { input: { text: NOTE } });
    expect([asked.options.maskCareUnits, plain.options.maskCareUnits]).toEqual([true, false]);
    const { job: readAsked } = await client.request(JobDocument, { id: asked.id });
    const { job: readPlain } = await client.request(JobDocument, { id: plain.id });
    expect([readAsked?.options.maskCareUnits, readPlain?.options.maskCareUnits]).toEqual([true, false]);
  });

  it('rejects a bad input with HdmGraphQLError carrying errorType INVALID_INPUT', async () => {
    const error = await client
      .request(MaskTextDocument, { input: { text: NOTE, options: { minScore: 2 } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HdmGraphQLError);
    expect((error as HdmGraphQLError).errors[0]?.errorType).toBe('INVALID_INPUT');
  });

  it('rejects a wrong secret with HdmHttpError 403', async () => {
    const wrong = new HdmClient({
      url: t.api.url,
      region: t.api.region,
      credentials: async () => ({ ...t.credentials(), secretAccessKey: 'not-the-secret' }),
    });
    const error = await wrong.request(JobsDocument, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HdmHttpError);
    expect((error as HdmHttpError).status).toBe(403);
    expect((error as HdmHttpError).errorType).toBe('InvalidSignatureException');
  });
});

describe('HdmClient.subscribe', () => {
  it("delivers a text job's RUNNING and SUCCEEDED updates on onJobsUpdated after `started`", async () => {
    const updates: JobUpdateFieldsFragment[] = [];
    const errors: Error[] = [];
    let markStarted!: () => void;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const subscription = client.subscribe(
      OnJobsUpdatedDocument,
      {},
      {
        next: (data) => void (data.onJobsUpdated && updates.push(data.onJobsUpdated)),
        error: (e) => void errors.push(e),
        started: markStarted,
      },
    );
    try {
      await started;
      const { maskText: job } = await client.request(MaskTextDocument, { input: { text: NOTE } });
      await until(() => updates.some((u) => u.id === job.id && u.status === 'SUCCEEDED') || errors.length > 0);
      expect(errors).toEqual([]);
      expect(updates.filter((u) => u.id === job.id).map((u) => u.status)).toEqual(['RUNNING', 'SUCCEEDED']);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('shares one socket between subscriptions and ends a refused one with HdmGraphQLError', async () => {
    const { maskText: job } = await client.request(MaskTextDocument, { input: { text: NOTE } });
    const events: string[] = [];
    const first = await startedSubscription(client, job.id, events);
    // Another caller may not watch this job: the server answers the start with an error frame.
    const otherCaller = new HdmClient({
      url: t.api.url,
      region: t.api.region,
      credentials: t.credentials(),
      WebSocket,
    });
    const refused = await new Promise<Error>((resolve) =>
      otherCaller.subscribe(
        OnJobUpdatedDocument,
        { id: 'no-such-job' },
        { next: () => {}, error: resolve, started: () => events.push('started:unknown') },
      ),
    );
    otherCaller.close();
    expect(refused).toBeInstanceOf(HdmGraphQLError);
    const second = await startedSubscription(client, job.id, events);
    await until(() => realtimeConnections() === 1); // the other caller's socket has closed; ours carries both
    const startsOnOurs = logEvents('realtime.started')
      .slice(-2)
      .map((e) => e.connectionId);
    expect(new Set(startsOnOurs).size).toBe(1);
    first.unsubscribe();
    second.unsubscribe();
    await until(() => realtimeConnections() === 0);
  });

  it('completes every subscription on close()', async () => {
    const completed: string[] = [];
    const s = client.subscribe(OnJobsUpdatedDocument, {}, { next: () => {}, complete: () => completed.push('a') });
    await new Promise<void>((resolve) =>
      client.subscribe(
        OnJobsUpdatedDocument,
        {},
        { next: () => {}, complete: () => completed.push('b'), started: resolve },
      ),
    );
    client.close();
    expect(completed.sort()).toEqual(['a', 'b']);
    s.unsubscribe(); // after close: nothing left to stop
    await until(() => realtimeConnections() === 0);
  });
});

async function startedSubscription(on: HdmClient, id: string, events: string[]) {
  let subscription!: { unsubscribe(): void };
  await new Promise<void>((resolve, reject) => {
    subscription = on.subscribe(
      OnJobUpdatedDocument,
      { id },
      { next: () => {}, error: reject, started: () => (events.push(`started:${id}`), resolve()) },
    );
  });
  return subscription;
}

/** Server log events (names, ids and counts only: the server never logs content). */
function logEvents(name: string): { connectionId?: string }[] {
  return t.logs
    .map((line) => JSON.parse(line) as { event?: string; connectionId?: string })
    .filter((entry) => entry.event === name);
}

/** Real-time connections the server has opened and not yet closed. */
function realtimeConnections(): number {
  const closed = new Set(logEvents('realtime.closed').map((e) => e.connectionId));
  return logEvents('realtime.opened').filter((e) => !closed.has(e.connectionId)).length;
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
