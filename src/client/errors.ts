/** One entry of a GraphQL response's `errors`, as AppSync spells it. */
export interface HdmGraphQLErrorEntry {
  errorType?: string;
  message: string;
  path?: (string | number)[];
}

/**
 * The API answered, but with `errors`: a refused input (errorType INVALID_INPUT, ...), a missing job, or a
 * subscription the server would not start. `data` holds whatever part of the result was produced.
 */
export class HdmGraphQLError extends Error {
  override readonly name = 'HdmGraphQLError';
  constructor(
    readonly errors: HdmGraphQLErrorEntry[],
    readonly data?: unknown,
  ) {
    // Messages are the server's generic descriptions; they never echo the input.
    super(errors.map((e) => (e.errorType ? `${e.errorType}: ${e.message}` : e.message)).join('; ') || 'GraphQL error');
  }
}

/** The HTTP request was refused before GraphQL ran: 401 unsigned, 403 bad signature, 400 expired, 5xx. */
export class HdmHttpError extends Error {
  override readonly name = 'HdmHttpError';
  constructor(
    readonly status: number,
    /** AppSync's errorType from the body, e.g. UnauthorizedException, InvalidSignatureException. */
    readonly errorType?: string,
    detail?: string,
  ) {
    super(`HTTP ${status}${errorType ? ` ${errorType}` : ''}${detail ? `: ${detail}` : ''}`);
  }
}

/** The real-time connection failed: refused at connect (connection_error), timed out, or closed underneath. */
export class HdmRealtimeError extends Error {
  override readonly name = 'HdmRealtimeError';
  constructor(
    message: string,
    /** AppSync's errorType when the server sent one (connection_error), e.g. UnauthorizedException. */
    readonly errorType?: string,
  ) {
    super(message);
  }
}
