import { ProvisionedThroughputExceededException, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { batchWriteWithRetry } from '../../../../src/adapters/dynamodb/batchWriteWithRetry.ts';
import { JobStoreError, UnprocessedItemsError } from '../../../../src/adapters/dynamodb/errors.ts';
import { ThrottledError } from '../../../../src/core/errors.ts';

const noSleep = async () => {};
const throttled = () => new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} });

describe('batchWriteWithRetry', () => {
  it('writes in chunks of 25', async () => {
    const chunks: number[] = [];
    await batchWriteWithRetry(Array.from({ length: 60 }, (_, i) => i), async (chunk) => (chunks.push(chunk.length), []));
    expect(chunks).toEqual([25, 25, 10]);
  });

  it('re-sends only the unprocessed items until none are left', async () => {
    const sent: number[][] = [];
    const leftovers = [[3, 4], [4]];
    await batchWriteWithRetry([1, 2, 3, 4], async (chunk) => (sent.push(chunk), leftovers.shift() ?? []), { sleep: noSleep });
    expect(sent).toEqual([[1, 2, 3, 4], [3, 4], [4]]);
  });

  it('retries a throttled call', async () => {
    let calls = 0;
    await batchWriteWithRetry([1], async () => {
      calls += 1;
      if (calls < 3) throw throttled();
      return [];
    }, { sleep: noSleep });
    expect(calls).toBe(3);
  });

  it('gives up after maxAttempts with a ThrottledError that carries the cause', async () => {
    let calls = 0;
    const error = await batchWriteWithRetry([1, 2], async () => {
      calls += 1;
      throw throttled();
    }, { maxAttempts: 4, sleep: noSleep }).catch((e: unknown) => e);
    expect(calls).toBe(4);
    expect(error).toBeInstanceOf(UnprocessedItemsError);
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as Error).cause).toBeInstanceOf(ProvisionedThroughputExceededException);
  });

  it('gives up when items stay unprocessed', async () => {
    const error = await batchWriteWithRetry([1, 2], async (chunk) => chunk.slice(-1), { maxAttempts: 3, sleep: noSleep }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessedItemsError);
    expect((error as Error).message).toContain('1 of 2');
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    const error = await batchWriteWithRetry([1], async () => {
      calls += 1;
      throw new ResourceNotFoundException({ message: 'no table', $metadata: {} });
    }, { sleep: noSleep }).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(error).toBeInstanceOf(JobStoreError);
  });
});
