import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientTokenJobId } from '../../src/core/clientTokenJobId.ts';
import { HdmError, InvalidInputError, JobNotFoundError, JobStateConflictError } from '../../src/core/errors.ts';
import type { Finding, Job, JobFilter, JobKind, JobStatus } from '../../src/core/Job.ts';
import { PHI_TYPES, type PhiType } from '../../src/core/PhiEntity.ts';
import type { JobStore } from '../../src/core/ports.ts';

/** Makes a fresh, empty store for one test (the suite also uses fresh owners, so sharing is safe). */
export type JobStoreFactory = () => JobStore | Promise<JobStore>;

const BASE_TIME = Date.parse('2024-03-01T10:00:00.000Z');
/** In the future. */
const EXPIRES_AT = Math.floor(Date.now() / 1000) + 30 * 24 * 3600;
/** Synthetic PHI only: the text must never surface in an error message. */
const SYNTHETIC_PHI = 'Patient Jane Q. Testcase, DOB 01/02/1950, MRN 99-000-123';

export function at(seconds: number): string {
  return new Date(BASE_TIME + seconds * 1000).toISOString();
}

export function newOwner(): string {
  return `arn:aws:iam::000000000000:user/contract-${randomUUID()}`;
}

export function makeJob(overrides: Partial<Job> = {}): Job {
  return {
    id: randomUUID(),
    kind: 'TEXT',
    status: 'QUEUED',
    owner: newOwner(),
    createdAt: at(0),
    updatedAt: at(0),
    expiresAt: EXPIRES_AT,
    options: {
      minScore: 0.5,
      types: ['NAME', 'DATE'],
      style: 'TYPE_LABEL',
      allowList: [],
      denyList: ['Testcase'],
      allowListCount: 0,
      denyListCount: 1,
      maskCareUnits: false,
    },
    ...overrides,
  };
}

