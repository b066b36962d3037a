/** Closed set of error codes; the GraphQL layer maps them one to one onto `errorType`. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_IMAGE'
  | 'JOB_NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'THROTTLED'
  | 'INTERNAL';

/**
 * Base of every error this project throws on purpose. Messages must never contain PHI: they name
 * the field or the rule that failed, never the value.
 */
export class HdmError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HdmError';
    this.code = code;
  }
}

/** A caller-supplied value breaks a documented rule. */
export class InvalidInputError extends HdmError {
  constructor(message: string, options?: ErrorOptions) {
    super('INVALID_INPUT', message, options);
    this.name = 'InvalidInputError';
  }
}

/**
 * A `clientToken` already named a job of the other kind: a retry must repeat the same operation, so a
 * token used for maskText cannot return that text job to a maskImage call (or the other way round).
 */
export class ClientTokenReusedError extends InvalidInputError {
  constructor(firstOperation: 'maskText' | 'maskImage', options?: ErrorOptions) {
    super(`clientToken was already used for ${firstOperation}; use a new token for each operation`, options);
    this.name = 'ClientTokenReusedError';
  }
}

/** A caller-supplied value is larger than a documented limit. */
export class PayloadTooLargeError extends HdmError {
  constructor(message: string, options?: ErrorOptions) {
    super('PAYLOAD_TOO_LARGE', message, options);
    this.name = 'PayloadTooLargeError';
  }
}

/** No job with this id, or not one of the caller's (the two are not told apart). */
export class JobNotFoundError extends HdmError {
  constructor(message = 'no such job', options?: ErrorOptions) {
    super('JOB_NOT_FOUND', message, options);
    this.name = 'JobNotFoundError';
  }
}

/** A conditional write found the job in a status the change may not start from (a race or a replay). */
export class JobStateConflictError extends HdmError {
  constructor(message = 'the job is not in a status this change applies to', options?: ErrorOptions) {
    super('INTERNAL', message, options);
    this.name = 'JobStateConflictError';
  }
}

/** An object the store was asked for does not exist. */
export class ObjectNotFoundError extends HdmError {
  constructor(message = 'no such object', options?: ErrorOptions) {
    super('INTERNAL', message, options);
    this.name = 'ObjectNotFoundError';
  }
}

/** The caller may not do this. */
export class UnauthorizedError extends HdmError {
  constructor(message = 'not authorized', options?: ErrorOptions) {
    super('UNAUTHORIZED', message, options);
    this.name = 'UnauthorizedError';
  }
}

/** An upstream service or a limit pushed back; retry later. */
export class ThrottledError extends HdmError {
  constructor(message = 'too many requests, retry later', options?: ErrorOptions) {
    super('THROTTLED', message, options);
    this.name = 'ThrottledError';
  }
}

/** An image is not one this service accepts (format, pixel or size limits). */
export class UnsupportedImageError extends HdmError {
  constructor(message: string, options?: ErrorOptions) {
    super('UNSUPPORTED_IMAGE', message, options);
    this.name = 'UnsupportedImageError';
  }
}
