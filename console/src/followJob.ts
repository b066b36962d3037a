import { JobDocument, OnJobsUpdatedDocument, type HdmClient, type HdmSubscription, type JobQuery, type JobUpdateFieldsFragment } from '../../src/client/index.ts';

export type JobStatus = JobUpdateFieldsFragment['status'];
export type JobWithFindings = NonNullable<JobQuery['job']>;

const FINDINGS_PAGE = 100;
const POLL_MS = 2000;

function isFinal(status: JobStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED';
}

/**
 * Starts a job and follows it to SUCCEEDED or FAILED over the real-time subscription, so no update is
 * missed: it subscribes to onJobsUpdated first, waits for start_ack, and only then calls `start`; updates
 * that arrive before `start` answers (when the id is not known yet) are kept and matched afterwards. If the
 * socket fails midway, it re-reads the job until it is done. Resolves with the job and all its findings.
 * `onStatus` hears QUEUED and RUNNING only: the final status comes with the job, so a page can show it
 * together with the results (a test that waits for SUCCEEDED then finds them there).
 */
export function followJob(client: HdmClient, start: () => Promise<{ id: string; status: JobStatus }>, onStatus: (status: JobStatus) => void): Promise<JobWithFindings> {
  return new Promise((resolve, reject) => {
    let jobId: string | undefined;
    let settled = false;
    // Set once subscribe returns; an observer called before that (synchronously) is still covered below.
    const live: { subscription?: HdmSubscription } = {};
    const early: JobUpdateFieldsFragment[] = [];
    // Takes a function, so nothing is started (or rejected unheard) once the outcome is decided.
    const finish = (outcome: () => Promise<JobWithFindings>) => {
      if (settled) return;
      settled = true;
      live.subscription?.unsubscribe();
      outcome().then(resolve, reject);
    };
    const seen = (update: { id: string; status: JobStatus }) => {
      if (settled || update.id !== jobId) return;
      if (isFinal(update.status)) finish(() => readJob(client, update.id));
      else onStatus(update.status);
    };
    const lost = (error: Error) => {
      if (settled) return;
      // Before the job exists there is nothing to poll; after, its record tells how it ends.
      finish(() => (jobId === undefined ? Promise.reject(error) : pollUntilFinal(client, jobId, onStatus)));
    };
    live.subscription = client.subscribe(OnJobsUpdatedDocument, {}, {
      started: () => {
        start().then((job) => {
          jobId = job.id;
          seen(job);
          for (const update of early.splice(0)) seen(update);
        }, (error: unknown) => finish(() => Promise.reject(error)));
      },
      next: (data) => {
        const update = data.onJobsUpdated;
        if (!update) return;
        if (jobId === undefined) early.push(update);
        else seen(update);
      },
      error: lost,
      complete: () => lost(new Error('The real-time connection closed before the job finished')),
    });
    if (settled) live.subscription.unsubscribe();
  });
}

async function pollUntilFinal(client: HdmClient, id: string, onStatus: (status: JobStatus) => void): Promise<JobWithFindings> {
  for (;;) {
    const job = await readJob(client, id);
    if (isFinal(job.status)) return job;
    onStatus(job.status);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A job with every finding (Job.findings pages of at most 100). */
export async function readJob(client: HdmClient, id: string): Promise<JobWithFindings> {
  const first = (await client.request(JobDocument, { id, findingsLimit: FINDINGS_PAGE })).job;
  if (!first) throw new JobNotFoundError();
  const items = [...first.findings.items];
  let nextToken = first.findings.nextToken;
  while (nextToken) {
    const page = (await client.request(JobDocument, { id, findingsLimit: FINDINGS_PAGE, findingsNextToken: nextToken })).job;
    if (!page) break;
    items.push(...page.findings.items);
    nextToken = page.findings.nextToken;
  }
  return { ...first, findings: { items, nextToken: null } };
}

/** The job is not there (expired, or the id is not one of the caller's jobs). */
export class JobNotFoundError extends Error {
  override readonly name = 'JobNotFoundError';
  constructor() {
    super('JOB_NOT_FOUND: there is no such job among yours');
  }
}
