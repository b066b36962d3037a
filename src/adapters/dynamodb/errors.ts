import { HdmError, PayloadTooLargeError, ThrottledError } from '../../core/errors.ts';

/*
 * Errors of the JobStore adapters. SDK-free so the in-memory adapter throws the same classes.
 * Messages name the operation and the rule, never an item's contents; the SDK error rides as `cause`.
 */

/** DynamoDB failed in a way the caller cannot fix (missing table, bad request, network, ...). */
export class JobStoreError extends HdmError {
  constructor(message: string, options?: ErrorOptions) {
    super('INTERNAL', message, options);
    this.name = 'JobStoreError';
  }
}

/** A record would exceed DynamoDB's 400 KB item limit (big results belong in the object store). */
export class ItemTooLargeError extends PayloadTooLargeError {
  constructor(message = 'a job record would exceed the 400 KB item limit', options?: ErrorOptions) {
    super(message, options);
    this.name = 'ItemTooLargeError';
  }
}

/** createJob was given an id that another job already has (ids are generated: a bug, not input). */
export class DuplicateJobIdError extends HdmError {
  constructor(message = 'a job with this id already exists', options?: ErrorOptions) {
    super('INTERNAL', message, options);
    this.name = 'DuplicateJobIdError';
  }
}

/** Concurrent writers kept changing a job's finding chunks while putFindings merged into them. */
export class FindingsWriteConflictError extends ThrottledError {
  constructor(message = 'findings were changed concurrently, retry later', options?: ErrorOptions) {
    super(message, options);
    this.name = 'FindingsWriteConflictError';
  }
}
