import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  createRealtimeCore,
  type PublishResult,
  type RealtimeCoreOptions,
  type RealtimeStats,
} from './createRealtimeCore.ts';
import { decodeAuthHeader } from './decodeAuthHeader.ts';
import { errorName } from './errors.ts';
import { CloseCode, GRAPHQL_WS_PROTOCOL } from './messages.ts';
import { silentLogger } from './RealtimeHooks.ts';

export interface RealtimeServerOptions<P> extends RealtimeCoreOptions<P> {
  /**
   * Upgrade paths served. `/graphql/realtime` is what Amplify JS v6 and aws-appsync-subscription-link derive
   * for any non-AppSync host (custom domains); `/graphql` is the path on AppSync's own realtime host.
   * @default ['/graphql/realtime', '/graphql']
   */
  paths?: readonly string[];
  /** Largest inbound frame; bigger ones close the socket with 1009. @default 245_760 (240 KB) */
  maxInboundMessageBytes?: number;
  /** How long close() waits for clients to answer the close handshake before cutting them off. @default 2_000 */
  closeGraceMs?: number;
  /** Sockets open at once, all principals together; upgrades beyond get HTTP 503. @default 500 */
  maxConnections?: number;
}

export interface RealtimeServer {
  /**
   * For an http(s) server's 'upgrade' event. Returns false (socket untouched) when the path is not a realtime
   * path, so the caller can route or refuse it; otherwise takes the socket, refusing with HTTP 400 when the
   * client does not offer the `graphql-ws` subprotocol.
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Sends a mutation result to every subscription that listens to `mutationField` and accepts it. */
  publish(mutationField: string, payload: unknown): Promise<PublishResult>;
  /** Closes every socket (1001) and stops accepting upgrades; resolves when all are gone. */
  close(): Promise<void>;
  stats(): RealtimeStats;
}

/** The `ws` adapter: HTTP upgrade checks and socket plumbing around the transport-free core. */
export function createRealtimeServer<P>(options: RealtimeServerOptions<P>): RealtimeServer {
  const paths = new Set(options.paths ?? ['/graphql/realtime', '/graphql']);
  const core = createRealtimeCore(options);
  const logger = options.logger ?? silentLogger;
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    maxPayload: options.maxInboundMessageBytes ?? 240 * 1024,
    // Checked before the upgrade, so graphql-ws is always on offer here; select it, never the header- one.
    handleProtocols: (protocols) => (protocols.has(GRAPHQL_WS_PROTOCOL) ? GRAPHQL_WS_PROTOCOL : false),
  });
  let closing = false;

  const accept = (ws: WebSocket, req: IncomingMessage, protocols: string[]) => {
    // An upgrade that was already under way when close() started.
    if (closing) return ws.close(CloseCode.GoingAway, 'Server shutting down');
    sockets.add(ws);
    const connection = core.opened(
      { send: (text) => ws.readyState === ws.OPEN && ws.send(text), close: (code, reason) => ws.close(code, reason) },
      { sourceIp: req.socket.remoteAddress ?? '', authHeader: decodeAuthHeader(req.url, protocols) },
    );
    ws.on('message', (data, isBinary) => {
      // receive() handles hook failures itself; this catch is for transport faults, logged by name only.
      if (!isBinary)
        connection
          .receive(data.toString())
          .catch((error: unknown) =>
            logger.error('realtime.receive_failed', { connectionId: connection.id, error: errorName(error) }),
          );
    });
    ws.on('close', () => {
      sockets.delete(ws);
      connection.closed();
    });
    // 'error' (e.g. a frame over maxPayload) is followed by 'close'; listening keeps it from being thrown.
    ws.on('error', () => {});
  };

  return {
    handleUpgrade(req, socket, head) {
      if (!paths.has(new URL(req.url ?? '/', 'http://localhost').pathname)) return false;
      const protocols = (req.headers['sec-websocket-protocol'] ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      if (closing || sockets.size >= (options.maxConnections ?? 500)) refuse(socket, 503, 'Service Unavailable');
      else if (!protocols.includes(GRAPHQL_WS_PROTOCOL)) refuse(socket, 400, 'Bad Request');
      else wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req, protocols));
      return true;
    },
    publish: (mutationField, payload) => core.publish(mutationField, payload),
    stats: () => core.stats(),
    async close() {
      closing = true;
      const gone = [...sockets].map((ws) => new Promise<void>((resolve) => ws.once('close', () => resolve())));
      core.closeAll(CloseCode.GoingAway, 'Server shutting down');
      const grace = setTimeout(() => sockets.forEach((ws) => ws.terminate()), options.closeGraceMs ?? 2_000);
      await Promise.all(gone);
      clearTimeout(grace);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
