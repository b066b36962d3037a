import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  AppSyncAuthError,
  DateNotSignedError,
  HostNotServedError,
  HostNotSignedError,
  InvalidAuthorizationHeaderError,
  InvalidDateError,
  InvalidSessionTokenError,
  InvalidSignatureHeaderError,
  MalformedCredentialError,
  MissingAuthenticationError,
  MissingDateError,
  MissingSignedHeaderError,
  PayloadHashMismatchError,
  RegionNotConfiguredError,
  ScopeDateMismatchError,
  SignatureExpiredError,
  SignatureMismatchError,
  SignatureNotYetCurrentError,
  UnknownAccessKeyError,
  UnsupportedAlgorithmError,
  WrongServiceError,
} from '../../../../local/auth/errors.ts';
import type { Principal } from '../../../../local/auth/Principal.ts';
import { PrincipalRegistry } from '../../../../local/auth/PrincipalRegistry.ts';
import {
  hostnameOf,
  verifySigV4,
  type SignedHttpRequest,
  type VerifySigV4Options,
} from '../../../../local/auth/verifySigV4.ts';

// The ESM build of aws-appsync-auth-link throws "Sha256 is not a constructor" on Node (its nested
// @aws-crypto/sha256-js 1.x has no named ESM exports); its CommonJS build works, so load that.
const { Signer } = createRequire(import.meta.url)('aws-appsync-auth-link') as typeof import('aws-appsync-auth-link');

const ALICE: Principal = {
  name: 'alice',
  accessKeyId: 'AKIAALICE0000000TEST',
  secretAccessKey: 'aliceSecretKey/0123456789+abcdefghijklmno',
  accountId: '111122223333',
  allow: ['*'],
};
const TEMP: Principal = {
  name: 'temp-session',
  accessKeyId: 'ASIATEMP00000000TEST',
  secretAccessKey: 'tempSecretKey/0123456789+abcdefghijklmnop',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLEsessionTOKEN+/=',
  accountId: '111122223333',
  allow: ['*'],
};
const NOW = new Date('2024-05-01T12:00:00Z');
const BODY = JSON.stringify({
  query: 'mutation M($t: String!) { maskText(input: { text: $t }) { id } }',
  variables: { t: 'Patient John Doe, DOB 01/02/1960' },
});

const options = (overrides: Partial<VerifySigV4Options> = {}): VerifySigV4Options => ({
  principals: new PrincipalRegistry([ALICE, TEMP]),
  regions: ['us-east-1', 'eu-west-1'],
  now: () => NOW,
  ...overrides,
});

interface SignOptions {
  body?: string;
  path?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region?: string;
  service?: string;
  signingDate?: Date;
  applyChecksum?: boolean;
}

type TestRequest = Omit<SignedHttpRequest, 'headers'> & { headers: Record<string, string> };

/** Signs a request the way AWS SDK v3 does (@smithy/signature-v4), then shapes it as Node would receive it. */
async function signed(opts: SignOptions = {}): Promise<TestRequest> {
  const signer = new SignatureV4({
    credentials: opts.credentials ?? ALICE,
    region: opts.region ?? 'us-east-1',
    service: opts.service ?? 'appsync',
    sha256: Sha256,
    applyChecksum: opts.applyChecksum ?? true,
  });
  const body = opts.body ?? BODY;
  const request = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: 'localhost',
      port: 4000,
      path: opts.path ?? '/graphql',
      query: opts.query ?? {},
      headers: opts.headers ?? { host: 'localhost:4000', 'content-type': 'application/json' },
      body,
    },
    { signingDate: opts.signingDate ?? NOW },
  );
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = String(value);
  const query = Object.entries(opts.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return { method: 'POST', path: opts.path ?? '/graphql', query, headers, body };
}

function failure(request: SignedHttpRequest, opts: VerifySigV4Options = options()): AppSyncAuthError {
  try {
    verifySigV4(request, opts);
  } catch (error) {
    expect(error).toBeInstanceOf(AppSyncAuthError);
    return error as AppSyncAuthError;
  }
  throw new Error('verification passed but should have failed');
}

