// No client library: sign the request with the AWS SDK's SigV4 signer and POST it with fetch.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

const url = new URL(process.env.HDM_URL ?? 'http://127.0.0.1:4000/graphql');
const signer = new SignatureV4({
  service: 'appsync',
  region: process.env.HDM_REGION ?? 'us-east-1',
  credentials: { accessKeyId: process.env.HDM_ACCESS_KEY_ID ?? '', secretAccessKey: process.env.HDM_SECRET_ACCESS_KEY ?? '' },
  sha256: Sha256,
});

// Sign exactly the bytes you send: AppSync refuses a body that differs from the signed one (403).
const body = JSON.stringify({
  query: 'mutation ($input: MaskTextInput!) { maskText(input: $input) { id status maskedText findingCount } }',
  variables: { input: { text: 'Pt Marla Quenby, seen 03/14/2023. Call 617-555-0143.' } },
});
const signed = await signer.sign({
  method: 'POST',
  protocol: url.protocol,
  hostname: url.hostname,
  port: url.port ? Number(url.port) : undefined,
  path: url.pathname,
  headers: { host: url.host, 'content-type': 'application/json' },
  body,
});
const { host: _host, ...headers } = signed.headers; // fetch sends the same host itself

const response = await fetch(url, { method: 'POST', headers, body });
console.log(JSON.stringify({ status: response.status, body: await response.json() }));
