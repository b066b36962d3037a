import { InvalidInputError, JobStateConflictError, ObjectNotFoundError } from './errors.ts';
import type { Job } from './Job.ts';
import type { JobServices } from './JobServices.ts';
import { runTextJob } from './maskTextJob.ts';
import { parseMaskOptions } from './parseMaskOptions.ts';
import { advanceJob, failJob, jobTermsRef } from './recordJobOutcome.ts';

/**
 * The worker's part of a long maskText (queueTextJob.ts): QUEUED → RUNNING (a conditional write, so one worker
 * claims it) → the same masking as within the call (runTextJob) → SUCCEEDED, or FAILED with a closed code.
 * Each change is published; the stored note and terms are deleted when the job ends (recordJobOutcome.ts).
 * A job another worker already took, or that no longer exists, is left alone.
 */
export async function processTextJob(services: JobServices, queued: Job): Promise<Job | undefined> {
  if (queued.kind !== 'TEXT' || queued.status !== 'QUEUED' || !queued.input) return queued;
  let job: Job;
  try {
    job = await advanceJob(services, queued, { status: 'RUNNING' });
  } catch (error) {
    if (error instanceof JobStateConflictError) return services.jobs.getJob(queued.id);
    throw error;
  }
  try {
    const text = new TextDecoder().decode(await loadObject(services, job.input as NonNullable<Job['input']>));
    const terms =
      job.options.allowListCount + job.options.denyListCount === 0
        ? {}
        : (JSON.parse(new TextDecoder().decode(await loadObject(services, jobTermsRef(services, job.id)))) as {
            allowList: string[];
            denyList: string[];
          });
    const { mask } = parseMaskOptions({ ...job.options, ...terms });
    // This worker claimed the job (QUEUED → RUNNING happens once) and is its only writer: no merge read.
    return await runTextJob(services, job, text, mask, { firstWrite: true });
  } catch (error) {
    return failJob(services, job, error);
  }
}

async function loadObject(services: JobServices, ref: NonNullable<Job['input']>): Promise<Uint8Array> {
  try {
    return await services.objects.get(ref);
  } catch (error) {
    if (error instanceof ObjectNotFoundError)
      throw new InvalidInputError('the stored input text is gone (it expired before the job ran); submit it again', {
        cause: error,
      });
    throw error;
  }
}
