import { type ErrorCode, HdmError } from '../src/core/errors.ts';

/** What a resolver error becomes in the response's `errors`: a closed `errorType` and a message without PHI. */
export interface ResolverError {
  errorType: ErrorCode;
  message: string;
}

/** The one mapping of errors to GraphQL errors. Unknown errors become INTERNAL with a generic message. */
export function toGraphQLError(error: unknown): ResolverError {
  if (error instanceof HdmError)
    return { errorType: error.code, message: error.code === 'INTERNAL' ? 'Internal error' : error.message };
  return { errorType: 'INTERNAL', message: 'Internal error' };
}
