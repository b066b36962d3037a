import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HdmClient } from '../../../src/client/index.ts';
import { leakedPhi, NOTE, Q, startTestApi, type TestApi } from '../../helpers/localApi.ts';

// A long maskText (over the sync threshold, lowered here to 2,000 characters) answers QUEUED; the local worker
// finishes it, and job(id) returns the masked text.

let t: TestApi;

beforeAll(async () => {
  t = await startTestApi({ syncTextLength: 2_000 });
});

afterAll(async () => {
  await t?.dispose();
});

async function finalJob(
  id: string,
): Promise<{ status: string; maskedText: string | null; findingCount: number | null }> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await t.graphql<{ job: { status: string; maskedText: string | null; findingCount: number | null } }>(
      Q.job,
      { id },
    );
    const job = res.body.data?.job;
    if (job && (job.status === 'SUCCEEDED' || job.status === 'FAILED')) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job?.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('maskText of a long note on the local server', () => {
  it('returns QUEUED with no masked text, and the job ends SUCCEEDED with the note masked', async () => {
    const text = `${NOTE}\n`.repeat(Math.ceil(3_000 / (NOTE.length + 1)));
    expect(text.length).toBeGreaterThan(2_000);
    const res = await t.graphql<{ maskText: { id: string; status: string; maskedText: string | null } }>(Q.maskText, {
      input: { text },
    });
    expect(res.body.errors).toBeUndefined();
    const queued = res.body.data?.maskText;
    expect(queued).toMatchObject({ status: 'QUEUED', maskedText: null });
    const done = await finalJob(queued?.id as string);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.findingCount).toBeGreaterThan(0);
    const short = await t.graphql<{ maskText: { status: string; maskedText: string } }>(Q.maskText, {
      input: { text: NOTE },
    });
    expect(short.body.data?.maskText.status).toBe('SUCCEEDED');
    // The long note is the short one repeated: its masked text is the short one's, repeated.
    expect(done.maskedText).toBe(
      `${short.body.data?.maskText.maskedText}\n`.repeat(Math.ceil(3_000 / (NOTE.length + 1))),
    );
  }, 60_000);

  it("the client kit's maskText waits for a queued note and returns the finished job", async () => {
    const client = new HdmClient({ url: t.api.url, region: t.api.region, credentials: t.credentials() });
    const text = `${NOTE}\n`.repeat(Math.ceil(3_000 / (NOTE.length + 1)));
    const done = await client.maskText({ text }, { timeoutMs: 30_000, pollMs: 50 });
    expect(done.status).toBe('SUCCEEDED');
    expect(leakedPhi(done.maskedText ?? '')).toEqual([]);
    // A short note is answered within the call, no wait.
    expect((await client.maskText({ text: NOTE })).status).toBe('SUCCEEDED');
  }, 60_000);
});
