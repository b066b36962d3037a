export { createRealtimeServer, type RealtimeServer, type RealtimeServerOptions } from './createRealtimeServer.ts';
export {
  createRealtimeCore,
  type PublishResult,
  type RealtimeCore,
  type RealtimeCoreOptions,
  type RealtimeStats,
} from './createRealtimeCore.ts';
export { RealtimeConnection } from './RealtimeConnection.ts';
export type { RealtimeConnectionInit } from './RealtimeConnectionInit.ts';
export type { RealtimeSettings } from './RealtimeSettings.ts';
export type { RealtimeSocket } from './RealtimeSocket.ts';
export type { ActiveSubscription, RealtimeHooks, RealtimeLogger } from './RealtimeHooks.ts';
export {
  RealtimeAuthError,
  RealtimeSubscribeError,
  UNAUTHORIZED_MESSAGE,
  type AppSyncRealtimeError,
} from './errors.ts';
export { decodeAuthHeader, type DecodedAuthHeader } from './decodeAuthHeader.ts';
export {
  CloseCode,
  GRAPHQL_WS_PROTOCOL,
  parseClientMessage,
  parseSubscriptionRequest,
  serverMessage,
  type SubscriptionRequest,
} from './messages.ts';
