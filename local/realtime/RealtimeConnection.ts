import { clearInterval, setInterval } from 'node:timers';
import { authenticateConnection, type AuthOutcome } from './authenticateConnection.ts';
import { checkStart } from './checkStart.ts';
import { deliverData, type DeliveryTarget } from './deliverData.ts';
import type { AppSyncRealtimeError } from './errors.ts';
import {
  CloseCode,
  parseClientMessage,
  parseSubscriptionRequest,
  serverMessage,
  type ClientMessage,
} from './messages.ts';
import type { ActiveSubscription, RealtimeHooks, RealtimeLogger } from './RealtimeHooks.ts';
import type { RealtimeConnectionInit } from './RealtimeConnectionInit.ts';
import type { RealtimeSettings } from './RealtimeSettings.ts';
import type { RealtimeSocket } from './RealtimeSocket.ts';
import { authorizeStart, startErrors } from './startErrors.ts';

/**
 * One socket's protocol state: connection auth (started at open, answered on connection_init or the first
 * start, since AppSync makes connection_init optional), keep-alive, and its subscriptions by client id.
 */
export class RealtimeConnection<P> {
  readonly id: string;
  readonly #socket: RealtimeSocket;
  readonly #hooks: RealtimeHooks<P>;
  readonly #settings: RealtimeSettings;
  readonly #log: RealtimeLogger;
  readonly #sourceIp: string;
  readonly #onClosed: () => void;
  readonly #auth: Promise<AuthOutcome<P>>;
  readonly #active = new Map<string, ActiveSubscription>();
  /** Starts still in the hooks; the token tells a stop-then-restart of the same id apart from the original. */
  readonly #pending = new Map<string, symbol>();
  /** The size of each started or starting subscription's data (its query is kept while it lives). */
  readonly #dataBytes = new Map<string, number>();
  readonly #timers: ReturnType<typeof setTimeout>[] = [];
  #keepAlive: ReturnType<typeof setInterval> | undefined;
  #releasePlace: (() => void) | undefined;
  #initialized = false;
  #closed = false;

