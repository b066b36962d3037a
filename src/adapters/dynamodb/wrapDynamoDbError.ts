import { HdmError, ThrottledError } from '../../core/errors.ts';
import { ItemTooLargeError, JobStoreError } from './errors.ts';

const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

/** True for the SDK errors that mean "slow down", which callers may retry. */
export function isThrottling(error: unknown): boolean {
  return error instanceof Error && THROTTLING.has(error.name);
}

export function isConditionalCheckFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * Turns any error from a DynamoDB call into an HdmError. The SDK's message is not copied (a
 * ValidationException can quote values); it stays reachable as `cause` for debugging.
 */
export function wrapDynamoDbError(error: unknown, operation: string): HdmError {
  if (error instanceof HdmError) return error;
  if (isThrottling(error))
    return new ThrottledError(`DynamoDB ${operation} was throttled, retry later`, { cause: error });
  if (isItemSizeError(error)) return new ItemTooLargeError(undefined, { cause: error });
  const name = error instanceof Error ? error.name : 'unknown error';
  return new JobStoreError(`DynamoDB ${operation} failed (${name})`, { cause: error });
}

// Both DynamoDB and dynalite say "Item size has exceeded..." (PutItem, BatchWriteItem) or
// "Item size to update has exceeded..." (UpdateItem), as a ValidationException.
function isItemSizeError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ValidationException' && /item size.*exceeded/i.test(error.message);
}
