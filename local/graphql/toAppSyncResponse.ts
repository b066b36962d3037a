import type { ExecutionResult } from 'graphql';
import { formatExecutionError, formatVariableError } from './appSyncErrors.ts';
import type { AppSyncResponse } from './GraphQLEngineOptions.ts';

export function toAppSyncResponse(result: ExecutionResult): AppSyncResponse {
  if (!result.errors?.length) return { data: result.data ?? null };
  // Errors before execution (variables that do not fit their types) come without a path or data.
  const executed = result.data !== undefined;
  return {
    data: result.data ?? null,
    errors: result.errors.map((e) => (executed ? formatExecutionError(e) : formatVariableError(e))),
  };
}
