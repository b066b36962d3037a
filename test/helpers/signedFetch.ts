import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * SigV4-signed GraphQL requests made by an independent signer (@smithy/signature-v4, the AWS SDK's own),
 * so the local server's verifier is checked against AWS's implementation, not against itself.
 */

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Where and as whom to sign. */
export interface SigningTarget {
  /** The GraphQL endpoint, `http://127.0.0.1:<port>/graphql`. */
  url: string;
  region: string;
  credentials: AwsCredentials;
  /** Sign as of this time instead of now (replay and clock-skew tests). */
  signingDate?: Date;
}

export interface SignOptions extends SigningTarget {
  body: string;
  /** Headers to sign and send besides host and x-amz-*; default `content-type: application/json`. */
  headers?: Record<string, string>;
  /**
   * Sign and send `x-amz-content-sha256` as the AWS SDKs do (default true). Amplify and the AppSync links
   * do not send it, so the realtime client turns it off to sign exactly what they sign.
   */
  payloadHashHeader?: boolean;
}

export interface SignedRequest {
  url: string;
  /** Every signed header, `authorization` included, lower-case names. */
  headers: Record<string, string>;
  body: string;
}

/** One entry of `errors` as AppSync returns it. */
export interface AppSyncErrorEntry {
  message: string;
  errorType?: string;
  path?: (string | number)[] | null;
  locations?: { line: number; column: number; sourceName?: null }[] | null;
  data?: unknown;
  errorInfo?: unknown;
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: AppSyncErrorEntry[];
}

export interface HttpResult<T> {
  status: number;
  body: GraphQLResponse<T>;
}

/** Signs a POST of `body` to `url` with service `appsync`; returns the headers to send with it. */
export async function signRequest(options: SignOptions): Promise<SignedRequest> {
  const url = new URL(options.url);
  const signer = new SignatureV4({
    credentials: options.credentials,
    region: options.region,
    service: 'appsync',
    sha256: Sha256,
    applyChecksum: options.payloadHashHeader ?? true,
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: {},
      headers: { host: url.host, ...(options.headers ?? { 'content-type': 'application/json' }) },
      body: options.body,
    },
    options.signingDate ? { signingDate: options.signingDate } : {},
  );
  const headers = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
  return { url: options.url, headers, body: options.body };
}

/**
 * Sends a request as signed, or with another body (`bodyOverride`) to prove tampering is caught. `host` is
 * left to fetch, which sends the same value the signature covers.
 */
export async function sendSigned<T>(request: SignedRequest, bodyOverride?: string): Promise<HttpResult<T>> {
  const { host: _host, ...headers } = request.headers;
  return postRaw<T>(request.url, headers, bodyOverride ?? request.body);
}

/** A POST with exactly these headers (unsigned requests, hand-made signatures). */
export async function postRaw<T>(url: string, headers: Record<string, string>, body: string): Promise<HttpResult<T>> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  let parsed: GraphQLResponse<T>;
  try {
    parsed = JSON.parse(text) as GraphQLResponse<T>;
  } catch {
    throw new Error(`HTTP ${response.status} with a body that is not JSON (${text.length} characters)`);
  }
  return { status: response.status, body: parsed };
}

/** A signed GraphQL call: `{ query, variables }` as the body, AppSync's JSON back. */
export async function signedGraphQL<T = Record<string, unknown>>(
  target: SigningTarget,
  query: string,
  variables?: Record<string, unknown>,
): Promise<HttpResult<T>> {
  const body = JSON.stringify(variables ? { query, variables } : { query });
  return sendSigned<T>(await signRequest({ ...target, body }));
}
