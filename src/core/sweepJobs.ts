import { JobNotFoundError, JobStateConflictError } from './errors.ts';
import type { Job, JobError, JobKind } from './Job.ts';
import type { JobServices } from './JobServices.ts';
import type { OpenJob, OpenJobStatus } from './ports.ts';
import { advanceJob } from './recordJobOutcome.ts';

/** Why the sweep failed a job: a closed code and fixed words, nothing of the input. */
export const TIME_LIMIT_ERROR: JobError = {
  code: 'INTERNAL',
  message: 'the job did not finish within its time limit; submit it again',
};
export const QUEUE_LIMIT_ERROR: JobError = {
  code: 'INTERNAL',
  message: 'the job was not started within its time limit; submit it again',
};

/** Added to a runner's time limit: clocks of different hosts disagree a little, and the last write takes time. */
export const SWEEP_MARGIN_MS = 60_000;

/**
 * How long a job may wait QUEUED before the sweep re-queues it: twice the image queue's age alarm (15
 * minutes). A re-queue in a backlog costs only a duplicate message (the worker's claim is conditional).
 */
export const QUEUED_LIMIT_MS = 30 * 60_000;

/**
 * How long the job queue keeps a message (SQS's default, set explicitly on the queue). A QUEUED job whose
 * message may still be waiting in a backlog is never failed: its message ends processed or dead-lettered (the
 * dead-letter consumer fails it). Only once every message sent for it has surely expired is it lost.
 */
export const QUEUE_RETENTION_MS = 4 * 24 * 60 * 60_000;

export interface SweepPolicy {
  /**
   * A RUNNING job unchanged for longer than this, by kind, is failed: whatever ran it has stopped. It is the
   * time limit of what runs that kind (the worker; the maskText resolver) plus SWEEP_MARGIN_MS. A TEXT job with
   * an `input` (a long text, queued: queueTextJob.ts) is run by the worker, so it gets the worker's limit,
   * `IMAGE`'s (see runningLimitOf).
   */
  runningLimitMs: Readonly<Record<JobKind, number>>;
  /** A QUEUED job unchanged for longer than this is re-queued, `maxRequeues` times at most. */
  queuedLimitMs: number;
  maxRequeues: number;
  /** A QUEUED job re-queued `maxRequeues` times and unchanged for longer than this is failed (default queuedLimitMs). */
  queuedFailAfterMs?: number;
  /** What a stale RUNNING job fails with (default TIME_LIMIT_ERROR). */
  runningError?: JobError;
  /** Jobs acted on per call, at most (default 1,000), so one sweep fits its function's time; the next goes on. */
  maxJobs?: number;
}

export interface SweepResult {
  failed: number;
  requeued: number;
}

/** The policy where runners have hard time limits, as on AWS (the worker's Lambda timeout, AppSync's 30 s). */
export function sweepPolicyFor(timeouts: { workerMs: number; resolverMs: number }): SweepPolicy {
  return {
    runningLimitMs: { IMAGE: timeouts.workerMs + SWEEP_MARGIN_MS, TEXT: timeouts.resolverMs + SWEEP_MARGIN_MS },
    queuedLimitMs: QUEUED_LIMIT_MS,
    maxRequeues: 1,
    queuedFailAfterMs: QUEUE_RETENTION_MS + SWEEP_MARGIN_MS,
  };
}

const PAGE_SIZE = 100;

/**
 * The recovery sweep, the same on AWS (a scheduled Lambda) and locally (at start and on a timer): fails jobs
 * RUNNING past their time limit, re-queues jobs QUEUED too long (a lost message, a SendMessage that failed
 * after the job was written) and fails them once re-queued enough. Every FAILED is published. Each change is
 * conditional on the status read, so a job that finished meanwhile, or a second sweep at once, is left be.
 */
export async function sweepJobs(services: JobServices, policy: SweepPolicy): Promise<SweepResult> {
  const result: SweepResult = { failed: 0, requeued: 0 };
  const now = services.now().getTime();
  let budget = policy.maxJobs ?? 1_000;
  const ageOf = (job: Job) => now - Date.parse(job.updatedAt);
  const shortestRunning = Math.min(...Object.values(policy.runningLimitMs));
  for await (const { job } of openJobsBefore(services, 'RUNNING', now - shortestRunning)) {
    if (budget <= 0) return result;
    if (ageOf(job) <= runningLimitOf(policy, job)) continue;
    budget--;
    if (await failOpenJob(services, job, policy.runningError ?? TIME_LIMIT_ERROR)) result.failed++;
  }
  for await (const open of openJobsBefore(services, 'QUEUED', now - policy.queuedLimitMs)) {
    if (budget-- <= 0) return result;
    if (open.requeues < policy.maxRequeues && services.images) {
      if (await requeue(services, open)) result.requeued++;
    } else if (!services.images || ageOf(open.job) > (policy.queuedFailAfterMs ?? policy.queuedLimitMs)) {
      if (await failOpenJob(services, open.job, QUEUE_LIMIT_ERROR)) result.failed++;
    }
  }
  return result;
}

/** A RUNNING job's limit: its runner's. The worker runs IMAGE jobs and queued TEXT jobs (those with an `input`). */
export function runningLimitOf(policy: Pick<SweepPolicy, 'runningLimitMs'>, job: Job): number {
  return policy.runningLimitMs[job.kind === 'TEXT' && job.input !== undefined ? 'IMAGE' : job.kind];
}

/**
 * Fails an open job with `error` and publishes it; false when it finished or vanished since it was read
 * (the write is conditional on the status read).
 */
export async function failOpenJob(services: JobServices, job: Job, error: JobError): Promise<boolean> {
  try {
    await advanceJob(services, job, { status: 'FAILED', error });
  } catch (thrown) {
    if (thrown instanceof JobStateConflictError || thrown instanceof JobNotFoundError) return false;
    throw thrown;
  }
  services.logger.warn('job.recovered', {
    jobId: job.id,
    kind: job.kind,
    from: job.status,
    to: 'FAILED',
    reason: error.message,
  });
  return true;
}

/**
 * Sends the job to the worker again, then records that (count and time) only while it is still QUEUED. The
 * message goes first so that no record says "re-queued" without one; a worker that takes it at once makes the
 * record write fail, which is fine. A duplicate message is harmless: the worker claims a job conditionally.
 */
async function requeue(services: JobServices, { job, requeues }: OpenJob): Promise<boolean> {
  await services.images?.queue.enqueue(job.id);
  try {
    await services.jobs.updateJob(job.id, ['QUEUED'], {
      requeues: requeues + 1,
      updatedAt: services.now().toISOString(),
    });
  } catch (thrown) {
    if (thrown instanceof JobStateConflictError || thrown instanceof JobNotFoundError) return false;
    throw thrown;
  }
  services.logger.info('job.recovered', {
    jobId: job.id,
    kind: job.kind,
    from: 'QUEUED',
    to: 'QUEUED',
    requeues: requeues + 1,
  });
  return true;
}

async function* openJobsBefore(
  services: JobServices,
  status: OpenJobStatus,
  beforeMs: number,
): AsyncGenerator<OpenJob> {
  const before = new Date(beforeMs).toISOString();
  let token: string | undefined;
  do {
    const page = await services.jobs.listOpenJobs(status, before, PAGE_SIZE, token);
    yield* page.items;
    token = page.nextToken;
  } while (token !== undefined);
}