  constructor(init: RealtimeConnectionInit<P>) {
    this.id = init.id;
    this.#socket = init.socket;
    this.#hooks = init.hooks;
    this.#settings = init.settings;
    this.#log = init.logger;
    this.#sourceIp = init.sourceIp;
    this.#onClosed = init.onClosed ?? (() => {});
    this.#auth = authenticateConnection(this.#hooks, init.authHeader, this.#sourceIp).then((outcome) =>
      this.#admit(outcome, init.admit),
    );
    this.#timers.push(
      setTimeout(() => this.#initTimedOut(), init.settings.initTimeoutMs),
      setTimeout(
        () => this.close(CloseCode.GoingAway, 'Connection max duration reached'),
        init.settings.maxConnectionDurationMs,
      ),
    );
  }

  get subscriptionCount(): number {
    return this.#active.size;
  }

  get isClosed(): boolean {
    return this.#closed;
  }

  /** Handles one text frame. Resolves when the frame's work (including hooks) is done. */
  async receive(text: string): Promise<void> {
    if (this.#closed) return;
    const parsed = parseClientMessage(text);
    if (!parsed.ok) {
      this.#log.warn('realtime.bad_message', { connectionId: this.id, errorType: parsed.error.errorType });
      this.#send(serverMessage.error(parsed.id, [parsed.error]));
      return;
    }
    await this.#dispatch(parsed.message);
  }

  /** Offers one mutation result to this connection's matching subscriptions; counts what happened. */
  async publish(
    mutationField: string,
    payload: unknown,
  ): Promise<{ matched: number; delivered: number; failed: number }> {
    const targets = [...this.#active].filter(([, sub]) => sub.mutations.includes(mutationField));
    const outcomes = await Promise.all(
      targets.map(([id, sub]) => deliverData(this.#deliveryTarget(id, sub), mutationField, payload)),
    );
    return {
      matched: targets.length,
      delivered: outcomes.filter((o) => o === 'sent').length,
      failed: outcomes.filter((o) => o === 'failed').length,
    };
  }

  /** Ends the connection from the server side; `closed()` follows when the transport reports it. */
  close(code: number, reason: string): void {
    if (this.#closed) return;
    this.closed();
    this.#socket.close(code, reason);
  }

  /** The transport is gone: drop every subscription and timer. Idempotent. */
  closed(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    if (this.#keepAlive) clearInterval(this.#keepAlive);
    const dropped = this.#active.size;
    this.#active.clear();
    this.#pending.clear();
    this.#dataBytes.clear();
    this.#releasePlace?.();
    this.#onClosed();
    this.#log.info('realtime.closed', { connectionId: this.id, subscriptionsDropped: dropped });
  }

  /** Holds a place for the principal while the connection lives; over the cap, the connection is refused. */
  #admit(outcome: AuthOutcome<P>, admit: ((principal: P) => (() => void) | undefined) | undefined): AuthOutcome<P> {
    if (!outcome.ok || !admit || this.#closed) return outcome;
    const release = admit(outcome.principal);
    if (!release)
      return {
        ok: false,
        error: { errorType: 'LimitExceededError', message: 'Too many connections for this principal' },
      };
    this.#releasePlace = release;
    return outcome;
  }

  async #dispatch(message: ClientMessage): Promise<void> {
    switch (message.type) {
      case 'connection_init': {
        const auth = await this.#initialize();
        if (auth) this.#send(serverMessage.connectionAck(this.#settings.connectionTimeoutMs));
        if (auth && !this.#keepAlive) this.#startKeepAlive();
        return;
      }
      case 'start':
        return this.#start(message);
      case 'stop':
        return this.#stop(message.id);
    }
  }

  /** Settles connection auth; on refusal sends AppSync's connection_error and closes. */
  async #initialize(): Promise<P | undefined> {
    this.#initialized = true;
    const outcome = await this.#auth;
    if (this.#closed) return undefined;
    if (outcome.ok) return outcome.principal;
    this.#log.warn('realtime.connection_refused', { connectionId: this.id, errorType: outcome.error.errorType });
    this.#send(serverMessage.connectionError([outcome.error]));
    this.close(CloseCode.Unauthorized, 'Unauthorized');
    return undefined;
  }

  #startKeepAlive(): void {
    // A first ka right away, so a client's keep-alive clock starts from a message, then every keepAliveMs.
    this.#send(serverMessage.keepAlive());
    this.#keepAlive = setInterval(() => this.#send(serverMessage.keepAlive()), this.#settings.keepAliveMs);
  }

  async #start(message: Extract<ClientMessage, { type: 'start' }>): Promise<void> {
    const { id } = message;
    const connectionPrincipal = await this.#initialize();
    if (connectionPrincipal === undefined || this.#closed) return;
    if (!this.#keepAlive) this.#startKeepAlive();
    const refusal = checkStart(
      id,
      message.data,
      { active: this.#active, pending: this.#pending, dataBytes: this.#dataBytes },
      this.#settings,
    );
    if (refusal) return this.#refuse(id, [refusal]);
    const request = parseSubscriptionRequest(message.data)!;
    const token = Symbol(id);
    this.#pending.set(id, token);
    this.#dataBytes.set(id, message.data.length);
    try {
      const principal = await authorizeStart(this.#hooks, message, connectionPrincipal);
      const subscription = await this.#hooks.subscribe(principal, request, { sourceIp: this.#sourceIp });
      if (this.#pending.get(id) !== token) return; // stopped (or connection closed) while the hooks ran
      this.#active.set(id, subscription);
      this.#send(serverMessage.startAck(id));
      this.#log.info('realtime.started', { connectionId: this.id, subscriptions: this.#active.size });
    } catch (error) {
      if (this.#pending.get(id) === token) this.#refuse(id, startErrors(error, this.#log, this.id));
    } finally {
      if (this.#pending.get(id) === token) this.#pending.delete(id);
      if (!this.#active.has(id) && !this.#pending.has(id)) this.#dataBytes.delete(id);
    }
  }

  #refuse(id: string, errors: readonly AppSyncRealtimeError[]): void {
    this.#log.warn('realtime.start_refused', { connectionId: this.id, errorType: errors[0]?.errorType });
    this.#send(serverMessage.error(id, errors));
  }

  #stop(id: string): void {
    // complete even for an unknown id: a stop racing a refused start must not leave the client waiting.
    this.#pending.delete(id);
    this.#dataBytes.delete(id);
    const removed = this.#active.delete(id);
    this.#send(serverMessage.complete(id));
    if (removed) this.#log.info('realtime.stopped', { connectionId: this.id, subscriptions: this.#active.size });
  }

  /** One subscription as deliverData sees it; current while neither stopped nor closed. */
  #deliveryTarget(id: string, sub: ActiveSubscription): DeliveryTarget {
    return {
      connectionId: this.id,
      id,
      sub,
      isCurrent: () => !this.#closed && this.#active.get(id) === sub,
      socket: this.#socket,
      maxDataMessageBytes: this.#settings.maxDataMessageBytes,
      log: this.#log,
    };
  }

  #initTimedOut(): void {
    if (this.#initialized || this.#closed) return;
    this.#log.warn('realtime.init_timeout', { connectionId: this.id });
    this.close(CloseCode.ConnectionInitTimeout, 'Connection initialisation timeout');
  }

  #send(message: object): void {
    if (!this.#closed) this.#socket.send(JSON.stringify(message));
  }
}
