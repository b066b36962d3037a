import { createHash, createHmac } from 'node:crypto';

/**
 * The pieces of AWS Signature Version 4 a verifier recomputes, written from the SigV4 specification
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html) and checked against
 * @smithy/signature-v4, the signer of AWS SDK v3 and Amplify's signer.
 */

export const ALGORITHM = 'AWS4-HMAC-SHA256';

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ is %XX, upper-case hex. */
export function uriEscape(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Canonical URI for every service but S3: dot segments and empty segments removed, then each segment
 * URI-encoded once more. The path arrives as it was on the wire (already percent-encoded), and SDKs
 * encode that wire form again, so `%20` becomes `%2520` on both sides.
 */
export function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `/${segments.map(uriEscape).join('/')}${trailing}`;
}

function decodeQueryPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a stray % is signed as the client sent it rather than refused here
  }
}

/** Canonical query string: each name and value decoded then re-encoded, sorted by name, then value. */
export function canonicalQuery(query: string | undefined): string {
  if (!query) return '';
  const pairs = query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      return [uriEscape(decodeQueryPart(name)), uriEscape(decodeQueryPart(value))] as const;
    });
  pairs.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/** A header value as SigV4 canonicalizes it: repeated values comma-joined, runs of blanks one space, trimmed. */
export function canonicalHeaderValue(value: string | readonly string[]): string {
  const joined = typeof value === 'string' ? value : value.join(',');
  // Only ASCII blanks: Node decodes headers as latin1, where \s would also swallow U+00A0.
  return joined.replace(/[ \t\r\n]+/g, ' ').trim();
}

export interface CanonicalRequestParts {
  method: string;
  path: string;
  query?: string;
  /** Signed header names, lower-case, in the order the client listed them, each with its value. */
  headers: ReadonlyArray<readonly [name: string, value: string]>;
  payloadHash: string;
}

export function canonicalRequest(parts: CanonicalRequestParts): string {
  const headerLines = parts.headers.map(([name, value]) => `${name}:${value}\n`).join('');
  const signedHeaders = parts.headers.map(([name]) => name).join(';');
  return [
    parts.method.toUpperCase(),
    canonicalPath(parts.path),
    canonicalQuery(parts.query),
    headerLines,
    signedHeaders,
    parts.payloadHash,
  ].join('\n');
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
}

/** kSigning = HMAC chain over date, region, service and "aws4_request", keyed by "AWS4" + secret. */
export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  let key: Buffer | string = `AWS4${secretAccessKey}`;
  for (const part of [date, region, service, 'aws4_request']) {
    key = createHmac('sha256', key).update(part).digest();
  }
  return key as Buffer;
}

export function signature(key: Buffer, toSign: string): string {
  return createHmac('sha256', key).update(toSign).digest('hex');
}
