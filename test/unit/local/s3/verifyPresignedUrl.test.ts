import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { presignDownload, presignUpload } from '../../../../src/adapters/s3/presign.ts';
import { PresignedUrlError, verifyPresignedUrl, type PresignKey } from '../../../../local/s3/verifyPresignedUrl.ts';

// The object gateway's check of S3 presigned URLs, against URLs made by the AWS SDK's own presigner (through
// the adapter the API uses), so the verifier is checked against AWS's signer, not against itself.

const KEY: PresignKey = {
  accessKeyId: 'HDMGWTESTKEY0001',
  secretAccessKey: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlYw',
  region: 'us-east-1',
};
const ORIGIN = 'http://127.0.0.1:4000';
const SIGNED_AT = new Date('2026-03-01T12:00:00Z');
const client = (key: Partial<PresignKey> = {}, origin = ORIGIN) =>
  new S3Client({
    endpoint: `${origin}/s3`,
    region: key.region ?? KEY.region,
    forcePathStyle: true,
    credentials: {
      accessKeyId: key.accessKeyId ?? KEY.accessKeyId,
      secretAccessKey: key.secretAccessKey ?? KEY.secretAccessKey,
    },
  });
const UPLOAD = {
  bucket: 'hdm-data',
  key: 'uploads/0123456789abcdef0123456789abcdef/3f1c2d7e-0000-4000-8000-000000000001',
};
const OUTPUT = { bucket: 'hdm-output', key: 'masked/job-1/image.png' };

interface Attempt {
  url: string;
  method?: string;
  methods?: string[];
  headers?: Record<string, string>;
  now?: Date;
}

/** Verifies as the gateway does: the path and query as on the wire, Host from the URL unless given. */
function verify({
  url,
  method = 'GET',
  methods,
  headers = {},
  now = new Date(SIGNED_AT.getTime() + 1000),
}: Attempt): string[] {
  const parsed = new URL(url);
  const [path = '', query = ''] = url.slice(parsed.origin.length).split(/\?(.*)/s);
  return verifyPresignedUrl(
    { methods: methods ?? [method], path, query, headers: { host: parsed.host, ...headers } },
    { key: KEY, now },
  );
}

function refusal(attempt: Attempt): { code: string; message: string } | undefined {
  try {
    verify(attempt);
    return undefined;
  } catch (error) {
    if (!(error instanceof PresignedUrlError)) throw error;
    return { code: error.code, message: error.message };
  }
}

const uploadUrl = async (
  options: { key?: Partial<PresignKey>; ref?: typeof UPLOAD; expiresInSeconds?: number; origin?: string } = {},
) =>
  (
    await presignUpload(client(options.key, options.origin), options.ref ?? UPLOAD, {
      contentType: 'image/png',
      expiresInSeconds: options.expiresInSeconds ?? 300,
      signingDate: SIGNED_AT,
    })
  ).url;
const downloadUrl = async () =>
  (await presignDownload(client(), OUTPUT, { expiresInSeconds: 300, signingDate: SIGNED_AT })).url;
const PNG = { 'content-type': 'image/png' };
const MISMATCH = 'SignatureDoesNotMatch';

describe('verifyPresignedUrl accepts', () => {
  it('an upload URL used as signed: PUT, its Content-Type, before it expires; it reports the signed headers', async () => {
    const url = await uploadUrl();
    expect(new URL(url).pathname).toBe(`/s3/${UPLOAD.bucket}/${UPLOAD.key}`);
    expect(verify({ url, method: 'PUT', headers: PNG })).toEqual(['content-type', 'host']);
    expect(verify({ url, method: 'PUT', headers: PNG, now: new Date(SIGNED_AT.getTime() + 300_000) })).toContain(
      'host',
    );
  });

  it('a download URL for GET, and for HEAD when the caller allows a GET signature for it', async () => {
    const url = await downloadUrl();
    expect(verify({ url })).toEqual(['host']);
    expect(verify({ url, methods: ['HEAD', 'GET'] })).toEqual(['host']);
  });

  it('keys with characters S3 encodes: the canonical path is the path as sent, not encoded again', async () => {
    const url = await uploadUrl({ ref: { bucket: 'hdm-data', key: 'uploads/x/a b+c=d(1)~é' } });
    expect(new URL(url).pathname).toContain('a%20b%2Bc%3Dd%281%29~%C3%A9');
    expect(verify({ url, method: 'PUT', headers: PNG })).toContain('content-type');
  });

  it('an https origin and a client that signed from the SDK commands directly (no adapter)', async () => {
    expect(
      verify({ url: await uploadUrl({ origin: 'https://localhost:4443' }), method: 'PUT', headers: PNG }),
    ).toContain('host');
    const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
    const url = await getSignedUrl(client(), new GetObjectCommand({ Bucket: OUTPUT.bucket, Key: OUTPUT.key }), {
      expiresIn: 60,
      signingDate: SIGNED_AT,
    });
    expect(verify({ url })).toEqual(['host']);
  });
});

