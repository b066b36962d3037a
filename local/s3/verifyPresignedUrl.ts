import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  ALGORITHM,
  canonicalHeaderValue,
  canonicalQuery,
  signature as sign,
  signingKey,
  stringToSign,
} from '../auth/canonicalRequest.ts';
import { parseAmzDate } from '../auth/verifySigV4.ts';

/** Why a presigned URL is refused, as S3 says it: always 403, with S3's error code and a fixed message. */
export class PresignedUrlError extends Error {
  readonly code: 'AccessDenied' | 'InvalidAccessKeyId' | 'SignatureDoesNotMatch';

  constructor(code: PresignedUrlError['code'], message: string) {
    super(message);
    this.name = 'PresignedUrlError';
    this.code = code;
  }
}

/** The one key pair whose URLs are accepted, and the region they must be scoped to. */
export interface PresignKey {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export interface PresignedRequest {
  /** Methods the signature may cover: a HEAD may use a GET URL. Upper case. */
  methods: readonly string[];
  /** The path as it was on the wire (percent-encoded), without the query. */
  path: string;
  /** The raw query string, without '?'. */
  query: string;
  headers: IncomingHttpHeaders;
}

export interface VerifyPresignedUrlOptions {
  key: PresignKey;
  now?: Date;
  /** How far in the future X-Amz-Date may be (clock skew). Default 5 minutes. */
  maxSkewMs?: number;
}

const MAX_EXPIRES_SECONDS = 7 * 24 * 60 * 60;
const REQUIRED = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
] as const;
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your key and signing method.';

/**
 * Verifies an S3 SigV4 presigned URL (query-string authentication) as S3 does, for one key pair: algorithm,
 * credential scope, date and expiry, `host` among the signed headers, then the signature over the canonical
 * request, compared in constant time. Returns the signed header names. Throws PresignedUrlError.
 */
export function verifyPresignedUrl(request: PresignedRequest, options: VerifyPresignedUrlOptions): string[] {
  const params = queryParams(request.query);
  if (REQUIRED.every((name) => !params.has(name))) throw new PresignedUrlError('AccessDenied', 'Access Denied');
  const value = (name: (typeof REQUIRED)[number]) => {
    const values = params.get(name);
    if (values?.length !== 1 || values[0] === '')
      throw new PresignedUrlError('AccessDenied', `Query-string authentication requires exactly one ${name} parameter`);
    return values[0] as string;
  };
  if (value('X-Amz-Algorithm') !== ALGORITHM)
    throw new PresignedUrlError('AccessDenied', `X-Amz-Algorithm only supports "${ALGORITHM}"`);
  const amzDate = value('X-Amz-Date');
  const scope = checkCredential(value('X-Amz-Credential'), amzDate, options.key);
  checkTime(amzDate, value('X-Amz-Expires'), options);
  const signedHeaders = value('X-Amz-SignedHeaders').split(';');
  if (!signedHeaders.includes('host')) throw new PresignedUrlError('AccessDenied', 'Host must be a signed header');
  const payloadHash = params.get('X-Amz-Content-Sha256')?.[0] ?? 'UNSIGNED-PAYLOAD';
  // The body is streamed to the store unread: a URL that signs its hash asks for a check this server does not make.
  if (payloadHash !== 'UNSIGNED-PAYLOAD')
    throw new PresignedUrlError('AccessDenied', 'Only UNSIGNED-PAYLOAD is accepted');
  const headerLines = signedHeaders.map((name) => {
    const header = request.headers[name];
    if (header === undefined) throw new PresignedUrlError('SignatureDoesNotMatch', MISMATCH);
    return `${name}:${canonicalHeaderValue(header)}\n`;
  });
  const key = signingKey(options.key.secretAccessKey, amzDate.slice(0, 8), options.key.region, 's3');
  const given = value('X-Amz-Signature');
  const matches = request.methods.some((method) => {
    // S3's canonical URI is the path as sent: no dot-segment removal, no second encoding (unlike other services).
    const canonical = [
      method,
      request.path,
      canonicalQuery(withoutSignature(request.query)),
      headerLines.join(''),
      signedHeaders.join(';'),
      payloadHash,
    ].join('\n');
    return constantTimeEqual(sign(key, stringToSign(amzDate, scope, canonical)), given);
  });
  if (!matches) throw new PresignedUrlError('SignatureDoesNotMatch', MISMATCH);
  return signedHeaders;
}

/** Decoded name to decoded values; a repeated name keeps every value, so a duplicate can be refused. */
function queryParams(query: string): Map<string, string[]> {
  const params = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(query)) params.set(name, [...(params.get(name) ?? []), value]);
  return params;
}

function withoutSignature(query: string): string {
  return query
    .split('&')
    .filter((pair) => safeDecode(pair.split('=')[0] ?? '') !== 'X-Amz-Signature')
    .join('&');
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** `<key id>/<yyyymmdd>/<region>/s3/aws4_request` for this server's key and region; returns the scope. */
function checkCredential(credential: string, amzDate: string, key: PresignKey): string {
  const [accessKeyId = '', scopeDate, region, service, terminator, ...rest] = credential.split('/');
  if (rest.length > 0 || terminator !== 'aws4_request' || service !== 's3')
    throw new PresignedUrlError('AccessDenied', 'Malformed X-Amz-Credential');
  if (!constantTimeEqual(accessKeyId, key.accessKeyId)) {
    throw new PresignedUrlError(
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
    );
  }
  if (region !== key.region)
    throw new PresignedUrlError('AccessDenied', `X-Amz-Credential must be scoped to region ${key.region}`);
  if (parseAmzDate(amzDate) === undefined || scopeDate !== amzDate.slice(0, 8))
    throw new PresignedUrlError('AccessDenied', 'X-Amz-Date is malformed or does not match the credential scope');
  return `${scopeDate}/${region}/s3/aws4_request`;
}

function checkTime(amzDate: string, expires: string, options: VerifyPresignedUrlOptions): void {
  const seconds = Number(expires);
  if (!/^\d+$/.test(expires) || seconds < 1 || seconds > MAX_EXPIRES_SECONDS) {
    throw new PresignedUrlError(
      'AccessDenied',
      `X-Amz-Expires must be a whole number of seconds from 1 to ${MAX_EXPIRES_SECONDS}`,
    );
  }
  const signedAt = (parseAmzDate(amzDate) as Date).getTime();
  const now = (options.now ?? new Date()).getTime();
  if (signedAt > now + (options.maxSkewMs ?? 5 * 60_000))
    throw new PresignedUrlError('AccessDenied', 'Request is not valid yet');
  if (now > signedAt + seconds * 1000) throw new PresignedUrlError('AccessDenied', 'Request has expired');
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  // Lengths are not secret (a signature is 64 hex digits, the key id is printed nowhere but is no secret).
  return left.length === right.length && timingSafeEqual(left, right);
}
