import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { identityOf, verifySigV4 } from '../auth/index.ts';
import { createConsoleRoutes, isLoopbackHostname } from '../console/consoleRoutes.ts';
import type { GraphQLEngine } from '../graphql/GraphQLEngine.ts';
import type { LocalApiOptions } from '../LocalApi.ts';
import type { RealtimeServer } from '../realtime/index.ts';
import type { ObjectGateway } from '../s3/objectGateway.ts';
import { applyServerLimits, DEFAULT_SERVER_LIMITS } from '../server/applyServerLimits.ts';
import { createRequestListener } from '../server/createRequestListener.ts';
import type { LocalAuth } from './loadLocalAuth.ts';
import type { LocalEventBus } from './LocalEventBus.ts';
import type { LocalSettings } from './LocalSettings.ts';

export interface HttpServerParts {
  engine: GraphQLEngine;
  realtime: RealtimeServer;
  gateway: ObjectGateway;
  settings: LocalSettings;
  auth: LocalAuth;
  limits: NonNullable<LocalApiOptions['limits']>['server'];
  log: (entry: Record<string, unknown>) => void;
  bus: LocalEventBus;
}

/** The listening server: its advertised origin and this start's console token. */
export interface RunningHttpServer {
  /** `http(s)://host:port`, with 127.0.0.1 for a server on every interface. */
  origin: string;
  /** The port it listens on (the one the system picked for port 0). */
  port: number;
  consoleToken: string;
  /** WebSockets first (they get their 1001 close frame), then HTTP: server.close() waits for every socket. */
  close(): Promise<void>;
}

/**
 * One HTTP(S) server for everything: POST /graphql (SigV4), the object gateway (/s3), the console (/), and the
 * real-time upgrade. Tells the bus its origin once it listens, before any request.
 */
export async function startHttpServer(parts: HttpServerParts): Promise<RunningHttpServer> {
  const { settings, auth, realtime } = parts;
  // Per start, like Jupyter's: only whoever sees the banner (or api.consoleUrl) gets the key pair in the console.
  const consoleToken = randomBytes(24).toString('base64url');
  const server = createServer(createListener(parts, consoleToken), auth);
  applyServerLimits(server, { ...DEFAULT_SERVER_LIMITS, ...parts.limits });
  // A keep-alive connection that just answered would otherwise hold close() until its idle timeout.
  server.on('request', (_request, response) =>
    response.once('finish', () => setImmediate(() => !server.listening && server.closeIdleConnections())),
  );
  server.on('upgrade', (request, socket, head) => {
    if (!realtime.handleUpgrade(request, socket, head))
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });
  const port = await listen(server, settings.port, settings.host);
  const close = async (): Promise<void> => {
    const httpClosed = closeServer(server);
    await realtime.close();
    await httpClosed;
  };
  const { host } = settings;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const origin = `${auth.certificate ? 'https' : 'http'}://${urlHost}:${port}`;
  await parts.bus.emit('listening', { origin });
  return { origin, port, consoleToken, close };
}

function createListener(parts: HttpServerParts, consoleToken: string): RequestListener {
  const { settings, auth } = parts;
  let origin: string | undefined;
  parts.bus.on('listening', (event) => (origin = event.origin));
  return createRequestListener({
    engine: parts.engine,
    authenticate: (request) => verifySigV4(request, auth.verifyOptions).principal,
    identityOf,
    maxRequestBytes: settings.maxRequestBytes,
    log: parts.log,
    serveObjects: (request, response) => parts.gateway.serve(request, response),
    serveConsole: createConsoleRoutes({
      region: settings.region,
      listensOnLoopback: isLoopbackHostname(settings.host),
      ...(auth.generated ? { defaultCredentials: auth.generated } : {}),
      consoleToken,
      // Presigned URLs name the advertised origin: a page opened as localhost may still upload to 127.0.0.1.
      objectStoreOrigins: () => (origin ? [origin] : []),
    }),
  });
}

function createServer(listener: RequestListener, auth: LocalAuth): Server {
  // Checked every second, so a request timeout cuts a slow client off within a second of it (Node's default: 30 s).
  const options = { connectionsCheckingInterval: 1_000 };
  const { certificate } = auth;
  return certificate
    ? createHttpsServer({ ...options, cert: certificate.cert, key: certificate.key }, listener)
    : createHttpServer(options, listener);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Stops accepting connections and waits for in-flight requests; idle keep-alive sockets are closed. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
