import { UnprocessedItemsError } from './errors.ts';
import { isThrottling, wrapDynamoDbError } from './wrapDynamoDbError.ts';

export interface BatchRetryOptions {
  /** Tries per chunk, first one included (default 8). */
  maxAttempts?: number;
  /** First backoff; doubles each retry, with full jitter, capped at 2 s (default 50 ms). */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Writes one chunk (at most 25 requests) and returns the requests DynamoDB left unprocessed. */
export type WriteChunk<R> = (requests: R[]) => Promise<R[]>;

export const BATCH_SIZE = 25;

/**
 * BatchWriteItem in chunks of 25. DynamoDB may accept part of a batch and hand back the rest as
 * UnprocessedItems (throughput), or throttle the whole call: both are retried with exponential
 * backoff, a bounded number of times, then UnprocessedItemsError (a ThrottledError) is thrown.
 */
export async function batchWriteWithRetry<R>(requests: readonly R[], writeChunk: WriteChunk<R>, options: BatchRetryOptions = {}): Promise<void> {
  for (let start = 0; start < requests.length; start += BATCH_SIZE) {
    await writeWithRetry(requests.slice(start, start + BATCH_SIZE), writeChunk, options);
  }
}

async function writeWithRetry<R>(chunk: R[], writeChunk: WriteChunk<R>, options: BatchRetryOptions): Promise<void> {
  const maxAttempts = options.maxAttempts ?? 8;
  const baseDelayMs = options.baseDelayMs ?? 50;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let pending = chunk;
  let lastError: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    try {
      pending = await writeChunk(pending);
      lastError = undefined;
      if (pending.length === 0) return;
    } catch (error) {
      if (!isThrottling(error)) throw wrapDynamoDbError(error, 'BatchWriteItem');
      lastError = error;
    }
    if (attempt < maxAttempts) await sleep(Math.random() * Math.min(2000, baseDelayMs * 2 ** (attempt - 1)));
  }
  throw new UnprocessedItemsError(`${pending.length} of ${chunk.length} findings were not written after ${maxAttempts} attempts`, {
    cause: lastError,
  });
}
