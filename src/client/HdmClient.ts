import { AppSyncRealtimeConnection } from './AppSyncRealtimeConnection.ts';
import { HdmGraphQLError, type HdmGraphQLErrorEntry, HdmHttpError } from './errors.ts';
import {
  JobDocument,
  MaskTextDocument,
  type MaskTextMutation,
  type MaskTextMutationVariables,
  type TypedDocumentString,
} from './generated.ts';
import { type HdmJob, waitForJob, type WaitForJobOptions } from './waitForJob.ts';
import type { HdmCredentials } from './HdmCredentials.ts';
import { realtimeUrlOf } from './realtimeUrlOf.ts';
import { signRequest } from './signRequest.ts';
import type { HdmSubscription, SubscriptionObserver } from './SubscriptionObserver.ts';
import type { WebSocketConstructorLike } from './WebSocketLike.ts';

export interface HdmClientOptions {
  /** The GraphQL endpoint: `http://127.0.0.1:4000/graphql` or `https://<id>.appsync-api.<region>.amazonaws.com/graphql`. */
  url: string;
  /** SigV4 region; the service is always `appsync`. */
  region: string;
  /** A key pair, or a function asked before every signature (for temporary credentials that refresh). */
  credentials: HdmCredentials | (() => Promise<HdmCredentials>);
  /** Default derived from `url` as AppSync clients do; see realtimeUrlOf. */
  realtimeUrl?: string;
  /** Default globalThis.fetch. */
  fetch?: typeof fetch;
  /** Default globalThis.WebSocket; on Node 20 pass `WebSocket` from `ws`. */
  WebSocket?: WebSocketConstructorLike;
  /** How long subscriptions wait for connection_ack and start_ack; default 15 s. */
  ackTimeoutMs?: number;
}

/** A GraphQL response body as AppSync sends it, for success and for refusals alike. */
interface ResponseBody {
  data?: unknown;
  errors?: HdmGraphQLErrorEntry[];
}

/**
 * A typed client of the health-data-masking API for browsers and Node 20+: signed queries and mutations
 * over fetch, subscriptions over AppSync's real-time protocol. Use the documents from generated.ts
 * (MaskTextDocument, ...) to get result and variable types.
 */
export class HdmClient {
  readonly #options: HdmClientOptions;
  #realtime: AppSyncRealtimeConnection | undefined;

  constructor(options: HdmClientOptions) {
    this.#options = options;
  }

  /** POST signed with SigV4; resolves with `data`. Rejects with HdmGraphQLError (`errors` in the body) or HdmHttpError (non-2xx). */
  async request<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables> | string,
    variables?: TVariables,
  ): Promise<TResult> {
    const query = document.toString();
    const body = JSON.stringify(variables === undefined ? { query } : { query, variables });
    const { host: _host, ...headers } = await signRequest({
      url: this.#options.url,
      region: this.#options.region,
      credentials: await this.#credentials(),
      body,
    });
    const doFetch = this.#options.fetch ?? globalThis.fetch;
    const response = await doFetch(this.#options.url, { method: 'POST', headers, body });
    const parsed = parseBody(await response.text());
    if (!response.ok)
      throw new HdmHttpError(response.status, parsed?.errors?.[0]?.errorType, parsed?.errors?.[0]?.message);
    if (!parsed) throw new HdmHttpError(response.status, undefined, 'The response body is not JSON');
    if (parsed.errors && parsed.errors.length > 0) throw new HdmGraphQLError(parsed.errors, parsed.data ?? undefined);
    return parsed.data as TResult;
  }

  /**
   * maskText, waiting for the answer: a note over the server's synchronous size comes back QUEUED and is
   * finished by the worker, so this reads `job(id)` until it is SUCCEEDED or FAILED (see waitForJob).
   * Smaller notes are answered within the call, as `request(MaskTextDocument, ...)` does.
   */
  async maskText(
    input: MaskTextMutationVariables['input'],
    options: WaitForJobOptions = {},
  ): Promise<MaskTextMutation['maskText'] | HdmJob> {
    const { maskText } = await this.request(MaskTextDocument, { input });
    if (maskText.status === 'SUCCEEDED' || maskText.status === 'FAILED') return maskText;
    return this.waitForJob(maskText.id, options);
  }

  /** Reads `job(id)` until the job is SUCCEEDED or FAILED; HdmJobTimeoutError past `timeoutMs`. */
  waitForJob(id: string, options: WaitForJobOptions = {}): Promise<HdmJob> {
    return waitForJob((jobId) => this.request(JobDocument, { id: jobId }), id, options);
  }

  /** Starts a subscription on the client's shared real-time connection (opened on first use). */
  subscribe<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables> | string,
    variables: TVariables,
    observer: SubscriptionObserver<TResult>,
  ): HdmSubscription {
    this.#realtime ??= new AppSyncRealtimeConnection({
      graphqlUrl: this.#options.url,
      realtimeUrl: this.#options.realtimeUrl ?? realtimeUrlOf(this.#options.url),
      region: this.#options.region,
      credentials: () => this.#credentials(),
      WebSocket: this.#webSocket(),
      ...(this.#options.ackTimeoutMs === undefined ? {} : { ackTimeoutMs: this.#options.ackTimeoutMs }),
    });
    return this.#realtime.subscribe(document.toString(), variables, observer as SubscriptionObserver<unknown>);
  }

  /** Closes the real-time socket; every subscription completes. The client stays usable. */
  close(): void {
    this.#realtime?.close();
  }

  async #credentials(): Promise<HdmCredentials> {
    const { credentials } = this.#options;
    return typeof credentials === 'function' ? credentials() : credentials;
  }

  #webSocket(): WebSocketConstructorLike {
    const found = this.#options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructorLike }).WebSocket;
    if (!found)
      throw new Error('No WebSocket: pass the WebSocket option (on Node 20, `WebSocket` from the ws package)');
    return found;
  }
}

function parseBody(text: string): ResponseBody | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as ResponseBody) : undefined;
  } catch {
    return undefined;
  }
}
