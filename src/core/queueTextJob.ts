import type { Caller } from './Caller.ts';
import { expiryOf, type Job, type JobOptions, type ObjectRef, withoutTerms } from './Job.ts';
import type { JobServices } from './JobServices.ts';
import type { JobQueue } from './ports.ts';
import { jobTermsRef, publishStatus } from './recordJobOutcome.ts';

/** Where a queued TEXT job's note waits for the worker (deleted when the job ends: recordJobOutcome.ts). */
export function textInputRefOf(services: Pick<JobServices, 'bucket'>, jobId: string): ObjectRef {
  return { bucket: services.bucket, key: `inputs/${jobId}/text.txt` };
}

export interface QueueTextJobInput {
  id: string;
  text: string;
  /** The options as parsed, terms included: the terms are stored beside the note, the record keeps counts. */
  recorded: JobOptions;
  clientToken: string | undefined;
  queue: JobQueue;
}

/**
 * maskText's path for a long text: the note (PHI) and its allow and deny terms go to the input bucket, next to
 * each other, before the job exists, so a QUEUED job always has what its worker needs; then the job is recorded
 * QUEUED (with `input`, which marks a TEXT job the worker runs), published and queued on the image jobs' queue.
 * The worker finishes it (processTextJob.ts). Returns what createJob returned: with `created: false` (a retry
 * of the token) nothing was written and the caller checks the job's kind.
 */
export async function queueTextJob(
  services: JobServices,
  caller: Caller,
  input: QueueTextJobInput,
): Promise<{ job: Job; created: boolean }> {
  const { id, text, recorded, clientToken } = input;
  // A retry of a token whose job exists writes nothing: the keys below are that job's own.
  if (clientToken !== undefined) {
    const existing = await services.jobs.getJob(id);
    if (existing) return { job: existing, created: false };
  }
  const inputRef = textInputRefOf(services, id);
  const termsRef = jobTermsRef(services, id);
  const hasTerms = recorded.allowListCount + recorded.denyListCount > 0;
  await services.objects.put(inputRef, text, 'text/plain; charset=utf-8');
  let created: { job: Job; created: boolean };
  try {
    if (hasTerms)
      await services.objects.put(
        termsRef,
        JSON.stringify({ allowList: recorded.allowList, denyList: recorded.denyList }),
        'application/json',
      );
    created = await services.jobs.createJob(
      newTextJob(services, caller, id, 'QUEUED', withoutTerms(recorded), inputRef),
      clientToken,
    );
  } catch (error) {
    // No job, so nothing may stay behind: the note and the terms are PHI.
    await Promise.allSettled([
      services.objects.delete(inputRef),
      hasTerms ? services.objects.delete(termsRef) : undefined,
    ]);
    throw error;
  }
  // Lost a race with a call of the same token: its job uses the objects just written (the same keys): none is deleted.
  if (!created.created) return created;
  await publishStatus(services, created.job);
  await input.queue.enqueue(created.job.id);
  return { job: { ...created.job, options: recorded }, created: true };
}

/** A new TEXT job: RUNNING when the call masks it, QUEUED with its stored `input` when the worker will. */
export function newTextJob(
  services: JobServices,
  caller: Caller,
  id: string,
  status: 'QUEUED' | 'RUNNING',
  options: JobOptions,
  input?: ObjectRef,
): Job {
  const now = services.now();
  return {
    id,
    kind: 'TEXT',
    status,
    owner: caller.owner,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    expiresAt: expiryOf(now, services.recordTtlSeconds),
    options,
    ...(input ? { input } : {}),
  };
}