describe('verifySigV4: requests that pass', () => {
  it('accepts a request signed by @smithy/signature-v4 and names its principal', async () => {
    expect(verifySigV4(await signed(), options()).principal).toBe(ALICE);
  });

  it('accepts a string body and the same body as a Buffer', async () => {
    const request = await signed();
    expect(verifySigV4({ ...request, body: Buffer.from(BODY) }, options()).principal.name).toBe('alice');
  });

  it('accepts a request without x-amz-content-sha256 (as Amplify and the AppSync auth link sign)', async () => {
    const request = await signed({ applyChecksum: false });
    expect(request.headers['x-amz-content-sha256']).toBeUndefined();
    expect(verifySigV4(request, options()).principal).toBe(ALICE);
  });

  it('accepts temporary credentials that carry their session token', async () => {
    const request = await signed({ credentials: TEMP });
    expect(request.headers['x-amz-security-token']).toBe(TEMP.sessionToken);
    expect(verifySigV4(request, options()).principal).toBe(TEMP);
  });

  it('accepts any configured region', async () => {
    expect(verifySigV4(await signed({ region: 'eu-west-1' }), options()).principal).toBe(ALICE);
  });

  it('canonicalizes an encoded path and query as the SDK does', async () => {
    const request = await signed({ path: '/graphql/a%20b/c', query: { 'b key': 'x y/z', a: "1!'()*", empty: '' } });
    expect(verifySigV4(request, options()).principal).toBe(ALICE);
  });

  it('accepts a clock difference of exactly five minutes either way', async () => {
    const ahead = new Date(NOW.getTime() + 5 * 60_000);
    const behind = new Date(NOW.getTime() - 5 * 60_000);
    expect(verifySigV4(await signed({ signingDate: ahead }), options()).principal).toBe(ALICE);
    expect(verifySigV4(await signed({ signingDate: behind }), options()).principal).toBe(ALICE);
  });

  it('accepts a request signed by aws-appsync-auth-link, the signer of the Apollo AppSync link', () => {
    const request = Signer.sign(
      {
        url: 'http://localhost:4000/graphql',
        method: 'POST',
        body: BODY,
        headers: { 'content-type': 'application/json', accept: '*/*' },
      },
      { access_key: TEMP.accessKeyId, secret_key: TEMP.secretAccessKey, session_token: TEMP.sessionToken },
      { region: 'us-east-1', service: 'appsync' },
    );
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers as Record<string, string>))
      headers[name.toLowerCase()] = value;
    // This signer reads the real clock; verify against it too.
    expect(
      verifySigV4({ method: 'POST', path: '/graphql', headers, body: BODY }, options({ now: () => new Date() }))
        .principal,
    ).toBe(TEMP);
  });

  it('joins repeated header values with commas, as SigV4 canonicalizes them', async () => {
    const request = await signed({
      headers: { host: 'localhost:4000', 'content-type': 'application/json', 'x-custom': 'a,b' },
    });
    expect(
      verifySigV4({ ...request, headers: { ...request.headers, 'x-custom': ['a', 'b'] } }, options()).principal,
    ).toBe(ALICE);
  });
});

