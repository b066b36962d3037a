import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ThrottledError } from '../../core/errors.ts';
import type { Item } from './jobItems.ts';
import { wrapDynamoDbError } from './wrapDynamoDbError.ts';

/** BatchWriteItem takes at most 25 put or delete requests. */
export const BATCH_WRITE_LIMIT = 25;

export interface BatchPutOptions {
  /** Tries for items DynamoDB leaves unprocessed (default 8), with full-jitter backoff from `baseDelayMs` (default 25). */
  maxAttempts?: number;
  baseDelayMs?: number;
}

/**
 * Puts the items unconditionally, 25 to a BatchWriteItem (the groups in parallel), and puts again what DynamoDB
 * returns as UnprocessedItems (it does so under throttling, or past 16 MB a call) until none are left.
 * Resolves only when every item is written, so a caller that writes a job's status after it never shows a
 * status the items do not back. BatchWriteItem takes no conditions: only for items no one else writes.
 * @throws ThrottledError when items are still unprocessed after the last try; else as wrapDynamoDbError.
 */
export async function batchPutItems(
  doc: DynamoDBDocumentClient,
  tableName: string,
  items: readonly Item[],
  options: BatchPutOptions = {},
): Promise<void> {
  const groups: Item[][] = [];
  for (let at = 0; at < items.length; at += BATCH_WRITE_LIMIT) groups.push(items.slice(at, at + BATCH_WRITE_LIMIT));
  await Promise.all(groups.map((group) => putGroup(doc, tableName, group, options)));
}

async function putGroup(
  doc: DynamoDBDocumentClient,
  tableName: string,
  group: Item[],
  options: BatchPutOptions,
): Promise<void> {
  const maxAttempts = options.maxAttempts ?? 8;
  const baseDelayMs = options.baseDelayMs ?? 25;
  let requests = group.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 1; requests.length > 0; attempt += 1) {
    if (attempt > maxAttempts) throw new ThrottledError('DynamoDB left findings unprocessed, retry later');
    if (attempt > 1)
      await new Promise((resolve) => setTimeout(resolve, Math.random() * baseDelayMs * 2 ** (attempt - 2)));
    try {
      const out = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (out.UnprocessedItems?.[tableName] ?? []) as typeof requests;
    } catch (error) {
      throw wrapDynamoDbError(error, 'BatchWriteItem');
    }
  }
}
