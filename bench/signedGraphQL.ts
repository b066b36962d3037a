import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** A GraphQL POST signed with SigV4 (service appsync) by AWS's own signer, as an AppSync client sends it. */
export async function signedGraphQL(
  url: string,
  region: string,
  credentials: SigningCredentials,
  body: unknown,
): Promise<{ status: number; json: unknown }> {
  const target = new URL(url);
  const payload = JSON.stringify(body);
  const signer = new SignatureV4({ service: 'appsync', region, credentials, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: target.protocol,
    hostname: target.hostname,
    port: Number(target.port),
    path: target.pathname,
    query: {},
    headers: { host: target.host, 'content-type': 'application/json' },
    body: payload,
  });
  const response = await fetch(url, { method: 'POST', headers: signed.headers, body: payload });
  return { status: response.status, json: await response.json() };
}
