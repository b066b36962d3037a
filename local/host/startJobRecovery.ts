import type { JobServices } from '../../src/core/JobServices.ts';
import { recoverJobs } from '../worker/recoverJobs.ts';
import { startJobSweeper } from '../worker/startJobSweeper.ts';
import type { Closeable } from './CloseStack.ts';

/**
 * Jobs the last process left open (QUEUED ones go back on the queue, RUNNING ones fail), then the AWS sweeper's
 * rules every 5 minutes (src/core/sweepJobs.ts). Needs the worker on the bus and the job table. Returns the sweeper.
 */
export async function startJobRecovery(services: JobServices): Promise<Closeable> {
  const recovered = await recoverJobs(services);
  if (recovered.requeued + recovered.failed > 0) services.logger.info('worker.recovered', recovered);
  return startJobSweeper(services);
}
