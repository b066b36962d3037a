import type { AppSyncRealtimeError } from './errors.ts';

/** The only subprotocol AppSync's real-time endpoint speaks (the old Apollo protocol's name, AppSync's dialect). */
export const GRAPHQL_WS_PROTOCOL = 'graphql-ws';

/** Close codes we send. AppSync does not document its own; these follow graphql-ws where one applies. */
export const CloseCode = {
  /** Server shutdown or the connection's maximum lifetime reached. */
  GoingAway: 1001,
  /** Sent right after a connection_error: the connection's credentials were refused. */
  Unauthorized: 4401,
  /** Neither connection_init nor start arrived in time. */
  ConnectionInitTimeout: 4408,
} as const;

export type ClientMessage =
  | { type: 'connection_init' }
  | { type: 'start'; id: string; data: string; authorization: Record<string, string> }
  | { type: 'stop'; id: string };

export type ParsedClientMessage =
  { ok: true; message: ClientMessage } | { ok: false; id?: string; error: AppSyncRealtimeError };

/** What a start's `payload.data` string holds once parsed. */
export interface SubscriptionRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

const badRequest = (message: string): AppSyncRealtimeError => ({ errorType: 'BadRequestException', message });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses and checks one client frame; never throws. Unknown types get AppSync's UnsupportedOperation. */
export function parseClientMessage(text: string): ParsedClientMessage {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: badRequest('Message is not valid JSON') };
  }
  if (!isRecord(raw)) return { ok: false, error: badRequest('Message must be a JSON object') };
  const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : undefined;
  switch (raw.type) {
    case 'connection_init':
      return { ok: true, message: { type: 'connection_init' } };
    case 'start':
      return parseStart(raw, id);
    case 'stop':
      return id ? { ok: true, message: { type: 'stop', id } } : { ok: false, error: badRequest('stop requires an id') };
    default: {
      const type = typeof raw.type === 'string' ? raw.type : 'unknown';
      const error = {
        errorType: 'UnsupportedOperation',
        message: `${type} not supported through the realtime channel`,
      };
      return id ? { ok: false, id, error } : { ok: false, error };
    }
  }
}

function parseStart(raw: Record<string, unknown>, id: string | undefined): ParsedClientMessage {
  if (!id) return { ok: false, error: badRequest('start requires an id') };
  const payload = raw.payload;
  if (!isRecord(payload) || typeof payload.data !== 'string') {
    return { ok: false, id, error: badRequest('start requires payload.data, a JSON string') };
  }
  const extensions = isRecord(payload.extensions) ? payload.extensions : {};
  const authorization = isRecord(extensions.authorization) ? stringValues(extensions.authorization) : {};
  return { ok: true, message: { type: 'start', id, data: payload.data, authorization } };
}

/** Auth headers are strings; anything else cannot be part of a signature, so it is dropped. */
function stringValues(record: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** Reads a start's `data` string: `{ query, variables?, operationName? }`, or undefined when it is not that. */
export function parseSubscriptionRequest(data: string): SubscriptionRequest | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (!isRecord(raw) || typeof raw.query !== 'string' || raw.query.trim() === '') return undefined;
  if (raw.variables !== undefined && raw.variables !== null && !isRecord(raw.variables)) return undefined;
  if (raw.operationName !== undefined && raw.operationName !== null && typeof raw.operationName !== 'string')
    return undefined;
  const request: SubscriptionRequest = { query: raw.query };
  if (isRecord(raw.variables)) request.variables = raw.variables;
  if (typeof raw.operationName === 'string') request.operationName = raw.operationName;
  return request;
}

/** Server → client frames, exactly as AppSync spells them. */
export const serverMessage = {
  connectionAck: (connectionTimeoutMs: number) => ({ type: 'connection_ack', payload: { connectionTimeoutMs } }),
  connectionError: (errors: readonly AppSyncRealtimeError[]) => ({ type: 'connection_error', payload: { errors } }),
  keepAlive: () => ({ type: 'ka' }),
  startAck: (id: string) => ({ type: 'start_ack', id }),
  data: (id: string, data: Record<string, unknown>) => ({ type: 'data', id, payload: { data } }),
  error: (id: string | undefined, errors: readonly AppSyncRealtimeError[]) =>
    id === undefined ? { type: 'error', payload: { errors } } : { type: 'error', id, payload: { errors } },
  complete: (id: string) => ({ type: 'complete', id }),
};
