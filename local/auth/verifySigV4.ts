import { timingSafeEqual } from 'node:crypto';
import {
  canonicalHeaderValue,
  canonicalRequest,
  sha256Hex,
  signature as sign,
  signingKey,
  stringToSign,
} from './canonicalRequest.ts';
import {
  DateNotSignedError,
  HostNotServedError,
  InvalidDateError,
  InvalidSessionTokenError,
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
  WrongServiceError,
} from './errors.ts';
import type { VerifiedCaller } from './identityOf.ts';
import { parseAuthorization } from './parseAuthorization.ts';
import type { PrincipalRegistry } from './PrincipalRegistry.ts';

export type { VerifiedCaller } from './identityOf.ts';

/** An HTTP request as the server received it. Header names lower-case, as in Node's IncomingHttpHeaders. */
export interface SignedHttpRequest {
  method: string;
  /** The path as it was on the wire (percent-encoded), without the query. */
  path: string;
  /** The raw query string, without '?'. */
  query?: string;
  headers: Record<string, string | string[] | undefined>;
  body: string | Buffer;
}

export interface VerifySigV4Options {
  principals: PrincipalRegistry;
  /** Regions a credential scope may name; the first is the one the server advertises. */
  regions: readonly string[];
  service?: 'appsync';
  now?: () => Date;
  /** How far the request's date may be from now, either way. Default 5 minutes, as AWS. */
  maxSkewMs?: number;
  /** Whether a signed host name (no port, IPv6 without brackets, lower case) is one of this server's; default: any. */
  isServedHost?: (hostname: string) => boolean;
}

const DEFAULT_MAX_SKEW_MS = 5 * 60 * 1000;

/**
 * Verifies an AWS Signature Version 4 `Authorization` header as AppSync does, and returns the principal
 * whose key signed the request. Throws an AppSyncAuthError subclass, carrying AppSync's status, errorType
 * and message, for the first check that fails. Header auth only: AppSync takes no presigned query string.
 */
export function verifySigV4(request: SignedHttpRequest, options: VerifySigV4Options): VerifiedCaller {
  const headers = lowerCaseKeys(request.headers);
  const authorization = headers.get('authorization');
  if (authorization === undefined || canonicalHeaderValue(authorization) === '') throw new MissingAuthenticationError();
  const auth = parseAuthorization(typeof authorization === 'string' ? authorization : authorization.join(','));

  const amzDate = requestDate(headers);
  checkSignedDateAndHost(auth.signedHeaders, headers, options);
  checkScope(auth, amzDate, options);
  checkSkew(amzDate, options);
  const signedHeaderValues = auth.signedHeaders.map((name) => {
    const value = headers.get(name);
    if (value === undefined) throw new MissingSignedHeaderError(name);
    return [name, canonicalHeaderValue(value)] as const;
  });

  const principal = options.principals.get(auth.accessKeyId);
  if (!principal) throw new UnknownAccessKeyError();
  checkSessionToken(principal.sessionToken, headers.get('x-amz-security-token'));

  const payloadHash = sha256Hex(request.body);
  const declaredHash = headers.get('x-amz-content-sha256');
  if (declaredHash !== undefined && canonicalHeaderValue(declaredHash).toLowerCase() !== payloadHash) {
    throw new PayloadHashMismatchError();
  }

  const canonical = canonicalRequest({
    method: request.method,
    path: request.path,
    query: request.query,
    headers: signedHeaderValues,
    payloadHash,
  });
  const key = signingKey(principal.secretAccessKey, auth.scopeDate, auth.region, auth.service);
  const expected = sign(key, stringToSign(amzDate, auth.scope, canonical));
  if (!constantTimeEqual(expected, auth.signature)) throw new SignatureMismatchError();
  return { principal };
}

function lowerCaseKeys(headers: SignedHttpRequest['headers']): Map<string, string | string[]> {
  const map = new Map<string, string | string[]>();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) map.set(name.toLowerCase(), value);
  }
  return map;
}

/** X-Amz-Date, else Date; either must be ISO 8601 basic format, which is what goes into the string to sign. */
function requestDate(headers: Map<string, string | string[]>): string {
  const raw = headers.get('x-amz-date') ?? headers.get('date');
  if (raw === undefined) throw new MissingDateError();
  const value = canonicalHeaderValue(raw);
  if (parseAmzDate(value) === undefined) throw new InvalidDateError(value);
  return value;
}

export function parseAmzDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 20240231 over to March; a real date survives the round trip.
  return formatAmzDate(date) === value ? date : undefined;
}

export function formatAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** The header the date came from is signed, and the signed host is one of this server's names. */
function checkSignedDateAndHost(
  signedHeaders: readonly string[],
  headers: Map<string, string | string[]>,
  options: VerifySigV4Options,
): void {
  const dateHeader = headers.has('x-amz-date') ? 'x-amz-date' : 'date';
  if (!signedHeaders.includes(dateHeader)) throw new DateNotSignedError(dateHeader);
  if (!options.isServedHost) return;
  const host = headers.get('host') ?? headers.get(':authority');
  if (host === undefined || !options.isServedHost(hostnameOf(canonicalHeaderValue(host))))
    throw new HostNotServedError();
}

/** "127.0.0.1:4000" → "127.0.0.1", "[::1]:4000" → "::1", "LocalHost" → "localhost". */
export function hostnameOf(host: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(host);
  if (bracketed) return (bracketed[1] ?? '').toLowerCase();
  return host.replace(/:\d*$/, '').replace(/\.$/, '').toLowerCase();
}

function checkScope(auth: ReturnType<typeof parseAuthorization>, amzDate: string, options: VerifySigV4Options): void {
  const service = options.service ?? 'appsync';
  if (auth.service !== service) throw new WrongServiceError(service);
  if (!options.regions.includes(auth.region)) throw new RegionNotConfiguredError();
  if (auth.scopeDate !== amzDate.slice(0, 8)) throw new ScopeDateMismatchError(auth.scopeDate, amzDate);
}

function checkSkew(amzDate: string, options: VerifySigV4Options): void {
  const maxSkewMs = options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  const now = (options.now ?? (() => new Date()))();
  const signedAt = parseAmzDate(amzDate)!.getTime();
  const minutes = String(Math.round((maxSkewMs / 60_000) * 100) / 100);
  if (signedAt < now.getTime() - maxSkewMs) {
    throw new SignatureExpiredError(
      amzDate,
      formatAmzDate(new Date(now.getTime() - maxSkewMs)),
      formatAmzDate(now),
      minutes,
    );
  }
  if (signedAt > now.getTime() + maxSkewMs) {
    throw new SignatureNotYetCurrentError(
      amzDate,
      formatAmzDate(new Date(now.getTime() + maxSkewMs)),
      formatAmzDate(now),
      minutes,
    );
  }
}

/** A principal with a session token needs it on every request; one without must not receive any. */
function checkSessionToken(expected: string | undefined, presented: string | string[] | undefined): void {
  const token = presented === undefined ? undefined : canonicalHeaderValue(presented);
  if (expected === undefined ? token !== undefined : token === undefined || !constantTimeEqual(expected, token)) {
    throw new InvalidSessionTokenError();
  }
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  // Lengths are not secret (a signature is always 64 hex digits); only the content comparison must not leak.
  return left.length === right.length && timingSafeEqual(left, right);
}
