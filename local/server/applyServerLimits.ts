import type { Server } from 'node:http';

export interface ServerLimits {
  /** Sockets open at once (HTTP and WebSocket together); more are dropped as they connect. */
  maxConnections: number;
  /** Time to receive a request's headers. */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included: a client that trickles its body is cut off. */
  requestTimeoutMs: number;
  /** An idle keep-alive socket is closed after this. */
  keepAliveTimeoutMs: number;
  /**
   * A socket with nothing sent or received for this long is closed (a client that stops reading a response).
   * WebSockets are not affected: `ws` clears the timeout of the sockets it takes over.
   */
  socketIdleTimeoutMs: number;
}

/**
 * The local API's defaults. Node's own (5 minutes for a request, no socket cap) let a few slow clients
 * hold the server's sockets for minutes; AppSync's edge closes such clients much sooner. The request time
 * covers the largest body allowed on a slow local link (a 6 MB query at 1 MB/s).
 */
export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  maxConnections: 1_024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  socketIdleTimeoutMs: 60_000,
};

/** Sets the limits on an http(s) server before it listens. */
export function applyServerLimits(server: Server, limits: ServerLimits = DEFAULT_SERVER_LIMITS): void {
  server.maxConnections = limits.maxConnections;
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.timeout = limits.socketIdleTimeoutMs;
}
