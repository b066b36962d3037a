import {
  ConditionalCheckFailedException,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ItemTooLargeError, JobStoreError } from '../../../../src/adapters/dynamodb/errors.ts';
import { wrapDynamoDbError } from '../../../../src/adapters/dynamodb/wrapDynamoDbError.ts';
import { InvalidInputError, ThrottledError } from '../../../../src/core/errors.ts';

function sdkError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

describe('wrapDynamoDbError', () => {
  it.each([
    new ProvisionedThroughputExceededException({ message: 'x', $metadata: {} }),
    new RequestLimitExceeded({ message: 'x', $metadata: {} }),
    sdkError('ThrottlingException', 'x'),
  ])('maps throttling to ThrottledError with the cause ($name)', (error) => {
    const wrapped = wrapDynamoDbError(error, 'PutItem');
    expect(wrapped).toBeInstanceOf(ThrottledError);
    expect(wrapped.cause).toBe(error);
  });

  it('maps the item size ValidationException to ItemTooLargeError', () => {
    const wrapped = wrapDynamoDbError(
      sdkError('ValidationException', 'Item size to update has exceeded the maximum allowed size'),
      'UpdateItem',
    );
    expect(wrapped).toBeInstanceOf(ItemTooLargeError);
    expect(wrapped.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('maps anything else to an INTERNAL JobStoreError that does not repeat the SDK message', () => {
    const cause = new ConditionalCheckFailedException({ message: 'Jane Q. Testcase', $metadata: {} });
    const wrapped = wrapDynamoDbError(cause, 'PutItem');
    expect(wrapped).toBeInstanceOf(JobStoreError);
    expect(wrapped.code).toBe('INTERNAL');
    expect(wrapped.message).not.toContain('Testcase');
    expect(wrapped.cause).toBe(cause);
    expect(wrapDynamoDbError('not even an Error', 'Query')).toBeInstanceOf(JobStoreError);
  });

  it('passes our own errors through', () => {
    const own = new InvalidInputError('bad');
    expect(wrapDynamoDbError(own, 'Query')).toBe(own);
  });
});
