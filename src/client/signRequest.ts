import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HdmCredentials } from './HdmCredentials.ts';

export interface SignRequestOptions {
  /** The URL the POST goes to (for a real-time auth object: the GraphQL URL, plus `/connect` for connect). */
  url: string;
  region: string;
  credentials: HdmCredentials;
  /** Exactly the bytes that are sent: AppSync checks the signature against the body it receives. */
  body: string;
  /** Headers to sign besides host and x-amz-date; default `content-type: application/json`. */
  headers?: Record<string, string>;
  /** Sign as of this time instead of now. */
  signingDate?: Date;
}

/**
 * SigV4 for service `appsync`, with the AWS SDK's signer. Returns every signed header, lower-case, with
 * `host` and `authorization` (fetch sets `host` itself; browsers refuse to). No x-amz-content-sha256:
 * Amplify and the AppSync links do not send it, and AppSync hashes the body itself.
 */
export async function signRequest(options: SignRequestOptions): Promise<Record<string, string>> {
  const url = new URL(options.url);
  const signer = new SignatureV4({
    credentials: options.credentials,
    region: options.region,
    service: 'appsync',
    sha256: Sha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query: {},
      headers: { host: url.host, ...(options.headers ?? { 'content-type': 'application/json' }) },
      body: options.body,
    },
    options.signingDate ? { signingDate: options.signingDate } : {},
  );
  return Object.fromEntries(Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
}
