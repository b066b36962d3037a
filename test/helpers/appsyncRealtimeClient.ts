import { type ClientOptions, WebSocket } from 'ws';
import { type AwsCredentials, signRequest } from './signedFetch.ts';

/**
 * A raw client of AppSync's real-time protocol over `ws`, written from AWS's protocol description
 * (real-time-websocket-client.html) and Amplify JS v6's provider, not from our server: connect with IAM
 * auth (the `header` query parameter or the `header-<base64url>` subprotocol), connection_init/ack,
 * signed start, stop. Every frame received is kept so tests can wait for one or assert one never came.
 */

/** How the connect-time auth object travels: AWS's documented query string, or Amplify v6's subprotocol. */
export type AuthForm = 'query' | 'subprotocol';

export interface RealtimeClientOptions {
  /** `ws://127.0.0.1:<port>/graphql/realtime` */
  realtimeUrl: string;
  /** `http://127.0.0.1:<port>/graphql`: the host and path AppSync signatures are made for. */
  graphqlUrl: string;
  region: string;
  credentials: AwsCredentials;
  authForm?: AuthForm;
}

export interface RealtimeMessage {
  type: string;
  id?: string;
  payload?: {
    connectionTimeoutMs?: number;
    data?: Record<string, unknown> | null;
    errors?: { errorType?: string; message?: string; errorCode?: number }[];
  };
}

/** The headers AppSync clients sign for the virtual `/connect` request and for each start. */
const REALTIME_HEADERS = {
  accept: 'application/json, text/javascript',
  'content-encoding': 'amz-1.0',
  'content-type': 'application/json; charset=UTF-8',
};

// Amplify and the AppSync links wait 15 s for connection_ack and start_ack; the first start compiles resolvers.
const DEFAULT_WAIT_MS = 15_000;

export class AppSyncRealtimeClient {
  readonly messages: RealtimeMessage[] = [];
  private readonly waiters = new Set<() => void>();
  private closed = false;

