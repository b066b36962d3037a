import { describe, expect, it } from 'vitest';
import { SignatureMismatchError } from '../../../local/auth/errors.ts';
import type { Principal } from '../../../local/auth/Principal.ts';
import { PrincipalRegistry } from '../../../local/auth/PrincipalRegistry.ts';
import {
  REALTIME_CONNECT_PATH,
  REALTIME_START_PATH,
  verifyRealtimeAuth,
} from '../../../local/auth/verifyRealtimeAuth.ts';
import { verifySigV4 } from '../../../local/auth/verifySigV4.ts';
import { realtimeAuthorization } from '../../../src/client/realtimeAuthorization.ts';
import { signRequest } from '../../../src/client/signRequest.ts';

// The client's signatures checked by the local server's verifier, which is itself tested against the AWS
// SDK's and aws-appsync-auth-link's signers (test/unit/local/auth): an independent check of the client.

const SIGNED_AT = new Date('2024-05-06T07:08:09Z');
const URL_ = 'http://127.0.0.1:4000/graphql';
const REGION = 'us-east-1';
const PRINCIPAL: Principal = {
  name: 'client-test',
  accessKeyId: 'AKIACLIENTKIT0000000',
  secretAccessKey: 'clientKitSecret/0123456789+abcdefghijklm',
  accountId: '000000000000',
  allow: ['*'],
};
const TEMPORARY: Principal = {
  ...PRINCIPAL,
  name: 'temporary',
  accessKeyId: 'ASIACLIENTKIT0000000',
  sessionToken: 'session-token-value',
};
const verifyOptions = {
  principals: new PrincipalRegistry([PRINCIPAL, TEMPORARY]),
  regions: [REGION],
  now: () => SIGNED_AT,
};
const credentialsOf = (p: Principal) => ({
  accessKeyId: p.accessKeyId,
  secretAccessKey: p.secretAccessKey,
  ...(p.sessionToken ? { sessionToken: p.sessionToken } : {}),
});

const BODY = JSON.stringify({ query: 'query { jobs { items { id } } }' });

describe('signRequest', () => {
  it('makes a signature the server verifies, over exactly the body sent', async () => {
    const headers = await signRequest({
      url: URL_,
      region: REGION,
      credentials: credentialsOf(PRINCIPAL),
      body: BODY,
      signingDate: SIGNED_AT,
    });
    expect(headers.host).toBe('127.0.0.1:4000');
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIACLIENTKIT0000000\/20240506\/us-east-1\/appsync\/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(verifySigV4({ method: 'POST', path: '/graphql', headers, body: BODY }, verifyOptions).principal.name).toBe(
      'client-test',
    );
    expect(() =>
      verifySigV4({ method: 'POST', path: '/graphql', headers, body: BODY.replace('id', 'owner') }, verifyOptions),
    ).toThrow(SignatureMismatchError);
  });

  it('signs the session token of temporary credentials', async () => {
    const headers = await signRequest({
      url: URL_,
      region: REGION,
      credentials: credentialsOf(TEMPORARY),
      body: BODY,
      signingDate: SIGNED_AT,
    });
    expect(headers['x-amz-security-token']).toBe('session-token-value');
    expect(verifySigV4({ method: 'POST', path: '/graphql', headers, body: BODY }, verifyOptions).principal.name).toBe(
      'temporary',
    );
    expect(headers.authorization).toContain('SignedHeaders=content-type;host;x-amz-date;x-amz-security-token,');
    const wrongToken = { ...headers, 'x-amz-security-token': 'another-token' };
    expect(() =>
      verifySigV4({ method: 'POST', path: '/graphql', headers: wrongToken, body: BODY }, verifyOptions),
    ).toThrow();
  });
});

describe('realtimeAuthorization', () => {
  const target = { graphqlUrl: URL_, region: REGION };

  it('signs the connect auth object over POST <graphql>/connect with body {}', async () => {
    const auth = await withClock(() =>
      realtimeAuthorization({ ...target, credentials: credentialsOf(TEMPORARY) }, 'connect'),
    );
    expect(Object.keys(auth).sort()).toEqual([
      'Authorization',
      'X-Amz-Security-Token',
      'accept',
      'content-encoding',
      'content-type',
      'host',
      'x-amz-date',
    ]);
    expect(auth).toMatchObject({
      host: '127.0.0.1:4000',
      accept: 'application/json, text/javascript',
      'content-encoding': 'amz-1.0',
      'content-type': 'application/json; charset=UTF-8',
    });
    expect(verifyRealtimeAuth(auth, '{}', REALTIME_CONNECT_PATH, verifyOptions).principal.name).toBe('temporary');
    expect(() => verifyRealtimeAuth(auth, '{}', REALTIME_START_PATH, verifyOptions)).toThrow(SignatureMismatchError);
  });

  it("signs a start over the GraphQL URL with the start's data string as body", async () => {
    const data = JSON.stringify({ query: 'subscription { onJobsUpdated { id status } }' });
    const auth = await withClock(() =>
      realtimeAuthorization({ ...target, credentials: credentialsOf(PRINCIPAL) }, { data }),
    );
    expect(auth['X-Amz-Security-Token']).toBeUndefined();
    expect(verifyRealtimeAuth(auth, data, REALTIME_START_PATH, verifyOptions).principal.name).toBe('client-test');
    expect(() => verifyRealtimeAuth(auth, data.replace('status', 'owner'), REALTIME_START_PATH, verifyOptions)).toThrow(
      SignatureMismatchError,
    );
  });
});

/** realtimeAuthorization signs as of now; verify as of the same moment. */
async function withClock<T>(sign: () => Promise<T>): Promise<T> {
  const before = Date.now();
  const result = await sign();
  verifyOptions.now = () => new Date(before);
  return result;
}
