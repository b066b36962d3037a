import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Finding } from '../../core/Job.ts';
import { FindingsWriteConflictError } from './errors.ts';
import { epochSeconds } from './expiry.ts';
import { overStaleChunks } from './overStaleChunks.ts';
import { readChunkItems } from './readChunkItems.ts';
import { settleInBatches } from './settleInBatches.ts';
import { ChunkChanged, writeChunk } from './writeChunk.ts';

/** Chunk item writes in flight at once for one job (a 20 KB note has one per type present, so about 6). */
const WRITE_CONCURRENCY = 16;

/** How putJobFindings retries and which clock expiry follows (DynamoDbJobStoreOptions says the defaults). */
export interface PutJobFindingsOptions {
  findingsRetry?: { maxAttempts?: number; baseDelayMs?: number };
  now: () => number;
}

/**
 * Merges one job's findings into its chunk items: reads them, writes only those that change, each
 * conditional on the revision it read, and starts over (jittered, doubling delay) when a concurrent writer
 * got in between; FindingsWriteConflictError after the last try.
 */
export async function putJobFindings(
  doc: DynamoDBDocumentClient,
  tableName: string,
  findings: readonly Finding[],
  options: PutJobFindingsOptions,
): Promise<void> {
  const maxAttempts = options.findingsRetry?.maxAttempts ?? 5;
  const baseDelayMs = options.findingsRetry?.baseDelayMs ?? 20;
  let conflict: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    if (attempt > 1)
      await new Promise((resolve) => setTimeout(resolve, Math.random() * baseDelayMs * 2 ** (attempt - 2)));
    const writes = overStaleChunks(
      await readChunkItems(doc, tableName, findings[0]?.jobId as string),
      findings,
      epochSeconds(options.now),
    );
    // All settle before a retry re-reads, so the re-read sees every write of this round.
    const results = await settleInBatches(
      writes.map((write) => () => writeChunk(doc, tableName, write)),
      WRITE_CONCURRENCY,
    );
    const failures = results
      .filter((result): result is PromiseRejectedResult => result.status === 'rejected')
      .map((result) => result.reason as unknown);
    const other = failures.find((reason) => !(reason instanceof ChunkChanged));
    if (other !== undefined) throw other;
    if (failures.length === 0) return;
    conflict = failures[0];
  }
  throw new FindingsWriteConflictError(undefined, { cause: conflict });
}
