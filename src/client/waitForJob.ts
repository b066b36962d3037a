import type { JobQuery } from './generated.ts';

/** A job as `job(id)` returns it. */
export type HdmJob = NonNullable<JobQuery['job']>;

export interface WaitForJobOptions {
  /** Give up after this long; default 120 s (a worker-run text job on AWS may take a minute or two). */
  timeoutMs?: number;
  /** First wait between reads; doubles up to 5 s. Default 250 ms. */
  pollMs?: number;
}

/** The job was not SUCCEEDED or FAILED within the time given. */
export class HdmJobTimeoutError extends Error {
  override readonly name = 'HdmJobTimeoutError';
  constructor(
    readonly jobId: string,
    readonly lastStatus: string | undefined,
  ) {
    super(`job ${jobId} did not finish in time (last status ${lastStatus ?? 'unknown'})`);
  }
}

type JobReader = (id: string) => Promise<JobQuery>;

/**
 * Reads `job(id)` until the job is SUCCEEDED or FAILED. Polling rather than a subscription: it works
 * wherever fetch does (no WebSocket), and a job that finished before the first read is seen all the same.
 */
export async function waitForJob(read: JobReader, id: string, options: WaitForJobOptions = {}): Promise<HdmJob> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let pause = options.pollMs ?? 250;
  for (;;) {
    const last = (await read(id)).job;
    if (last && (last.status === 'SUCCEEDED' || last.status === 'FAILED')) return last;
    if (Date.now() + pause > deadline) throw new HdmJobTimeoutError(id, last?.status);
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 5_000);
  }
}
