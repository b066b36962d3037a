import { HdmError } from '../../core/errors.ts';

/**
 * Errors of the AppSync publisher. None copies a response body or a GraphQL error message into its own
 * message: those can echo variables back, and logs must stay free of content. They name the condition,
 * the HTTP status or AppSync's `errorType` (a closed identifier such as `UnauthorizedException`).
 */

/** AppSync answered with an HTTP status other than 2xx (after retries, for the retryable ones). */
export class AppSyncHttpError extends HdmError {
  readonly status: number;

  constructor(status: number, options?: ErrorOptions) {
    super('INTERNAL', `AppSync answered HTTP ${status}`, options);
    this.name = 'AppSyncHttpError';
    this.status = status;
  }
}

/** The response carried GraphQL `errors`; only their `errorType`s are kept. */
export class AppSyncGraphQLError extends HdmError {
  readonly errorTypes: string[];

  constructor(errorTypes: string[], options?: ErrorOptions) {
    super('INTERNAL', `AppSync returned GraphQL errors (${errorTypes.join(', ') || 'no errorType'})`, options);
    this.name = 'AppSyncGraphQLError';
    this.errorTypes = errorTypes;
  }
}

/** A 2xx response whose body is not a GraphQL JSON response. */
export class AppSyncResponseError extends HdmError {
  constructor(options?: ErrorOptions) {
    super('INTERNAL', 'AppSync answered with a body that is not a GraphQL response', options);
    this.name = 'AppSyncResponseError';
  }
}

/** No answer within the timeout (each attempt has its own). */
export class AppSyncTimeoutError extends HdmError {
  constructor(timeoutMs: number, options?: ErrorOptions) {
    super('INTERNAL', `AppSync did not answer within ${timeoutMs} ms`, options);
    this.name = 'AppSyncTimeoutError';
  }
}

/** The request never got an answer: DNS, connection refused or reset. */
export class AppSyncUnreachableError extends HdmError {
  constructor(options?: ErrorOptions) {
    super('INTERNAL', 'AppSync could not be reached', options);
    this.name = 'AppSyncUnreachableError';
  }
}

/** AppSync's errorType, when it is a plain identifier; anything else is dropped rather than echoed. */
export function safeErrorType(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9:_.-]{1,80}$/.test(value) ? value : undefined;
}