describe('verifySigV4: requests that are refused, with AppSync response shapes', () => {
  it('refuses an unsigned request: 401 UnauthorizedException', async () => {
    const request = await signed();
    delete request.headers.authorization;
    const error = failure(request);
    expect(error).toBeInstanceOf(MissingAuthenticationError);
    expect([error.statusCode, error.errorType, error.message]).toEqual([
      401,
      'UnauthorizedException',
      'Missing authorization header',
    ]);
  });

  it('refuses a presigned query string: AppSync takes header signatures only', async () => {
    const request = await signed();
    delete request.headers.authorization;
    const error = failure({ ...request, query: 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc' });
    expect(error).toBeInstanceOf(MissingAuthenticationError);
  });

  it('refuses an Authorization header that is not SigV4 (a JWT): 401', async () => {
    const request = await signed();
    const error = failure({
      ...request,
      headers: { ...request.headers, authorization: 'eyJhbGciOiJIUzI1NiJ9.e30.sig' },
    });
    expect(error).toBeInstanceOf(InvalidAuthorizationHeaderError);
    expect([error.statusCode, error.errorType, error.message]).toEqual([
      401,
      'UnauthorizedException',
      'Valid authorization header not provided.',
    ]);
  });

  it('refuses another SigV4 algorithm', async () => {
    const request = await signed();
    const authorization = request.headers.authorization!.replace('AWS4-HMAC-SHA256', 'AWS4-ECDSA-P256-SHA256');
    const error = failure({ ...request, headers: { ...request.headers, authorization } });
    expect(error).toBeInstanceOf(UnsupportedAlgorithmError);
    expect(error.errorType).toBe('IncompleteSignatureException');
  });

  it('refuses a header without Signature or SignedHeaders, naming each missing part', async () => {
    const request = await signed();
    const authorization = request.headers
      .authorization!.replace(/, SignedHeaders=[^,]+/, '')
      .replace(/, Signature=\w+/, '');
    const error = failure({ ...request, headers: { ...request.headers, authorization } });
    expect(error).toBeInstanceOf(InvalidSignatureHeaderError);
    expect(error.message).toBe(
      "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.",
    );
  });

  it('refuses a credential that is not five slash-separated parts', async () => {
    const request = await signed();
    const authorization = request.headers.authorization!.replace('/appsync/aws4_request', '/appsync');
    const error = failure({ ...request, headers: { ...request.headers, authorization } });
    expect(error).toBeInstanceOf(MalformedCredentialError);
    expect(error.message).not.toContain(ALICE.accessKeyId);
  });

  it('refuses a request with an unknown access key id: 403 UnrecognizedClientException', async () => {
    const error = failure(
      await signed({ credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: ALICE.secretAccessKey } }),
    );
    expect(error).toBeInstanceOf(UnknownAccessKeyError);
    expect([error.statusCode, error.errorType, error.message]).toEqual([
      403,
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    ]);
  });

  it('refuses a known key signed with the wrong secret: 403 InvalidSignatureException', async () => {
    const error = failure(
      await signed({ credentials: { accessKeyId: ALICE.accessKeyId, secretAccessKey: 'not-the-secret' } }),
    );
    expect(error).toBeInstanceOf(SignatureMismatchError);
    expect(error.statusCode).toBe(403);
    expect(error.errorType).toBe('InvalidSignatureException');
    expect(error.message).toMatch(/^The request signature we calculated does not match the signature you provided\./);
  });

  it('refuses a tampered body when the client sent no payload hash header', async () => {
    const request = await signed({ applyChecksum: false });
    const error = failure({ ...request, body: BODY.replace('John', 'Jane') });
    expect(error).toBeInstanceOf(SignatureMismatchError);
    expect(error).not.toBeInstanceOf(PayloadHashMismatchError);
  });

  it('refuses a tampered body whose x-amz-content-sha256 no longer matches', async () => {
    const request = await signed();
    const error = failure({ ...request, body: BODY.replace('John', 'Jane') });
    expect(error).toBeInstanceOf(PayloadHashMismatchError);
    expect([error.statusCode, error.errorType]).toEqual([403, 'InvalidSignatureException']);
  });

  it('refuses UNSIGNED-PAYLOAD: AppSync hashes the body', async () => {
    const request = await signed({
      headers: {
        host: 'localhost:4000',
        'content-type': 'application/json',
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
      },
    });
    expect(failure(request)).toBeInstanceOf(PayloadHashMismatchError);
  });

  it('refuses a tampered signed header', async () => {
    const request = await signed();
    expect(failure({ ...request, headers: { ...request.headers, 'content-type': 'text/plain' } })).toBeInstanceOf(
      SignatureMismatchError,
    );
  });

  it('refuses a request sent to another host than the one signed', async () => {
    const request = await signed();
    expect(failure({ ...request, headers: { ...request.headers, host: 'localhost:4001' } })).toBeInstanceOf(
      SignatureMismatchError,
    );
  });

  it('refuses a changed path, method or query', async () => {
    const request = await signed({ query: { a: '1' } });
    expect(failure({ ...request, path: '/graphql/other' })).toBeInstanceOf(SignatureMismatchError);
    expect(failure({ ...request, method: 'PUT' })).toBeInstanceOf(SignatureMismatchError);
    expect(failure({ ...request, query: 'a=2' })).toBeInstanceOf(SignatureMismatchError);
  });

  it('refuses a signed header that is missing from the request', async () => {
    const request = await signed();
    delete request.headers['content-type'];
    const error = failure(request);
    expect(error).toBeInstanceOf(MissingSignedHeaderError);
    expect(error.message).toBe("'content-type' is named as a SignedHeader, but it does not exist in the HTTP request.");
  });

  it('refuses a signature that does not cover host', async () => {
    const error = failure(await signed({ headers: { 'content-type': 'application/json' } }));
    expect(error).toBeInstanceOf(HostNotSignedError);
    expect(error.errorType).toBe('InvalidSignatureException');
  });

  it('refuses an x-amz-date header left out of SignedHeaders: a captured signature must not take a fresh date', async () => {
    const request = await signed();
    const authorization = request.headers.authorization ?? '';
    const unsigned = {
      ...request,
      headers: {
        ...request.headers,
        authorization: authorization.replace(
          /SignedHeaders=([^,]*)/,
          (_m, list: string) =>
            `SignedHeaders=${list
              .split(';')
              .filter((h) => h !== 'x-amz-date')
              .join(';')}`,
        ),
      },
    };
    const error = failure(unsigned);
    expect(error).toBeInstanceOf(DateNotSignedError);
    expect([error.statusCode, error.errorType, error.message]).toEqual([
      403,
      'InvalidSignatureException',
      "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.",
    ]);
  });

  it("refuses a request signed for a host name that is not one of the server's", async () => {
    const served = options({ isServedHost: (name) => name === 'localhost' || name === '127.0.0.1' });
    expect(verifySigV4(await signed(), served).principal).toBe(ALICE);
    const elsewhere = await signed({ headers: { host: 'attacker.example:4000', 'content-type': 'application/json' } });
    // The signature itself is valid: only the name says it was made for another endpoint.
    expect(verifySigV4(elsewhere, options()).principal).toBe(ALICE);
    const error = failure(elsewhere, served);
    expect(error).toBeInstanceOf(HostNotServedError);
    expect([error.statusCode, error.errorType]).toEqual([403, 'InvalidSignatureException']);
  });

  it('reads the host name out of a Host header with a port, brackets or a trailing dot', () => {
    expect(['127.0.0.1:4000', '[::1]:4000', '[::1]', 'LocalHost.', 'localhost'].map(hostnameOf)).toEqual([
      '127.0.0.1',
      '::1',
      '::1',
      'localhost',
      'localhost',
    ]);
  });

  it('refuses a request signed 6 minutes ago: 400 BadRequestException "Signature expired"', async () => {
    const error = failure(await signed({ signingDate: new Date(NOW.getTime() - 6 * 60_000) }));
    expect(error).toBeInstanceOf(SignatureExpiredError);
    expect([error.statusCode, error.errorType]).toEqual([400, 'BadRequestException']);
    expect(error.message).toBe(
      'Signature expired: 20240501T115400Z is now earlier than 20240501T115500Z (20240501T120000Z - 5 min.)',
    );
  });

  it('refuses a request signed 6 minutes ahead: "Signature not yet current"', async () => {
    const error = failure(await signed({ signingDate: new Date(NOW.getTime() + 6 * 60_000) }));
    expect(error).toBeInstanceOf(SignatureNotYetCurrentError);
    expect(error.message).toBe(
      'Signature not yet current: 20240501T120600Z is still later than 20240501T120500Z (20240501T120000Z + 5 min.)',
    );
  });

  it('honours a configured skew', async () => {
    const request = await signed({ signingDate: new Date(NOW.getTime() - 90_000) });
    expect(failure(request, options({ maxSkewMs: 60_000 }))).toBeInstanceOf(SignatureExpiredError);
  });

  it('refuses a region the server is not configured for', async () => {
    const error = failure(await signed({ region: 'ap-south-1' }));
    expect(error).toBeInstanceOf(RegionNotConfiguredError);
    expect([error.statusCode, error.errorType]).toEqual([403, 'InvalidSignatureException']);
  });

  it('refuses a signature for another service', async () => {
    const error = failure(await signed({ service: 'execute-api' }));
    expect(error).toBeInstanceOf(WrongServiceError);
    expect(error.message).toBe("Credential should be scoped to correct service: 'appsync'. ");
  });

  it('refuses a credential scope dated another day than x-amz-date', async () => {
    const request = await signed({ signingDate: new Date('2024-04-30T23:59:00Z') });
    const error = failure(
      { ...request, headers: { ...request.headers, 'x-amz-date': '20240501T000100Z' } },
      options({ now: () => new Date('2024-05-01T00:00:00Z') }),
    );
    expect(error).toBeInstanceOf(ScopeDateMismatchError);
  });

  it('refuses a request without x-amz-date or date', async () => {
    const request = await signed();
    delete request.headers['x-amz-date'];
    expect(failure(request)).toBeInstanceOf(MissingDateError);
  });

  it('refuses a date that is not ISO 8601 basic format', async () => {
    const request = await signed();
    delete request.headers['x-amz-date'];
    expect(
      failure({ ...request, headers: { ...request.headers, date: 'Wed, 01 May 2024 12:00:00 GMT' } }),
    ).toBeInstanceOf(InvalidDateError);
    expect(failure({ ...request, headers: { ...request.headers, 'x-amz-date': '20240231T120000Z' } })).toBeInstanceOf(
      InvalidDateError,
    );
  });

  it('refuses temporary credentials without their session token, or with another one', async () => {
    const { sessionToken: _token, ...keyOnly } = TEMP;
    expect(failure(await signed({ credentials: keyOnly }))).toBeInstanceOf(InvalidSessionTokenError);
    const request = await signed({ credentials: TEMP });
    const { 'x-amz-security-token': _sent, ...withoutToken } = request.headers;
    // Dropped after signing, the token is first a missing signed header.
    expect(failure({ ...request, headers: withoutToken })).toBeInstanceOf(MissingSignedHeaderError);
    const other = await signed({ credentials: { ...TEMP, sessionToken: 'another-token' } });
    const error = failure(other);
    expect(error).toBeInstanceOf(InvalidSessionTokenError);
    expect([error.statusCode, error.errorType]).toEqual([403, 'UnrecognizedClientException']);
  });

  it('refuses a session token sent with a long-term key', async () => {
    expect(failure(await signed({ credentials: { ...ALICE, sessionToken: 'made-up' } }))).toBeInstanceOf(
      InvalidSessionTokenError,
    );
  });

  it('never echoes the body, a secret, a session token or the signature in a message', async () => {
    const good = await signed({ credentials: TEMP });
    const signatureValue = /Signature=(\w+)/.exec(good.headers.authorization!)![1]!;
    const cases: SignedHttpRequest[] = [
      { ...good, body: `${BODY} ` },
      { ...good, headers: { ...good.headers, 'x-amz-security-token': `${TEMP.sessionToken}x` } },
      await signed({ credentials: { ...TEMP, secretAccessKey: 'wrong' } }),
      await signed({ credentials: TEMP, signingDate: new Date(0) }),
      {
        ...good,
        headers: { ...good.headers, authorization: good.headers.authorization!.replace('Credential=', 'Credential ') },
      },
    ];
    for (const request of cases) {
      const { message } = failure(request);
      for (const secret of ['John Doe', TEMP.secretAccessKey, TEMP.sessionToken!, signatureValue])
        expect(message).not.toContain(secret);
    }
  });
});

describe('verifySigV4: properties', () => {
  it('any change to the body makes verification fail', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 200 }),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 3 }),
        async (body, at, insert) => {
          const request = await signed({ body, applyChecksum: false });
          const i = at % (body.length + 1);
          const mutated = body.slice(0, i) + insert + body.slice(i);
          expect(() => verifySigV4({ ...request, body: mutated }, options())).toThrow(SignatureMismatchError);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('any change to one hex digit of the signature makes verification fail', async () => {
    const request = await signed();
    const [, sig] = /Signature=(\w+)/.exec(request.headers.authorization!)!;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 63 }), fc.integer({ min: 1, max: 15 }), (at, delta) => {
        const digit = ((parseInt(sig![at]!, 16) + delta) % 16).toString(16);
        const forged = sig!.slice(0, at) + digit + sig!.slice(at + 1);
        const authorization = request.headers.authorization!.replace(sig!, forged);
        expect(() => verifySigV4({ ...request, headers: { ...request.headers, authorization } }, options())).toThrow(
          SignatureMismatchError,
        );
      }),
      { numRuns: 60 },
    );
  });
});
