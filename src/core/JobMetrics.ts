import type { JobKind, JobStatus } from './Job.ts';
import type { PhiType } from './PhiEntity.ts';
import type { JobStore } from './ports.ts';

/**
 * Counts of finished jobs, for operators (AWS: CloudWatch metrics through Powertools; locally none). Only closed
 * values go in: a kind, a final status and counts by PHI type, never ids, owners or text.
 */
export interface JobMetrics {
  jobFinished(
    kind: JobKind,
    status: Extract<JobStatus, 'SUCCEEDED' | 'FAILED'>,
    findingCounts: ReadonlyArray<{ type: PhiType; count: number }>,
  ): void;
}

export const NO_JOB_METRICS: JobMetrics = { jobFinished: () => {} };

/**
 * The store, with every status write that ends a job (updateJob to SUCCEEDED or FAILED, from any path: the use
 * cases, the worker, a recovery sweep) counted once it is written. Every other call, including methods added to
 * JobStore later, goes to the store unchanged. Counting where the status is written, rather than in each use
 * case, means no path that finishes a job can forget it.
 */
export function withJobMetrics(store: JobStore, metrics: JobMetrics): JobStore {
  const updateJob: JobStore['updateJob'] = async (id, from, changes) => {
    const job = await store.updateJob(id, from, changes);
    if ((changes.status === 'SUCCEEDED' || changes.status === 'FAILED') && job.status === changes.status) {
      metrics.jobFinished(job.kind, changes.status, job.findingCounts ?? []);
    }
    return job;
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'updateJob') return updateJob;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
