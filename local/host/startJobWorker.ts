import type { JobServices, Logger } from '../../src/core/JobServices.ts';
import { processJob } from '../../src/core/processImageJob.ts';
import { LocalJobQueue } from '../worker/LocalJobQueue.ts';
import type { LocalEventBus } from './LocalEventBus.ts';

export interface JobWorkerParts {
  services: JobServices;
  bus: LocalEventBus;
  /** Jobs run at once (HDM_WORKER_CONCURRENCY). */
  concurrency: number;
  logger: Logger;
}

/**
 * The image worker (and long texts): in this process, bounded, running each job the services queue on the bus.
 * The job records are the durable queue: what is waiting when the server stops stays QUEUED for startJobRecovery.
 */
export function startJobWorker({ services, bus, concurrency, logger }: JobWorkerParts): LocalJobQueue {
  const queue = new LocalJobQueue({ concurrency, logger, process: (jobId) => processJob(services, jobId) });
  bus.on('jobQueued', (jobId) => queue.enqueue(jobId));
  return queue;
}
