import { randomUUID } from 'node:crypto';
import type { DecodedAuthHeader } from './decodeAuthHeader.ts';
import { RealtimeConnection } from './RealtimeConnection.ts';
import type { RealtimeSettings } from './RealtimeSettings.ts';
import type { RealtimeSocket } from './RealtimeSocket.ts';
import { silentLogger, type RealtimeHooks, type RealtimeLogger } from './RealtimeHooks.ts';

export interface RealtimeCoreOptions<P> {
  hooks: RealtimeHooks<P>;
  /** Interval between `ka` messages. @default 60_000 (AppSync sends one about every minute) */
  keepAliveMs?: number;
  /** Sent in connection_ack: how long a client waits for a `ka` before giving up. @default 300_000 (AppSync's value) */
  connectionTimeoutMs?: number;
  /** A socket that sends neither connection_init nor start this long is closed (4408). @default 15_000 */
  initTimeoutMs?: number;
  /** Starts beyond this get MaxSubscriptionsReachedError. @default 100 (AppSync's per-connection limit) */
  maxSubscriptionsPerConnection?: number;
  /**
   * The `data` strings of one connection's live subscriptions together; a start beyond gets
   * LimitExceededError. Bounds what sockets can make the server keep. @default 262_144 (256 KiB)
   */
  maxSubscriptionBytesPerConnection?: number;
  /** Connections are closed (1001) after this long. @default 86_400_000 (24 h, AppSync's limit) */
  maxConnectionDurationMs?: number;
  /** A `data` message larger than this (UTF-8 bytes) is not sent. @default 245_760 (AppSync's 240 KB payload limit) */
  maxDataMessageBytes?: number;
  /**
   * Connections one principal may hold at once; more are refused with LimitExceededError, so one key
   * cannot hold hundreds of sockets. @default 50
   */
  maxConnectionsPerPrincipal?: number;
  /** Which principal a connection belongs to, for maxConnectionsPerPrincipal. @default none: no per-principal cap */
  principalKey?: (principal: P) => string;
  logger?: RealtimeLogger;
  /** Connection ids for logs. @default crypto.randomUUID */
  newId?: () => string;
}

export interface PublishResult {
  /** Subscriptions listening to the mutation field. */
  matched: number;
  /** `data` messages sent. */
  delivered: number;
  /** deliver hooks that threw, or results too large to send. */
  failed: number;
}

export interface RealtimeStats {
  connections: number;
  subscriptions: number;
}

export interface RealtimeCore {
  /** A transport opened a socket: returns the connection to feed frames to and to tell when it closes. */
  opened(
    socket: RealtimeSocket,
    request: { sourceIp: string; authHeader: DecodedAuthHeader },
  ): RealtimeConnection<unknown>;
  publish(mutationField: string, payload: unknown): Promise<PublishResult>;
  stats(): RealtimeStats;
  /** Asks every connection to close with this code; transports report each close through `closed()`. */
  closeAll(code: number, reason: string): void;
}

/**
 * AppSync's real-time protocol without a transport (graphql-ws's `makeServer` split): adapters hand it
 * sockets and text frames; it owns the state machine, validation, timers and fan-out.
 */
export function createRealtimeCore<P>(options: RealtimeCoreOptions<P>): RealtimeCore {
  const settings: RealtimeSettings = {
    keepAliveMs: options.keepAliveMs ?? 60_000,
    connectionTimeoutMs: options.connectionTimeoutMs ?? 300_000,
    initTimeoutMs: options.initTimeoutMs ?? 15_000,
    maxSubscriptionsPerConnection: options.maxSubscriptionsPerConnection ?? 100,
    maxSubscriptionBytesPerConnection: options.maxSubscriptionBytesPerConnection ?? 256 * 1024,
    maxConnectionDurationMs: options.maxConnectionDurationMs ?? 86_400_000,
    maxDataMessageBytes: options.maxDataMessageBytes ?? 240 * 1024,
  };
  const logger = options.logger ?? silentLogger;
  const newId = options.newId ?? randomUUID;
  const connections = new Set<RealtimeConnection<P>>();
  const admit = options.principalKey
    ? principalCap(options.principalKey, options.maxConnectionsPerPrincipal ?? 50)
    : undefined;

  const opened: RealtimeCore['opened'] = (socket, request) => {
    const id = newId();
    const connection = new RealtimeConnection<P>({
      id,
      socket,
      hooks: options.hooks,
      settings,
      logger,
      sourceIp: request.sourceIp,
      authHeader: request.authHeader,
      onClosed: () => connections.delete(connection),
      ...(admit ? { admit } : {}),
    });
    connections.add(connection);
    logger.info('realtime.opened', {
      connectionId: id,
      authSource: request.authHeader.ok ? request.authHeader.source : 'none',
    });
    return connection as RealtimeConnection<unknown>;
  };

  return {
    opened,
    async publish(mutationField, payload) {
      // Snapshot: a connection closing mid-publish must not change what this publish iterates.
      const results = await Promise.all([...connections].map((c) => c.publish(mutationField, payload)));
      const total = results.reduce(
        (sum, r) => ({
          matched: sum.matched + r.matched,
          delivered: sum.delivered + r.delivered,
          failed: sum.failed + r.failed,
        }),
        { matched: 0, delivered: 0, failed: 0 },
      );
      if (total.matched > 0) logger.info('realtime.published', { mutationField, ...total });
      return total;
    },
    stats() {
      let subscriptions = 0;
      for (const c of connections) subscriptions += c.subscriptionCount;
      return { connections: connections.size, subscriptions };
    },
    closeAll(code, reason) {
      for (const c of [...connections]) c.close(code, reason);
    },
  };
}

/** Counts each principal's live connections; a place is taken at admission and given back once. */
function principalCap<P>(keyOf: (principal: P) => string, limit: number): (principal: P) => (() => void) | undefined {
  const held = new Map<string, number>();
  return (principal) => {
    const key = keyOf(principal);
    const count = held.get(key) ?? 0;
    if (count >= limit) return undefined;
    held.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (held.get(key) ?? 1) - 1;
      if (left > 0) held.set(key, left);
      else held.delete(key);
    };
  };
}