  private constructor(
    private readonly socket: WebSocket,
    private readonly options: RealtimeClientOptions,
  ) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as RealtimeMessage);
      for (const wake of this.waiters) wake();
    });
    socket.on('close', () => {
      this.closed = true;
      for (const wake of this.waiters) wake();
    });
  }

  /** Opens the socket with IAM auth and sends connection_init; wait for `connection_ack` yourself. */
  static async connect(options: RealtimeClientOptions): Promise<AppSyncRealtimeClient> {
    const auth = await authHeaders(options, `${options.graphqlUrl}/connect`, '{}');
    const json = JSON.stringify(auth);
    const socket =
      (options.authForm ?? 'query') === 'query'
        ? // As AWS documents it: raw base64, not URL-encoded (the server must cope with '+' and '/').
          new WebSocket(`${options.realtimeUrl}?header=${Buffer.from(json).toString('base64')}&payload=e30=`, [
            'graphql-ws',
          ])
        : new WebSocket(options.realtimeUrl, ['graphql-ws', `header-${Buffer.from(json).toString('base64url')}`]);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) =>
        reject(new Error(`WebSocket upgrade refused: HTTP ${res.statusCode}`)),
      );
    });
    const client = new AppSyncRealtimeClient(socket, options);
    client.send({ type: 'connection_init' });
    return client;
  }

  /** The subprotocol the server chose (AppSync answers `graphql-ws`). */
  get protocol(): string {
    return this.socket.protocol;
  }

  /** Sends a start signed over its `data` string, as Amplify does; another principal's credentials may be given. */
  async start(
    id: string,
    query: string,
    variables?: Record<string, unknown>,
    credentials = this.options.credentials,
  ): Promise<void> {
    const data = JSON.stringify(variables ? { query, variables } : { query });
    const authorization = await authHeaders({ ...this.options, credentials }, this.options.graphqlUrl, data);
    this.send({ id, type: 'start', payload: { data, extensions: { authorization } } });
  }

  stop(id: string): void {
    this.send({ id, type: 'stop' });
  }

  send(message: Record<string, unknown>): void {
    this.socket.send(JSON.stringify(message));
  }

  /** The first frame (already received or still to come) that matches; rejects after `timeoutMs`. */
  waitFor(what: string, match: (m: RealtimeMessage) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<RealtimeMessage> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.messages.find(match);
        if (found) {
          done();
          resolve(found);
          return true;
        }
        if (this.closed) {
          done();
          reject(new Error(`socket closed before ${what}; received: ${this.describe()}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${what} within ${timeoutMs} ms; received: ${this.describe()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      if (!check()) this.waiters.add(check);
    });
  }

  /** Resolves when the server closes the socket; rejects after `timeoutMs`. */
  waitForClose(timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`socket still open after ${timeoutMs} ms`)), timeoutMs);
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Frame types and ids only: payloads may hold job data, which test output should not repeat. */
  describe(): string {
    return JSON.stringify(this.messages.map((m) => `${m.type}${m.id ? `:${m.id}` : ''}`));
  }

  async close(): Promise<void> {
    if (this.closed || this.socket.readyState === WebSocket.CLOSED) return;
    const closed = new Promise<void>((resolve) => this.socket.once('close', () => resolve()));
    this.socket.close(1000);
    await closed;
  }
}

/**
 * The auth object AppSync expects: the signed headers, `Authorization` spelled as the clients spell it.
 * Sign `${graphqlUrl}/connect` with body '{}' for the connect-time `header`, the graphql URL with the
 * start's `data` for a start. Exported for clients this class does not cover (WSS with a private CA).
 */
export async function authHeaders(
  options: RealtimeClientOptions & { credentials: AwsCredentials },
  url: string,
  body: string,
): Promise<Record<string, string>> {
  const signed = await signRequest({
    url,
    region: options.region,
    credentials: options.credentials,
    body,
    headers: REALTIME_HEADERS,
    payloadHashHeader: false,
  });
  const { authorization, 'x-amz-security-token': token, ...rest } = signed.headers;
  return { ...rest, ...(token ? { 'X-Amz-Security-Token': token } : {}), Authorization: authorization ?? '' };
}

/** A bare real-time socket, for what AppSyncRealtimeClient hides: `ws` options (a private CA for WSS) and the close code. */
export interface RealtimeSocket {
  socket: WebSocket;
  /** Every frame received, in order. */
  messages: RealtimeMessage[];
  /** Settles when the socket closes, with the code and reason the server sent. */
  closed: Promise<{ code: number; reason: string }>;
  /** The first frame (received or to come) that matches; rejects if the socket closes first. No timeout of its own. */
  next(what: string, match: (m: RealtimeMessage) => boolean): Promise<RealtimeMessage>;
  /** Sends a start signed over its `data`, as Amplify does. */
  start(id: string, query: string, variables?: Record<string, unknown>): Promise<void>;
  /** Closes from the client side (1000) and waits for the socket to close. */
  close(): Promise<void>;
}

/**
 * Opens the real-time socket with the auth in the documented `header` query parameter and sends
 * connection_init; rejects with the transport's error (a TLS error, an HTTP refusal of the upgrade).
 */
export async function openRealtimeSocket(
  options: RealtimeClientOptions,
  wsOptions: ClientOptions = {},
): Promise<RealtimeSocket> {
  const header = Buffer.from(
    JSON.stringify(await authHeaders(options, `${options.graphqlUrl}/connect`, '{}')),
  ).toString('base64');
  const socket = new WebSocket(`${options.realtimeUrl}?header=${header}&payload=e30=`, ['graphql-ws'], wsOptions);
  const messages: RealtimeMessage[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as RealtimeMessage));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) =>
      reject(
        Object.assign(new Error(`WebSocket upgrade refused: HTTP ${res.statusCode}`), { statusCode: res.statusCode }),
      ),
    );
  });
  // After the upgrade, errors are followed by 'close'; listening keeps them from being thrown.
  socket.on('error', () => {});
  socket.send(JSON.stringify({ type: 'connection_init' }));
  const next = (what: string, match: (m: RealtimeMessage) => boolean) =>
    new Promise<RealtimeMessage>((resolve, reject) => {
      const check = () => {
        const found = messages.find(match);
        if (!found) return;
        socket.off('message', check);
        resolve(found);
      };
      socket.on('message', check);
      void closed.then(() =>
        reject(new Error(`socket closed before ${what}; received: ${JSON.stringify(messages.map((m) => m.type))}`)),
      );
      check();
    });
  return {
    socket,
    messages,
    closed,
    next,
    async start(id, query, variables) {
      const data = JSON.stringify(variables ? { query, variables } : { query });
      socket.send(
        JSON.stringify({
          id,
          type: 'start',
          payload: { data, extensions: { authorization: await authHeaders(options, options.graphqlUrl, data) } },
        }),
      );
    },
    async close() {
      if (socket.readyState !== WebSocket.CLOSED) socket.close(1000);
      await closed;
    },
  };
}
