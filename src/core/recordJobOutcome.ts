import { HdmError } from './errors.ts';
import { type Job, type JobError, type ObjectRef, toJobUpdate } from './Job.ts';
import type { JobServices } from './JobServices.ts';
import type { JobChanges } from './ports.ts';

/** Publishes a job's status; a subscriber outage never fails the job (it is logged, without content). */
export async function publishStatus(services: JobServices, job: Job): Promise<void> {
  try {
    await services.events.publish(toJobUpdate(job));
  } catch (error) {
    services.logger.warn('job.publish_failed', { jobId: job.id, status: job.status, error: errorName(error) });
  }
}

/**
 * Moves a job on from `from` and publishes the change. Every path that ends a job comes through here (the worker,
 * the API, recovery), so this is also where an ended image job's allow and deny terms are deleted.
 */
export async function advanceJob(services: JobServices, job: Job, changes: JobChanges): Promise<Job> {
  const updated = await services.jobs.updateJob(job.id, [job.status], {
    ...changes,
    updatedAt: services.now().toISOString(),
  });
  await publishStatus(services, updated);
  await discardTerms(services, updated);
  return updated;
}

/**
 * Deletes what an ended job no longer needs and may name people: its allow and deny terms (image jobs, and text
 * jobs the worker ran), and a queued TEXT job's stored note (`input`, inputs/<id>/text.txt). Only once SUCCEEDED
 * or FAILED is recorded (a job still QUEUED or RUNNING may yet need them). A failed delete is logged without
 * content and never changes the job; the input bucket's lifecycle (inputRetentionDays, at most the record's
 * retention) removes the object later. An IMAGE job's input image is left to that lifecycle as before.
 */
export async function discardTerms(services: JobServices, job: Job): Promise<void> {
  if (job.status !== 'SUCCEEDED' && job.status !== 'FAILED') return;
  const refs: ObjectRef[] = [];
  const queuedText = job.kind === 'TEXT' && job.input !== undefined;
  if ((job.kind === 'IMAGE' || queuedText) && job.options.allowListCount + job.options.denyListCount > 0)
    refs.push(jobTermsRef(services, job.id));
  if (queuedText) refs.push(job.input as ObjectRef);
  for (const ref of refs) {
    try {
      await services.objects.delete(ref);
    } catch (error) {
      services.logger.warn('job.terms_not_deleted', { jobId: job.id, error: errorName(error) });
    }
  }
}

/**
 * Where maskImageJob stores an image job's terms (its termsRefOf, which cannot be imported here: maskImageJob
 * imports this module). A unit test keeps the two equal.
 */
export function jobTermsRef(services: Pick<JobServices, 'bucket'>, jobId: string): ObjectRef {
  return { bucket: services.bucket, key: `inputs/${jobId}/terms.json` };
}

/**
 * A job that fails after it exists is data: FAILED with a closed code and a generic message.
 * HdmError messages are written never to hold input text; anything else gets a fixed message.
 */
export async function failJob(services: JobServices, job: Job, error: unknown): Promise<Job> {
  services.logger.error('job.failed', { jobId: job.id, kind: job.kind, error: errorName(error) });
  return advanceJob(services, job, { status: 'FAILED', error: jobErrorOf(error) });
}

export function jobErrorOf(error: unknown): JobError {
  if (error instanceof HdmError && error.code !== 'INTERNAL') return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: 'the job failed because of an internal error' };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
