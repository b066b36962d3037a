import { FullJitterBackoff } from './FullJitterBackoff.ts';
import { Sha256 } from '@aws-crypto/sha256-js';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { ThrottledError } from '../../core/errors.ts';
import type { JobUpdate } from '../../core/Job.ts';
import type { JobEvents } from '../../core/ports.ts';
import {
  AppSyncGraphQLError,
  AppSyncHttpError,
  AppSyncResponseError,
  AppSyncTimeoutError,
  AppSyncUnreachableError,
  safeErrorType,
} from './appSyncErrors.ts';

/**
 * The mutation the worker calls. It selects every JobUpdate field: AppSync hands subscribers only the
 * fields the mutation's caller selected, and null for the rest.
 */
export const PUBLISH_JOB_UPDATE = `mutation PublishJobUpdate($input: JobUpdateInput!) {
  publishJobUpdate(input: $input) { id owner kind status updatedAt findingCount error { code message } }
}`;

export interface AppSyncJobEventsOptions {
  /** The API's GraphQL endpoint, `https://<id>.appsync-api.<region>.amazonaws.com/graphql`. */
  url: string;
  /** The region the request is signed for (the API's region). */
  region: string;
  /**
   * Who signs. Default: the AWS SDK's default provider chain (`@aws-sdk/credential-provider-node`),
   * which in Lambda reads the function role's temporary credentials and refreshes them when they expire.
   */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Default: Node's global fetch. Injectable for tests. */
  fetch?: typeof fetch;
  /** Per attempt (default 5,000 ms): a status update must not hold the worker for AppSync's whole 30 s. */
  timeoutMs?: number;
  /** Attempts in all, the first included (default 3). Only 5xx, 429, throttling errors, timeouts and network failures are retried. */
  maxAttempts?: number;
  /** Backoff before retry n (1-based) is random in [0, min(maxDelayMs, baseDelayMs·2^(n-1))) (defaults 100 and 2,000 ms). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Injectable waiting and randomness, so tests check the backoff without waiting for it. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** One attempt's outcome: done, or an error and whether trying again may help. */
type Attempt = { ok: true } | { ok: false; error: Error; retryable: boolean; throttled: boolean };

interface GraphQLBody {
  data?: unknown;
  errors?: { errorType?: unknown }[];
}

/**
 * The JobEvents port on AppSync: each update is sent as the `publishJobUpdate` mutation, a POST signed
 * with SigV4 (service `appsync`) as the caller's IAM role, so AppSync delivers it to the `onJobUpdated`
 * and `onJobsUpdated` subscribers. A direct DynamoDB write would reach no subscriber (aws-facts.md §4(d)).
 */
export class AppSyncJobEvents implements JobEvents {
  readonly #url: URL;
  readonly #signer: SignatureV4;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #backoff: FullJitterBackoff;

  constructor(options: AppSyncJobEventsOptions) {
    this.#url = new URL(options.url);
    this.#signer = new SignatureV4({
      credentials: options.credentials ?? defaultProvider(),
      region: options.region,
      service: 'appsync',
      sha256: Sha256,
    });
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#timeoutMs = options.timeoutMs ?? 5_000;
    this.#backoff = new FullJitterBackoff(options, { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2_000 });
  }

  async publish(update: JobUpdate): Promise<void> {
    const body = JSON.stringify({
      query: PUBLISH_JOB_UPDATE,
      operationName: 'PublishJobUpdate',
      variables: { input: toInput(update) },
    });
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#attempt(body);
      if (outcome.ok) return;
      if (!outcome.retryable || attempt >= this.#backoff.maxAttempts) {
        if (outcome.throttled) throw new ThrottledError('AppSync throttled publishJobUpdate', { cause: outcome.error });
        throw outcome.error;
      }
      await this.#backoff.wait(attempt);
    }
  }

  async #attempt(body: string): Promise<Attempt> {
    // Signed per attempt: the signature carries the time, and role credentials may have been refreshed.
    const signed = await this.#signer.sign({
      method: 'POST',
      protocol: this.#url.protocol,
      hostname: this.#url.hostname,
      ...(this.#url.port ? { port: Number(this.#url.port) } : {}),
      path: this.#url.pathname,
      query: {},
      headers: { host: this.#url.host, 'content-type': 'application/json' },
      body,
    });
    // fetch sets Host itself, to the same value the signature covers.
    const headers = Object.fromEntries(
      Object.entries(signed.headers).filter(([name]) => name.toLowerCase() !== 'host'),
    );
    let response: Response;
    try {
      response = await this.#fetch(this.#url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return {
        ok: false,
        error: timedOut
          ? new AppSyncTimeoutError(this.#timeoutMs, { cause: error })
          : new AppSyncUnreachableError({ cause: error }),
        retryable: true,
        throttled: false,
      };
    }
    const parsed = await readJson(response);
    const errorTypes = (parsed?.errors ?? []).map((e) => safeErrorType(e?.errorType) ?? 'unknown');
    const throttled = response.status === 429 || (errorTypes.length > 0 && errorTypes.every(isThrottling));
    if (!response.ok) {
      const cause = errorTypes.length > 0 ? new AppSyncGraphQLError(errorTypes) : undefined;
      return {
        ok: false,
        error: new AppSyncHttpError(response.status, cause ? { cause } : undefined),
        retryable: throttled || response.status >= 500,
        throttled,
      };
    }
    if (!parsed || typeof parsed !== 'object')
      return { ok: false, error: new AppSyncResponseError(), retryable: false, throttled: false };
    if (errorTypes.length > 0)
      return { ok: false, error: new AppSyncGraphQLError(errorTypes), retryable: throttled, throttled };
    return { ok: true };
  }
}

/** JobUpdateInput takes exactly the JobUpdate fields; anything else on the object would fail validation. */
function toInput(update: JobUpdate): Record<string, unknown> {
  const { id, owner, kind, status, updatedAt, findingCount, error } = update;
  return {
    id,
    owner,
    kind,
    status,
    updatedAt,
    ...(findingCount !== undefined ? { findingCount } : {}),
    ...(error ? { error: { code: error.code, message: error.message } } : {}),
  };
}

async function readJson(response: Response): Promise<GraphQLBody | undefined> {
  try {
    const value: unknown = await response.json();
    return value && typeof value === 'object' ? (value as GraphQLBody) : undefined;
  } catch {
    return undefined;
  }
}

function isThrottling(errorType: string): boolean {
  return /throttl|toomanyrequests|limitexceeded/i.test(errorType);
}
