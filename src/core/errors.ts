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

/** A caller-supplied value is larger than a documented limit. */
export class PayloadTooLargeError extends HdmError {
  constructor(message: string, options?: ErrorOptions) {
    super('PAYLOAD_TOO_LARGE', message, options);
    this.name = 'PayloadTooLargeError';
  }
}
