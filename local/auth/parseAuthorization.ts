import { ALGORITHM } from './canonicalRequest.ts';
import {
  HostNotSignedError,
  InvalidAuthorizationHeaderError,
  InvalidSignatureHeaderError,
  MalformedCredentialError,
  UnsupportedAlgorithmError,
} from './errors.ts';

/** What an `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...` header says. */
export interface ParsedAuthorization {
  accessKeyId: string;
  /** YYYYMMDD from the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
  /** `date/region/service/aws4_request`, as it goes into the string to sign. */
  scope: string;
  /** Lower-case, in the client's order. */
  signedHeaders: string[];
  signature: string;
}

/**
 * Parses the header the way AWS front ends do, in AWS's error order: the algorithm, then the three
 * parameters, then `host` among the signed headers, then the credential's five parts.
 */
export function parseAuthorization(header: string): ParsedAuthorization {
  const trimmed = header.trim();
  const space = trimmed.search(/\s/);
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  if (algorithm !== ALGORITHM) {
    if (/^AWS4-/i.test(algorithm)) throw new UnsupportedAlgorithmError(algorithm.slice(0, 40));
    throw new InvalidAuthorizationHeaderError();
  }
  const params = parseParams(space < 0 ? '' : trimmed.slice(space));
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((name) => !params.get(name));
  if (missing.length > 0) {
    throw new InvalidSignatureHeaderError(
      missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' '),
    );
  }
  const signedHeaders = params.get('SignedHeaders')!.toLowerCase().split(';');
  if (!signedHeaders.includes('host') && !signedHeaders.includes(':authority')) throw new HostNotSignedError();
  return { ...parseCredential(params.get('Credential')!), signedHeaders, signature: params.get('Signature')! };
}

/** Parameters may be separated by commas, blanks or both (SDKs differ). */
function parseParams(rest: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of rest.split(/[\s,]+/).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) {
      throw new InvalidSignatureHeaderError(
        `'${part.slice(0, 60)}' not a valid key=value pair (missing equal-sign) in Authorization header.`,
      );
    }
    params.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return params;
}

function parseCredential(credential: string): Omit<ParsedAuthorization, 'signedHeaders' | 'signature'> {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts.some((part) => part === '')) {
    // AWS echoes the credential here; we give only the count, the key id stays out of error logs.
    throw new MalformedCredentialError(
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got ${parts.length}.`,
    );
  }
  const [accessKeyId, scopeDate, region, service, terminator] = parts as [string, string, string, string, string];
  if (terminator !== 'aws4_request') {
    throw new MalformedCredentialError(
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator.slice(0, 40)}'. `,
    );
  }
  return { accessKeyId, scopeDate, region, service, scope: `${scopeDate}/${region}/${service}/aws4_request` };
}
