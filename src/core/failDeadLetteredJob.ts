import type { JobError } from './Job.ts';
import type { JobServices } from './JobServices.ts';
import { failOpenJob, runningLimitOf, type SweepPolicy } from './sweepJobs.ts';

/** Why a dead-lettered job failed: a closed code and fixed words, nothing of the input. */
export const DEAD_LETTER_ERROR: JobError = {
  code: 'INTERNAL',
  message: 'the job could not be processed after repeated attempts; submit it again',
};

/** What became of a dead letter's job; every outcome but a thrown error means the message is done. */
export type DeadLetterOutcome = 'FAILED' | 'MISSING' | 'FINISHED' | 'LEFT_RUNNING';

/**
 * A message of the image job queue reached its dead-letter queue: the worker threw on it every time (the
 * store or a service down, a function that cannot start). Its job fails with DEAD_LETTER_ERROR, published.
 * A job that no longer exists or has finished needs nothing. A RUNNING job changed within its time limit may
 * be a live run from another message for the same job (a clientToken retry, a sweep's re-queue): it is left
 * to the sweep, which fails it if it is still RUNNING once that limit has passed.
 */
export async function failDeadLetteredJob(
  services: JobServices,
  jobId: string,
  policy: Pick<SweepPolicy, 'runningLimitMs'>,
): Promise<DeadLetterOutcome> {
  const job = await services.jobs.getJob(jobId);
  if (!job) return 'MISSING';
  if (job.status !== 'QUEUED' && job.status !== 'RUNNING') return 'FINISHED';
  const age = services.now().getTime() - Date.parse(job.updatedAt);
  if (job.status === 'RUNNING' && age <= runningLimitOf(policy, job)) return 'LEFT_RUNNING';
  return (await failOpenJob(services, job, DEAD_LETTER_ERROR)) ? 'FAILED' : 'FINISHED';
}
