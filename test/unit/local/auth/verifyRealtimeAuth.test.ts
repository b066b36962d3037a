import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  MissingAuthenticationError,
  MissingSignedHeaderError,
  SignatureExpiredError,
  SignatureMismatchError,
  UnknownAccessKeyError,
} from '../../../../local/auth/errors.ts';
import type { Principal } from '../../../../local/auth/Principal.ts';
import { PrincipalRegistry } from '../../../../local/auth/PrincipalRegistry.ts';
import {
  REALTIME_CONNECT_PATH,
  REALTIME_START_PATH,
  verifyRealtimeAuth,
} from '../../../../local/auth/verifyRealtimeAuth.ts';
import type { VerifySigV4Options } from '../../../../local/auth/verifySigV4.ts';

// The CommonJS build: the ESM one fails on Node with "Sha256 is not a constructor" (see verifySigV4.test.ts).
const { Signer } = createRequire(import.meta.url)('aws-appsync-auth-link') as typeof import('aws-appsync-auth-link');

const BOB: Principal = {
  name: 'bob',
  accessKeyId: 'ASIABOB0000000000TST',
  secretAccessKey: 'bobSecretKey/0123456789+abcdefghijklmnopq',
  sessionToken: 'FwoGZXIvYXdzEXAMPLEbobSessionToken==',
  accountId: '000000000000',
  allow: ['*'],
};
const ENDPOINT = 'https://localhost:4000/graphql';
const HOST = 'localhost:4000';
const NOW = new Date('2024-05-01T12:00:00Z');
/** What both Amplify JS v6 and aws-appsync-subscription-link put in the signed virtual request. */
const REALTIME_HEADERS = {
  accept: 'application/json, text/javascript',
  'content-encoding': 'amz-1.0',
  'content-type': 'application/json; charset=UTF-8',
};
const DATA = JSON.stringify({
  query: 'subscription S($id: ID!) { onJobUpdated(id: $id) { id status } }',
  variables: { id: 'job-1' },
});

const options = (overrides: Partial<VerifySigV4Options> = {}): VerifySigV4Options => ({
  principals: new PrincipalRegistry([BOB]),
  regions: ['us-east-1'],
  now: () => NOW,
  ...overrides,
});

/**
 * The auth object as Amplify JS v6 builds it (api-graphql AWSWebSocketProvider/authHeaders.ts): core's
 * signRequest over POST `${endpoint}${canonicalUri}` with the three realtime headers, host and x-amz-date
 * (no x-amz-content-sha256), lower-case names. Reproduced here with @smithy/signature-v4.
 */
async function amplifyAuth(canonicalUri: string, payload: string, signingDate = NOW): Promise<Record<string, string>> {
  const url = new URL(`${ENDPOINT}${canonicalUri}`);
  const signer = new SignatureV4({
    credentials: BOB,
    region: 'us-east-1',
    service: 'appsync',
    sha256: Sha256,
    applyChecksum: false,
  });
  const request = await signer.sign(
    {
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: {},
      headers: { ...REALTIME_HEADERS, host: url.host },
      body: payload,
    },
    { signingDate },
  );
  return request.headers;
}

/** The auth object as aws-appsync-subscription-link 4 builds it: the auth link's Signer, names as it writes them. */
function subscriptionLinkAuth(canonicalUri: string, payload: string): Record<string, string> {
  const request = Signer.sign(
    { url: `${ENDPOINT}${canonicalUri}`, body: payload, method: 'POST', headers: { ...REALTIME_HEADERS } },
    { access_key: BOB.accessKeyId, secret_key: BOB.secretAccessKey, session_token: BOB.sessionToken },
    { region: 'us-east-1', service: 'appsync' },
  );
  return request.headers as Record<string, string>;
}

