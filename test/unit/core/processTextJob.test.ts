import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src/core/Job.ts';
import { maskImageJob } from '../../../src/core/maskImageJob.ts';
import { maskTextJob, withMaskedText } from '../../../src/core/maskTextJob.ts';
import { processJob } from '../../../src/core/processImageJob.ts';
import { textInputRefOf } from '../../../src/core/queueTextJob.ts';
import { jobTermsRef } from '../../../src/core/recordJobOutcome.ts';
import { sweepJobs, sweepPolicyFor } from '../../../src/core/sweepJobs.ts';
import { DEFAULT_JOB_LIMITS } from '../../../src/core/JobServices.ts';
import { inMemoryJobServices } from '../../helpers/jobServices.ts';

const NOTE = 'Pt Marla Quenby, 67 y/o, seen 03/14/2023 by Dr. Ohanian. Call 617-555-0143.\n';
const BIG = NOTE.repeat(8);
const alice = { owner: 'arn:aws:iam::000000000000:user/alice' };
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** In-memory services that queue any text longer than one note. */
function services() {
  return inMemoryJobServices({ limits: { ...DEFAULT_JOB_LIMITS, maxSyncTextLength: NOTE.length } });
}

describe('maskText of a long text: a QUEUED job the worker finishes', () => {
  it('stores the note, returns QUEUED, and the worker masks it as the call would, publishing each status', async () => {
    const { services: s, published, enqueued } = services();
    const queued = await maskTextJob(s, alice, { text: BIG, options: { denyList: ['Dr. Ohanian'] } });
    expect(queued).toMatchObject({
      kind: 'TEXT',
      status: 'QUEUED',
      owner: alice.owner,
      input: textInputRefOf(s, queued.id),
    });
    expect(queued.maskedText).toBeUndefined();
    expect(queued.options).toMatchObject({ denyList: ['Dr. Ohanian'], denyListCount: 1 });
    expect(enqueued).toEqual([queued.id]);
    expect(new TextDecoder().decode(await s.objects.get(textInputRefOf(s, queued.id)))).toBe(BIG);
    // The record keeps no PHI: the note and the terms are objects beside each other.
    expect(JSON.stringify(await s.jobs.getJob(queued.id))).not.toMatch(/Marla|Quenby|Ohanian/);
    expect(published.map((u) => u.status)).toEqual(['QUEUED']);

    const done = (await processJob(s, queued.id)) as Job;
    expect(done).toMatchObject({ id: queued.id, status: 'SUCCEEDED' });
    expect(published.map((u) => u.status)).toEqual(['QUEUED', 'RUNNING', 'SUCCEEDED']);
    const stored = await withMaskedText(s, (await s.jobs.getJob(queued.id)) as Job);

    // The same note masked within a call (a high threshold) gives the same text and findings.
    const sync = inMemoryJobServices();
    const direct = await maskTextJob(sync.services, alice, { text: BIG, options: { denyList: ['Dr. Ohanian'] } });
    expect(stored.maskedText).toBe(direct.maskedText);
    expect(stored.findingCounts).toEqual(direct.findingCounts);
    const findings = (await s.jobs.listJobFindings(queued.id, 100)).items;
    expect(findings.map(({ type, beginOffset, endOffset }) => ({ type, beginOffset, endOffset }))).toEqual(
      (await sync.services.jobs.listJobFindings(direct.id, 100)).items.map(({ type, beginOffset, endOffset }) => ({
        type,
        beginOffset,
        endOffset,
      })),
    );
    expect(findings).toHaveLength(stored.findingCount as number);

    // The stored note and terms are gone once the job ended.
    await expect(s.objects.get(textInputRefOf(s, queued.id))).rejects.toMatchObject({ name: 'ObjectNotFoundError' });
    await expect(s.objects.get(jobTermsRef(s, queued.id))).rejects.toMatchObject({ name: 'ObjectNotFoundError' });
    // A redelivered message finds the job done and leaves it be.
    expect(await processJob(s, queued.id)).toMatchObject({ status: 'SUCCEEDED' });
    expect(published).toHaveLength(3);
  });

  it('fails the job (published, note deleted) when the stored note is gone', async () => {
    const { services: s, published } = services();
    const queued = await maskTextJob(s, alice, { text: BIG });
    await s.objects.delete(textInputRefOf(s, queued.id));
    expect(await processJob(s, queued.id)).toMatchObject({ status: 'FAILED', error: { code: 'INVALID_INPUT' } });
    expect(published.map((u) => u.status)).toEqual(['QUEUED', 'RUNNING', 'FAILED']);
  });

  it('returns the same job for a retried clientToken, queued again while still QUEUED (its first message may be lost); maskImage cannot reuse the token', async () => {
    const { services: s, enqueued } = services();
    const first = await maskTextJob(s, alice, { text: BIG, clientToken: 'big-1' });
    const again = await maskTextJob(s, alice, { text: BIG, clientToken: 'big-1' });
    expect(again.id).toBe(first.id);
    expect(again.status).toBe('QUEUED');
    // The first call's SendMessage may have failed after the job was written: the retry sends it again
    // (a duplicate is harmless: the worker claims a job conditionally).
    expect(enqueued).toEqual([first.id, first.id]);
    await expect(maskImageJob(s, alice, { base64: PNG, clientToken: 'big-1' })).rejects.toMatchObject({
      name: 'ClientTokenReusedError',
    });
    await processJob(s, first.id);
    const done = await maskTextJob(s, alice, { text: BIG, clientToken: 'big-1' });
    expect(done.status).toBe('SUCCEEDED');
    expect(done.maskedText).not.toContain('Quenby');
    // The retry wrote no note back for the ended job.
    await expect(s.objects.get(textInputRefOf(s, first.id))).rejects.toMatchObject({ name: 'ObjectNotFoundError' });
  });

  it('keeps short texts in the call', async () => {
    const { services: s, enqueued } = services();
    expect(await maskTextJob(s, alice, { text: NOTE })).toMatchObject({ status: 'SUCCEEDED' });
    expect(enqueued).toEqual([]);
  });
});

describe('the sweep and worker-run TEXT jobs', () => {
  it("gives a TEXT job the worker runs the worker's limit, and a TEXT job run by the call the resolver's", async () => {
    const { services: s } = services();
    const start = Date.now();
    let now = start;
    s.now = () => new Date(now);
    const queued = await maskTextJob(s, alice, { text: BIG });
    // The worker claimed it, then went quiet (it is still within its 15-minute limit).
    await s.jobs.updateJob(queued.id, ['QUEUED'], { status: 'RUNNING', updatedAt: new Date(start).toISOString() });
    // A call's job stuck RUNNING at the same moment (its resolver timed out).
    const inCall = await s.jobs.createJob({ ...queued, id: 'in-call', status: 'RUNNING', input: undefined } as Job);
    expect(inCall.created).toBe(true);
    const policy = sweepPolicyFor({ workerMs: 15 * 60_000, resolverMs: 30_000 });
    now = start + 100_000;
    expect(await sweepJobs(s, policy)).toEqual({ failed: 1, requeued: 0 });
    expect((await s.jobs.getJob('in-call'))?.status).toBe('FAILED');
    expect((await s.jobs.getJob(queued.id))?.status).toBe('RUNNING');
    now = start + 15 * 60_000 + 61_000;
    expect(await sweepJobs(s, policy)).toEqual({ failed: 1, requeued: 0 });
    expect((await s.jobs.getJob(queued.id))?.status).toBe('FAILED');
    await expect(s.objects.get(textInputRefOf(s, queued.id))).rejects.toMatchObject({ name: 'ObjectNotFoundError' });
  });
});
