import type { AppSyncRealtimeError } from './errors.ts';
import { parseSubscriptionRequest } from './messages.ts';
import type { RealtimeSettings } from './RealtimeSettings.ts';

/** A connection's subscriptions as a new start sees them: started, starting, and the bytes their data holds. */
export interface StartState {
  active: ReadonlyMap<string, unknown>;
  pending: ReadonlyMap<string, unknown>;
  dataBytes: ReadonlyMap<string, number>;
}

/** Why a start may not begin (duplicate id, too many subscriptions, bad data, too many bytes), or undefined. */
export function checkStart(
  id: string,
  data: string,
  state: StartState,
  settings: RealtimeSettings,
): AppSyncRealtimeError | undefined {
  if (state.active.has(id) || state.pending.has(id)) {
    return { errorType: 'DuplicatedOperationError', message: `Duplicated operation with id ${id}` };
  }
  const max = settings.maxSubscriptionsPerConnection;
  if (state.active.size + state.pending.size >= max) {
    return { errorType: 'MaxSubscriptionsReachedError', message: `Max number of ${max} subscriptions reached` };
  }
  if (!parseSubscriptionRequest(data)) {
    return { errorType: 'BadRequestException', message: 'payload.data must be a JSON object with a query string' };
  }
  // Each live subscription keeps its query: 100 of AppSync's 240 KB frames would keep 24 MB per socket.
  const held = [...state.dataBytes.values()].reduce((sum, n) => sum + n, 0);
  const maxBytes = settings.maxSubscriptionBytesPerConnection;
  if (held + data.length > maxBytes) {
    return {
      errorType: 'LimitExceededError',
      message: `The subscriptions of one connection may hold at most ${maxBytes} bytes of queries`,
    };
  }
  return undefined;
}