describe('verifyRealtimeAuth: connect', () => {
  it('accepts the connect auth Amplify JS v6 sends (POST /graphql/connect, body {})', async () => {
    const auth = await amplifyAuth('/connect', '{}');
    expect(auth.host).toBe(HOST);
    expect(verifyRealtimeAuth(auth, '{}', REALTIME_CONNECT_PATH, options()).principal).toBe(BOB);
  });

  it('accepts the connect auth aws-appsync-subscription-link sends, with its capitalized names', () => {
    const auth = subscriptionLinkAuth('/connect', '{}');
    expect(Object.keys(auth)).toEqual(
      expect.arrayContaining(['Authorization', 'X-Amz-Security-Token', 'host', 'x-amz-date']),
    );
    // This signer reads the real clock.
    expect(verifyRealtimeAuth(auth, '{}', REALTIME_CONNECT_PATH, options({ now: () => new Date() })).principal).toBe(
      BOB,
    );
  });

  it('checks the host inside the auth object: a changed host does not verify', async () => {
    const auth = await amplifyAuth('/connect', '{}');
    expect(() =>
      verifyRealtimeAuth({ ...auth, host: 'evil.example:4000' }, '{}', REALTIME_CONNECT_PATH, options()),
    ).toThrow(SignatureMismatchError);
  });

  it('refuses connect auth verified against another path, and accepts it when that path is listed', async () => {
    const auth = await amplifyAuth('/connect', '{}');
    expect(() => verifyRealtimeAuth(auth, '{}', REALTIME_START_PATH, options())).toThrow(SignatureMismatchError);
    expect(verifyRealtimeAuth(auth, '{}', [REALTIME_START_PATH, REALTIME_CONNECT_PATH], options()).principal).toBe(BOB);
    const legacy = await amplifyAuth('', '{}');
    expect(verifyRealtimeAuth(legacy, '{}', [REALTIME_CONNECT_PATH, REALTIME_START_PATH], options()).principal).toBe(
      BOB,
    );
  });

  it('refuses an auth object without Authorization, or without a signed header', async () => {
    const { authorization: _a, ...unsigned } = await amplifyAuth('/connect', '{}');
    expect(() => verifyRealtimeAuth(unsigned, '{}', REALTIME_CONNECT_PATH, options())).toThrow(
      MissingAuthenticationError,
    );
    const { host: _h, ...hostless } = await amplifyAuth('/connect', '{}');
    expect(() => verifyRealtimeAuth(hostless, '{}', REALTIME_CONNECT_PATH, options())).toThrow(
      MissingSignedHeaderError,
    );
  });

  it('refuses an expired connect signature and an unknown key', async () => {
    const old = await amplifyAuth('/connect', '{}', new Date(NOW.getTime() - 6 * 60_000));
    expect(() => verifyRealtimeAuth(old, '{}', REALTIME_CONNECT_PATH, options())).toThrow(SignatureExpiredError);
    const auth = await amplifyAuth('/connect', '{}');
    expect(() =>
      verifyRealtimeAuth(auth, '{}', REALTIME_CONNECT_PATH, options({ principals: new PrincipalRegistry([]) })),
    ).toThrow(UnknownAccessKeyError);
  });
});

describe('verifyRealtimeAuth: start', () => {
  it('accepts start auth signed over the data string at /graphql (Amplify)', async () => {
    const auth = await amplifyAuth('', DATA);
    expect(verifyRealtimeAuth(auth, DATA, REALTIME_START_PATH, options()).principal).toBe(BOB);
  });

  it('accepts start auth from aws-appsync-subscription-link, with the unsigned user agent it adds', () => {
    const auth = { ...subscriptionLinkAuth('', DATA), 'x-amz-user-agent': 'aws-amplify/4.0.3' };
    expect(verifyRealtimeAuth(auth, DATA, REALTIME_START_PATH, options({ now: () => new Date() })).principal).toBe(BOB);
  });

  it('refuses start auth when the data string was changed after signing', async () => {
    const auth = await amplifyAuth('', DATA);
    const other = DATA.replace('job-1', 'job-2');
    expect(() => verifyRealtimeAuth(auth, other, REALTIME_START_PATH, options())).toThrow(SignatureMismatchError);
  });

  it('refuses connect auth replayed as start auth', async () => {
    const auth = await amplifyAuth('/connect', '{}');
    expect(() => verifyRealtimeAuth(auth, DATA, REALTIME_START_PATH, options())).toThrow(SignatureMismatchError);
  });
});