export function makeFindings(job: Job, count: number, types: readonly PhiType[] = ['NAME']): Finding[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${job.id}:${i + 1}`,
    jobId: job.id,
    owner: job.owner,
    seq: i + 1,
    type: types[i % types.length] as PhiType,
    score: 0.9,
    beginOffset: i * 10,
    endOffset: i * 10 + 4,
    createdAt: job.createdAt,
    expiresAt: job.expiresAt,
  }));
}

async function collect<T>(
  fetchPage: (token?: string) => Promise<{ items: T[]; nextToken?: string }>,
): Promise<{ items: T[]; pages: number[] }> {
  const items: T[] = [];
  const pages: number[] = [];
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    items.push(...page.items);
    pages.push(page.items.length);
    token = page.nextToken;
  } while (token !== undefined && pages.length < 50);
  return { items, pages };
}

/** The JobStore contract: every adapter must pass all of it. */
export function describeJobStoreContract(name: string, factory: JobStoreFactory): void {
  describe(`JobStore contract: ${name}`, () => {
    describe('createJob and getJob', () => {
      it('stores a job and reads it back as written', async () => {
        const store = await factory();
        const job = makeJob({ kind: 'IMAGE', input: { bucket: 'in', key: 'k/1.png' } });
        expect(await store.createJob(job)).toEqual({ job, created: true });
        expect(await store.getJob(job.id)).toEqual(job);
        expect(await store.getJob(randomUUID())).toBeUndefined();
      });

      it('refuses a second job with the same id', async () => {
        const store = await factory();
        const job = makeJob();
        await store.createJob(job);
        const error = await store.createJob({ ...job, status: 'RUNNING' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(HdmError);
        expect((error as HdmError).code).toBe('INTERNAL');
        expect((await store.getJob(job.id))?.status).toBe('QUEUED');
      });

      it('returns the first job for a repeated clientToken, and nothing new is written', async () => {
        const store = await factory();
        const owner = newOwner();
        const id = await clientTokenJobId(owner, 'token-1');
        const first = makeJob({ owner, id });
        const retry = makeJob({ owner, id, kind: 'IMAGE', createdAt: at(5) });
        expect(await store.createJob(first, 'token-1')).toEqual({ job: first, created: true });
        // Whatever the retry carries, the first job comes back (its kind lets callers refuse a reuse).
        expect(await store.createJob(retry, 'token-1')).toEqual({ job: first, created: false });
        expect((await store.listJobs(owner, {}, 10)).items).toEqual([first]);
      });

      it('keeps tokens apart per owner', async () => {
        const store = await factory();
        const mine = makeJob({ id: '' });
        const theirs = makeJob({ id: '' });
        mine.id = await clientTokenJobId(mine.owner, 'shared-token');
        theirs.id = await clientTokenJobId(theirs.owner, 'shared-token');
        expect(theirs.id).not.toBe(mine.id);
        await store.createJob(mine, 'shared-token');
        expect(await store.createJob(theirs, 'shared-token')).toEqual({ job: theirs, created: true });
      });

      it("refuses a job with a clientToken whose id is not the token's, writing nothing", async () => {
        const store = await factory();
        const job = makeJob();
        const error = await store.createJob(job, 'token-1').catch((e: unknown) => e);
        expect((error as HdmError).code).toBe('INTERNAL');
        expect(await store.getJob(job.id)).toBeUndefined();
      });

      it('treats a record past its expiresAt as gone, though TTL has not deleted it yet: job, lists and findings', async () => {
        const store = await factory();
        const owner = newOwner();
        const expired = makeJob({ owner, status: 'SUCCEEDED', expiresAt: Math.floor(Date.now() / 1000) - 60 });
        const live = makeJob({ owner, status: 'SUCCEEDED', createdAt: at(10) });
        for (const job of [expired, live]) {
          await store.createJob(job);
          await store.putFindings(makeFindings(job, 3, ['NAME', 'DATE']));
        }
        expect(await store.getJob(expired.id)).toBeUndefined();
        expect((await store.listJobs(owner, {}, 10)).items.map((j) => j.id)).toEqual([live.id]);
        expect((await store.listJobs(owner, { status: 'SUCCEEDED' }, 10)).items.map((j) => j.id)).toEqual([live.id]);
        expect(new Set((await store.listFindings(owner, {}, 100)).items.map((f) => f.jobId))).toEqual(
          new Set([live.id]),
        );
        expect((await store.listFindings(owner, { type: 'DATE' }, 100)).items.map((f) => f.jobId)).toEqual([live.id]);
        expect((await store.listFindings(owner, { jobId: expired.id }, 100)).items).toEqual([]);
        expect((await store.listJobFindings(expired.id, 100)).items).toEqual([]);
        expect((await store.listJobFindings(live.id, 100)).items).toHaveLength(3);
        // No second job under a live id; a new one over an expired record.
        await expect(store.createJob(makeJob({ id: live.id, owner }))).rejects.toBeInstanceOf(HdmError);
        const again = makeJob({ id: expired.id, owner, createdAt: at(20) });
        expect(await store.createJob(again)).toEqual({ job: again, created: true });
      });

      for (const firstWrite of [false, true]) {
        it(`gives a clientToken used again after its job expired a new job whose findings are its own (${firstWrite ? 'first write' : 'merge'})`, async () => {
          const store = await factory();
          const owner = newOwner();
          const id = await clientTokenJobId(owner, 'kept-token');
          const old = makeJob({ owner, id, status: 'SUCCEEDED', expiresAt: Math.floor(Date.now() / 1000) - 60 });
          await store.createJob(old, 'kept-token');
          // 130 findings of three types: chunk items the new job's few findings do not all overwrite.
          await store.putFindings(makeFindings(old, 130, ['NAME', 'DATE', 'PHONE_OR_FAX']));
          const fresh = makeJob({ owner, id, createdAt: at(100) });
          expect(await store.createJob(fresh, 'kept-token')).toEqual({ job: fresh, created: true });
          const findings = makeFindings(fresh, 4, ['NAME']);
          await store.putFindings(findings, { firstWrite });
          expect((await store.listJobFindings(id, 100)).items).toEqual(findings);
          expect((await store.listFindings(owner, {}, 100)).items.map((f) => f.seq)).toEqual([4, 3, 2, 1]);
          expect(await store.createJob(makeJob({ owner, id }), 'kept-token')).toEqual({ job: fresh, created: false });
        });
      }

      it('creates exactly one job when ten calls race with one token', async () => {
        const store = await factory();
        const owner = newOwner();
        const id = await clientTokenJobId(owner, 'race');
        const results = await Promise.all(
          Array.from({ length: 10 }, () => store.createJob(makeJob({ owner, id }), 'race')),
        );
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(new Set(results.map((r) => r.job.id)).size).toBe(1);
        const { items } = await store.listJobs(owner, {}, 100);
        expect(items.map((j) => j.id)).toEqual([results[0]?.job.id]);
      });

      it('refuses a record over the 400 KB item limit without naming its content', async () => {
        const store = await factory();
        const job = makeJob({ maskedText: SYNTHETIC_PHI.repeat(8000) });
        const error = await store.createJob(job).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(HdmError);
        expect((error as HdmError).code).toBe('PAYLOAD_TOO_LARGE');
        expect((error as Error).message).not.toContain('Testcase');
        expect(await store.getJob(job.id)).toBeUndefined();
      });
    });

    describe('updateJob', () => {
      it('applies changes only from the given statuses and returns the job as written', async () => {
        const store = await factory();
        const job = makeJob();
        await store.createJob(job);
        const running = await store.updateJob(job.id, ['QUEUED'], { status: 'RUNNING', updatedAt: at(1) });
        expect(running).toEqual({ ...job, status: 'RUNNING', updatedAt: at(1) });
        const done = await store.updateJob(job.id, ['QUEUED', 'RUNNING'], {
          status: 'SUCCEEDED',
          updatedAt: at(2),
          maskedText: '[NAME] was seen',
          findingCount: 1,
          findingCounts: [{ type: 'NAME', count: 1 }],
        });
        expect(done).toEqual({
          ...running,
          status: 'SUCCEEDED',
          updatedAt: at(2),
          maskedText: '[NAME] was seen',
          findingCount: 1,
          findingCounts: [{ type: 'NAME', count: 1 }],
        });
        expect(await store.getJob(job.id)).toEqual(done);
      });

      it('sets only the fields in changes', async () => {
        const store = await factory();
        const job = makeJob();
        await store.createJob(job);
        const failed = await store.updateJob(job.id, ['QUEUED'], {
          status: 'FAILED',
          error: { code: 'INTERNAL', message: 'something failed' },
        });
        expect(failed).toEqual({ ...job, status: 'FAILED', error: { code: 'INTERNAL', message: 'something failed' } });
        const sneaky = { owner: 'someone-else', id: 'other' } as unknown as { status: JobStatus };
        expect((await store.updateJob(job.id, ['FAILED'], sneaky)).owner).toBe(job.owner);
      });

      it('throws JobNotFoundError for a missing job', async () => {
        const store = await factory();
        await expect(store.updateJob(randomUUID(), ['QUEUED'], { status: 'RUNNING' })).rejects.toBeInstanceOf(
          JobNotFoundError,
        );
      });

      it('throws JobStateConflictError and changes nothing when the status is not in from', async () => {
        const store = await factory();
        const job = makeJob({ status: 'SUCCEEDED' });
        await store.createJob(job);
        await expect(store.updateJob(job.id, ['QUEUED', 'RUNNING'], { status: 'FAILED' })).rejects.toBeInstanceOf(
          JobStateConflictError,
        );
        expect(await store.getJob(job.id)).toEqual(job);
      });

      it('refuses a change that would outgrow the item limit and keeps the job', async () => {
        const store = await factory();
        const job = makeJob();
        await store.createJob(job);
        const error = await store
          .updateJob(job.id, ['QUEUED'], { maskedText: SYNTHETIC_PHI.repeat(8000) })
          .catch((e: unknown) => e);
        expect((error as HdmError).code).toBe('PAYLOAD_TOO_LARGE');
        expect((error as Error).message).not.toContain('Testcase');
        expect(await store.getJob(job.id)).toEqual(job);
      });
    });

    describe('findings of one job', () => {
      it('lists 130 findings in document order, 50 a page', async () => {
        const store = await factory();
        const job = makeJob();
        await store.createJob(job);
        const findings = makeFindings(job, 130, ['NAME', 'DATE', 'ID']);
        await store.putFindings([...findings].reverse());
        await store.putFindings(findings.slice(0, 30)); // re-writing is harmless
        const { items, pages } = await collect((token) => store.listJobFindings(job.id, 50, token));
        expect(pages).toEqual([50, 50, 30]);
        expect(items).toEqual(findings);
      });

      it('gives no token when the last page is exactly full', async () => {
        const store = await factory();
        const job = makeJob();
        await store.createJob(job);
        await store.putFindings(makeFindings(job, 4));
        const { pages } = await collect((token) => store.listJobFindings(job.id, 2, token));
        expect(pages).toEqual([2, 2]);
      });

      it('has every finding once the job reads SUCCEEDED (findings are written first)', async () => {
        const store = await factory();
        const job = makeJob();
        await store.createJob(job);
        const findings = makeFindings(job, 60, ['NAME', 'AGE']);
        await store.putFindings(findings);
        const done = await store.updateJob(job.id, ['QUEUED', 'RUNNING'], {
          status: 'SUCCEEDED',
          findingCount: findings.length,
        });
        const read = await store.getJob(job.id);
        expect(read?.status).toBe('SUCCEEDED');
        const { items } = await collect((token) => store.listJobFindings(done.id, 100, token));
        expect(items).toHaveLength(read?.findingCount ?? -1);
      });

      it('refuses a malformed token', async () => {
        const store = await factory();
        await expect(store.listJobFindings(randomUUID(), 10, 'not a token!')).rejects.toBeInstanceOf(InvalidInputError);
      });

      it('refuses a token from another job', async () => {
        const store = await factory();
        const a = makeJob();
        await store.createJob(a);
        await store.putFindings(makeFindings(a, 3));
        const { nextToken } = await store.listJobFindings(a.id, 1);
        expect(nextToken).toBeDefined();
        await expect(store.listJobFindings(randomUUID(), 1, nextToken)).rejects.toBeInstanceOf(InvalidInputError);
      });

      it('adds findings written later and replaces those written again, by seq (also across types)', async () => {
        const store = await factory();
        const job = makeJob();
        await store.createJob(job);
        const findings = makeFindings(job, 20, ['NAME', 'DATE']);
        await store.putFindings(findings.slice(0, 10));
        await store.putFindings(findings.slice(10));
        await store.putFindings(findings); // a repeat changes nothing
        expect((await store.listJobFindings(job.id, 100)).items).toEqual(findings);
        const moved = {
          ...(findings[2] as Finding),
          type: 'AGE' as PhiType,
          score: 0.6,
          beginOffset: undefined,
          endOffset: undefined,
          boundingBox: { left: 0.1, top: 0.2, width: 0.3, height: 0.05 },
          pixelBox: { left: 10, top: 20, width: 30, height: 5 },
        };
        await store.putFindings([moved]);
        const expected = findings.map((f) => (f.seq === moved.seq ? moved : f));
        expect((await store.listJobFindings(job.id, 100)).items).toEqual(expected);
        expect((await store.listFindings(job.owner, { type: 'NAME' }, 100)).items.map((f) => f.seq)).toEqual([
          19, 17, 15, 13, 11, 9, 7, 5, 1,
        ]);
        expect((await store.listFindings(job.owner, { type: 'AGE' }, 100)).items).toEqual([moved]);
      });

      it('pages through thousands of findings of every type in order, for the job, the owner and a type', async () => {
        const store = await factory();
        const owner = newOwner();
        const big = makeJob({ owner, createdAt: at(60) });
        const small = makeJob({ owner, createdAt: at(0) });
        for (const job of [big, small]) await store.createJob(job);
        const many = makeFindings(big, 1234, PHI_TYPES);
        const few = makeFindings(small, 7, ['ID', 'NAME']);
        await store.putFindings([...few, ...many].reverse());
        const ofJob = await collect((token) => store.listJobFindings(big.id, 100, token));
        expect(ofJob.pages).toEqual([...Array(12).fill(100), 34]);
        expect(ofJob.items).toEqual(many);
        const newestFirst = [...many].reverse().concat([...few].reverse());
        const ofOwner = await collect((token) => store.listFindings(owner, {}, 97, token));
        expect(ofOwner.items).toEqual(newestFirst);
        expect(ofOwner.pages).toEqual([...Array(12).fill(97), newestFirst.length - 12 * 97]);
        const ids = await collect((token) => store.listFindings(owner, { type: 'ID' }, 31, token));
        expect(ids.items).toEqual(newestFirst.filter((f) => f.type === 'ID'));
        const ofBig = await collect((token) => store.listFindings(owner, { jobId: big.id, type: 'DATE' }, 50, token));
        expect(ofBig.items).toEqual([...many].reverse().filter((f) => f.type === 'DATE'));
      });

      it("keeps every finding when several calls write one job's findings at once", async () => {
        const store = await factory();
        const job = makeJob();
        await store.createJob(job);
        const findings = makeFindings(job, 40, ['NAME']);
        await Promise.all([0, 1, 2, 3].map((part) => store.putFindings(findings.filter((f) => f.seq % 4 === part))));
        expect((await store.listJobFindings(job.id, 100)).items).toEqual(findings);
      });

      it('refuses findings with a foreign id form or disagreeing job fields, writing none', async () => {
        const store = await factory();
        const job = makeJob();
        await store.createJob(job);
        const [first, second] = makeFindings(job, 2);
        const bad: Finding[][] = [
          [first!, { ...second!, id: 'other:2' }],
          [first!, { ...second!, owner: newOwner() }],
          [first!, { ...second!, createdAt: at(5) }],
          [first!, { ...second!, seq: 0, id: `${job.id}:0` }],
          [first!, { ...second!, type: 'SSN' as PhiType }],
        ];
        for (const findings of bad) await expect(store.putFindings(findings)).rejects.toBeInstanceOf(InvalidInputError);
        expect((await store.listJobFindings(job.id, 10)).items).toEqual([]);
        await store.putFindings([first!]);
        await expect(store.putFindings([{ ...second!, expiresAt: second!.expiresAt + 1 }])).rejects.toBeInstanceOf(
          InvalidInputError,
        );
        expect((await store.listJobFindings(job.id, 10)).items).toEqual([first]);
      });
    });

    describe('listJobs', () => {
      async function seed(store: JobStore, owner: string): Promise<Job[]> {
        const specs: [JobStatus, JobKind][] = [
          ['SUCCEEDED', 'TEXT'],
          ['FAILED', 'TEXT'],
          ['QUEUED', 'IMAGE'],
          ['SUCCEEDED', 'IMAGE'],
          ['SUCCEEDED', 'TEXT'],
        ];
        const jobs = specs.map(([status, kind], i) =>
          makeJob({ owner, status, kind, createdAt: at(i * 60), updatedAt: at(i * 60) }),
        );
        for (const job of [...jobs].reverse()) await store.createJob(job);
        await store.createJob(makeJob({ createdAt: at(90) })); // someone else's
        return jobs;
      }

      it("lists the owner's jobs newest first, across pages", async () => {
        const store = await factory();
        const owner = newOwner();
        const jobs = await seed(store, owner);
        const { items, pages } = await collect((token) => store.listJobs(owner, {}, 2, token));
        expect(pages).toEqual([2, 2, 1]);
        expect(items).toEqual([...jobs].reverse());
      });

      it('filters by status and kind, and pages through filtered results', async () => {
        const store = await factory();
        const owner = newOwner();
        const [j0, , , j3, j4] = await seed(store, owner);
        const succeeded = await collect((token) => store.listJobs(owner, { status: 'SUCCEEDED' }, 1, token));
        expect(succeeded.items.map((j) => j.id)).toEqual([j4?.id, j3?.id, j0?.id]);
        expect(succeeded.pages).toEqual([1, 1, 1]);
        const textDone = await store.listJobs(owner, { status: 'SUCCEEDED', kind: 'TEXT' }, 10);
        expect(textDone.items.map((j) => j.id)).toEqual([j4?.id, j0?.id]);
        expect(textDone.nextToken).toBeUndefined();
      });

      it('filters by creation time: createdAfter inclusive, createdBefore exclusive', async () => {
        const store = await factory();
        const owner = newOwner();
        const jobs = await seed(store, owner);
        const ids = async (filter: { createdAfter?: string; createdBefore?: string }) =>
          (await store.listJobs(owner, filter, 100)).items.map((j) => j.id);
        expect(await ids({ createdAfter: at(60), createdBefore: at(180) })).toEqual([jobs[2]?.id, jobs[1]?.id]);
        expect(await ids({ createdAfter: at(180) })).toEqual([jobs[4]?.id, jobs[3]?.id]);
        expect(await ids({ createdBefore: at(60) })).toEqual([jobs[0]?.id]);
        expect(await ids({ createdAfter: '2024-03-01T12:03:00+02:00' })).toEqual([jobs[4]?.id, jobs[3]?.id]);
        expect(await ids({ createdAfter: at(200), createdBefore: at(100) })).toEqual([]);
      });

      it("never shows another owner's jobs, nor accepts their tokens", async () => {
        const store = await factory();
        const owner = newOwner();
        await seed(store, owner);
        expect((await store.listJobs(newOwner(), {}, 100)).items).toEqual([]);
        const { nextToken } = await store.listJobs(owner, {}, 1);
        await expect(store.listJobs(newOwner(), {}, 1, nextToken)).rejects.toBeInstanceOf(InvalidInputError);
      });

      it('refuses bad filters, limits and tokens', async () => {
        const store = await factory();
        const owner = newOwner();
        for (const limit of [0, 101, 1.5, Number.NaN]) {
          await expect(store.listJobs(owner, {}, limit)).rejects.toBeInstanceOf(InvalidInputError);
        }
        await expect(store.listJobs(owner, { status: 'DONE' as JobStatus }, 10)).rejects.toBeInstanceOf(
          InvalidInputError,
        );
        // GraphQL passes absent optional arguments as null: they mean "no filter", not a bad value.
        const nulls = { status: null, kind: null, createdAfter: null, createdBefore: null } as unknown as JobFilter;
        expect(await store.listJobs(owner, nulls, 10, null as unknown as string)).toEqual({ items: [] });
        await expect(store.listJobs(owner, { createdAfter: 'yesterday' }, 10)).rejects.toBeInstanceOf(
          InvalidInputError,
        );
        for (const token of ['%%%', 'e30', Buffer.from('{"v":1,"i":"GSI1","k":{}}').toString('base64url')]) {
          await expect(store.listJobs(owner, {}, 10, token)).rejects.toBeInstanceOf(InvalidInputError);
        }
      });
    });

    describe('listFindings', () => {
      async function seed(store: JobStore) {
        const owner = newOwner();
        const early = makeJob({ owner, createdAt: at(0) });
        const late = makeJob({ owner, createdAt: at(600) });
        const foreign = makeJob({ createdAt: at(300) });
        for (const job of [early, late, foreign]) await store.createJob(job);
        const findings = {
          early: makeFindings(early, 5, ['NAME', 'DATE']),
          late: makeFindings(late, 4, ['DATE', 'ID']),
          foreign: makeFindings(foreign, 3, ['NAME', 'DATE']),
        };
        await store.putFindings([...findings.early, ...findings.late, ...findings.foreign]);
        return { owner, early, late, foreign, findings };
      }

      it("lists the owner's findings newest first (job time, job, position descending), across pages", async () => {
        const store = await factory();
        const { owner, findings } = await seed(store);
        const { items, pages } = await collect((token) => store.listFindings(owner, {}, 4, token));
        expect(pages).toEqual([4, 4, 1]);
        expect(items).toEqual([...findings.late].reverse().concat([...findings.early].reverse()));
      });

      it('filters by type', async () => {
        const store = await factory();
        const { owner, findings } = await seed(store);
        const all = [...findings.late].reverse().concat([...findings.early].reverse());
        const { items, pages } = await collect((token) => store.listFindings(owner, { type: 'DATE' }, 2, token));
        expect(items).toEqual(all.filter((f) => f.type === 'DATE'));
        expect(pages).toEqual([2, 2]);
      });

      it("filters by job, and shows nothing of another owner's job", async () => {
        const store = await factory();
        const { owner, early, foreign, findings } = await seed(store);
        const { items } = await collect((token) => store.listFindings(owner, { jobId: early.id }, 2, token));
        expect(items).toEqual([...findings.early].reverse());
        expect((await store.listFindings(owner, { jobId: early.id, type: 'NAME' }, 10)).items).toEqual(
          [...findings.early].reverse().filter((f) => f.type === 'NAME'),
        );
        expect(await store.listFindings(owner, { jobId: foreign.id }, 10)).toEqual({ items: [] });
        expect(await store.listFindings(owner, { jobId: randomUUID() }, 10)).toEqual({ items: [] });
      });

      it('filters by time, alone and with type or job', async () => {
        const store = await factory();
        const { owner, early, late, findings } = await seed(store);
        expect((await store.listFindings(owner, { createdAfter: at(1) }, 100)).items).toEqual(
          [...findings.late].reverse(),
        );
        expect((await store.listFindings(owner, { createdBefore: at(600) }, 100)).items).toEqual(
          [...findings.early].reverse(),
        );
        expect(
          (await store.listFindings(owner, { type: 'NAME', createdBefore: at(600) }, 100)).items.map((f) => f.id),
        ).toEqual(
          [...findings.early]
            .reverse()
            .filter((f) => f.type === 'NAME')
            .map((f) => f.id),
        );
        expect((await store.listFindings(owner, { jobId: late.id, createdBefore: at(600) }, 100)).items).toEqual([]);
        expect(
          (await store.listFindings(owner, { jobId: early.id, createdAfter: at(0), createdBefore: at(1) }, 100)).items,
        ).toHaveLength(5);
      });

      it("never shows another owner's findings, nor accepts tokens across owners or queries", async () => {
        const store = await factory();
        const { owner, foreign, findings } = await seed(store);
        const mine = await collect((token) => store.listFindings(owner, {}, 3, token));
        expect(mine.items.some((f) => f.owner !== owner)).toBe(false);
        const theirs = await store.listFindings(foreign.owner, {}, 100);
        expect(theirs.items).toEqual([...findings.foreign].reverse());
        const { nextToken } = await store.listFindings(owner, {}, 1);
        await expect(store.listFindings(foreign.owner, {}, 1, nextToken)).rejects.toBeInstanceOf(InvalidInputError);
        await expect(store.listFindings(owner, { type: 'NAME' }, 1, nextToken)).rejects.toBeInstanceOf(
          InvalidInputError,
        );
        const jobsToken = (await store.listJobs(owner, {}, 1)).nextToken;
        await expect(store.listFindings(owner, {}, 1, jobsToken)).rejects.toBeInstanceOf(InvalidInputError);
        await expect(store.listFindings(owner, {}, 1, 'garbage')).rejects.toBeInstanceOf(InvalidInputError);
      });

      it('validates limit and type', async () => {
        const store = await factory();
        await expect(store.listFindings(newOwner(), {}, 0)).rejects.toBeInstanceOf(InvalidInputError);
        await expect(store.listFindings(newOwner(), {}, 101)).rejects.toBeInstanceOf(InvalidInputError);
        await expect(store.listJobFindings(randomUUID(), 101)).rejects.toBeInstanceOf(InvalidInputError);
        await expect(store.listFindings(newOwner(), { type: 'SSN' as PhiType }, 10)).rejects.toBeInstanceOf(
          InvalidInputError,
        );
      });
    });
  });
}
