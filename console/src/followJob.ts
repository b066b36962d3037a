import {
  JobDocument,
  OnJobsUpdatedDocument,
  type HdmClient,
  type HdmSubscription,
  type JobQuery,
  type JobUpdateFieldsFragment,
} from '../../src/client/index.ts';

export type JobStatus = JobUpdateFieldsFragment['status'];
export type JobWithFindings = NonNullable<JobQuery['job']>;

const FINDINGS_PAGE = 100;
const POLL_MS = 2000;

/** The two calls following a job needs from the client kit's HdmClient (a port: tests give a fake). */
export interface JobFollowingClient {
  request: HdmClient['request'];
  subscribe: HdmClient['subscribe'];
}

export interface FollowJobOptions {
  /** How often the job is re-read after the socket drops (default 2000 ms). */
  pollMs?: number;
  /** Stops following (a newer upload, say): the subscription ends, polling stops, the promise rejects with FollowAbortedError. */
  signal?: AbortSignal;
}

/** Following the job was stopped through FollowJobOptions.signal. */
export class FollowAbortedError extends Error {
  override readonly name = 'FollowAbortedError';
  constructor() {
    super('Stopped following the job');
  }
}

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
export function followJob(
  client: JobFollowingClient,
  start: () => Promise<{ id: string; status: JobStatus }>,
  onStatus: (status: JobStatus) => void,
  options: FollowJobOptions = {},
): Promise<JobWithFindings> {
  const { pollMs = POLL_MS, signal } = options;
  if (signal?.aborted) return Promise.reject(new FollowAbortedError());
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
      finish(() =>
        jobId === undefined ? Promise.reject(error) : pollUntilFinal(client, jobId, onStatus, pollMs, signal),
      );
    };
    signal?.addEventListener('abort', () => finish(() => Promise.reject(new FollowAbortedError())), { once: true });
    live.subscription = client.subscribe(
      OnJobsUpdatedDocument,
      {},
      {
        started: () => {
          // Stopped before start_ack: no job is started for an upload nobody waits for any more.
          if (settled) return;
          start().then(
            (job) => {
              jobId = job.id;
              seen(job);
              for (const update of early.splice(0)) seen(update);
            },
            (error: unknown) => finish(() => Promise.reject(error)),
          );
        },
        next: (data) => {
          const update = data.onJobsUpdated;
          if (!update) return;
          if (jobId === undefined) early.push(update);
          else seen(update);
        },
        error: lost,
        complete: () => lost(new Error('The real-time connection closed before the job finished')),
      },
    );
    if (settled) live.subscription.unsubscribe();
  });
}

async function pollUntilFinal(
  client: JobFollowingClient,
  id: string,
  onStatus: (status: JobStatus) => void,
  pollMs: number,
  signal?: AbortSignal,
): Promise<JobWithFindings> {
  for (;;) {
    if (signal?.aborted) throw new FollowAbortedError();
    const job = await readJob(client, id);
    if (isFinal(job.status)) return job;
    if (signal?.aborted) throw new FollowAbortedError();
    onStatus(job.status);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** A job with every finding (Job.findings pages of at most 100). */
export async function readJob(client: Pick<JobFollowingClient, 'request'>, id: string): Promise<JobWithFindings> {
  const first = (await client.request(JobDocument, { id, findingsLimit: FINDINGS_PAGE })).job;
  if (!first) throw new JobNotFoundError();
  const items = [...first.findings.items];
  let nextToken = first.findings.nextToken;
  while (nextToken) {
    const page = (await client.request(JobDocument, { id, findingsLimit: FINDINGS_PAGE, findingsNextToken: nextToken }))
      .job;
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
