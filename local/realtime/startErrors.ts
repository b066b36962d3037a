import { authErrorEntry, errorName, subscribeErrorEntries, type AppSyncRealtimeError } from './errors.ts';
import type { ClientMessage } from './messages.ts';
import type { RealtimeHooks, RealtimeLogger } from './RealtimeHooks.ts';

/** A start's own auth check; a refusal is marked so that startErrors answers with its errorType. */
export async function authorizeStart<P>(
  hooks: RealtimeHooks<P>,
  message: Extract<ClientMessage, { type: 'start' }>,
  connectionPrincipal: P,
): Promise<P> {
  try {
    return await hooks.authenticateStart(message.authorization, message.data, connectionPrincipal);
  } catch (error) {
    throw new StartAuthRefusal(authErrorEntry(error), error);
  }
}

/** The errors a failed start is answered with: an auth refusal, the subscribe hook's refusal, or a generic failure. */
export function startErrors(error: unknown, log: RealtimeLogger, connectionId: string): AppSyncRealtimeError[] {
  if (error instanceof StartAuthRefusal) return [{ errorType: error.entry.errorType, message: error.entry.message }];
  const refused = subscribeErrorEntries(error);
  if (refused) return refused;
  // A hook bug: say nothing about it to the client beyond AppSync's generic failure.
  log.error('realtime.subscribe_failed', { connectionId, error: errorName(error) });
  return [{ errorType: 'InternalFailure', message: 'An internal failure occurred while starting the subscription' }];
}

/** Marks a start refused by authenticateStart, so its errorType survives the shared catch. */
class StartAuthRefusal extends Error {
  readonly entry: AppSyncRealtimeError;

  constructor(entry: AppSyncRealtimeError, cause: unknown) {
    super(entry.message, { cause });
    this.name = 'StartAuthRefusal';
    this.entry = entry;
  }
}
