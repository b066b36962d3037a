// The client kit: a typed, browser-safe client of the health-data-masking API (AppSync with IAM auth, or
// the local API). Imported as 'health-data-masking/client'. No node: imports, no Buffer, no process.
export { AppSyncRealtimeConnection, type AppSyncRealtimeConnectionOptions } from './AppSyncRealtimeConnection.ts';
export { base64url } from './base64url.ts';
export { HdmGraphQLError, type HdmGraphQLErrorEntry, HdmHttpError, HdmRealtimeError } from './errors.ts';
export { HdmClient, type HdmClientOptions } from './HdmClient.ts';
export { HdmJobTimeoutError, type HdmJob, waitForJob, type WaitForJobOptions } from './waitForJob.ts';
export type { HdmCredentials } from './HdmCredentials.ts';
export { realtimeAuthorization, type RealtimeAuthorizationOptions } from './realtimeAuthorization.ts';
export { realtimeUrlOf } from './realtimeUrlOf.ts';
export { signRequest, type SignRequestOptions } from './signRequest.ts';
export type { HdmSubscription, SubscriptionObserver } from './SubscriptionObserver.ts';
export type { WebSocketConstructorLike, WebSocketLike } from './WebSocketLike.ts';
export * from './generated.ts';
