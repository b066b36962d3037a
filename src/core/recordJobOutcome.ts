import { HdmError } from './errors.ts';
import { type Job, type JobError, toJobUpdate } from './Job.ts';
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

/** Moves a job on from `from` and publishes the change. */
export async function advanceJob(services: JobServices, job: Job, changes: JobChanges): Promise<Job> {
  const updated = await services.jobs.updateJob(job.id, [job.status], { ...changes, updatedAt: services.now().toISOString() });
  await publishStatus(services, updated);
  return updated;
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
