import { base64url } from './base64url.ts';
import { HdmGraphQLError, type HdmGraphQLErrorEntry, HdmRealtimeError } from './errors.ts';
import type { HdmCredentials } from './HdmCredentials.ts';
import { realtimeAuthorization } from './realtimeAuthorization.ts';
import type { HdmSubscription, SubscriptionObserver } from './SubscriptionObserver.ts';
import type { WebSocketConstructorLike, WebSocketLike } from './WebSocketLike.ts';

export interface AppSyncRealtimeConnectionOptions {
  /** The GraphQL URL: the connect and start signatures are made for its host and path. */
  graphqlUrl: string;
  realtimeUrl: string;
  region: string;
  credentials: () => Promise<HdmCredentials>;
  WebSocket: WebSocketConstructorLike;
  /** How long to wait for connection_ack and for each start_ack; default 15 s, as Amplify and the AppSync links. */
  ackTimeoutMs?: number;
}

/** A frame from the server, as AppSync spells it. */
interface ServerMessage {
  type?: string;
  id?: string;
  payload?: {
    connectionTimeoutMs?: number;
    data?: unknown;
    errors?: (HdmGraphQLErrorEntry & { errorCode?: number })[];
  };
}

interface ActiveSubscription {
  id: string;
  /** The start's `data`: `{query, variables}` as a JSON string, signed exactly as sent. */
  data: string;
  observer: SubscriptionObserver<unknown>;
  startSent: boolean;
  ackTimer?: ReturnType<typeof setTimeout>;
}

const GRAPHQL_WS = 'graphql-ws';
const OPEN = 1; // WebSocket.OPEN, the same number in browsers and `ws`
const DEFAULT_ACK_TIMEOUT_MS = 15_000;
// AppSync's connection_ack carries connectionTimeoutMs; this is what it sends when a server leaves it out.
const DEFAULT_CONNECTION_TIMEOUT_MS = 300_000;

/**
 * AppSync's real-time protocol over one WebSocket shared by every subscription: opened on the first
 * subscribe (IAM auth in the `header-<base64url>` subprotocol, connection_init, connection_ack), kept while
 * `ka` frames arrive within connectionTimeoutMs, closed when the last subscription stops.
 */
export class AppSyncRealtimeConnection {
  readonly #options: AppSyncRealtimeConnectionOptions;
  readonly #subscriptions = new Map<string, ActiveSubscription>();
  #socket: WebSocketLike | undefined;
  #ready: Promise<WebSocketLike> | undefined;
  #handshake: { resolve(): void; reject(error: Error): void; timer: ReturnType<typeof setTimeout> } | undefined;
  #keepAliveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped whenever the socket is dropped, so a connect still signing its auth knows it is no longer wanted. */
  #generation = 0;
  #nextId = 0;

  constructor(options: AppSyncRealtimeConnectionOptions) {
    this.#options = options;
  }

