import { clearInterval, setInterval } from 'node:timers';
import { authErrorEntry, errorName, subscribeErrorEntries, type AppSyncRealtimeError } from './errors.ts';
import type { DecodedAuthHeader } from './decodeAuthHeader.ts';
import {
  CloseCode,
  parseClientMessage,
  parseSubscriptionRequest,
  serverMessage,
  type ClientMessage,
} from './messages.ts';
import type { ActiveSubscription, RealtimeHooks, RealtimeLogger } from './RealtimeHooks.ts';

/** The two things the core needs from a transport. */
export interface RealtimeSocket {
  send(text: string): void;
  close(code: number, reason: string): void;
}

/** Resolved settings (defaults applied by createRealtimeCore). */
export interface RealtimeSettings {
  keepAliveMs: number;
  connectionTimeoutMs: number;
  initTimeoutMs: number;
  maxSubscriptionsPerConnection: number;
  maxSubscriptionBytesPerConnection: number;
  maxConnectionDurationMs: number;
  maxDataMessageBytes: number;
}

type AuthOutcome<P> = { ok: true; principal: P } | { ok: false; error: AppSyncRealtimeError };

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

  constructor(init: {
    id: string;
    socket: RealtimeSocket;
    hooks: RealtimeHooks<P>;
    settings: RealtimeSettings;
    logger: RealtimeLogger;
    sourceIp: string;
    authHeader: DecodedAuthHeader;
    /** Told once, when the connection ends for any reason (the core unregisters it). */
    onClosed?: () => void;
    /**
     * Asked once the connection's principal is known: a release function when it may stay, undefined when
     * the principal already holds as many connections as allowed (refused with LimitExceededError).
     */
    admit?: (principal: P) => (() => void) | undefined;
  }) {
    this.id = init.id;
    this.#socket = init.socket;
    this.#hooks = init.hooks;
    this.#settings = init.settings;
    this.#log = init.logger;
    this.#sourceIp = init.sourceIp;
    this.#onClosed = init.onClosed ?? (() => {});
    this.#auth = this.#authenticate(init.authHeader).then((outcome) => this.#admit(outcome, init.admit));
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
    const outcomes = await Promise.all(targets.map(([id, sub]) => this.#deliver(id, sub, mutationField, payload)));
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

  async #authenticate(header: DecodedAuthHeader): Promise<AuthOutcome<P>> {
    if (!header.ok) return { ok: false, error: header.error };
    try {
      return {
        ok: true,
        principal: await this.#hooks.authenticateConnection(header.auth, { sourceIp: this.#sourceIp }),
      };
    } catch (error) {
      return { ok: false, error: authErrorEntry(error) };
    }
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
    const refusal = this.#checkStart(id, message.data);
    if (refusal) return this.#refuse(id, [refusal]);
    const request = parseSubscriptionRequest(message.data)!;
    const token = Symbol(id);
    this.#pending.set(id, token);
    this.#dataBytes.set(id, message.data.length);
    try {
      const principal = await this.#authorizeStart(message, connectionPrincipal);
      const subscription = await this.#hooks.subscribe(principal, request, { sourceIp: this.#sourceIp });
      if (this.#pending.get(id) !== token) return; // stopped (or connection closed) while the hooks ran
      this.#active.set(id, subscription);
      this.#send(serverMessage.startAck(id));
      this.#log.info('realtime.started', { connectionId: this.id, subscriptions: this.#active.size });
    } catch (error) {
      if (this.#pending.get(id) === token) this.#refuse(id, this.#startErrors(error));
    } finally {
      if (this.#pending.get(id) === token) this.#pending.delete(id);
      if (!this.#active.has(id) && !this.#pending.has(id)) this.#dataBytes.delete(id);
    }
  }

  #checkStart(id: string, data: string): AppSyncRealtimeError | undefined {
    if (this.#active.has(id) || this.#pending.has(id)) {
      return { errorType: 'DuplicatedOperationError', message: `Duplicated operation with id ${id}` };
    }
    const max = this.#settings.maxSubscriptionsPerConnection;
    if (this.#active.size + this.#pending.size >= max) {
      return { errorType: 'MaxSubscriptionsReachedError', message: `Max number of ${max} subscriptions reached` };
    }
    if (!parseSubscriptionRequest(data)) {
      return { errorType: 'BadRequestException', message: 'payload.data must be a JSON object with a query string' };
    }
    // Each live subscription keeps its query: 100 of AppSync's 240 KB frames would keep 24 MB per socket.
    const held = [...this.#dataBytes.values()].reduce((sum, n) => sum + n, 0);
    const maxBytes = this.#settings.maxSubscriptionBytesPerConnection;
    if (held + data.length > maxBytes) {
      return {
        errorType: 'LimitExceededError',
        message: `The subscriptions of one connection may hold at most ${maxBytes} bytes of queries`,
      };
    }
    return undefined;
  }

  async #authorizeStart(message: Extract<ClientMessage, { type: 'start' }>, connectionPrincipal: P): Promise<P> {
    try {
      return await this.#hooks.authenticateStart(message.authorization, message.data, connectionPrincipal);
    } catch (error) {
      throw new StartAuthRefusal(authErrorEntry(error), error);
    }
  }

  #startErrors(error: unknown): AppSyncRealtimeError[] {
    if (error instanceof StartAuthRefusal) return [{ errorType: error.entry.errorType, message: error.entry.message }];
    const refused = subscribeErrorEntries(error);
    if (refused) return refused;
    // A hook bug: say nothing about it to the client beyond AppSync's generic failure.
    this.#log.error('realtime.subscribe_failed', { connectionId: this.id, error: errorName(error) });
    return [{ errorType: 'InternalFailure', message: 'An internal failure occurred while starting the subscription' }];
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

  async #deliver(
    id: string,
    sub: ActiveSubscription,
    field: string,
    payload: unknown,
  ): Promise<'sent' | 'skipped' | 'failed'> {
    let data: Record<string, unknown> | undefined;
    try {
      data = await sub.deliver(field, payload);
    } catch (error) {
      this.#log.error('realtime.deliver_failed', {
        connectionId: this.id,
        mutationField: field,
        error: errorName(error),
      });
      return 'failed';
    }
    // The subscription may have been stopped while deliver ran.
    if (data === undefined || this.#closed || this.#active.get(id) !== sub) return 'skipped';
    const text = JSON.stringify(serverMessage.data(id, data));
    if (Buffer.byteLength(text) > this.#settings.maxDataMessageBytes) {
      this.#log.warn('realtime.data_too_large', {
        connectionId: this.id,
        mutationField: field,
        bytes: Buffer.byteLength(text),
      });
      return 'failed';
    }
    this.#socket.send(text);
    return 'sent';
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

/** Marks a start refused by authenticateStart, so its errorType survives the shared catch. */
class StartAuthRefusal extends Error {
  readonly entry: AppSyncRealtimeError;

  constructor(entry: AppSyncRealtimeError, cause: unknown) {
    super(entry.message, { cause });
    this.name = 'StartAuthRefusal';
    this.entry = entry;
  }
}