describe('verifyPresignedUrl refuses', () => {
  it('no signature at all (an unsigned request, a bucket listing): AccessDenied', () => {
    expect(refusal({ url: `${ORIGIN}/s3/hdm-data` })).toEqual({ code: 'AccessDenied', message: 'Access Denied' });
    expect(refusal({ url: `${ORIGIN}/s3/hdm-data/${UPLOAD.key}?list-type=2` })).toEqual({
      code: 'AccessDenied',
      message: 'Access Denied',
    });
  });

  it('a URL with its signature removed, emptied or given twice', async () => {
    const url = await uploadUrl();
    const without = url.replace(/&X-Amz-Signature=[0-9a-f]+/, '');
    expect(refusal({ url: without, method: 'PUT', headers: PNG })?.code).toBe('AccessDenied');
    expect(
      refusal({ url: url.replace(/X-Amz-Signature=[0-9a-f]+/, 'X-Amz-Signature='), method: 'PUT', headers: PNG })?.code,
    ).toBe('AccessDenied');
    const twice = `${url}&X-Amz-Signature=${'0'.repeat(64)}`;
    expect(refusal({ url: twice, method: 'PUT', headers: PNG })?.code).toBe('AccessDenied');
  });

  it('a signature changed by one digit, another key, another bucket, a parameter added', async () => {
    const url = await uploadUrl();
    const digit = url.replace(
      /X-Amz-Signature=([0-9a-f])/,
      (_m, d: string) => `X-Amz-Signature=${d === '0' ? '1' : '0'}`,
    );
    expect(refusal({ url: digit, method: 'PUT', headers: PNG })?.code).toBe(MISMATCH);
    const otherKey = url.replace('0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210');
    expect(refusal({ url: otherKey, method: 'PUT', headers: PNG })?.code).toBe(MISMATCH);
    expect(refusal({ url: url.replace('/s3/hdm-data/', '/s3/hdm-output/'), method: 'PUT', headers: PNG })?.code).toBe(
      MISMATCH,
    );
    expect(refusal({ url: `${url}&acl=`, method: 'PUT', headers: PNG })?.code).toBe(MISMATCH);
  });

  it('another method than the one signed: GET or DELETE with a PUT URL, PUT with a GET URL, HEAD unless allowed', async () => {
    const put = await uploadUrl();
    expect(refusal({ url: put, method: 'GET', headers: PNG })?.code).toBe(MISMATCH);
    expect(refusal({ url: put, method: 'DELETE', headers: PNG })?.code).toBe(MISMATCH);
    const get = await downloadUrl();
    expect(refusal({ url: get, method: 'PUT', headers: PNG })?.code).toBe(MISMATCH);
    expect(refusal({ url: get, method: 'HEAD' })?.code).toBe(MISMATCH);
  });

  it('an upload with another Content-Type than signed, or none', async () => {
    const url = await uploadUrl();
    expect(refusal({ url, method: 'PUT', headers: { 'content-type': 'text/html' } })?.code).toBe(MISMATCH);
    expect(refusal({ url, method: 'PUT' })?.code).toBe(MISMATCH);
  });

  it('another Host than signed (the URL replayed against another name or port)', async () => {
    const url = await uploadUrl();
    expect(refusal({ url, method: 'PUT', headers: { ...PNG, host: 'localhost:4000' } })?.code).toBe(MISMATCH);
    expect(refusal({ url, method: 'PUT', headers: { ...PNG, host: '127.0.0.1:4001' } })?.code).toBe(MISMATCH);
  });

  it("a URL signed with a principal's key or with the right key id and a wrong secret", async () => {
    const principal = await uploadUrl({ key: { accessKeyId: 'AKIAEXAMPLE0000', secretAccessKey: 'x' } });
    expect(refusal({ url: principal, method: 'PUT', headers: PNG })).toEqual({
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided does not exist in our records.',
    });
    const wrongSecret = await uploadUrl({ key: { secretAccessKey: 'not-the-secret' } });
    expect(refusal({ url: wrongSecret, method: 'PUT', headers: PNG })?.code).toBe(MISMATCH);
    const otherRegion = await uploadUrl({ key: { region: 'eu-west-1' } });
    expect(refusal({ url: otherRegion, method: 'PUT', headers: PNG })?.code).toBe('AccessDenied');
  });

  it('an expired URL, and one dated in the future beyond the clock skew', async () => {
    const url = await uploadUrl({ expiresInSeconds: 60 });
    expect(refusal({ url, method: 'PUT', headers: PNG, now: new Date(SIGNED_AT.getTime() + 61_000) })).toEqual({
      code: 'AccessDenied',
      message: 'Request has expired',
    });
    expect(refusal({ url, method: 'PUT', headers: PNG, now: new Date(SIGNED_AT.getTime() - 6 * 60_000) })).toEqual({
      code: 'AccessDenied',
      message: 'Request is not valid yet',
    });
    expect(
      refusal({ url, method: 'PUT', headers: PNG, now: new Date(SIGNED_AT.getTime() - 4 * 60_000) }),
    ).toBeUndefined();
  });

  it('crafted parameters: a longer expiry, a later date, an unsigned host, another algorithm, a signed payload hash', async () => {
    const url = await uploadUrl();
    const cases = [
      url.replace('X-Amz-Expires=300', 'X-Amz-Expires=999999999'),
      url.replace('X-Amz-Expires=300', 'X-Amz-Expires=-1'),
      url.replace('X-Amz-Date=20260301T120000Z', 'X-Amz-Date=20260301T125900Z'),
      url.replace('X-Amz-SignedHeaders=content-type%3Bhost', 'X-Amz-SignedHeaders=content-type'),
      url.replace('X-Amz-Algorithm=AWS4-HMAC-SHA256', 'X-Amz-Algorithm=AWS4-HMAC-SHA1'),
      url.replace('X-Amz-Content-Sha256=UNSIGNED-PAYLOAD', `X-Amz-Content-Sha256=${'a'.repeat(64)}`),
      url.replace(/X-Amz-Credential=[^&]+/, 'X-Amz-Credential=HDMGWTESTKEY0001%2F20260301%2Fus-east-1%2Fs3'),
    ];
    for (const crafted of cases) {
      expect(refusal({ url: crafted, method: 'PUT', headers: PNG }), crafted.slice(-200)).toMatchObject({
        code: expect.stringMatching(/^(AccessDenied|SignatureDoesNotMatch)$/),
      });
    }
  });

  it('never names the key, the signature or the secret in its messages', async () => {
    const url = await uploadUrl();
    const attempts: Attempt[] = [
      {
        url: url.replace(/X-Amz-Signature=[0-9a-f]+/, `X-Amz-Signature=${'f'.repeat(64)}`),
        method: 'PUT',
        headers: PNG,
      },
      { url, method: 'PUT', headers: PNG, now: new Date(SIGNED_AT.getTime() + 3_600_000) },
      { url, method: 'GET' },
    ];
    for (const attempt of attempts) {
      const message = refusal(attempt)?.message ?? '';
      expect(message).not.toContain(UPLOAD.key);
      expect(message).not.toContain(KEY.secretAccessKey);
      expect(message).not.toContain(KEY.accessKeyId);
      expect(message).not.toMatch(/[0-9a-f]{64}/);
    }
  });

  it('a URL made for PutObject through a command that does not sign the Content-Type still verifies (the gateway, not this check, requires it)', async () => {
    const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
    const url = await getSignedUrl(client(), new PutObjectCommand({ Bucket: UPLOAD.bucket, Key: UPLOAD.key }), {
      expiresIn: 60,
      signingDate: SIGNED_AT,
    });
    expect(verify({ url, method: 'PUT' })).not.toContain('content-type');
  });
});
