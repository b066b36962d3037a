import type { JobServices } from '../../src/core/JobServices.ts';
import { QUEUED_LIMIT_MS, sweepJobs, type SweepPolicy } from '../../src/core/sweepJobs.ts';

/**
 * The local server's periodic sweep: the AWS sweeper's rules with local limits. Locally nothing has a hard
 * time limit (no Lambda timeout, no AppSync 30 s), so a job RUNNING for 30 minutes is taken as hung; and a
 * queue of images on a laptop can be long, so QUEUED jobs get twice the AWS wait before a re-queue.
 */
export const LOCAL_SWEEP_POLICY: SweepPolicy = {
  runningLimitMs: { TEXT: 30 * 60_000, IMAGE: 30 * 60_000 },
  queuedLimitMs: 2 * QUEUED_LIMIT_MS,
  maxRequeues: 1,
};

export interface JobSweeperOptions {
  /** Default 5 minutes, as the AWS schedule. */
  intervalMs?: number;
  policy?: SweepPolicy;
}

/**
 * Runs sweepJobs every `intervalMs`, one sweep at a time; a failed sweep is logged and the next one tries
 * again. The timer does not keep the process alive; close() stops it and waits for a sweep under way.
 */
export function startJobSweeper(services: JobServices, options: JobSweeperOptions = {}): { close(): Promise<void> } {
  let sweeping: Promise<void> | undefined;
  const sweep = () => {
    sweeping ??= sweepJobs(services, options.policy ?? LOCAL_SWEEP_POLICY)
      .then(
        (result) => {
          if (result.failed + result.requeued > 0) services.logger.info('worker.swept', { ...result });
        },
        (error: unknown) =>
          services.logger.error('worker.sweep_failed', { error: error instanceof Error ? error.name : typeof error }),
      )
      .finally(() => (sweeping = undefined));
  };
  const timer = setInterval(sweep, options.intervalMs ?? 5 * 60_000);
  timer.unref();
  return {
    close: async () => {
      clearInterval(timer);
      await sweeping;
    },
  };
}
