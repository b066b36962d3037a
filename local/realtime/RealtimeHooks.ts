import type { SubscriptionRequest } from './messages.ts';

/**
 * What the protocol core asks of the rest of the server. The integrator wires these to SigV4 verification
 * and the GraphQL engine; `P` is whatever principal the auth hooks produce.
 */
export interface RealtimeHooks<P> {
  /** Checks the connect-time auth object. Throw a `RealtimeAuthError` (or `{ errorType, message }`) to refuse. */
  authenticateConnection(auth: Record<string, string>, request: { sourceIp: string }): Promise<P>;
  /**
   * Checks a start's `extensions.authorization`; for IAM the signature covers the `data` string exactly as
   * sent, so it is passed through untouched. Throw a `RealtimeAuthError` to refuse.
   */
  authenticateStart(auth: Record<string, string>, data: string, connectionPrincipal: P): Promise<P>;
  /** Validates and registers a subscription. Throw a `RealtimeSubscribeError` (`errors: [...]`) to refuse. */
  subscribe(principal: P, request: SubscriptionRequest, ctx: { sourceIp: string }): Promise<ActiveSubscription>;
}

/** A started subscription, as the subscribe hook returns it. */
export interface ActiveSubscription {
  /** Mutation fields whose results this subscription listens to (`@aws_subscribe(mutations: [...])`). */
  readonly mutations: readonly string[];
  /**
   * Filters and shapes one mutation result for this subscriber: the whole `data` object
   * (`{ onJobUpdated: {...} }`), or undefined to skip it.
   */
  deliver(mutationField: string, payload: unknown): Promise<Record<string, unknown> | undefined>;
}

/** Structured log sink: event names and counts only, never payloads or auth values. */
export interface RealtimeLogger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: RealtimeLogger = { info() {}, warn() {}, error() {} };
