import type { JobServices } from '../../src/core/JobServices.ts';
import { sweepJobs, type SweepPolicy } from '../../src/core/sweepJobs.ts';

export const INTERRUPTED_MESSAGE = 'the job was interrupted by a restart of the server; submit it again';

/**
 * The recovery sweep (src/core/sweepJobs.ts) as a start-up sees it: this process runs no job yet, so every
 * RUNNING job was interrupted by the last stop (its work may be half done: it fails, published), and every
 * QUEUED job lost its place in the in-process queue (it goes back on the queue, whatever its age or count).
 */
export const RESTART_POLICY: SweepPolicy = {
  runningLimitMs: { TEXT: 0, IMAGE: 0 },
  queuedLimitMs: 0,
  maxRequeues: Number.POSITIVE_INFINITY,
  runningError: { code: 'INTERNAL', message: INTERRUPTED_MESSAGE },
  maxJobs: Number.POSITIVE_INFINITY,
};

/** At start: what a previous process left QUEUED is queued again, what it left RUNNING fails with a clear message. */
export async function recoverJobs(services: JobServices): Promise<{ requeued: number; failed: number }> {
  const { requeued, failed } = await sweepJobs(services, RESTART_POLICY);
  return { requeued, failed };
}