  subscribe(query: string, variables: unknown, observer: SubscriptionObserver<unknown>): HdmSubscription {
    // Ids only need to be unique on this client's connections.
    const id = `${Date.now().toString(36)}-${++this.#nextId}`;
    const data = JSON.stringify(variables === undefined ? { query } : { query, variables });
    const subscription: ActiveSubscription = { id, data, observer, startSent: false };
    this.#subscriptions.set(id, subscription);
    void this.#start(subscription);
    return { unsubscribe: () => this.#stop(id) };
  }

  /** Closes the socket; every subscription completes. */
  close(): void {
    const subscriptions = [...this.#subscriptions.values()];
    for (const subscription of subscriptions) clearTimeout(subscription.ackTimer);
    this.#subscriptions.clear();
    this.#dropSocket(new HdmRealtimeError('The client was closed'));
    for (const subscription of subscriptions) subscription.observer.complete?.();
  }

  async #start(subscription: ActiveSubscription): Promise<void> {
    try {
      const socket = await this.#connection();
      if (!this.#isActive(subscription)) return; // unsubscribed while connecting
      const credentials = await this.#options.credentials();
      const authorization = await realtimeAuthorization(
        { ...this.#authTarget(), credentials },
        { data: subscription.data },
      );
      if (!this.#isActive(subscription) || socket !== this.#socket) return;
      socket.send(
        JSON.stringify({
          id: subscription.id,
          type: 'start',
          payload: { data: subscription.data, extensions: { authorization } },
        }),
      );
      subscription.startSent = true;
      const timeoutMs = this.#ackTimeoutMs();
      subscription.ackTimer = setTimeout(
        () => this.#fail(subscription, new HdmRealtimeError(`No start_ack within ${timeoutMs} ms`), true),
        timeoutMs,
      );
    } catch (error) {
      this.#fail(subscription, error instanceof Error ? error : new HdmRealtimeError(String(error)), false);
    }
  }

  #stop(id: string): void {
    const subscription = this.#subscriptions.get(id);
    if (subscription) this.#remove(subscription, true);
  }

  #isActive(subscription: ActiveSubscription): boolean {
    return this.#subscriptions.get(subscription.id) === subscription;
  }

  #fail(subscription: ActiveSubscription, error: Error, sendStop: boolean): void {
    if (!this.#isActive(subscription)) return;
    this.#remove(subscription, sendStop);
    subscription.observer.error?.(error);
  }

  /** Forgets a subscription, tells the server when it had started one, and closes the socket after the last. */
  #remove(subscription: ActiveSubscription, sendStop: boolean): void {
    clearTimeout(subscription.ackTimer);
    this.#subscriptions.delete(subscription.id);
    if (sendStop && subscription.startSent && this.#socket?.readyState === OPEN) {
      this.#socket.send(JSON.stringify({ id: subscription.id, type: 'stop' }));
    }
    if (this.#subscriptions.size === 0) this.#dropSocket(new HdmRealtimeError('No subscriptions left'));
  }

  #connection(): Promise<WebSocketLike> {
    this.#ready ??= this.#open();
    return this.#ready;
  }

  async #open(): Promise<WebSocketLike> {
    const generation = this.#generation;
    const credentials = await this.#options.credentials();
    const auth = await realtimeAuthorization({ ...this.#authTarget(), credentials }, 'connect');
    if (generation !== this.#generation) throw new HdmRealtimeError('The connection was closed while connecting');
    const socket = new this.#options.WebSocket(this.#options.realtimeUrl, [
      GRAPHQL_WS,
      `header-${base64url(JSON.stringify(auth))}`,
    ]);
    this.#socket = socket;
    socket.onmessage = (event) => this.#onMessage(socket, event.data);
    socket.onclose = (event) =>
      this.#onSocketGone(
        socket,
        new HdmRealtimeError(
          `The real-time connection closed (${event.code}${event.reason ? ` ${event.reason}` : ''})`,
        ),
      );
    socket.onerror = () => {}; // a close event follows, which says more
    await new Promise<void>((resolve, reject) => {
      const timeoutMs = this.#ackTimeoutMs();
      const timer = setTimeout(
        () => this.#onSocketGone(socket, new HdmRealtimeError(`No connection_ack within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.#handshake = { resolve, reject, timer };
      socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init' }));
    });
    return socket;
  }

  #onMessage(socket: WebSocketLike, raw: unknown): void {
    if (socket !== this.#socket) return;
    let message: ServerMessage;
    try {
      message = JSON.parse(String(raw)) as ServerMessage;
    } catch {
      return; // not a frame of this protocol
    }
    const subscription = message.id === undefined ? undefined : this.#subscriptions.get(message.id);
    switch (message.type) {
      case 'connection_ack':
        this.#keepAlive(message.payload?.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS);
        if (this.#handshake) {
          clearTimeout(this.#handshake.timer);
          this.#handshake.resolve();
          this.#handshake = undefined;
        }
        return;
      case 'ka':
        this.#keepAlive(this.#keepAliveTimeoutMs);
        return;
      case 'connection_error': {
        const first = message.payload?.errors?.[0];
        this.#onSocketGone(
          socket,
          new HdmRealtimeError(first?.message ?? 'The real-time connection was refused', first?.errorType),
        );
        return;
      }
      case 'start_ack':
        if (!subscription) return;
        clearTimeout(subscription.ackTimer);
        subscription.observer.started?.();
        return;
      case 'data':
        subscription?.observer.next(message.payload?.data);
        return;
      case 'error':
        if (subscription)
          this.#fail(
            subscription,
            new HdmGraphQLError(message.payload?.errors ?? [{ message: 'Subscription error' }]),
            false,
          );
        else if (message.id === undefined)
          this.#onSocketGone(
            socket,
            new HdmRealtimeError(
              message.payload?.errors?.[0]?.message ?? 'Real-time error',
              message.payload?.errors?.[0]?.errorType,
            ),
          );
        return;
      case 'complete':
        if (!subscription) return;
        this.#remove(subscription, false);
        subscription.observer.complete?.();
        return;
      default:
        return;
    }
  }

  #keepAliveTimeoutMs = DEFAULT_CONNECTION_TIMEOUT_MS;

  /** (Re)arms the watchdog: no `ka` within connectionTimeoutMs means the connection is dead. */
  #keepAlive(timeoutMs: number): void {
    this.#keepAliveTimeoutMs = timeoutMs;
    clearTimeout(this.#keepAliveTimer);
    const socket = this.#socket;
    if (socket)
      this.#keepAliveTimer = setTimeout(
        () => this.#onSocketGone(socket, new HdmRealtimeError(`No keep-alive within ${timeoutMs} ms`)),
        timeoutMs,
      );
  }

  /** The socket failed (closed, refused, silent): every subscription on it ends with `error`. */
  #onSocketGone(socket: WebSocketLike, error: Error): void {
    if (socket !== this.#socket) return;
    const subscriptions = [...this.#subscriptions.values()];
    for (const subscription of subscriptions) clearTimeout(subscription.ackTimer);
    this.#subscriptions.clear();
    this.#dropSocket(error);
    for (const subscription of subscriptions) subscription.observer.error?.(error);
  }

  #dropSocket(reason: Error): void {
    const socket = this.#socket;
    this.#generation++;
    this.#socket = undefined;
    this.#ready = undefined;
    clearTimeout(this.#keepAliveTimer);
    if (this.#handshake) {
      clearTimeout(this.#handshake.timer);
      this.#handshake.reject(reason);
      this.#handshake = undefined;
    }
    socket?.close(1000);
  }

  #authTarget(): { graphqlUrl: string; region: string } {
    return { graphqlUrl: this.#options.graphqlUrl, region: this.#options.region };
  }

  #ackTimeoutMs(): number {
    return this.#options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
  }
}
