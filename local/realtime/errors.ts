/** One entry of AppSync's real-time `errors` array, as clients read it (`errorCode` only on connection_error). */
export interface AppSyncRealtimeError {
  errorType: string;
  message: string;
  errorCode?: number;
}

/** AppSync's words for a refused connection or start (seen in client logs of the real service). */
export const UNAUTHORIZED_MESSAGE = 'You are not authorized to make this call.';

/**
 * Thrown by `authenticateConnection` / `authenticateStart` to refuse a caller. On connect it becomes a
 * `connection_error` (then the socket closes); on start an `error` for that subscription id.
 */
export class RealtimeAuthError extends Error {
  readonly errorType: string;
  /** Clients treat 400/401/403 as final (no reconnect loop); AppSync sends 401 for bad credentials. */
  readonly errorCode: number;

  constructor(message = UNAUTHORIZED_MESSAGE, options?: ErrorOptions & { errorType?: string; errorCode?: number }) {
    super(message, options);
    this.name = 'RealtimeAuthError';
    this.errorType = options?.errorType ?? 'UnauthorizedException';
    this.errorCode = options?.errorCode ?? 401;
  }
}

/** Thrown by `subscribe` to refuse a start with GraphQL-level errors (validation, filter, permission). */
export class RealtimeSubscribeError extends Error {
  readonly errors: readonly AppSyncRealtimeError[];

  constructor(errors: readonly AppSyncRealtimeError[], options?: ErrorOptions) {
    super(errors[0]?.message ?? 'Subscription refused', options);
    this.name = 'RealtimeSubscribeError';
    this.errors = errors;
  }
}

/** Hooks may throw our classes or any look-alike (`{ errorType, message }`); read them structurally. */
export function authErrorEntry(error: unknown): AppSyncRealtimeError {
  const e = error as Partial<RealtimeAuthError> | undefined;
  if (e && typeof e.errorType === 'string') {
    return {
      errorType: e.errorType,
      message: typeof e.message === 'string' && e.message !== '' ? e.message : UNAUTHORIZED_MESSAGE,
      errorCode: typeof e.errorCode === 'number' ? e.errorCode : 401,
    };
  }
  return { errorType: 'UnauthorizedException', message: UNAUTHORIZED_MESSAGE, errorCode: 401 };
}

/** The `errors` a refused start reports, or undefined when the thrown value is not a refusal (a bug). */
export function subscribeErrorEntries(error: unknown): AppSyncRealtimeError[] | undefined {
  const errors = (error as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  return errors.map((entry: Partial<AppSyncRealtimeError>) => ({
    errorType: typeof entry?.errorType === 'string' ? entry.errorType : 'BadRequestException',
    message: typeof entry?.message === 'string' ? entry.message : 'Subscription refused',
  }));
}

/** The name of a thrown value, for logs: never its message (hook messages may quote caller input). */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
