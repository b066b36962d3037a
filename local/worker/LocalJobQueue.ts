import type { Logger } from '../../src/core/JobServices.ts';
import type { JobQueue } from '../../src/core/ports.ts';

export interface LocalJobQueueOptions {
  /** Runs one job; failures are the job's business (it records FAILED), so a throw here is only logged. */
  process(jobId: string): Promise<unknown>;
  /** Jobs run at once (default 1: OCR is CPU-bound and this machine has 2 cores, one for the API). */
  concurrency?: number;
  logger: Logger;
}

/**
 * The local worker's queue: in process, bounded concurrency, first in first out. It holds only job ids;
 * the job records (QUEUED in DynamoDB) are what survives a restart, and recoverJobs re-enqueues them.
 */
export class LocalJobQueue implements JobQueue {
  readonly #options: LocalJobQueueOptions;
  readonly #waiting: string[] = [];
  readonly #running = new Set<Promise<void>>();
  #closed = false;

  constructor(options: LocalJobQueueOptions) {
    this.#options = options;
  }

  async enqueue(jobId: string): Promise<void> {
    if (this.#closed) return;
    this.#waiting.push(jobId);
    this.#pump();
  }

  /** Jobs waiting and running, for logs and tests. */
  get size(): number {
    return this.#waiting.length + this.#running.size;
  }

  /** Resolves when nothing is waiting or running. */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.race(this.#running);
  }

  /** Takes no more jobs and waits for the running ones; waiting ones stay QUEUED for the next start. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#waiting.length = 0;
    await this.idle();
  }

  #pump(): void {
    const limit = this.#options.concurrency ?? 1;
    while (!this.#closed && this.#running.size < limit && this.#waiting.length > 0) {
      const jobId = this.#waiting.shift() as string;
      const run: Promise<void> = this.#options
        .process(jobId)
        .then(() => undefined)
        .catch((error: unknown) =>
          this.#options.logger.error('worker.job_crashed', {
            jobId,
            error: error instanceof Error ? error.name : typeof error,
          }),
        )
        .finally(() => {
          this.#running.delete(run);
          this.#pump();
        });
      this.#running.add(run);
    }
  }
}
